package org.criticalminerals.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL documents built from the service's schema files ({@code graphql/schema.graphqls} and
 * {@code graphql/curation.graphqls}, read with graphql-java's {@link SchemaParser}), so that every root field,
 * every nested field and every argument can be reached: hostile values in every string argument, inline or
 * as variables, wrong types, numbers out of range, huge lists, deep nesting, aliases, fragments, directives and
 * broken syntax. Mutations are always built so that they cannot write: imports are dry runs, and the ids of
 * created, updated or retired facts and of removed batches can never be valid ones.
 */
final class GraphQlDocuments {

    /** The schema files, on the class path (the build copies graphql/ there). */
    static final List<String> SCHEMA_FILES = List.of("graphql/schema.graphqls", "graphql/curation.graphqls");

    /** A generated request: the document, its variables (a map, or a hostile non-object), and what it contains. */
    record Generated(String shape, String query, @Nullable Object variables, @Nullable String operationName, boolean mutation, List<String> strings) {
    }

    private final GraphQLSchema schema;

    private final List<GraphQLFieldDefinition> queries;

    private final List<GraphQLFieldDefinition> mutations;

    /** What the schema offers: "Type.field" of every object and interface, "Type.field(argument)", "Input.field". */
    private final java.util.Set<String> offered = new java.util.TreeSet<>();

    /** What the documents generated so far reached, in the same notation. */
    private final java.util.Set<String> reached = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GraphQlDocuments(GraphQLSchema schema) {
        this.schema = schema;
        this.queries = schema.getQueryType().getFieldDefinitions();
        this.mutations = schema.getMutationType() == null ? List.of() : schema.getMutationType().getFieldDefinitions();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    offered.add(type.getName() + "." + field.getName());
                    field.getArguments().forEach(argument -> offered.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")"));
                }
            }
            else if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(field -> offered.add(input.getName() + "." + field.getName()));
            }
        }
    }

    /** How much of the schema the documents generated so far reached: root fields, fields, arguments and input fields, each reached of offered. */
    String coverage() {
        java.util.function.Predicate<String> root = k -> (k.startsWith("Query.") || k.startsWith("Mutation.")) && !k.contains("(");
        java.util.function.Predicate<String> argument = k -> k.contains("(");
        java.util.function.Predicate<String> field = k -> !k.contains("(") && schema.getType(k.substring(0, k.indexOf('.'))) instanceof GraphQLFieldsContainer;
        java.util.function.Predicate<String> input = k -> !k.contains("(") && schema.getType(k.substring(0, k.indexOf('.'))) instanceof GraphQLInputObjectType;
        return String.format("root fields %s, fields %s, arguments %s, input fields %s", share(root), share(field), share(argument), share(input));
    }

    private String share(java.util.function.Predicate<String> kind) {
        long of = offered.stream().filter(kind).count();
        long hit = offered.stream().filter(kind).filter(reached::contains).count();
        return hit + "/" + of;
    }

    /** The offered fields and arguments no document reached yet. */
    java.util.List<String> unreached() {
        return offered.stream().filter(k -> !reached.contains(k)).toList();
    }

    static GraphQlDocuments fromClasspath() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        for (String file : SCHEMA_FILES) {
            try (InputStream in = GraphQlDocuments.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("schema file " + file + " is not on the class path");
                }
                registry.merge(parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new GraphQlDocuments(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
    }

    Generated generate(SplittableRandom random, Scale scale) {
        int shape = random.nextInt(100);
        if (shape < 50) {
            return new Builder(random, scale, "fields").operation(random.nextInt(100) < 15, 1 + random.nextInt(3), 1 + random.nextInt(4));
        }
        if (shape < 58) {
            return new Builder(random, scale, "deep").operation(false, 1, 13 + random.nextInt(40));
        }
        if (shape < 62) {
            return new Builder(random, scale, "aliases").aliases();
        }
        if (shape < 66) {
            return new Builder(random, scale, "nesting-syntax").nestingSyntax();
        }
        if (shape < 72) {
            return new Builder(random, scale, "fragments").fragments();
        }
        if (shape < 77) {
            return new Builder(random, scale, "directives").directives();
        }
        if (shape < 81) {
            return new Builder(random, scale, "introspection").introspection();
        }
        if (shape < 86) {
            return new Builder(random, scale, "operations").operations();
        }
        if (shape < 93) {
            return new Builder(random, scale, "variables").wrongVariables();
        }
        return new Builder(random, scale, "syntax").brokenSyntax();
    }

    /** One document being built: its variables and the strings it carries (which an answer may echo). */
    private final class Builder {

        final SplittableRandom random;

        final Scale scale;

        final String shape;

        final Map<String, Object> variables = new LinkedHashMap<>();

        final List<String> definitions = new ArrayList<>();

        final List<String> strings = new ArrayList<>();

        /** Set while building a mutation's arguments: ids that cannot exist, imports that only check. */
        boolean writeSafe;

        boolean blockStrings;

        /** Giant strings left for this document; none inside a huge list (which repeats its one item). */
        int giants = 2;

        Builder(SplittableRandom random, Scale scale, String shape) {
            this.random = random;
            this.scale = scale;
            this.shape = shape;
            this.blockStrings = random.nextInt(10) == 0;
        }

        Generated operation(boolean mutation, int rootFields, int depth) {
            List<GraphQLFieldDefinition> roots = mutation && !mutations.isEmpty() ? mutations : queries;
            writeSafe = mutation;
            StringBuilder selection = new StringBuilder("{ ");
            for (int i = 0; i < rootFields; i++) {
                GraphQLFieldDefinition field = HostileValues.pick(random, roots);
                selection.append(field(mutation ? "Mutation" : "Query", field, depth, i)).append(' ');
            }
            selection.append('}');
            return done((mutation ? "mutation" : "query") + " Fuzz" + variablesDeclaration() + " " + selection, "Fuzz", mutation);
        }

        /** A field with arguments and a selection down to {@code depth} levels. */
        String field(String parent, GraphQLFieldDefinition field, int depth, int index) {
            reached.add(parent + "." + field.getName());
            StringBuilder out = new StringBuilder();
            if (random.nextInt(5) == 0) {
                out.append("a").append(index).append("_").append(field.getName()).append(": ");
            }
            out.append(field.getName()).append(arguments(parent + "." + field.getName(), field.getArguments()));
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            if (type instanceof GraphQLFieldsContainer || type instanceof GraphQLUnionType) {
                out.append(' ').append(selection((GraphQLNamedOutputType) type, depth - 1));
            }
            else if (random.nextInt(50) == 0) {
                out.append(" { id }"); // a selection on a leaf
            }
            return out.toString();
        }

        String selection(GraphQLNamedOutputType type, int depth) {
            StringBuilder out = new StringBuilder("{ ");
            if (type instanceof GraphQLUnionType union) {
                out.append("__typename ");
                for (GraphQLNamedOutputType member : union.getTypes()) {
                    if (random.nextInt(3) == 0) {
                        out.append("... on ").append(member.getName()).append(' ').append(selection(member, depth)).append(' ');
                    }
                }
                return out.append('}').toString();
            }
            GraphQLFieldsContainer container = (GraphQLFieldsContainer) type;
            List<GraphQLFieldDefinition> fields = container.getFieldDefinitions();
            List<GraphQLFieldDefinition> composite = fields.stream().filter(f -> isComposite(f.getType())).toList();
            List<GraphQLFieldDefinition> leaves = fields.stream().filter(f -> !isComposite(f.getType())).toList();
            if (depth > 0 && !composite.isEmpty()) {
                int nested = "deep".equals(shape) ? 1 : 1 + random.nextInt(Math.min(3, composite.size()));
                for (int i = 0; i < nested; i++) {
                    out.append(field(type.getName(), HostileValues.pick(random, composite), depth, i)).append(' ');
                }
            }
            int leafCount = leaves.isEmpty() ? 0 : 1 + random.nextInt(Math.min(4, leaves.size()));
            for (int i = 0; i < leafCount; i++) {
                out.append(field(type.getName(), HostileValues.pick(random, leaves), 0, i)).append(' ');
            }
            if (leafCount == 0 || random.nextInt(8) == 0) {
                out.append("__typename ");
            }
            if (random.nextInt(40) == 0) {
                out.append("fieldThatDoesNotExist ");
            }
            if (type instanceof GraphQLObjectType object && !object.getInterfaces().isEmpty() && depth > 0 && random.nextInt(8) == 0) {
                // a fragment on an interface the type implements (Evidenced, Entity): the interface's fields are reached this way only
                GraphQLNamedOutputType implemented = HostileValues.pick(random, object.getInterfaces());
                out.append("... on ").append(implemented.getName()).append(' ').append(selection(implemented, depth - 1)).append(' ');
            }
            if (!(type instanceof GraphQLObjectType) && depth > 0 && random.nextInt(3) == 0) {
                List<GraphQLObjectType> implementations = schema.getImplementations((graphql.schema.GraphQLInterfaceType) type);
                if (!implementations.isEmpty()) {
                    GraphQLObjectType member = HostileValues.pick(random, implementations);
                    out.append("... on ").append(member.getName()).append(' ').append(selection(member, Math.max(0, depth - 1))).append(' ');
                }
            }
            return out.append('}').toString();
        }

        /** The arguments of {@code field} ("Type.field"). */
        String arguments(String field, List<GraphQLArgument> arguments) {
            List<String> written = new ArrayList<>();
            String fieldName = field.substring(field.indexOf('.') + 1);
            for (GraphQLArgument argument : arguments) {
                reached.add(field + "(" + argument.getName() + ")");
                if (scale.alwaysGiven().contains(fieldName + "." + argument.getName())) {
                    written.add(argument.getName() + ": " + value(argument.getName(), argument.getType(), 0).literal(blockStrings));
                    continue;
                }
                boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
                if (!required && random.nextInt(3) == 0 || required && random.nextInt(60) == 0) {
                    continue; // an optional one left out, or a required one missing
                }
                written.add(argument.getName() + ": " + argument(argument.getName(), argument.getType()));
            }
            if (random.nextInt(40) == 0) {
                written.add("argumentThatDoesNotExist: " + remember(HostileValues.string(random, giant())).literal(false));
            }
            if (!written.isEmpty() && random.nextInt(60) == 0) {
                written.add(written.get(0)); // the same argument twice
            }
            return written.isEmpty() ? "" : "(" + String.join(", ", written) + ")";
        }

        /** An argument's value, inline or (a third of the time) as a variable of its type or of a wrong one. */
        String argument(String name, GraphQLInputType type) {
            Value value = value(name, type, 0);
            if (random.nextInt(3) != 0) {
                return value.literal(blockStrings);
            }
            String variable = "v" + variables.size();
            String declared = random.nextInt(15) == 0 ? wrongTypeName(type) : GraphQLTypeUtil.simplePrint(type);
            definitions.add("$" + variable + ": " + declared);
            int fate = random.nextInt(30);
            if (fate == 0) {
                // declared, never given
            }
            else if (fate == 1) {
                variables.put(variable, HostileValues.pick(random, List.of(Map.of("nested", List.of(1, 2)), List.of("a", "b"), true)));
            }
            else {
                variables.put(variable, value);
            }
            return "$" + variable;
        }

        Value value(String name, GraphQLInputType type, int nesting) {
            if (random.nextInt(12) == 0) {
                return wrongKind(type);
            }
            if (type instanceof GraphQLNonNull nonNull) {
                return random.nextInt(40) == 0 ? new Value.Null() : value(name, (GraphQLInputType) nonNull.getWrappedType(), nesting);
            }
            if (type instanceof GraphQLList list) {
                GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
                int size = switch (random.nextInt(20)) {
                    case 0 -> 0;
                    case 1 -> scale.hugeList() / 10;
                    case 2 -> scale.hugeList();
                    case 3 -> 1_000;
                    default -> 1 + random.nextInt(4);
                };
                if (size > 500) {
                    // a huge list repeats one small value: its size, not its content, is the attack
                    int giantsLeft = giants;
                    giants = 0;
                    Value one = value(name, item, nesting + 1);
                    giants = giantsLeft;
                    return Value.list(java.util.Collections.nCopies(size, one));
                }
                List<Value> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(value(name, item, nesting + 1));
                }
                return Value.list(items);
            }
            if (type instanceof GraphQLEnumType enumType) {
                int kind = random.nextInt(10);
                if (kind < 7) {
                    return new Value.Enum(HostileValues.pick(random, enumType.getValues()).getName());
                }
                return kind < 9 ? new Value.Enum(HostileValues.pick(random, List.of("NOT_A_VALUE", "cn", "jp", "true", "null_", "ZZ")))
                        : Value.text(HostileValues.pick(random, enumType.getValues()).getName()); // a string where an enum goes
            }
            if (type instanceof GraphQLInputObjectType object) {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                    reached.add(object.getName() + "." + field.getName());
                    boolean required = GraphQLTypeUtil.isNonNull(field.getType());
                    if (writeSafe && object.getName().equals("ImportKnowledgeInput") && field.getName().equals("dryRun")) {
                        fields.put("dryRun", new Value.Bool(true));
                        continue;
                    }
                    if (!required && random.nextInt(2) == 0 || required && random.nextInt(60) == 0 || nesting > 6) {
                        continue;
                    }
                    fields.put(field.getName(), value(field.getName(), field.getType(), nesting + 1));
                }
                if (random.nextInt(30) == 0) {
                    fields.put("fieldThatDoesNotExist", remember(HostileValues.string(random, giant())));
                }
                return Value.obj(fields);
            }
            return scalar(name, ((GraphQLScalarType) type).getName());
        }

        Value scalar(String name, String scalar) {
            if (writeSafe && (name.equals("id") || name.equals("source") || name.equals("batch"))) {
                return remember(HostileValues.invalidId(random, giant()));
            }
            return switch (scalar) {
                case "Int", "Long" -> Value.number(HostileValues.pick(random, HostileValues.NUMBERS));
                case "Float", "BigDecimal" -> random.nextInt(4) == 0 ? remember(HostileValues.pick(random, HostileValues.NUMBER_STRINGS))
                        : Value.number(HostileValues.pick(random, HostileValues.NUMBERS));
                case "Boolean" -> random.nextInt(6) == 0 ? Value.text("true") : new Value.Bool(random.nextBoolean());
                case "Date" -> remember(random.nextInt(3) == 0 ? "2021-06-01" : HostileValues.pick(random, HostileValues.DATES));
                case "DateTime" -> remember(random.nextInt(3) == 0 ? "2020-01-01T00:00:00Z" : HostileValues.pick(random, HostileValues.DATE_TIMES));
                case "Currency" -> remember(HostileValues.pick(random, HostileValues.CURRENCIES));
                case "Url" -> remember(HostileValues.pick(random, HostileValues.URLS));
                case "ID" -> random.nextInt(3) == 0 ? remember(HostileValues.pick(random, HostileValues.REAL_IDS)) : stringOrNumber();
                default -> remember(HostileValues.string(random, giant()));
            };
        }

        /** How long the next string may get: giant while this document has giants left, else never. */
        int giant() {
            return giants-- > 0 ? scale.giantString() : 0;
        }

        Value stringOrNumber() {
            return random.nextInt(8) == 0 ? Value.number(HostileValues.pick(random, HostileValues.NUMBERS)) : remember(HostileValues.string(random, giant()));
        }

        Value remember(String text) {
            strings.add(text);
            return Value.text(text);
        }

        /** A value of another kind than the type wants: an object for a string, a string for a number, a list for an object. */
        Value wrongKind(GraphQLInputType type) {
            return switch (random.nextInt(6)) {
                case 0 -> Value.obj(Map.of("a", Value.number("1")));
                case 1 -> Value.list(List.of(Value.number("1"), Value.text("b")));
                case 2 -> remember(HostileValues.string(random, giant()));
                case 3 -> Value.number(HostileValues.pick(random, HostileValues.NUMBERS));
                case 4 -> new Value.Bool(true);
                default -> Value.list(List.of(Value.list(List.of(Value.list(List.of(new Value.Null()))))));
            };
        }

        String wrongTypeName(GraphQLInputType type) {
            return HostileValues.pick(random, List.of("Int", "String!", "[ID!]!", "Boolean", "CountryCode", "DoesNotExist", "Long!", "[[String]]",
                    "MineralFilter", "Query"));
        }

        String variablesDeclaration() {
            return definitions.isEmpty() ? "" : "(" + String.join(", ", definitions) + ")";
        }

        Generated done(String query, @Nullable String operationName, boolean mutation) {
            Object vars = variables.isEmpty() && random.nextInt(4) == 0 ? null : variables;
            if (random.nextInt(40) == 0) {
                // variables that are not an object
                vars = HostileValues.pick(random, List.of("abc", 5, List.of(1, 2), true, "{\"a\":1}"));
            }
            String name = operationName;
            if (random.nextInt(25) == 0) {
                name = HostileValues.pick(random, List.of("NoSuchOperation", "", "' OR 1=1 //"));
            }
            else if (random.nextInt(3) == 0) {
                name = null;
            }
            return new Generated(shape, query, vars, name, mutation, strings);
        }

        Generated aliases() {
            int count = Math.min(scale.aliases(), HostileValues.pick(random, List.of(100, 1_000, 5_000, 20_000)));
            GraphQLFieldDefinition field = HostileValues.pick(random, queries);
            giants = 0;
            String one = field("Query", field, 2, 0).replaceFirst("^a0_[A-Za-z]+: ", "");
            // at most about 6 MB, under the service's 8 MB body limit: the count of fields is the attack
            count = Math.max(2, Math.min(count, 6_000_000 / (one.length() + 8)));
            StringBuilder out = new StringBuilder("query Fuzz" + variablesDeclaration() + " { ");
            for (int i = 0; i < count; i++) {
                out.append("a").append(i).append(": ").append(one).append(' ');
            }
            return done(out.append('}').toString(), "Fuzz", false);
        }

        Generated nestingSyntax() {
            int depth = Math.min(scale.nesting(), HostileValues.pick(random, List.of(100, 1_000, 10_000, 100_000)));
            String open = HostileValues.pick(random, List.of("{ country(code: JP) ", "{ a ", "{ ...on Query ", "["));
            String body = open.repeat(depth) + HostileValues.pick(random, List.of("", "{ id }", "x")) + HostileValues.pick(random, List.of("}", "]", ""))
                    .repeat(random.nextBoolean() ? depth : depth / 2);
            if (open.equals("[")) {
                body = "{ frameworksBinding(countries: " + body + ") { agreement { id } } }";
            }
            return done(body, null, false);
        }

        Generated fragments() {
            GraphQLFieldDefinition field = HostileValues.pick(random, queries);
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            String on = type instanceof GraphQLFieldsContainer || type instanceof GraphQLUnionType ? type.getName() : "Query";
            String root = field.getName() + arguments("Query." + field.getName(), field.getArguments());
            String document = switch (random.nextInt(6)) {
                // a fragment that spreads itself
                case 0 -> "query Fuzz { " + root + " { ...A } } fragment A on " + on + " { __typename ...A }";
                // two fragments that spread each other
                case 1 -> "query Fuzz { " + root + " { ...A } } fragment A on " + on + " { ...B } fragment B on " + on + " { ...A }";
                // a fragment that is not defined
                case 2 -> "query Fuzz { " + root + " { ...Missing } }";
                // a fragment on a type that does not exist, and one unused
                case 3 -> "query Fuzz { " + root + " { ... on DoesNotExist { id } } } fragment Unused on Query { __typename }";
                // a fan of spreads: each fragment spreads the next one ten times
                case 4 -> "query Fuzz { " + root + " { ...F0 } } " + fan(on, 8);
                default -> "query Fuzz { " + root + " { ... on " + on + " { ... on " + on + " { ... on " + on + " { __typename } } } } }";
            };
            return done(document, "Fuzz", false);
        }

        String fan(String on, int levels) {
            StringBuilder out = new StringBuilder();
            for (int level = 0; level < levels; level++) {
                out.append("fragment F").append(level).append(" on ").append(on).append(" { __typename ");
                if (level + 1 < levels) {
                    out.append(("...F" + (level + 1) + " ").repeat(10));
                }
                out.append("} ");
            }
            return out.toString();
        }

        Generated directives() {
            GraphQLFieldDefinition field = HostileValues.pick(random, queries);
            String selected = field("Query", field, 2, 0);
            String directive = switch (random.nextInt(7)) {
                case 0 -> "@skip(if: \"yes\")";
                case 1 -> "@include(if: $flag)";
                case 2 -> "@doesNotExist";
                case 3 -> "@skip(if: false) @skip(if: true) @skip(if: false)";
                case 4 -> "@include";
                case 5 -> "@deprecated(reason: \"x\")";
                default -> "@listSize(assumedSize: 2147483647)";
            };
            String declaration = directive.contains("$flag") ? HostileValues.pick(random, List.of("($flag: Boolean!)", "($flag: String)", "")) : "";
            if (directive.contains("$flag") && random.nextBoolean()) {
                variables.put("flag", HostileValues.pick(random, List.<Object>of("true", 1, false)));
            }
            String[] parts = selected.split(" ", 2);
            String document = "query Fuzz" + declaration + " { " + parts[0] + " " + directive + (parts.length > 1 ? " " + parts[1] : "") + " }";
            return done(document, "Fuzz", false);
        }

        Generated introspection() {
            String document = switch (random.nextInt(5)) {
                case 0 -> "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
                case 1 -> "{ __type(name: \"Query\") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }";
                case 2 -> "{ " + "a: __schema { types { name } } ".repeat(20).replaceAll("a: ", "") + "}";
                case 3 -> "{ __type(name: " + remember(HostileValues.string(random, giant())).literal(false) + ") { name fields { name } } }";
                default -> "{ " + java.util.stream.IntStream.range(0, 50).mapToObj(i -> "t" + i + ": __type(name: \"Organization\") { name }")
                        .reduce((a, b) -> a + " " + b).orElse("") + " }";
            };
            return done(document, null, false);
        }

        Generated operations() {
            String one = "query A { __typename }";
            String two = "query B { " + field("Query", HostileValues.pick(random, queries), 2, 0) + " }";
            String document = switch (random.nextInt(5)) {
                case 0 -> one + " " + two; // two operations, the name decides
                case 1 -> one + " " + one; // the same name twice
                case 2 -> "{ __typename } " + two; // anonymous beside a named one
                case 3 -> one + " mutation M { removeBatch(input: {batch: \"' OR 1=1 //\"}) { batch } }";
                default -> "subscription S { __typename }";
            };
            Generated generated = done(document, null, false);
            String name = HostileValues.pick(random, java.util.Arrays.asList("A", "B", "M", null, "Nope"));
            return new Generated(shape, document, generated.variables(), name, "M".equals(name) || document.contains("mutation") && name == null,
                    generated.strings());
        }

        Generated wrongVariables() {
            GraphQLFieldDefinition field = HostileValues.pick(random, queries);
            List<String> declared = new ArrayList<>();
            List<String> used = new ArrayList<>();
            reached.add("Query." + field.getName());
            for (GraphQLArgument argument : field.getArguments()) {
                reached.add("Query." + field.getName() + "(" + argument.getName() + ")");
                String variable = argument.getName();
                declared.add("$" + variable + ": " + GraphQLTypeUtil.simplePrint(argument.getType()) + (random.nextInt(5) == 0 ? " = "
                        + wrongKind(argument.getType()).literal(false) : ""));
                used.add(argument.getName() + ": $" + variable);
                variables.put(variable, wrongKind(argument.getType()));
            }
            if (random.nextBoolean()) {
                declared.add("$unused: String");
            }
            if (random.nextInt(4) == 0) {
                used.add("undeclared: $undeclared");
            }
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            String selection = type instanceof GraphQLFieldsContainer || type instanceof GraphQLUnionType
                    ? " " + selection((GraphQLNamedOutputType) type, 1) : "";
            String document = "query Fuzz" + (declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")") + " { " + field.getName()
                    + (used.isEmpty() ? "" : "(" + String.join(", ", used) + ")") + selection + " }";
            return done(document, "Fuzz", false);
        }

        Generated brokenSyntax() {
            Generated valid = operation(false, 1, 3);
            String query = valid.query();
            String broken = switch (random.nextInt(10)) {
                case 0 -> query.substring(0, random.nextInt(Math.max(1, query.length())));
                case 1 -> query.replace("}", "");
                case 2 -> "\uFEFF" + query;
                case 3 -> query.replace(" ", "\u0000");
                case 4 -> query + " }}}}";
                case 5 -> query.replace("{", "(");
                case 6 -> "# " + query;
                case 7 -> query.replace(" ", "\u2028");
                case 8 -> "\"" + query;
                default -> {
                    String garbage = HostileValues.string(random, giant());
                    strings.add(garbage);
                    yield garbage;
                }
            };
            return new Generated(shape, broken, valid.variables(), valid.operationName(), false, valid.strings());
        }
    }

    private static boolean isComposite(GraphQLOutputType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        return unwrapped instanceof GraphQLFieldsContainer || unwrapped instanceof GraphQLUnionType;
    }
}
