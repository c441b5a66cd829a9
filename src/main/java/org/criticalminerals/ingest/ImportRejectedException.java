package org.criticalminerals.ingest;

import java.util.stream.Collectors;

/** An import failed validation; nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(report.rejections().size() + " problem(s) in batch '" + report.batch() + "', nothing was written:\n"
                + report.rejections().stream().limit(300).map(r -> "  - " + r).collect(Collectors.joining("\n")));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
