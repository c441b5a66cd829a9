package org.criticalminerals.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.criticalminerals.ingest.ImportPlanner.Known;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.criticalminerals.storage.WriteGuard;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one write path, for the curated knowledge base, partner files and curators' edits alike. Records are
 * streamed three times: (1) read and check each record, learning every id ({@link ImportIndex}); (2) resolve
 * references and sources against the import and the graph and plan each chunk ({@link ImportPlanner}),
 * collecting every problem; only then, when nothing is wrong, (3) write the claims and reconcile every fact
 * they touch ({@link GraphWriter}, {@link Reconciler}). An import of up to {@code cmg.import.chunk} records
 * is one transaction. A larger one is written by an import run in chunks of that size: its claims carry the
 * run, and a run that fails is undone (a run whose process died is undone at the next start), so that the
 * import lands whole or not at all; readers may see it land chunk by chunk. The same content imported again
 * changes nothing. A batch belongs to the key that first wrote it; one import at a time per batch.
 */
@Service
public class KnowledgeImporter {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImporter.class);

    /** The batch name a restore runs under (its lease); its claims keep the batches the export gives them. */
    static final String RESTORE_BATCH = "restore";

    /** A running import whose heartbeat is older than this is taken to be dead. */
    static final Duration STALE_RUN = Duration.ofMinutes(2);

    private final Driver driver;

    private final ImportPlanner.QuoteCheck quotes;

    private final int chunk;

    private final Duration writeTimeout;

    private final ImportMetrics metrics;

    private final WriteGuard guard;

    @Autowired
    KnowledgeImporter(Driver driver, SeedDocuments seeds, @Value("${cmg.import.chunk:5000}") int chunk,
            @Value("${cmg.import.transaction-timeout:30m}") Duration writeTimeout, ImportMetrics metrics, ObjectProvider<WriteGuard> guard) {
        this(driver, seeds, chunk, writeTimeout, metrics, guard.getIfAvailable(() -> WriteGuard.NONE));
    }

    /** Without a write guard: the tests' own importers, on a database of their own or with another chunk size. */
    KnowledgeImporter(Driver driver, SeedDocuments seeds, int chunk, Duration writeTimeout, ImportMetrics metrics) {
        this(driver, seeds, chunk, writeTimeout, metrics, WriteGuard.NONE);
    }

    private KnowledgeImporter(Driver driver, SeedDocuments seeds, int chunk, Duration writeTimeout, ImportMetrics metrics, WriteGuard guard) {
        this.driver = driver;
        this.quotes = seeds;
        this.chunk = chunk;
        this.writeTimeout = writeTimeout;
        this.metrics = metrics;
        this.guard = guard;
    }

    /** How far an import has got, for a progress display. */
    public interface Progress {

        /** @param phase checking, resolving, validating, writing, cleaning */
        void update(String phase, long done, long total);

        Progress NONE = (phase, done, total) -> { };
    }

    /** Something that must hold when the write begins, checked in its transaction (a fact's version, for an update). */
    public interface Precondition {

        /** @throws RuntimeException when it does not hold; nothing is then written */
        void check(TransactionContext tx);
    }

    /**
     * What to import.
     *
     * @param wholeBatch the sources are the whole batch: what the batch asserted before and they no longer hold is
     *        removed; otherwise the records replace what they themselves asserted in the batch before
     * @param checksum when given, the import is skipped if the batch was last imported with this checksum
     */
    record Request(String batch, List<RecordSource> sources, boolean dryRun, boolean wholeBatch, Caller by, @Nullable String checksum,
            Precondition precondition, boolean restore) {

        Request(String batch, List<RecordSource> sources, boolean dryRun, boolean wholeBatch, Caller by, @Nullable String checksum,
                Precondition precondition) {
            this(batch, sources, dryRun, wholeBatch, by, checksum, precondition, false);
        }
    }

    /** Why a partner's batch name is not one, or null: the rule of {@code POST /import} and of the bulk load. */
    static @Nullable String batchNameProblem(String batch) {
        if (!batch.matches("[a-z0-9][a-z0-9:._-]{0,99}") || batch.equals(KnowledgeBaseLoader.BATCH)) {
            return "batch must be 1-100 characters of a-z 0-9 : . _ - and not the curated knowledge base's own batch";
        }
        return null;
    }

    /** Validates and writes the files into the batch: their records replace what they asserted there before. */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, Caller by) {
        return importFiles(batch, files, dryRun, false, false, by);
    }

    /**
     * Validates and writes in-memory files as (part of) one batch.
     *
     * @param skipIfUnchanged do nothing when this batch was last imported with exactly this content
     * @param wholeBatch the files are the whole batch (the curated knowledge base is kept in sync so)
     * @throws ImportRejectedException when anything is invalid or not allowed; then nothing was written
     */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged, boolean wholeBatch,
            Caller by) {
        return importFiles(batch, files, dryRun, skipIfUnchanged, wholeBatch, by, tx -> { });
    }

    /** As {@link #importFiles(String, List, boolean, boolean, boolean, Caller)}, with a precondition checked in the write transaction. */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged, boolean wholeBatch,
            Caller by, Precondition precondition) {
        return importRecords(new Request(batch, files.stream().map(RecordSource::of).toList(), dryRun, wholeBatch, by,
                skipIfUnchanged ? checksum(files) : null, precondition), Progress.NONE);
    }

    /** The whole-batch import of in-memory files with progress (the start-up load logs it). */
    ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean skipIfUnchanged, Caller by, Progress progress) {
        return importRecords(new Request(batch, files.stream().map(RecordSource::of).toList(), false, true, by,
                skipIfUnchanged ? checksum(files) : null, tx -> { }), progress);
    }

    /**
     * Restores an export (JSON Lines as {@code GET /export} writes it) into this store: every claim with the batch,
     * writer and time it had, every batch with its owner. Curators only; all or nothing, as any import.
     */
    public ImportReport restore(Path export, Caller by, Consumer<String> log) {
        return importRecords(new Request(RESTORE_BATCH, List.of(new JsonLinesRecords(export.getFileName().toString(), export)), false, false, by,
                null, tx -> { }, true), new LoggedProgress("Restoring", log, System::nanoTime));
    }

    ImportReport importRecords(Request request, Progress progress) {
        long started = System.nanoTime();
        ImportMetrics.Outcome outcome = ImportMetrics.Outcome.FAILED;
        try {
            ImportReport report = importOnce(request, progress, started);
            outcome = report.skipped() ? ImportMetrics.Outcome.UNCHANGED : report.dryRun() ? ImportMetrics.Outcome.DRY_RUN
                    : ImportMetrics.Outcome.IMPORTED;
            return report;
        }
        catch (ImportForbiddenException e) {
            outcome = ImportMetrics.Outcome.FORBIDDEN;
            throw e;
        }
        catch (ImportRejectedException e) {
            outcome = ImportMetrics.Outcome.REJECTED;
            throw e;
        }
        catch (ImportConflictException e) {
            outcome = ImportMetrics.Outcome.CONFLICT;
            throw e;
        }
        finally {
            metrics.finished(outcome, System.nanoTime() - started);
        }
    }

    private ImportReport importOnce(Request request, Progress progress, long started) {
        String batch = request.batch();
        Caller by = request.by();
        BatchInfo existing = batchInfo(batch);
        if (existing != null && existing.owner() != null && !existing.owner().equals(by.name()) && by.role() != Role.CURATOR) {
            throw new ImportForbiddenException(rejected(batch, new Rejection("batch", null, "batch",
                    "the batch '" + batch + "' belongs to " + existing.owner() + "; a partner writes only its own batches")));
        }
        if (request.restore() && by.role() != Role.CURATOR) {
            throw new ImportForbiddenException(rejected(batch, new Rejection("restore", null, "restore", "only a curator may restore an export")));
        }
        if (request.checksum() != null && !request.dryRun() && existing != null && request.checksum().equals(existing.checksum())) {
            log.info("Batch '{}' unchanged (checksum {}), nothing to import", batch, request.checksum().substring(0, 12));
            return new ImportReport(batch, 0, Map.of(), 0, 0, 0, 0, true, false, List.of(), 0);
        }
        if (!request.dryRun()) {
            guard.checkWritable(); // a full disk is said before minutes of validation, not after
        }
        Rejections rejections = new Rejections();
        ImportIndex index = new ImportIndex(by);
        Map<String, Map<String, Object>> restoredBatches = new java.util.LinkedHashMap<>(); // for a restore: each batch with its owner
        List<CheckedRecord> sources = new ArrayList<>(); // few; a run writes them before any record that cites them
        passes(request).stream(rejections, progress, "checking", -1, record -> {
            index.add(record);
            if (record.spec().shape() == RecordSchema.Shape.SOURCE) {
                sources.add(record);
            }
            if (record.restored() != null) {
                restoredBatches.putIfAbsent(record.restored().batch(), Map.of("name", record.restored().batch(), "owner", record.restored().by(),
                        "role", record.restored().byRole()));
            }
        });
        long total = index.records();
        Map<String, Known> inGraph = lookUp(index.idsToLookUp(), progress);
        index.finish(inGraph).forEach(rejections);
        ImportPlanner.Resolver resolver = index.resolver(inGraph);
        long[] claims = new long[1];
        List<ImportPlanner.Plan> plans = new ArrayList<>(1); // an import of one chunk writes the plan validated here
        passes(request).inChunks(new Rejections(), progress, "validating", total, records -> {
            ImportPlanner.Outcome outcome = new ImportPlanner(batch, by, quotes).plan(records, resolver);
            outcome.rejections().forEach(rejections);
            claims[0] += outcome.plan().claims().size();
            if (total <= chunk) {
                plans.add(outcome.plan());
            }
        });
        if (rejections.count() > 0) {
            throw new ImportRejectedException(new ImportReport(batch, (int) total, index.recordsByType(), 0, 0, 0, 0, false, request.dryRun(),
                    rejections.listed(), rejections.count()));
        }
        if (request.dryRun()) {
            return new ImportReport(batch, (int) total, index.recordsByType(), (int) claims[0], 0, 0, 0, false, true, List.of(), 0);
        }
        Set<String> present = present(index.factIds(), inGraph);
        Counts counts;
        try {
            guard.checkWritable();
            counts = total <= chunk
                    ? writeAtOnce(request, plans.isEmpty() ? new ImportPlanner(batch, by, quotes).plan(List.of(), resolver).plan() : plans.get(0),
                            index, present, progress, total)
                    : writeInRun(request, resolver, sources, present, progress, total);
            if (!restoredBatches.isEmpty()) {
                try (Session session = driver.session()) {
                    session.executeWriteWithoutResult(tx -> tx.run("""
                            UNWIND $batches AS batch
                            MERGE (b:ImportBatch {name: batch.name})
                            ON CREATE SET b.owner = batch.owner, b.ownerRole = batch.role, b.createdAt = datetime(), b.importedAt = datetime(),
                                          b.importedBy = batch.owner, b.importedByRole = batch.role""",
                            Map.of("batches", List.copyOf(restoredBatches.values()))).consume(), config());
                }
            }
        }
        catch (RuntimeException e) {
            throw storageFailure(e);
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        log.info("Imported batch '{}' by {}: {} records ({}) in {} ms ({} records/s); {} claims written, {} removed; {} facts changed, "
                + "{} relationships written", batch, by, total, index.recordsByType(), millis, total * 1000 / millis, counts.claimsWritten,
                counts.claimsRemoved, counts.factsChanged, counts.relationshipsWritten);
        return new ImportReport(batch, (int) total, index.recordsByType(), counts.claimsWritten, counts.claimsRemoved, counts.factsChanged,
                counts.relationshipsWritten, false, false, List.of(), 0);
    }

    private static final class Counts {

        int claimsWritten;

        int claimsRemoved;

        int factsChanged;

        int relationshipsWritten;

        void add(GraphWriter.Changes changes) {
            factsChanged += changes.factsChanged() + changes.factsRemoved();
            relationshipsWritten += changes.relationshipsWritten();
        }
    }

    /** The whole import in one transaction: nothing is seen before it commits. */
    private Counts writeAtOnce(Request request, ImportPlanner.Plan plan, ImportIndex index, Set<String> present, Progress progress, long total) {
        String run = UUID.randomUUID().toString();
        Counts counts = new Counts();
        withLease(request, run, lease -> {
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> {
                    ZonedDateTime now = ZonedDateTime.now();
                    request.precondition().check(tx);
                    Set<String> fresh = newFacts(plan, present, Set.of());
                    GraphWriter.Written written = GraphWriter.writeClaims(tx, plan, now, run, fresh);
                    counts.add(GraphWriter.writeNew(tx, plan, fresh, now, run, request.by(), request.batch()));
                    Set<String> planned = new java.util.HashSet<>(plan.claims().stream().map(ImportPlanner.ClaimRow::id).toList());
                    Map<String, String> stored = request.wholeBatch() ? batchClaims(tx, request.batch()) : GraphWriter.claimsOf(tx, request.batch(),
                            index.factIds());
                    List<String> stale = stored.keySet().stream().filter(id -> !planned.contains(id)).toList();
                    Set<String> touched = new LinkedHashSet<>(written.touched());
                    touched.addAll(GraphWriter.removeClaims(tx, stale));
                    counts.add(GraphWriter.reconcile(tx, touched, now, request.by(), request.batch()));
                    if (request.wholeBatch()) {
                        GraphWriter.removeUncitedSources(tx, request.batch());
                    }
                    recordBatch(tx, request, plan.claims().size(), now);
                    counts.claimsWritten += plan.claims().stream().filter(c -> fresh.contains(c.fact())).count();
                    // the lease goes with the commit: a process that dies after it leaves nothing to undo
                    if (tx.run("MATCH (r:RunningImport {run: $run}) DELETE r RETURN count(*) AS n", Map.of("run", run)).single().get("n").asLong() == 0) {
                        throw stopped(run);
                    }
                    counts.claimsWritten += written.claimsWritten();
                    counts.claimsRemoved = stale.size();
                }, config());
            }
            metrics.written(total);
        });
        progress.update("written", total, total);
        return counts;
    }

    /**
     * A large import, written by a run in chunks of {@code cmg.import.chunk} records: every claim it creates carries
     * the run's id and every claim it confirms is marked seen by it; when all are written, the batch's claims it did
     * not see are removed. A run that fails while writing is undone; one that fails while cleaning up is finished.
     */
    private Counts writeInRun(Request request, ImportPlanner.Resolver resolver, List<CheckedRecord> sources, Set<String> present,
            Progress progress, long total) {
        List<ImportPlanner.SourceRow> allSources = new ImportPlanner(request.batch(), request.by(), quotes).plan(sources, resolver).plan().sources();
        // sources the graph holds already are redefined only when the run is through writing, so that undoing it leaves them as they were
        List<ImportPlanner.SourceRow> newSources = allSources.stream().filter(source -> !present.contains(source.id())).toList();
        List<ImportPlanner.SourceRow> redefined = allSources.stream().filter(source -> present.contains(source.id())).toList();
        String run = UUID.randomUUID().toString();
        Counts counts = new Counts();
        Set<String> touchedByRun = new java.util.HashSet<>();
        Set<String> existingTouched = new java.util.HashSet<>(); // facts that were there before: only they can hold stale claims
        Set<String> unlinked = new LinkedHashSet<>(); // facts written before the other ends of some of their relationships
        withLease(request, run, lease -> {
            setRunState(run, "WRITING");
            try {
                if (!newSources.isEmpty()) {
                    // new sources first: a record may cite a source the file defines after it, and a claim needs its source's node
                    try (Session session = driver.session()) {
                        session.executeWriteWithoutResult(tx -> {
                            GraphWriter.writeClaims(tx, sourcesOnly(newSources), ZonedDateTime.now(), run, Set.of());
                            heartbeat(tx, run);
                        }, config());
                    }
                }
                long[] done = new long[1];
                passes(request).inChunks(new Rejections(), Progress.NONE, "writing", total, records -> {
                    ImportPlanner.Plan planned = new ImportPlanner(request.batch(), request.by(), quotes).plan(records, resolver).plan();
                    ImportPlanner.Plan plan = new ImportPlanner.Plan(planned.facts(), planned.claims(), List.of(), planned.recordsByType(),
                            planned.records()); // its sources are written before and after the chunks
                    guard.checkWritable();
                    Set<String> dangling = new LinkedHashSet<>();
                    try (Session session = driver.session()) {
                        session.executeWriteWithoutResult(tx -> {
                            dangling.clear(); // a retried transaction starts again
                            ZonedDateTime now = ZonedDateTime.now();
                            if (done[0] == 0) {
                                request.precondition().check(tx);
                            }
                            Set<String> fresh = newFacts(plan, present, touchedByRun);
                            GraphWriter.Written written = GraphWriter.writeClaims(tx, plan, now, run, fresh);
                            GraphWriter.Changes created = GraphWriter.writeNew(tx, plan, fresh, now, run, request.by(), request.batch());
                            counts.add(created);
                            // claims this run created carry it; the ones it found already stored are marked as seen by it
                            tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) WHERE coalesce(c.run, '') <> $run SET c.seen = $run",
                                    Map.of("ids", plan.claims().stream().filter(c -> !fresh.contains(c.fact())).map(ImportPlanner.ClaimRow::id).toList(),
                                            "run", run)).consume();
                            GraphWriter.Changes reconciled = GraphWriter.reconcile(tx, written.touched(), now, request.by(), request.batch());
                            counts.add(reconciled);
                            dangling.addAll(created.dangling());
                            dangling.addAll(reconciled.dangling());
                            counts.claimsWritten += written.claimsWritten() + plan.claims().stream().filter(c -> fresh.contains(c.fact())).count();
                            touchedByRun.addAll(plan.facts().keySet());
                            plan.facts().keySet().stream().filter(present::contains).forEach(existingTouched::add);
                            heartbeat(tx, run);
                        }, config());
                    }
                    unlinked.addAll(dangling);
                    metrics.written(records.size());
                    done[0] += records.size();
                    progress.update("writing", done[0], total);
                });
                // every fact is written now: the relationships whose other end came in a later chunk can be
                List<String> relink = List.copyOf(unlinked);
                for (int from = 0; from < relink.size(); from += chunk) {
                    List<String> part = relink.subList(from, Math.min(relink.size(), from + chunk));
                    try (Session session = driver.session()) {
                        counts.relationshipsWritten += session.executeWrite(tx -> {
                            int written = GraphWriter.relink(tx, part).relationshipsWritten();
                            heartbeat(tx, run);
                            return written;
                        }, config());
                    }
                }
            }
            catch (RuntimeException e) {
                log.warn("Import run {} of batch '{}' failed while writing ({}); undoing it", run, request.batch(), e.toString());
                try {
                    undo(run, request.batch(), request.by());
                }
                catch (RuntimeException undoFailed) {
                    // the run's claims carry it, and its lease stays: the recovery at the next start of the database undoes it
                    lease.keep();
                    e.addSuppressed(undoFailed);
                    log.warn("Import run {} of batch '{}' could not be undone now ({}); it is undone when the database next starts", run,
                            request.batch(), undoFailed.toString());
                }
                throw e;
            }
            try (Session session = driver.session()) {
                // with the change of state: a run that dies before it is undone (its sources as they were), after it finished
                session.executeWriteWithoutResult(tx -> {
                    GraphWriter.writeClaims(tx, sourcesOnly(redefined), ZonedDateTime.now(), run, Set.of());
                    tx.run("MATCH (r:RunningImport {run: $run}) SET r.state = 'CLEANING', r.heartbeatAt = datetime()", Map.of("run", run)).consume();
                }, config());
            }
            counts.claimsRemoved = finish(run, request.batch(), request.wholeBatch(), request.by(), counts,
                    request.wholeBatch() ? null : existingTouched);
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> recordBatch(tx, request, counts.claimsWritten, ZonedDateTime.now()), config());
            }
            progress.update("written", total, total);
        });
        return counts;
    }

    /**
     * Removes the claims of the batch a finished run did not see (for the facts it wrote, or all); reconciles.
     *
     * @param existing when known, the facts the run wrote that existed before it (facts it created hold only its
     *        own claims); null: found from the run's claims (a run recovered after a crash)
     */
    int finish(String run, String batch, boolean wholeBatch, Caller by, Counts counts, @Nullable Collection<String> existing) {
        if (!wholeBatch && existing != null && existing.isEmpty()) {
            return 0;
        }
        List<String> records = existing == null ? List.of() : List.copyOf(existing);
        int removed = 0;
        while (true) {
            int[] deleted = new int[1];
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> {
                    List<String> stale = tx.run(wholeBatch ? """
                            MATCH (c:Claim {batch: $batch}) WHERE NOT (coalesce(c.run, '') = $run OR coalesce(c.seen, '') = $run)
                            RETURN c.id AS id LIMIT $limit""" : existing != null ? """
                            UNWIND $records AS record
                            MATCH (c:Claim {record: record}) WHERE c.batch = $batch AND NOT (coalesce(c.run, '') = $run OR coalesce(c.seen, '') = $run)
                            RETURN c.id AS id LIMIT $limit""" : """
                            CALL () {
                                MATCH (c:Claim {run: $run}) RETURN DISTINCT c.record AS record
                                UNION
                                MATCH (c:Claim {seen: $run}) RETURN DISTINCT c.record AS record
                            }
                            MATCH (c:Claim {record: record}) WHERE c.batch = $batch AND NOT (coalesce(c.run, '') = $run OR coalesce(c.seen, '') = $run)
                            RETURN c.id AS id LIMIT $limit""", Map.of("batch", batch, "run", run, "limit", chunk, "records", records))
                            .list(r -> r.get("id").asString());
                    deleted[0] = stale.size();
                    counts.add(GraphWriter.reconcile(tx, GraphWriter.removeClaims(tx, stale), ZonedDateTime.now(), by, batch));
                    if (stale.isEmpty() && wholeBatch) {
                        GraphWriter.removeUncitedSources(tx, batch);
                    }
                }, config());
            }
            removed += deleted[0];
            if (deleted[0] == 0) {
                return removed;
            }
        }
    }

    /** Undoes a run: its claims go, and the facts they touched are reconciled from what remains. */
    void undo(String run, String batch, Caller by) {
        while (true) {
            Set<String> touched;
            try (Session session = driver.session()) {
                touched = session.executeWrite(tx -> {
                    Set<String> facts = GraphWriter.removeSome(tx, GraphWriter.ClaimsOf.RUN, run, chunk);
                    GraphWriter.reconcile(tx, facts, ZonedDateTime.now(), by, batch);
                    if (facts.isEmpty()) {
                        GraphWriter.removeUncitedSources(tx, batch); // sources the run defined
                    }
                    return facts;
                }, config());
            }
            if (touched.isEmpty()) {
                return;
            }
        }
    }

    /**
     * Removes a batch: its claims go, every fact they touched is reconciled from the claims that remain (a
     * fact no other batch asserts is removed), and the sources it defined that nothing cites any more.
     *
     * @return the number of facts that changed, or -1 when there is no such batch
     */
    public int removeBatch(String batch, Caller by) {
        try {
            return removeBatchNow(batch, by);
        }
        catch (RuntimeException e) {
            throw storageFailure(e);
        }
    }

    private int removeBatchNow(String batch, Caller by) {
        BatchInfo existing = batchInfo(batch);
        if (existing == null) {
            return -1;
        }
        if (existing.owner() != null && !existing.owner().equals(by.name()) && by.role() != Role.CURATOR) {
            throw new ImportRejectedException(rejected(batch, new Rejection("batch", null, "batch",
                    "the batch '" + batch + "' belongs to " + existing.owner() + "; a partner removes only its own batches")));
        }
        guard.checkWritable();
        Counts counts = new Counts();
        withLease(new Request(batch, List.of(), false, true, by, null, tx -> { }), "remove-" + UUID.randomUUID(), lease -> {
            while (true) {
                Set<String> touched;
                try (Session session = driver.session()) {
                    touched = session.executeWrite(tx -> {
                        Set<String> facts = GraphWriter.removeSome(tx, GraphWriter.ClaimsOf.BATCH, batch, chunk);
                        counts.add(GraphWriter.reconcile(tx, facts, ZonedDateTime.now(), by, batch));
                        if (facts.isEmpty()) {
                            GraphWriter.removeUncitedSources(tx, batch);
                            tx.run("MATCH (b:ImportBatch {name: $batch}) DELETE b", Map.of("batch", batch)).consume();
                            GraphWriter.removeStrandedSources(tx);
                        }
                        return facts;
                    }, config());
                }
                if (touched.isEmpty()) {
                    break;
                }
            }
        });
        log.info("Removed batch '{}' by {}: {} facts changed", batch, by, counts.factsChanged);
        return counts.factsChanged;
    }

    /**
     * Undoes the runs a dead process left (at start-up): in embedded mode every unfinished run, in server mode
     * those whose heartbeat stopped. A run that was cleaning up is finished instead: all its claims are written.
     */
    public void recoverRuns(boolean ownStore) {
        List<Map<String, Object>> runs;
        try (Session session = driver.session()) {
            runs = session.executeRead(tx -> tx.run("""
                    MATCH (r:RunningImport)
                    WHERE $ownStore OR r.heartbeatAt < datetime() - $stale
                    RETURN r.batch AS batch, r.run AS run, r.state AS state, r.by AS by, r.byRole AS role, r.wholeBatch AS wholeBatch""",
                    Map.of("ownStore", ownStore, "stale", STALE_RUN)).list(r -> r.asMap()));
        }
        for (Map<String, Object> run : runs) {
            String batch = (String) run.get("batch");
            Caller by = new Caller(String.valueOf(run.get("by")), Role.valueOf(String.valueOf(run.get("role")).toUpperCase()));
            if ("CLEANING".equals(run.get("state"))) {
                log.warn("Import run {} of batch '{}' stopped while cleaning up: finishing it", run.get("run"), batch);
                finish((String) run.get("run"), batch, Boolean.TRUE.equals(run.get("wholeBatch")), by, new Counts(), null);
            }
            else {
                log.warn("Import run {} of batch '{}' stopped while writing: undoing it", run.get("run"), batch);
                undo((String) run.get("run"), batch, by);
            }
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:RunningImport {batch: $batch}) DELETE r", Map.of("batch", batch)).consume());
            }
        }
    }

    /** The plan's facts that nothing in the graph holds yet, not even a tombstone, and no earlier chunk wrote. */
    private static Set<String> newFacts(ImportPlanner.Plan plan, Set<String> present, Set<String> touchedByRun) {
        Set<String> fresh = new java.util.HashSet<>();
        plan.facts().keySet().forEach(id -> {
            if (!present.contains(id) && !touchedByRun.contains(id)) {
                fresh.add(id);
            }
        });
        return fresh;
    }

    /** Which of the facts have a node (a fact, or a removed fact's tombstone) or a relationship (a supply link). */
    private Set<String> present(Set<String> facts, Map<String, Known> inGraph) {
        Set<String> present = new java.util.HashSet<>(inGraph.keySet());
        List<String> unknown = facts.stream().filter(id -> !inGraph.containsKey(id)).toList();
        for (int from = 0; from < unknown.size(); from += 10_000) {
            List<String> part = unknown.subList(from, Math.min(unknown.size(), from + 10_000));
            try (Session session = driver.session()) {
                present.addAll(session.executeRead(tx -> tx.run("""
                        UNWIND $ids AS id
                        OPTIONAL MATCH (n:Entity {id: id})
                        WITH id, n
                        WHERE n IS NOT NULL OR EXISTS { MATCH ()-[:SUPPLIES {record: id}]->() } OR EXISTS { MATCH (:Claim {record: id}) }
                        RETURN id""", Map.of("ids", part)).list(r -> r.get("id").asString())));
            }
        }
        return present;
    }

    // --- runs and batches -----------------------------------------------------------------------------------

    /** The lease of a batch held by one import; kept, not released, when what the import wrote could not be undone. */
    private static final class Lease {

        private boolean kept;

        void keep() {
            kept = true;
        }
    }

    /** One import at a time per batch: a concurrent one is refused with a conflict to retry. */
    private void withLease(Request request, String run, Consumer<Lease> work) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (:RunningImport {batch: $batch, run: $run, by: $by, byRole: $role, wholeBatch: $whole, state: 'STARTING',
                                            startedAt: datetime(), heartbeatAt: datetime()})""",
                    Map.of("batch", request.batch(), "run", run, "by", request.by().name(), "role", request.by().role().configName(),
                            "whole", request.wholeBatch())).consume());
        }
        catch (ClientException e) {
            if (String.valueOf(e.code()).contains("ConstraintValidationFailed")) {
                throw new ImportConflictException("The batch '" + request.batch() + "' is being imported right now; retry when that import has finished.");
            }
            throw e;
        }
        Lease lease = new Lease();
        try {
            work.accept(lease);
        }
        catch (RuntimeException e) {
            release(run, lease, e);
            throw e;
        }
        release(run, lease, null);
    }

    /** Releases the lease unless it is kept; a failure to release it does not hide the import's own failure. */
    private void release(String run, Lease lease, @Nullable RuntimeException failure) {
        if (lease.kept) {
            return;
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:RunningImport {run: $run}) DELETE r", Map.of("run", run)).consume());
        }
        catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** A failed write as what it is: a storage failure (the disk is full, the database stopped) if it is one. */
    private RuntimeException storageFailure(RuntimeException failure) {
        return guard.explain(failure).<RuntimeException>map(full -> full).orElse(failure);
    }

    private static ImportPlanner.Plan sourcesOnly(List<ImportPlanner.SourceRow> sources) {
        return new ImportPlanner.Plan(Map.of(), List.of(), sources, Map.of(), 0);
    }

    /** A run whose lease is gone was undone by a recovery (the database restarted under it): it must write no more. */
    private static IllegalStateException stopped(String run) {
        return new IllegalStateException("The import run " + run + " was undone while it ran (the database was restarted); nothing of it "
                + "was kept: import again.");
    }

    private void setRunState(String run, String state) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:RunningImport {run: $run}) SET r.state = $state, r.heartbeatAt = datetime()",
                    Map.of("run", run, "state", state)).consume());
        }
    }

    private static void heartbeat(TransactionContext tx, String run) {
        if (tx.run("MATCH (r:RunningImport {run: $run}) SET r.heartbeatAt = datetime() RETURN count(r) AS n", Map.of("run", run)).single()
                .get("n").asLong() == 0) {
            throw stopped(run);
        }
    }

    private RecordPasses passes(Request request) {
        return new RecordPasses(request.sources(), request.restore(), chunk);
    }

    private TransactionConfig config() {
        return TransactionConfig.builder().withTimeout(writeTimeout).build();
    }

    private record BatchInfo(String owner, String checksum) {
    }

    private @Nullable BatchInfo batchInfo(String batch) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (b:ImportBatch {name: $batch}) RETURN b.owner AS owner, b.checksum AS checksum",
                    Map.of("batch", batch)).list(r -> new BatchInfo(r.get("owner").asString(null), r.get("checksum").asString(null)))
                    .stream().findFirst().orElse(null));
        }
    }

    private static Map<String, String> batchClaims(TransactionContext tx, String batch) {
        Map<String, String> claims = new HashMap<>();
        tx.run("MATCH (c:Claim {batch: $batch}) RETURN c.id AS id, c.record AS record", Map.of("batch", batch))
                .forEachRemaining(r -> claims.put(r.get("id").asString(), r.get("record").asString()));
        return claims;
    }

    private static void recordBatch(TransactionContext tx, Request request, int claims, ZonedDateTime now) {
        if (request.restore()) {
            return; // a restore writes into the batches its records name (restoredBatches), none of its own
        }
        BatchState state = BatchState.of(request.by(), now, request.checksum(), claims);
        tx.run("""
                MERGE (b:ImportBatch {name: $batch})
                ON CREATE SET b += $created
                SET b += $imported""", Map.of("batch", request.batch(), "created", state.created(), "imported", state.imported())).consume();
    }

    /**
     * What a batch's node holds: who created it and when, and of its last import when, by whom, with which checksum
     * (absent when none is given) and how many claims it wrote.
     */
    record BatchState(Map<String, Object> created, Map<String, @Nullable Object> imported) {

        static BatchState of(Caller by, ZonedDateTime now, @Nullable String checksum, long claims) {
            Map<String, @Nullable Object> imported = new HashMap<>();
            imported.put("checksum", checksum);
            imported.put("importedAt", now);
            imported.put("importedBy", by.name());
            imported.put("importedByRole", by.role().configName());
            imported.put("claims", claims);
            return new BatchState(Map.of("owner", by.name(), "ownerRole", by.role().configName(), "createdAt", now), imported);
        }
    }

    /** What the graph holds for the ids: their type, and for sources their kind, owner and file. */
    private Map<String, Known> lookUp(Set<String> ids, Progress progress) {
        Map<String, Known> known = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 10_000));
            try (Session session = driver.session()) {
                session.executeRead(tx -> {
                    tx.run("""
                            UNWIND $ids AS id
                            MATCH (n:Entity {id: id})
                            WITH n, [label IN labels(n) WHERE label IN $types][0] AS type
                            WHERE type IS NOT NULL
                            RETURN n.id AS id, type, n.kind AS kind, n.owner AS owner, n.file AS file""",
                            Map.of("ids", part, "types", RecordSchema.typeNames())).forEachRemaining(r -> known.put(r.get("id").asString(),
                                    new Known(r.get("type").asString(), r.get("type").asString().equals("Source") ? r.get("kind").asString(null) : null,
                                            r.get("owner").asString(null), r.get("file").asString(null))));
                    return null;
                });
            }
            progress.update("resolving", Math.min(all.size(), from + 10_000), all.size());
        }
        return known;
    }

    private static ImportReport rejected(String batch, Rejection rejection) {
        return new ImportReport(batch, 0, Map.of(), 0, 0, 0, 0, false, false, List.of(rejection), 1);
    }

    private static String checksum(List<KnowledgeFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (KnowledgeFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
