package org.criticalminerals.e2e;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphFingerprint;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.ServiceProcess;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes, as a power cut or the OOM killer deals them: the service runs as a process of its own on a data
 * directory and is killed with SIGKILL (no shutdown hook runs, nothing is flushed), then started again on the
 * same directory.
 * <ul>
 * <li>Killed in the middle of a large partner import written in chunks, after some chunks committed: the next
 * start undoes the import run, and the store holds exactly what it held before the import: every fact, claim,
 * source and relationship with every property ({@link GraphFingerprint}: only its history records that the import
 * came and went).</li>
 * <li>Killed during the first start-up load of the curated knowledge base: the next start loads it whole, and
 * the graph is the one a clean first load gives (up to points in time and run ids).</li>
 * </ul>
 * Figures (printed as {@code [crash]} lines): claims committed when killed, time from the restart to ready.
 */
class CrashRecoveryTest {

    private static final String BATCH = "test:crash";

    /** Small chunks, so that the import is many transactions and the kill lands between them. */
    private static final int CHUNK = 500;

    private static final int RECORDS = 5_000;

    @TempDir
    static Path temp;

    /** The service on the store a clean first load made; the first test crashes and restarts it. */
    private static ServiceProcess service;

    private static GraphFingerprint cleanLoad;

    @BeforeAll
    static void startOnAFreshStore() {
        service = ServiceProcess.start(temp.resolve("import-store"), temp.resolve("import-store.log"), "--cmg.import.chunk=" + CHUNK).awaitReady();
        try (Driver bolt = service.bolt()) {
            cleanLoad = GraphFingerprint.of(bolt);
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aKillInTheMiddleOfAChunkedImportLeavesTheStoreExactlyAsBefore() throws Exception {
        Path data = temp.resolve("import-store");
        GraphFingerprint before;
        try (Driver bolt = service.bolt()) {
            before = GraphFingerprint.of(bolt);
        }
        Path file = temp.resolve("partner.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PartnerFileGenerator.generate(11, RECORDS, out);
        }

        HttpResponse<Stream<String>> progress = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.httpPort() + "/import?batch=" + BATCH)).timeout(ServiceProcess.START_DEADLINE)
                .header("Authorization", TestKeys.bearer(Role.PARTNER)).header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(progress.statusCode()).isEqualTo(200);
        Iterator<String> lines = progress.body().iterator();
        String line;
        do {
            assertThat(lines.hasNext()).as("the import ended before writing anything: " + service.log()).isTrue();
            line = lines.next();
        } while (!line.contains("\"phase\":\"writing\"")); // a chunk has committed
        long committed;
        try (Driver bolt = service.bolt(); Session session = bolt.session()) {
            committed = session.run("MATCH (c:Claim {batch: $batch}) RETURN count(c) AS n", Map.of("batch", BATCH)).single().get("n").asLong();
        }
        service.kill();
        assertThat(committed).as("claims of the import committed before the kill").isBetween(1L, (long) RECORDS - CHUNK);

        long restarted = System.nanoTime();
        service = ServiceProcess.start(data, temp.resolve("import-store.log"), "--cmg.import.chunk=" + CHUNK).awaitReady();
        double toReady = (System.nanoTime() - restarted) / 1e9;
        assertThat(service.log()).contains("of batch '" + BATCH + "' stopped while writing: undoing it");
        GraphFingerprint after;
        try (Driver bolt = service.bolt()) {
            after = GraphFingerprint.of(bolt);
        }
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(after.differences(before)).as("every node and relationship as before the import").isEmpty();
        // and the batch is free again: nothing holds its lease
        Http.Response retry = Http.post(service.httpPort(), "/import?batch=" + BATCH, String.join("\n", Files.readAllLines(file).subList(0, 50)),
                "application/x-ndjson", TestKeys.bearer(Role.PARTNER));
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        System.out.printf("[crash] SIGKILL mid-import: %d of %d claims committed in chunks of %d records when killed; none left after the "
                + "restart, store content identical (%d labels and types, %d tombstones of undone facts); restart to ready %.1f s%n", committed,
                RECORDS - 1, CHUNK, before.counts().size(), after.tombstones(), toReady);
    }

    @Test
    void aKillDuringTheFirstLoadOfTheKnowledgeBaseIsFollowedByAWholeLoad() {
        Path data = temp.resolve("first-load-store");
        Path log = temp.resolve("first-load-store.log");
        try (ServiceProcess first = ServiceProcess.start(data, log, "--cmg.import.chunk=" + CHUNK)) {
            first.awaitLog("Loading the knowledge base: validating", ServiceProcess.START_DEADLINE);
            // the load's write transaction runs once it holds the batch's lease (committed on its own before)
            try (Driver bolt = first.bolt()) {
                first.await("the load's lease", ServiceProcess.START_DEADLINE, () -> leases(bolt) > 0);
            }
            first.kill();
        }
        long restarted = System.nanoTime();
        try (ServiceProcess second = ServiceProcess.start(data, log, "--cmg.import.chunk=" + CHUNK).awaitReady(); Driver bolt = second.bolt()) {
            double toReady = (System.nanoTime() - restarted) / 1e9;
            assertThat(second.log()).contains("of batch 'knowledge-base' stopped while writing: undoing it");
            GraphFingerprint loaded = GraphFingerprint.of(bolt);
            assertThat(loaded.counts()).isEqualTo(cleanLoad.counts());
            assertThat(loaded.differences(cleanLoad)).as("the graph of a clean first load").isEmpty();
            System.out.printf("[crash] SIGKILL mid-first-load: restart to ready (load done) %.1f s; graph equals a clean load (%d nodes)%n", toReady,
                    loaded.counts().entrySet().stream().filter(e -> e.getKey().startsWith(":Entity")).mapToLong(Map.Entry::getValue).sum());
        }
    }

    private static long leases(Driver bolt) {
        try (Session session = bolt.session()) {
            return session.run("MATCH (r:RunningImport {batch: 'knowledge-base'}) RETURN count(r) AS n").single().get("n").asLong();
        }
        catch (RuntimeException e) {
            return 0; // Bolt not up yet
        }
    }
}
