package org.criticalminerals.benchmark;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One operation of the benchmark: a GraphQL document with its variables, and what the service sent to the database
 * for it (captured once, see {@link StatementCapture}). {@code kind} is {@code question}, {@code lookup},
 * {@code list}, {@code filtered}, {@code wide} or {@code search}; {@code anchored} marks the questions that start
 * from an id or a country (their index). {@code handWritten}, for the wide nested page only: one statement
 * returning the same data, the yardstick of its target.
 */
record Operation(String name, String kind, boolean anchored, String document, Map<String, @Nullable Object> variables,
        List<StatementCapture.Transaction> transactions, @Nullable String handWritten, @Nullable String note) {

    Operation(String name, String kind, boolean anchored, String document, Map<String, @Nullable Object> variables) {
        this(name, kind, anchored, document, variables, List.of(), null, null);
    }

    Operation captured(List<StatementCapture.Transaction> captured, @Nullable String captureNote) {
        return new Operation(name, kind, anchored, document, variables, captured, handWritten, captureNote);
    }

    Operation withHandWritten(String statement) {
        return new Operation(name, kind, anchored, document, variables, transactions, statement, note);
    }

    int statements() {
        return transactions.stream().mapToInt(t -> t.statements().size()).sum();
    }

    /** A question or a list page: the kinds the 1.3× target is about. */
    boolean questionOrList() {
        return kind.equals("question") || kind.equals("list") || kind.equals("filtered");
    }

    boolean listPage() {
        return kind.equals("list") || kind.equals("filtered");
    }
}
