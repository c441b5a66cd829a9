package org.criticalminerals.ingest;

/** Another import of the same batch is running; this one wrote nothing and may be retried. */
public class ImportConflictException extends RuntimeException {

    public ImportConflictException(String message) {
        super(message);
    }
}
