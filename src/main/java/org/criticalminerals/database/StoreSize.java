package org.criticalminerals.database;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The embedded store on disk: {@code <data dir>/data/databases} (the store files the page cache holds) and
 * {@code <data dir>/data/transactions} (the transaction logs). Served as the gauge {@value #NAME} (bytes, by
 * {@code part}); a scrape walks the directories at most once per {@link #CACHED} (a few hundred files), since
 * Prometheus may scrape every few seconds.
 */
final class StoreSize implements MeterBinder {

    static final String NAME = "cmg.store.size";

    static final Duration CACHED = Duration.ofSeconds(30);

    private final CachedBytes databases;

    private final CachedBytes transactions;

    StoreSize(Path home, LongSupplier nanoClock) {
        databases = new CachedBytes(databases(home), nanoClock);
        transactions = new CachedBytes(home.resolve("data").resolve("transactions"), nanoClock);
    }

    static Path databases(Path home) {
        return home.resolve("data").resolve("databases");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, databases, CachedBytes::bytes).baseUnit("bytes").tag("part", "databases")
                .description("The embedded store on disk: store files (databases) and transaction logs").register(registry);
        Gauge.builder(NAME, transactions, CachedBytes::bytes).baseUnit("bytes").tag("part", "transactions")
                .description("The embedded store on disk: store files (databases) and transaction logs").register(registry);
    }

    /** The bytes of the regular files under a directory (0 if it does not exist); files that vanish meanwhile are skipped. */
    static long bytesUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long[] total = new long[1];
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a log rotated away while we looked
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            // the visitor swallows every failure; what was counted stands
        }
        return total[0];
    }

    private static final class CachedBytes {

        private final Path directory;

        private final LongSupplier nanoClock;

        private long bytes;

        private long measuredAt;

        private boolean measured;

        CachedBytes(Path directory, LongSupplier nanoClock) {
            this.directory = directory;
            this.nanoClock = nanoClock;
        }

        synchronized double bytes() {
            long now = nanoClock.getAsLong();
            if (!measured || now - measuredAt >= CACHED.toNanos()) {
                bytes = bytesUnder(directory);
                measuredAt = now;
                measured = true;
            }
            return bytes;
        }
    }
}
