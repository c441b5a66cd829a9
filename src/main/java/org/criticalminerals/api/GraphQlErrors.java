package org.criticalminerals.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to typed GraphQL errors ({@code extensions.classification}): BAD_REQUEST for invalid
 * input, NOT_FOUND for missing entities, INTERNAL_ERROR otherwise, with a generic message and no stack
 * trace; the details go to the log under an id the caller can quote.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        String incident = Long.toHexString(System.nanoTime());
        log.error("Unexpected error {} at {}", incident, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error (incident " + incident + "); the request was not completed.");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
