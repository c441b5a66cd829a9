package org.criticalminerals.ingest;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Import progress as log lines: each phase when it starts, and within a phase at most every few seconds. */
final class LoggedProgress implements KnowledgeImporter.Progress {

    static final long EVERY_NANOS = 3_000_000_000L;

    private final String what;

    private final Consumer<String> sink;

    private final LongSupplier clock;

    private String phase = "";

    private long last;

    LoggedProgress(String what, Consumer<String> sink, LongSupplier clock) {
        this.what = what;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        long now = clock.getAsLong();
        if (!phase.equals(this.phase) || now - last >= EVERY_NANOS) {
            this.phase = phase;
            last = now;
            sink.accept(String.format(Locale.ROOT, "%s: %s %,d%s records", what, phase, done, total > 0 ? String.format(Locale.ROOT, " / %,d", total) : ""));
        }
    }
}
