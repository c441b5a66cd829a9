package org.criticalminerals.ingest;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What imports tell operators: {@value #RECORDS}, a counter of records written, counted as each transaction
 * commits (so that {@code rate()} is records per second while a large import runs), and {@value #RUNS}, every
 * import (the start-up load, partner files, curators' edits) by outcome, with its duration.
 */
@Component
public class ImportMetrics {

    static final String RECORDS = "cmg.import.records.written";

    static final String RUNS = "cmg.import.runs";

    enum Outcome {
        /** written */
        IMPORTED,
        /** the same content had been imported before: nothing to write */
        UNCHANGED,
        /** checked only */
        DRY_RUN,
        /** a record is wrong: nothing written */
        REJECTED,
        /** the key may not write into the batch */
        FORBIDDEN,
        /** another import of the batch was running */
        CONFLICT,
        /** the database or the service failed: what was written is undone */
        FAILED
    }

    private final Counter records;

    private final Map<Outcome, Timer> runs = new EnumMap<>(Outcome.class);

    public ImportMetrics(MeterRegistry registry) {
        records = Counter.builder(RECORDS).description("Records written by imports, counted at each commit").register(registry);
        for (Outcome outcome : Outcome.values()) {
            runs.put(outcome, Timer.builder(RUNS).description("Imports, by outcome").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void written(long count) {
        records.increment(count);
    }

    void finished(Outcome outcome, long nanos) {
        runs.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
