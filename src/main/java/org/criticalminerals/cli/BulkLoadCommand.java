package org.criticalminerals.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.criticalminerals.ingest.BulkLoader;
import org.criticalminerals.ingest.ImportRejectedException;
import org.criticalminerals.ingest.ImportReport;
import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.ingest.Rejection;

/**
 * The first load of a large partner file into a new embedded store, offline (the service stopped), with progress:
 * every record checked first, then the store written by Neo4j's batch importer. Exit status 0 when loaded, 1 when
 * rejected (every problem listed; nothing written), 2 on a usage error, when the data directory holds a store, or
 * when the write failed (then no store is left).
 *
 * <pre>tools/bulk-load FILE.jsonl... --batch NAME --owner PARTNER [--data-dir DIR]   (default: CMG_DATA_DIR, else ./data)</pre>
 */
public final class BulkLoadCommand {

    private BulkLoadCommand() {
    }

    public static void main(String[] args) {
        List<Path> files = new ArrayList<>();
        String batch = null;
        String owner = null;
        Path dataDir = Path.of(System.getenv().getOrDefault("CMG_DATA_DIR", "./data"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = value(args, ++i);
                case "--owner" -> owner = value(args, ++i);
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || batch == null || owner == null) {
            usage("give one or more JSON Lines files, --batch and --owner");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                usage("no such file: " + file);
            }
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try {
            BulkLoader.Loaded loaded = new BulkLoader(dataDir, 5_000).loadJsonLines(batch, owner, files, new Progress(err), err);
            ImportReport report = loaded.report();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d records (%s) into %s in %.1f s (%,.0f records/s): %,d facts, %,d claims, %,d relationships "
                    + "between facts; %,d nodes and %,d relationships in all%n", report.recordsRead(), report.recordsByType(), dataDir, seconds,
                    report.recordsRead() / seconds, report.factsChanged(), report.claimsWritten(), report.relationshipsWritten(), loaded.nodes(),
                    loaded.relationships());
            System.out.println("The service builds the constraints and indexes when it first starts on this data directory.");
        }
        catch (ImportRejectedException e) {
            ImportReport report = e.report();
            System.out.printf(Locale.ROOT, "rejected: %,d problems in %,d records; nothing was written%n", report.rejectionCount(),
                    report.recordsRead());
            for (Rejection rejection : report.rejections()) {
                System.out.println(rejection);
            }
            if (report.rejectionCount() > report.rejections().size()) {
                System.out.printf(Locale.ROOT, "… and %,d more%n", report.rejectionCount() - report.rejections().size());
            }
            System.exit(1);
        }
        catch (RuntimeException e) {
            // a store that exists, a batch name that is not one, a write that failed (then no store was left)
            System.err.println("bulk-load: " + e.getMessage() + "; nothing was written");
            System.exit(2);
        }
    }

    /** Progress on one line per phase: records done, records per second, time left. */
    private static final class Progress implements KnowledgeImporter.Progress {

        private final PrintStream out;

        private String phase = "";

        private long phaseStarted;

        private long shown;

        private long shownDone = -1;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void update(String phase, long done, long total) {
            long now = System.nanoTime();
            if (!phase.equals(this.phase)) {
                this.phase = phase;
                shownDone = -1;
                phaseStarted = now;
            }
            else if (now - shown < 500_000_000L && done < total) {
                return;
            }
            if (done == total && done == shownDone) {
                return; // the end of a phase, told already
            }
            shownDone = done;
            shown = now;
            out.print("\r" + ImportCommand.progress(phase, done, Math.max(total, 0), (now - phaseStarted) / 1e9));
            if (done == total) {
                out.println();
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("a value is missing after " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("bulk-load: " + problem);
        System.err.println("usage: tools/bulk-load FILE.jsonl... --batch NAME --owner PARTNER [--data-dir DIR]   (the service stopped; a new data directory)");
        System.exit(2);
    }
}
