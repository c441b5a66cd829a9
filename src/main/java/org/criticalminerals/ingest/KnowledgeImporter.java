package org.criticalminerals.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.criticalminerals.ingest.ImportPlanner.Known;
import org.criticalminerals.ingest.ImportPlanner.Outcome;
import org.criticalminerals.ingest.YamlRecords.Parsed;
import org.criticalminerals.ingest.YamlRecords.RawRecord;
import org.criticalminerals.security.Caller;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one importer, for the curated knowledge base and for partner files alike. An import is validated
 * completely before anything is written, then written in a single transaction: it lands whole or not at
 * all, and importing the same content again changes nothing.
 */
@Service
public class KnowledgeImporter {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImporter.class);

    private final Driver driver;

    KnowledgeImporter(Driver driver) {
        this.driver = driver;
    }

    /**
     * Validates and writes the files as one batch.
     *
     * @param batch names the batch; records re-imported under the same batch replace what they asserted before
     * @param files the files, which may refer to each other's records
     * @param dryRun validate only
     * @param skipIfUnchanged do nothing when this batch was last imported with exactly this content
     * @param by who imports: the API key's name, recorded on the batch and in the log
     * @throws ImportRejectedException when anything is invalid; then nothing was written
     */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged, Caller by) {
        return importFiles(batch, files, dryRun, skipIfUnchanged, false, by);
    }

    /**
     * As {@link #importFiles(String, List, boolean, boolean)}; with {@code replaceBatch} the files are the whole
     * batch, and whatever an earlier import of the batch asserted that they no longer hold is removed in the
     * same transaction (the curated knowledge base is synchronised this way).
     */
    public ImportReport importFiles(String batch, List<KnowledgeFile> files, boolean dryRun, boolean skipIfUnchanged,
            boolean replaceBatch, Caller by) {
        long started = System.nanoTime();
        String checksum = checksum(files);
        if (skipIfUnchanged && !dryRun && checksum.equals(lastChecksum(batch))) {
            log.info("Batch '{}' unchanged (checksum {}), nothing to import", batch, checksum.substring(0, 12));
            return new ImportReport(batch, 0, Map.of(), 0, 0, true, false, List.of());
        }
        List<RawRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (KnowledgeFile file : files) {
            Parsed parsed = YamlRecords.read(file);
            records.addAll(parsed.records());
            rejections.addAll(parsed.rejections());
        }
        Outcome outcome = new ImportPlanner(batch, this::lookUp).plan(records);
        rejections.addAll(outcome.rejections());
        ImportPlanner.Plan plan = outcome.plan();
        ImportReport report = new ImportReport(batch, records.size(), plan.recordsByType(), plan.claims().size(),
                plan.relationships().size(), false, dryRun, List.copyOf(rejections));
        if (!report.accepted()) {
            throw new ImportRejectedException(report);
        }
        if (!dryRun) {
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> {
                    if (replaceBatch) {
                        GraphWriter.removeStale(tx, batch, plan);
                    }
                    GraphWriter.write(tx, batch, plan);
                    tx.run("""
                            MERGE (b:ImportBatch {name: $batch})
                            SET b.checksum = $checksum, b.importedAt = datetime(), b.records = $records, b.importedBy = $by,
                                b.importedByRole = $role""",
                            Map.of("batch", batch, "checksum", checksum, "records", plan.nodeRecordIds().size()
                                    + plan.relationshipRecordIds().size(), "by", by.name(), "role", by.role().configName())).consume();
                });
            }
            log.info("Imported batch '{}' by {}: {} records from {} files ({}), {} claims, {} relationships in {} ms", batch, by,
                    records.size(),
                    files.size(), plan.recordsByType(), plan.claims().size(), plan.relationships().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return report;
    }

    private Map<String, Known> lookUp(Set<String> ids) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (n:Entity) WHERE n.id IN $ids
                    RETURN n.id AS id, [label IN labels(n) WHERE label IN $types][0] AS type, n.kind AS kind""",
                    Map.of("ids", List.copyOf(ids), "types", List.copyOf(RecordSchema.types())))
                    .stream().collect(Collectors.toMap(r -> r.get("id").asString(),
                            r -> new Known(r.get("type").asString(null), r.get("kind").asString(null)))));
        }
    }

    private String lastChecksum(String batch) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (b:ImportBatch {name: $batch}) RETURN b.checksum AS checksum",
                    Map.of("batch", batch)).list(r -> r.get("checksum").asString(null)).stream().findFirst().orElse(null));
        }
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
