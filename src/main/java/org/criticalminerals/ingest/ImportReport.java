package org.criticalminerals.ingest;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one import. When {@code rejections} is not empty nothing was written.
 *
 * @param batch the batch the records belong to (the curated knowledge base, or a partner's name)
 * @param recordsRead records read from the files, before records with the same id were merged
 * @param recordsByType merged records per type
 * @param claimsWritten evidence nodes written
 * @param relationshipsWritten relationships written
 * @param skipped true when the same content had been imported before and nothing needed writing
 * @param dryRun true when the import was only validated
 */
public record ImportReport(String batch, int recordsRead, Map<String, Integer> recordsByType, int claimsWritten,
        int relationshipsWritten, boolean skipped, boolean dryRun, List<Rejection> rejections) {

    public boolean accepted() {
        return rejections.isEmpty();
    }
}
