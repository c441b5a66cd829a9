package org.criticalminerals.ingest;

import java.util.List;
import java.util.Map;

import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.jspecify.annotations.Nullable;

/**
 * A record that passed the checks of its own: known type and fields, values of the right kind (dates as
 * {@link org.criticalminerals.model.PartialDate}, numbers as Long or Double), well-formed references and
 * citations. Whether its references and sources exist is decided later, against the import and the graph.
 *
 * @param values the record's own values (asserted by every citation)
 * @param references ids per reference field, each with the details it carries (since, until, role)
 * @param retiredBecause for a record that retires its fact: why
 */
record CheckedRecord(String location, TypeSpec spec, String id, @Nullable String name, @Nullable String nameJa, List<String> aliases,
        Map<String, Object> values, Map<String, List<RefItem>> references, List<Citation> citations, @Nullable String retiredBecause,
        @Nullable Restored restored) {

    /** For a restore from an export: the batch, writer and time the record's claims had. */
    record Restored(String batch, String by, String byRole, @Nullable String at, @Nullable String owner) {
    }

    /** A record that retires its fact (it no longer holds) says why, cites its evidence and asserts nothing else. */
    boolean retires() {
        return retiredBecause != null;
    }

    String type() {
        return spec.type();
    }

    /** A reference to another record, with the details it carries. */
    record RefItem(String target, Map<String, Object> details) {
    }

    /**
     * One citation: a source and where in it, and the figures this source gives beyond the record's own.
     *
     * @param figures value fields this citation gives, converted like the record's values
     */
    record Citation(String source, @Nullable Integer line, @Nullable String quote, @Nullable String statement, @Nullable String note,
            Map<String, Object> figures) {
    }
}
