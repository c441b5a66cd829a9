package org.criticalminerals.limits;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;
import org.criticalminerals.api.Connection;
import org.criticalminerals.api.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Refuses an operation before it runs when it nests deeper than {@code cmg.limits.max-depth} or asks for
 * more than {@code cmg.limits.max-complexity} fields. A field counts once per item its parent lists can
 * return: a page's {@code first} (or {@code last}), for an unpaged list its {@code @listSize} in the schema or
 * else {@code cmg.limits.list-fan-out}, and once under a single object. So a page of 500 inside a page of 500 costs 250,000, what it could return.
 * Introspection ({@code __schema}, {@code __type}) is left to graphql-java's good-faith introspection check.
 */
final class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;

    QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        int depth = QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema()).document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName()).coercedVariables(execution.getCoercedVariables()).build()
                .reducePreOrder((field, deepest) -> Math.max(deepest, depth(field)), 0);
        if (depth > limits.maxDepth()) {
            throw refusal(ErrorCode.QUERY_TOO_DEEP, "The query nests " + depth + " levels deep; at most " + limits.maxDepth()
                    + " are allowed. Ask for less at once, or follow ids in a second query.", depth, limits.maxDepth());
        }
        int complexity = QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(this::complexity)
                .schema(execution.getGraphQLSchema()).document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName()).variables(execution.getCoercedVariables()).build()
                .calculate();
        if (complexity > limits.maxComplexity()) {
            throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The query could return " + complexity + " fields; at most " + limits.maxComplexity()
                    + " are allowed (a field under a list counts once per item the list can hold). Ask for smaller pages "
                    + "(first) or fewer nested lists.", complexity, limits.maxComplexity());
        }
        return null;
    }

    private static int depth(QueryVisitorFieldEnvironment field) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            if (at.getField().getName().startsWith("__")) {
                return 0;
            }
            depth++;
        }
        return depth;
    }

    private int complexity(FieldComplexityEnvironment field, int childComplexity) {
        if (field.getField().getName().startsWith("__")) {
            return 0;
        }
        return 1 + fanOut(field) * childComplexity;
    }

    /** How many items the field can return, each costing its selection. */
    private int fanOut(FieldComplexityEnvironment field) {
        Map<String, Object> arguments = field.getArguments();
        Object page = arguments.get("first") != null ? arguments.get("first") : arguments.get("last");
        GraphQLOutputType type = GraphQLTypeUtil.unwrapNonNullAs(field.getFieldDefinition().getType());
        boolean connection = GraphQLTypeUtil.unwrapAll(type).getName().endsWith("Connection");
        if (page instanceof Number size && (connection || type instanceof GraphQLList)) {
            return Math.max(1, size.intValue());
        }
        if (connection) {
            return Connection.DEFAULT_PAGE_SIZE;
        }
        if (type instanceof GraphQLList) {
            // the edges of a connection are already counted by the connection's page size
            if (field.getParentType().getName().endsWith("Connection")) {
                return 1;
            }
            GraphQLAppliedDirective listSize = field.getFieldDefinition().getAppliedDirective("listSize");
            return listSize == null ? limits.listFanOut() : listSize.getArgument("assumedSize").getValue();
        }
        return 1;
    }

    private static AbortExecutionException refusal(ErrorCode code, String message, int actual, int limit) {
        return new AbortExecutionException(java.util.List.of(GraphqlErrorBuilder.newError().errorType(code.classification())
                .message(message).extensions(Map.of("code", code.name(), "actual", actual, "limit", limit)).build()));
    }
}
