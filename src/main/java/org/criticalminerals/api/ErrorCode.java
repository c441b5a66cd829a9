package org.criticalminerals.api;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;

/**
 * The stable codes an error carries in {@code extensions.code}, beside Spring for GraphQL's
 * {@code extensions.classification}. Clients branch on the code; the message is for people.
 */
public enum ErrorCode {
    BAD_REQUEST(ErrorType.BAD_REQUEST),
    NOT_FOUND(ErrorType.NOT_FOUND),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED),
    FORBIDDEN(ErrorType.FORBIDDEN),
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
    REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),
    /** a mutation sent with GET: mutations need POST */
    METHOD_NOT_ALLOWED(ErrorType.BAD_REQUEST),
    /** an automatic persisted query whose hash the service does not know (yet): send the query with its hash */
    PERSISTED_QUERY_NOT_FOUND(ErrorType.BAD_REQUEST),
    /** an automatic persisted query whose hash is not the SHA-256 of its query */
    PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST),
    /** the request ran longer than its time limit and was stopped */
    TIMEOUT(ErrorType.INTERNAL_ERROR),
    /** the client went away, or the service is shutting down; the work was stopped */
    CANCELLED(ErrorType.INTERNAL_ERROR),
    /** the service is starting (the knowledge base is loading) or stopping: retry after the Retry-After seconds */
    UNAVAILABLE(ErrorType.INTERNAL_ERROR),
    /** the database cannot be reached (server mode: it is down or restarting): retry after the Retry-After seconds */
    DATABASE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
    /**
     * the database cannot write: its data disk is (nearly) full, or it stopped writing after a failed write and
     * restarts itself once space is back. Nothing was written; reads work unless the database stopped
     */
    STORAGE_FULL(ErrorType.INTERNAL_ERROR),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR);

    private final ErrorType classification;

    ErrorCode(ErrorType classification) {
        this.classification = classification;
    }

    public ErrorClassification classification() {
        return classification;
    }
}
