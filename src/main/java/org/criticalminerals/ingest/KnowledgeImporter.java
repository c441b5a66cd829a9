package org.criticalminerals.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.criticalminerals.ingest.ImportPlanner.Known;
import org.criticalminerals.ingest.ImportPlanner.Outcome;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one write path, for the curated knowledge base, partner files and curators' edits alike:
 * read → check ({@link RecordChecker}) → resolve against the graph → plan ({@link ImportPlanner}) → write and
 * reconcile ({@link GraphWriter}, {@link Reconciler}) in one transaction. Everything is validated before
 * anything is written: an import lands whole or not at all, and the same content imported again changes
 * nothing. A batch belongs to the key that first wrote it: a partner may write only its own batches.
 */
@Service
public class KnowledgeImporter {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImporter.class);

    private final Driver driver;

    private final ImportPlanner.QuoteCheck quotes;

    KnowledgeImporter(Driver driver, SeedDocuments seeds) {
        this.driver = driver;
        this.quotes = seeds;
    }

    /** Validates and writes the files into the batch: their records replace what they asserted there before. */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, Caller by) {
        return importFiles(batch, files, dryRun, false, false, by);
    }

    /**
     * Validates and writes the files as (part of) one batch.
     *
     * @param batch names the batch; records imported again under it replace what they asserted before
     * @param files the files, which may refer to each other's records
     * @param dryRun validate only
     * @param skipIfUnchanged do nothing when this batch was last imported with exactly this content
     * @param wholeBatch the files are the whole batch: what an earlier import of it asserted and these no
     *        longer hold is removed in the same transaction (the curated knowledge base is kept in sync so)
     * @param by who imports: the API key's name and role, recorded on the batch and every claim
     * @throws ImportRejectedException when anything is invalid or not allowed; then nothing was written
     */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged, boolean wholeBatch,
            Caller by) {
        return importFiles(batch, files, dryRun, skipIfUnchanged, wholeBatch, by, tx -> { });
    }

    /** Something that must hold when the write begins, checked in its transaction (a fact's version, for an update). */
    public interface Precondition {

        /** @throws ImportRejectedException when it does not hold; nothing is then written */
        void check(TransactionContext tx);
    }

    /** As {@link #importFiles(String, List, boolean, boolean, boolean, Caller)}, with a precondition checked in the write transaction. */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged, boolean wholeBatch,
            Caller by, Precondition precondition) {
        long started = System.nanoTime();
        String checksum = checksum(files);
        BatchInfo existing = batchInfo(batch);
        if (existing != null && existing.owner() != null && !existing.owner().equals(by.name()) && by.role() != Role.CURATOR) {
            throw new ImportRejectedException(rejected(batch, new Rejection("batch", null, "batch",
                    "the batch '" + batch + "' belongs to " + existing.owner() + "; a partner writes only its own batches")));
        }
        if (skipIfUnchanged && !dryRun && existing != null && checksum.equals(existing.checksum())) {
            log.info("Batch '{}' unchanged (checksum {}), nothing to import", batch, checksum.substring(0, 12));
            return new ImportReport(batch, 0, Map.of(), 0, 0, 0, 0, true, false, List.of());
        }
        List<Rejection> rejections = new ArrayList<>();
        List<CheckedRecord> checked = new ArrayList<>();
        int read = 0;
        for (KnowledgeFile file : files) {
            YamlRecords.Parsed parsed = YamlRecords.read(file);
            rejections.addAll(parsed.rejections());
            for (RawRecord raw : parsed.records()) {
                read++;
                RecordChecker.Result result = RecordChecker.check(raw);
                rejections.addAll(result.rejections());
                if (result.record() != null) {
                    checked.add(result.record());
                }
            }
        }
        Outcome outcome = new ImportPlanner(batch, by, quotes).plan(checked, lookUp(ImportPlanner.referencedIds(checked)));
        rejections.addAll(outcome.rejections());
        ImportPlanner.Plan plan = outcome.plan();
        if (!rejections.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(batch, read, plan.recordsByType(), 0, 0, 0, 0, false, dryRun,
                    List.copyOf(rejections)));
        }
        if (dryRun) {
            return new ImportReport(batch, read, plan.recordsByType(), plan.claims().size(), 0, 0, 0, false, true, List.of());
        }
        ZonedDateTime now = ZonedDateTime.now();
        int[] counts = new int[4];
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                precondition.check(tx);
                GraphWriter.Written written = GraphWriter.writeClaims(tx, batch, plan, now, wholeBatch);
                GraphWriter.Changes changes = GraphWriter.reconcile(tx, written.touched(), now, by, batch);
                recordBatch(tx, batch, by, existing, checksum, plan.claims().size(), now);
                counts[0] = written.claimsWritten();
                counts[1] = written.claimsRemoved();
                counts[2] = changes.factsChanged() + changes.factsRemoved();
                counts[3] = changes.relationshipsWritten();
            });
        }
        log.info("Imported batch '{}' by {}: {} records from {} file(s) ({}); {} claims written, {} removed; {} facts changed, "
                + "{} relationships written in {} ms", batch, by, read, files.size(), plan.recordsByType(), counts[0], counts[1], counts[2],
                counts[3], (System.nanoTime() - started) / 1_000_000);
        return new ImportReport(batch, read, plan.recordsByType(), counts[0], counts[1], counts[2], counts[3], false, false, List.of());
    }

    /**
     * Removes a batch: its claims go, every fact they touched is reconciled from the claims that remain (a
     * fact no other batch asserts is removed), and the sources it defined that nothing cites any more.
     *
     * @return the number of facts that changed, or -1 when there is no such batch
     */
    public int removeBatch(String batch, Caller by) {
        BatchInfo existing = batchInfo(batch);
        if (existing == null) {
            return -1;
        }
        if (existing.owner() != null && !existing.owner().equals(by.name()) && by.role() != Role.CURATOR) {
            throw new ImportRejectedException(rejected(batch, new Rejection("batch", null, "batch",
                    "the batch '" + batch + "' belongs to " + existing.owner() + "; a partner removes only its own batches")));
        }
        ZonedDateTime now = ZonedDateTime.now();
        try (Session session = driver.session()) {
            int changed = session.executeWrite(tx -> {
                GraphWriter.Written removed = GraphWriter.removeBatch(tx, batch);
                GraphWriter.Changes changes = GraphWriter.reconcile(tx, removed.touched(), now, by, batch);
                tx.run("MATCH (b:ImportBatch {name: $batch}) DELETE b", Map.of("batch", batch)).consume();
                return changes.factsChanged() + changes.factsRemoved();
            });
            log.info("Removed batch '{}' by {}: {} facts changed", batch, by, changed);
            return changed;
        }
    }

    private record BatchInfo(String owner, String checksum) {
    }

    private BatchInfo batchInfo(String batch) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (b:ImportBatch {name: $batch}) RETURN b.owner AS owner, b.checksum AS checksum",
                    Map.of("batch", batch)).list(r -> new BatchInfo(r.get("owner").asString(null), r.get("checksum").asString(null)))
                    .stream().findFirst().orElse(null));
        }
    }

    private static void recordBatch(TransactionContext tx, String batch, Caller by, BatchInfo existing, String checksum, int claims,
            ZonedDateTime now) {
        tx.run("""
                MERGE (b:ImportBatch {name: $batch})
                ON CREATE SET b.owner = $by, b.ownerRole = $role, b.createdAt = $now
                SET b.checksum = $checksum, b.importedAt = $now, b.importedBy = $by, b.importedByRole = $role, b.claims = $claims""",
                Map.of("batch", batch, "by", by.name(), "role", by.role().configName(), "now", now, "checksum", checksum, "claims", claims))
                .consume();
    }

    /** What the graph holds for the ids: their type, and for sources their kind, owner and file. */
    private Map<String, Known> lookUp(Set<String> ids) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH (n:Entity {id: id})
                    WITH n, [label IN labels(n) WHERE label IN $types][0] AS type
                    WHERE type IS NOT NULL
                    RETURN n.id AS id, type, n.kind AS kind, n.owner AS owner, n.file AS file""",
                    Map.of("ids", List.copyOf(ids), "types", RecordSchema.typeNames()))
                    .stream().collect(Collectors.toMap(r -> r.get("id").asString(), r -> new Known(r.get("type").asString(),
                            r.get("type").asString().equals("Source") ? r.get("kind").asString(null) : null, r.get("owner").asString(null),
                            r.get("file").asString(null)))));
        }
    }

    private static ImportReport rejected(String batch, Rejection rejection) {
        return new ImportReport(batch, 0, Map.of(), 0, 0, 0, 0, false, false, List.of(rejection));
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
