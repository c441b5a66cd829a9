package org.criticalminerals.ingest;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one import. When {@code rejections} is not empty nothing was written.
 *
 * @param batch the batch the records belong to (the curated knowledge base, or a partner's name)
 * @param recordsRead records read from the files
 * @param recordsByType records per type
 * @param claimsWritten claims new or changed (a claim already stored as it is is not written again)
 * @param claimsRemoved claims of the batch the import no longer holds
 * @param factsChanged facts whose reconciled state changed (created, updated or removed)
 * @param relationshipsWritten relationships written for the changed facts
 * @param skipped true when the same content had been imported before and nothing needed writing
 * @param dryRun true when the import was only validated
 * @param rejections every problem, the first thousand of them; when any, nothing was written
 * @param rejectionCount how many problems there are in all
 */
public record ImportReport(String batch, int recordsRead, Map<String, Integer> recordsByType, int claimsWritten, int claimsRemoved,
        int factsChanged, int relationshipsWritten, boolean skipped, boolean dryRun, List<Rejection> rejections, long rejectionCount) {

    public boolean accepted() {
        return rejectionCount == 0;
    }
}
