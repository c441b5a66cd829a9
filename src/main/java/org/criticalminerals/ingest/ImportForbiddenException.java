package org.criticalminerals.ingest;

/** The caller's role may not make this import (another key's batch, a restore without the curator role); nothing was written. */
public class ImportForbiddenException extends ImportRejectedException {

    public ImportForbiddenException(ImportReport report) {
        super(report);
    }
}
