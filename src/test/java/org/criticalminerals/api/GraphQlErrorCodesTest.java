package org.criticalminerals.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** graphql-java's messages, as the hostile-input fuzz received them, the way clients now read them (no database). */
class GraphQlErrorCodesTest {

    @Test
    void astValuesBecomeGraphQl() {
        assertThat(GraphQlErrorCodes.readable("Validation error (WrongType@[organization]) : argument 'id' with value 'FloatValue{value=1E+21}' is not a "
                + "valid 'ID' - Expected an AST type of 'IntValue' or 'StringValue' but it was a 'FloatValue'"))
                .isEqualTo("Validation error (WrongType@[organization]) : argument 'id' with value '1E+21' is not a valid 'ID' - Expected an integer "
                        + "or a string but it was a float");
        assertThat(GraphQlErrorCodes.readable("argument 'input' with value 'ObjectValue{objectFields=[ObjectField{name='a', value=ArrayValue{values="
                + "[IntValue{value=1}, StringValue{value='b{c}[d]'}, NullValue{}, EnumValue{name='CN'}, VariableReference{name='v0'}]}}]}' must be"))
                .isEqualTo("argument 'input' with value '{a: [1, \"b{c}[d]\", null, CN, $v0]}' must be");
    }

    @Test
    void deepNestingAndLongStringsAreRewrittenWhole() {
        String deep = "ArrayValue{values=[".repeat(150) + "EnumValue{name='x'}" + "]}".repeat(150);
        assertThat(GraphQlErrorCodes.readable("with value '" + deep + "'")).isEqualTo("with value '" + "[".repeat(150) + "x" + "]".repeat(150) + "'");
        String giant = GraphQlErrorCodes.readable("with value 'StringValue{value='" + "稀".repeat(10_000) + "'}'");
        assertThat(giant).hasSizeLessThan(200).contains("稀…\"");
    }

    @Test
    void javaClassesBecomeJsonKinds() {
        assertThat(GraphQlErrorCodes.readable("Variable 'first' has an invalid value: Expected a value that can be converted to type 'Int' but it was a 'ArrayList'"))
                .endsWith("but it was a list");
        assertThat(GraphQlErrorCodes.readable("Variable 'v0' has an invalid value: Expected type 'Map' but was 'ArrayList'. Variables for input objects "
                + "must be an instance of type 'Map'.")).isEqualTo("Variable 'v0' has an invalid value: Expected an object but was a list. A variable for "
                        + "an input object must be a JSON object.");
        assertThat(GraphQlErrorCodes.readable("Expected a String input, but it was a 'LinkedHashMap'")).endsWith("but it was an object");
        assertThat(GraphQlErrorCodes.readable("Variable 'v0' has an invalid value: Expected a 'String' or 'java.time.temporal.TemporalAccessor' but was "
                + "'Integer'.")).isEqualTo("Variable 'v0' has an invalid value: Expected a 'String' or a date but was an integer.");
        assertThat(GraphQlErrorCodes.readable("Expected AST type 'StringValue' but was 'IntValue'.")).isEqualTo("Expected a string but was an integer.");
        // a GraphQL type named like a Java class stays
        assertThat(GraphQlErrorCodes.readable("argument 'amount' with value 'x' is not a valid 'BigDecimal'")).endsWith("'BigDecimal'");
    }

    @Test
    void aStringHoldingTheDumpsOwnPunctuationIsReadWholeOrLeftOut() {
        // the long fuzz run: a Cypher fragment "{id: 'fuzz'})" ended the string early and left the dump around it in the message
        assertThat(GraphQlErrorCodes.readable("argument 'filter' with value 'ObjectValue{objectFields=[ObjectField{name='fieldThatDoesNotExist', value="
                + "StringValue{value='MERGE (n:Entity {id: 'fuzz'}) //'}}]}' contains a field not in 'SourceFilter': 'fieldThatDoesNotExist'"))
                .isEqualTo("argument 'filter' with value '{fieldThatDoesNotExist: \"MERGE (n:Entity {id: 'fuzz'}) //\"}' contains a field not in "
                        + "'SourceFilter': 'fieldThatDoesNotExist'");
        // a string that imitates the dump itself cannot be told apart: the value is left out, no dump is left
        String imitated = GraphQlErrorCodes.readable("argument 'orderBy' with value 'ObjectValue{objectFields=[ObjectField{name='field', value="
                + "EnumValue{name='ID'}}, ObjectField{name='other', value=StringValue{value='x'}, ObjectField{name='y'}}]}' contains a field not in "
                + "'MineralOrder': 'other'");
        assertThat(imitated).isEqualTo("argument 'orderBy' with the value given contains a field not in 'MineralOrder': 'other'");
    }
}
