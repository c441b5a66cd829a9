package org.criticalminerals.api;

import java.util.Map;
import java.util.Optional;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.criticalminerals.database.DatabaseAvailability;
import org.criticalminerals.limits.RequestBudget;
import org.criticalminerals.storage.StorageFullException;
import org.criticalminerals.storage.WriteGuard;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to typed GraphQL errors: {@code extensions.classification} (Spring for GraphQL's) and
 * {@code extensions.code} ({@link ErrorCode}). User mistakes are BAD_REQUEST or NOT_FOUND with a message
 * that says what to change; a stopped request says why; a write the database cannot take (full data disk) is
 * STORAGE_FULL; anything else is INTERNAL_ERROR with a generic
 * message and no stack trace, the details in the log under an incident id the caller can quote.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final DatabaseAvailability database;

    private final WriteGuard writeGuard;

    GraphQlErrors(DatabaseAvailability database, ObjectProvider<WriteGuard> writeGuard) {
        this.database = database;
        this.writeGuard = writeGuard.getIfAvailable(() -> WriteGuard.NONE);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
            return error(env, ErrorCode.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof NotFoundException) {
            return error(env, ErrorCode.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof AuthenticationException || ex instanceof AccessDeniedException) {
            boolean anonymous = new AuthenticationTrustResolverImpl().isAnonymous(SecurityContextHolder.getContext().getAuthentication())
                    || SecurityContextHolder.getContext().getAuthentication() == null;
            return anonymous ? error(env, ErrorCode.UNAUTHENTICATED, "This needs an API key: send 'Authorization: Bearer <key>'.")
                    : error(env, ErrorCode.FORBIDDEN, "This API key's role may not do this.");
        }
        // before the budget: a request whose database went away may also have run out of time waiting for it
        if (database.noteFailure(ex)) {
            return error(env, ErrorCode.DATABASE_UNAVAILABLE, DatabaseAvailability.LOST_DURING_REQUEST);
        }
        RequestBudget.StoppedException stopped = cause(ex, RequestBudget.StoppedException.class);
        RequestBudget budget = RequestBudget.current();
        if (stopped != null) {
            return stoppedError(env, stopped.reason(), stopped.getMessage());
        }
        if (budget != null && budget.stopped() != null) {
            // the request was stopped (timeout, client gone, shutdown) and its transactions terminated: whatever
            // failed next (the database's answer, or a commit on a transaction already closed) is that stop
            return stoppedError(env, budget.stopped(), budget.stoppedMessage());
        }
        Optional<StorageFullException> full = writeGuard.explain(ex);
        if (full.isPresent()) {
            return error(env, ErrorCode.STORAGE_FULL, full.get().getMessage());
        }
        Neo4jException database = cause(ex, Neo4jException.class);
        if (database != null && database.code() != null && database.code().contains("TransactionTimedOut")) {
            return error(env, ErrorCode.TIMEOUT, "The query took longer than the time limit and was stopped.");
        }
        String incident = Long.toHexString(System.nanoTime());
        log.error("Unexpected error {} at {}", incident, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorCode.INTERNAL_ERROR, "Internal error (incident " + incident + "); the request was not completed.");
    }

    private static GraphQLError stoppedError(DataFetchingEnvironment env, RequestBudget.Stop reason, String message) {
        return error(env, reason == RequestBudget.Stop.TIMEOUT ? ErrorCode.TIMEOUT : ErrorCode.CANCELLED, message);
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable at = ex; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(code.classification()).message(message)
                .extensions(Map.of("code", code.name())).build();
    }
}
