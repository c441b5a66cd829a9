package org.criticalminerals.e2e;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphFingerprint;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.ServiceProcess;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory's disk fills up: the service runs as a process of its own with its data directory on a small
 * tmpfs (300 MB), which the test fills with a file and empties again. In order:
 * <ol>
 * <li>Nearly full (below {@code cmg.storage.min-free-space}): writes are refused up front, HTTP 507 and GraphQL
 * STORAGE_FULL, health DOWN; reads go on; once space is freed health is UP and imports work.</li>
 * <li>Filled up during a chunked import, so that a write fails inside Neo4j and it stops the database (a panic):
 * the import answers 507 STORAGE_FULL, readiness 503, the API 503 STORAGE_FULL; once space is freed the service
 * restarts its embedded database by itself, undoes the cut-short import, and the store is exactly as before it.</li>
 * <li>The same, then SIGTERM while the disk is still full: the process ends within its stop timeout (Neo4j's last
 * flush would retry for ever), and the next start on the freed disk recovers the store exactly.</li>
 * </ol>
 * It needs to mount a tmpfs (root); elsewhere it is skipped, saying so. Figures are printed as {@code [disk]} lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullDiskTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final long MB = 1024 * 1024;

    /** The service's own floor; small, so that a chunk of the import (about 7 MB of transaction log) can overrun it. */
    private static final long MIN_FREE = 4 * MB;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private static final String[] SETTINGS = { "--cmg.storage.min-free-space=" + MIN_FREE / MB + "MB", "--cmg.storage.check-interval=1s",
            "--cmg.knowledge-base.load-on-startup=false", "--cmg.import.chunk=2500", "--cmg.embedded.stop-timeout=" + STOP_TIMEOUT.toSeconds() + "s" };

    private static Path disk;

    private static Path data;

    private static Path log;

    private static Path filler;

    private static ServiceProcess service;

    private static String records200;

    private static String records10k;

    @BeforeAll
    static void mountASmallDiskAndStart() throws Exception {
        disk = Files.createTempDirectory("cmg-full-disk-");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=300m", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean mounted = mount.waitFor() == 0;
        if (!mounted) {
            Files.delete(disk);
        }
        Assumptions.assumeTrue(mounted, () -> "skipped: the full-disk test puts the data directory on a tmpfs of its own, and "
                + "'mount -t tmpfs' failed here (it needs root): " + said);
        data = disk.resolve("data");
        filler = disk.resolve("filler");
        log = Files.createTempFile("cmg-full-disk-", ".log");
        records200 = generated(3, 200);
        records10k = generated(4, 10_000);
        service = ServiceProcess.start(data, log, SETTINGS).awaitReady();
        System.out.println("[disk] service log: " + log);
    }

    @AfterAll
    static void stopAndUnmount() throws Exception {
        if (service != null) {
            service.close();
        }
        if (disk != null && Files.isDirectory(disk)) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
            Files.deleteIfExists(disk);
        }
    }

    @Test
    @Order(1)
    void belowTheFloorWritesAreRefusedClearlyAndReadsGoOn() throws Exception {
        assertThat(importOver(records200, "test:disk-base").status()).isEqualTo(200);

        fillLeaving(2 * MB);
        JsonNode health = health();
        assertThat(health.at("/components/dataDisk/status").asString()).as(health.toString()).isEqualTo("DOWN");
        assertThat(health.at("/components/dataDisk/details/writable").asBoolean()).isFalse();

        Http.Response refused = importOver(records200, "test:disk-a");
        assertThat(refused.status()).as(refused.body()).isEqualTo(507);
        assertThat(refused.json().path("code").asString()).isEqualTo("STORAGE_FULL");
        assertThat(refused.json().at("/problems/0/message").asString()).contains("The data disk is full").contains("Nothing was written");

        Http.Response mutation = Http.postGraphQl(service.httpPort(), """
                mutation($content: String!) { importKnowledge(input: {batch: "test:disk-a", content: $content}) { errors { code } } }""",
                Map.of("content", "[" + String.join(",", records200.lines().toList()) + "]"), TestKeys.bearer(Role.PARTNER));
        assertThat(mutation.errorCode()).as(mutation.body()).isEqualTo("STORAGE_FULL");

        Http.Response read = Http.postGraphQl(service.httpPort(), "{ countries(first: 1) { totalCount } }", null, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/data/countries/totalCount").asInt()).as(read.body()).isPositive();
        assertThat(readiness()).isEqualTo(200);

        long freed = System.nanoTime();
        Files.delete(filler);
        assertThat(health().at("/components/dataDisk/status").asString()).isEqualTo("UP");
        Http.Response accepted = importOver(records200, "test:disk-a");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        System.out.printf("[disk] below the floor: import 507 STORAGE_FULL, GraphQL STORAGE_FULL, reads 200, health DOWN; space freed -> "
                + "health UP and an import accepted in %.1f s%n", (System.nanoTime() - freed) / 1e9);
    }

    @Test
    @Order(2)
    void aWriteThatFindsNoRoomStopsTheDatabaseWhichRestartsByItselfOnceThereIsRoom() throws Exception {
        GraphFingerprint before = fingerprint();

        JsonNode answer = importFillingTheDiskAfterTheFirstChunk("test:disk-b");
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(507);
        assertThat(answer.path("code").asString()).isEqualTo("STORAGE_FULL");
        service.await("readiness 503", Duration.ofMinutes(1), () -> readiness() == 503);
        Http.Response read = Http.postGraphQl(service.httpPort(), "{ countries(first: 1) { totalCount } }", null, null);
        assertThat(read.status()).as(read.body()).isEqualTo(503);
        assertThat(read.errorCode()).isEqualTo("STORAGE_FULL");
        assertThat(health().at("/components/dataDisk/details/databaseStopped").asString()).isEqualTo("no space left on the data disk");

        long freed = System.nanoTime();
        Files.delete(filler);
        service.await("readiness 200 after the restart in place", ServiceProcess.START_DEADLINE, () -> readiness() == 200);
        double restart = (System.nanoTime() - freed) / 1e9;
        // the database check (database.DatabaseAvailability) saw Bolt down during the restart and looks again every 2 s
        service.await("the API answering", Duration.ofMinutes(1), () -> Http.postGraphQl(service.httpPort(), "{ countries(first: 1) { totalCount } }",
                null, null).status() == 200);
        assertThat(service.log()).contains("Restarting the embedded Neo4j in place").contains("of batch 'test:disk-b' stopped while writing: undoing it")
                .contains("Cut the transaction log at byte"); // the failed append, which Neo4j's own start could not read past
        assertThat(health().at("/components/dataDisk/status").asString()).isEqualTo("UP");
        GraphFingerprint after = fingerprint();
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(after.differences(before)).as("every node and relationship as before the import").isEmpty();
        // the batch is free and writes work: no restart of the service
        Http.Response retried = importOver(records200, "test:disk-b");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        System.out.printf("[disk] no room mid-import: 507 STORAGE_FULL, readiness 503, reads 503 STORAGE_FULL; space freed -> database restarted "
                + "in place and ready in %.1f s, store identical, import accepted (service pid %d throughout)%n", restart, service.pid());
    }

    @Test
    @Order(3)
    void sigtermOnAFullDiskEndsWithinTheStopTimeoutAndTheNextStartRecovers() throws Exception {
        GraphFingerprint before = fingerprint();
        JsonNode answer = importFillingTheDiskAfterTheFirstChunk("test:disk-c");
        assertThat(answer.path("code").asString()).as(answer.toString()).isEqualTo("STORAGE_FULL");
        service.await("readiness 503", Duration.ofMinutes(1), () -> readiness() == 503);

        Duration stop = service.terminate(Duration.ofMinutes(3));
        assertThat(stop).as("SIGTERM ended the process").isNotNull();
        assertThat(stop).isLessThan(STOP_TIMEOUT.plusSeconds(60));
        assertThat(service.log()).contains("The embedded Neo4j did not stop within " + STOP_TIMEOUT.toSeconds() + " s");

        Files.delete(filler);
        long restarted = System.nanoTime();
        service = ServiceProcess.start(data, log, SETTINGS).awaitReady();
        double toReady = (System.nanoTime() - restarted) / 1e9;
        assertThat(service.log()).contains("of batch 'test:disk-c' stopped while writing: undoing it").contains("Cut the transaction log at byte");
        GraphFingerprint after = fingerprint();
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(after.differences(before)).as("every node and relationship as before the import").isEmpty();
        System.out.printf("[disk] SIGTERM on a full disk: ended in %.1f s (stop timeout %d s); next start ready in %.1f s, store identical%n",
                stop.toMillis() / 1e3, STOP_TIMEOUT.toSeconds(), toReady);
    }

    /**
     * Streams an import of 10,000 records (four chunks) and, once the first chunk has committed, fills the disk to just
     * above the floor: the guard lets the second chunk through, and its transaction log does not fit.
     */
    private JsonNode importFillingTheDiskAfterTheFirstChunk(String batch) throws Exception {
        HttpResponse<Stream<String>> progress = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.httpPort() + "/import?batch=" + batch)).timeout(ServiceProcess.START_DEADLINE)
                .header("Authorization", TestKeys.bearer(Role.PARTNER)).header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(records10k)).build(),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = progress.body().iterator();
        List<String> seen = new ArrayList<>();
        boolean filled = false;
        while (lines.hasNext()) {
            String line = lines.next();
            seen.add(line);
            if (!filled && line.contains("\"phase\":\"writing\"")) {
                fillLeaving(MIN_FREE + MB / 2);
                filled = true;
            }
        }
        assertThat(filled).as("a chunk committed before the end: " + seen).isTrue();
        return JSON.readTree(seen.get(seen.size() - 1));
    }

    /** Fills the disk with a file of real (not sparse) blocks until only about {@code bytes} are left. */
    private static void fillLeaving(long bytes) throws IOException {
        long fill = Files.getFileStore(disk).getUsableSpace() - bytes;
        ByteBuffer block = ByteBuffer.allocate((int) MB);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (long written = 0; written < fill; ) {
                block.clear().limit((int) Math.min(MB, fill - written));
                written += out.write(block);
            }
        }
    }

    private static Http.Response importOver(String records, String batch) {
        return Http.post(service.httpPort(), "/import?batch=" + batch, records, "application/x-ndjson", TestKeys.bearer(Role.PARTNER));
    }

    private static JsonNode health() {
        return Http.get(service.httpPort(), "/actuator/health", TestKeys.bearer(Role.CURATOR)).json();
    }

    private static int readiness() {
        return Http.get(service.httpPort(), "/actuator/health/readiness", null).status();
    }

    private static GraphFingerprint fingerprint() {
        try (Driver bolt = service.bolt()) {
            return GraphFingerprint.of(bolt);
        }
    }

    private static String generated(long seed, int records) throws IOException {
        StringWriter out = new StringWriter();
        PartnerFileGenerator.generate(seed, records, out);
        return out.toString();
    }
}
