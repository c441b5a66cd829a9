package org.criticalminerals.ingest;

/**
 * Another import of the same batch is running; this one wrote nothing and may be retried. HTTP answers 409 with
 * {@code Retry-After}, GraphQL a payload error with code CONFLICT.
 */
public class ImportConflictException extends RuntimeException {

    /** How long a caller should wait before retrying: imports of a batch usually take seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public ImportConflictException(String message) {
        super(message);
    }
}
