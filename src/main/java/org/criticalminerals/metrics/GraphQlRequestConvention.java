package org.criticalminerals.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestHighCardinalityKeyNames;

/**
 * Spring for GraphQL's {@code graphql.request} observation, with the operation's name as a metric tag
 * ({@code graphql.operation.name}, bounded by {@link OperationNames}) besides its type and outcome, so that
 * latency can be read per operation. The name is the executed operation's (a client need not send
 * {@code operationName} for a document with one operation); before the document is parsed, the one sent.
 */
final class GraphQlRequestConvention extends DefaultExecutionRequestObservationConvention {

    private final OperationNames names;

    GraphQlRequestConvention(OperationNames names) {
        this.names = names;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(operationName(context));
    }

    /** The name is a low-cardinality key now; the execution id stays a trace-only one. */
    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }

    @Override
    protected KeyValue operationName(ExecutionRequestObservationContext context) {
        String name = context.getExecutionContext() != null ? context.getExecutionContext().getOperationDefinition().getName()
                : context.getExecutionInput().getOperationName();
        return KeyValue.of(ExecutionRequestHighCardinalityKeyNames.OPERATION_NAME, names.tag(name));
    }
}
