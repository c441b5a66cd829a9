package org.criticalminerals.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The first load of a partner's files into a new embedded store, offline (the service stopped, as Neo4j's own
 * {@code neo4j-admin database import}): the same checks and plan as an import through the service, every record
 * validated before anything is written, then the facts reconciled from their claims ({@link StoreElements}) and
 * the store files written by Neo4j's batch importer ({@link StoreImport}) instead of by transactions. The store
 * gets its constraints and indexes when the service first starts on it. All or nothing: a rejected file writes
 * nothing, a failed write leaves no store. Only into a data directory that holds no store yet; every later
 * import goes through the service.
 */
public final class BulkLoader {

    /** A partner's records cite no seed document, so no quote is ever looked up. */
    private static final ImportPlanner.QuoteCheck NO_SEED_QUOTES = ImportPlanner.QuoteCheck.NONE;

    private final Path home;

    private final int chunk;

    /** @param home the embedded database's data directory */
    public BulkLoader(Path home, int chunk) {
        this.home = home;
        this.chunk = chunk;
    }

    /** A chunk planned, and prepared for the store when it has no problem. */
    private record Planned(List<Rejection> rejections, StoreElements.@Nullable Prepared prepared) {
    }

    /** What the load wrote. */
    public record Loaded(ImportReport report, long nodes, long relationships) {
    }

    /**
     * Loads JSON Lines files (one record of the knowledge-base format per line) as one batch of a partner: its records
     * cite the partner's own sources, as through {@code POST /import} with a partner key.
     *
     * @param owner the partner the batch belongs to (the name of its key)
     */
    public Loaded loadJsonLines(String batch, String owner, List<Path> files, KnowledgeImporter.Progress progress, PrintStream storeProgress) {
        return load(batch, files.stream().<RecordSource>map(file -> new JsonLinesRecords(file.getFileName().toString(), file)).toList(),
                new Caller(owner, Role.PARTNER), progress, storeProgress);
    }

    /**
     * @throws ImportRejectedException when any record is invalid; then nothing was written
     * @throws IllegalStateException when the data directory holds a store already
     * @throws IllegalArgumentException when the batch is not a partner's batch name
     */
    Loaded load(String batch, List<RecordSource> sources, Caller by, KnowledgeImporter.Progress progress, PrintStream storeProgress) {
        String batchProblem = KnowledgeImporter.batchNameProblem(batch);
        if (batchProblem != null) {
            throw new IllegalArgumentException(batchProblem);
        }
        if (by.role() != Role.PARTNER) {
            throw new IllegalArgumentException("a bulk load is a partner's: only a partner's records are checked without the seed documents");
        }
        StoreImport store = new StoreImport(home);
        if (store.storeExists()) {
            throw new IllegalStateException("The data directory " + home + " already holds a store (" + store.databaseDirectory()
                    + "); a bulk load writes only a new one. Import into the running service instead (tools/import).");
        }
        RecordPasses passes = new RecordPasses(sources, false, chunk);
        Rejections rejections = new Rejections();
        ImportIndex index = ImportIndex.forNewStore(by);
        int threads = InOrder.threads();
        passes.inParallel(rejections, progress, "checking", -1, threads, records -> records.stream().map(index::summarize).toList(),
                records -> records.forEach(index::add));
        long total = index.records();
        index.finish(Map.of()).forEach(rejections);
        ImportPlanner.Resolver resolver = index.resolver(Map.of());
        StoreSpool spool = new StoreSpool(home.resolve("bulk-load-" + UUID.randomUUID()));
        try {
            StoreElements elements = new StoreElements(ZonedDateTime.now(), UUID.randomUUID().toString(), by, batch, index::recordsAbout, index::number,
                    index.ids(), spool);
            // the records' own problems were counted by the first pass; the plans' problems come in the file's order
            passes.inParallel(new Rejections(), progress, "planning", total, threads, records -> {
                ImportPlanner.Outcome outcome = new ImportPlanner(batch, by, NO_SEED_QUOTES).plan(records, resolver);
                return new Planned(outcome.rejections(), outcome.rejections().isEmpty() ? elements.prepare(records, outcome.plan()) : null);
            }, planned -> {
                planned.rejections().forEach(rejections);
                if (rejections.count() == 0 && planned.prepared() != null) {
                    elements.add(planned.prepared());
                }
            });
            if (rejections.count() > 0) {
                throw new ImportRejectedException(new ImportReport(batch, (int) total, index.recordsByType(), 0, 0, 0, 0, false, false,
                        rejections.listed(), rejections.count()));
            }
            elements.finish();
            spool.close();
            progress.update("storing", 0, total);
            store.write(spool, storeProgress);
            progress.update("storing", total, total);
            return new Loaded(new ImportReport(batch, (int) total, index.recordsByType(), (int) elements.claims(), 0, (int) elements.facts(),
                    (int) elements.links(), false, false, List.of(), 0), spool.nodes(), spool.relationships());
        }
        finally {
            spool.close();
            spool.delete();
        }
    }
}
