package org.criticalminerals.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL error an {@code extensions.code}: graphql-java's own (a syntax error, a validation
 * error, a variable of the wrong type) get BAD_REQUEST, beside the classification they have; the service's
 * errors keep theirs. graphql-java writes such messages with its internal names — AST values as
 * {@code IntValue{value=1}}, JSON values by their Java class ({@code 'ArrayList'}) — which say nothing to a
 * client and betray the implementation; they are rewritten as GraphQL and JSON say them. Outermost, so that the
 * other interceptors (the error metrics count graphql-java's classifications) see the errors as graphql-java made them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrorCodes implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(GraphQlErrorCodes::hasCode)) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(GraphQlErrorCodes::withCode).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") != null;
    }

    static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        extensions.put("code", code(error.getErrorType()).name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(readable(error.getMessage())).errorType(error.getErrorType())
                .extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    /** graphql-java's classifications are the request's fault; Spring for GraphQL's map to the code of the same name. */
    private static ErrorCode code(ErrorClassification classification) {
        String name = classification == null ? "" : classification.toString();
        return switch (name) {
            case "InvalidSyntax", "ValidationError", "OperationNotSupported", "ExecutionAborted", "BadFaithIntrospection", "BAD_REQUEST" ->
                ErrorCode.BAD_REQUEST;
            case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
            case "UNAUTHORIZED" -> ErrorCode.UNAUTHENTICATED;
            case "FORBIDDEN" -> ErrorCode.FORBIDDEN;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    /** What is left of an AST dump that {@link AstValues} could not rewrite. */
    private static final Pattern AST_LEFT = Pattern.compile("\\b(StringValue|IntValue|FloatValue|BooleanValue|EnumValue|NullValue|ArrayValue|ObjectValue"
            + "|ObjectField|VariableReference)\\{");

    /** "with value '…'" up to the words graphql-java writes after it. */
    private static final Pattern DUMPED_VALUE = Pattern.compile("with value '.*'(?= (?:is |contains |must |has |for ))", Pattern.DOTALL);

    /** The kind of an AST value where graphql-java names its class ("an AST type of 'IntValue'"). */
    private static final Pattern AST_KIND = Pattern.compile("(?:an AST type of |AST type )?(?:an? )?'(IntValue|FloatValue|StringValue|BooleanValue|EnumValue"
            + "|NullValue|ArrayValue|ObjectValue|VariableReference)'");

    /** A Java type by its full name, as graphql-java's extended scalars say what they take ("'java.time.temporal.TemporalAccessor'"). */
    private static final Pattern JAVA_QUALIFIED = Pattern.compile("'(?:java|javax)\\.[\\w.]*?\\.([A-Z]\\w*)'");

    /** The kind of a JSON value where graphql-java names its Java class ("but it was a 'ArrayList'"). */
    private static final Pattern JAVA_KIND = Pattern.compile("(but (?:it )?was )(?:an? )?'(LinkedHashMap|HashMap|Map|ArrayList|List"
            + "|Integer|Long|Short|Byte|BigInteger|Double|Float|BigDecimal|Boolean|String|Character)'");

    /** The message as a client reads it: GraphQL values for AST dumps, JSON kinds for Java classes. */
    static String readable(String message) {
        if (message == null) {
            return "";
        }
        String text = AstValues.rewrite(message);
        if (AST_LEFT.matcher(text).find()) {
            // a dump the rewrite could not read (a string holding "'}, " and the like): the value is the caller's own, leave it out
            text = DUMPED_VALUE.matcher(text).replaceAll("with the value given");
            text = AST_LEFT.matcher(text).replaceAll("");
        }
        text = AST_KIND.matcher(text).replaceAll(m -> astKind(m.group(1)));
        text = JAVA_KIND.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + javaKind(m.group(2)));
        text = JAVA_QUALIFIED.matcher(text).replaceAll(m -> switch (m.group(1)) {
            case "TemporalAccessor", "LocalDate" -> "a date";
            case "OffsetDateTime", "ZonedDateTime", "Instant" -> "a date-time";
            default -> "'" + m.group(1) + "'";
        });
        return text.replace("Expected type 'Map'", "Expected an object")
                .replace("Variables for input objects must be an instance of type 'Map'.", "A variable for an input object must be a JSON object.");
    }

    private static String astKind(String kind) {
        return switch (kind) {
            case "IntValue" -> "an integer";
            case "FloatValue" -> "a float";
            case "StringValue" -> "a string";
            case "BooleanValue" -> "a boolean";
            case "EnumValue" -> "an enum value";
            case "NullValue" -> "null";
            case "ArrayValue" -> "a list";
            case "ObjectValue" -> "an input object";
            default -> "a variable";
        };
    }

    private static String javaKind(String type) {
        return switch (type) {
            case "LinkedHashMap", "HashMap", "Map" -> "an object";
            case "ArrayList", "List" -> "a list";
            case "Integer", "Long", "Short", "Byte", "BigInteger" -> "an integer";
            case "Double", "Float", "BigDecimal" -> "a number";
            case "Boolean" -> "a boolean";
            default -> "a string";
        };
    }
}
