package org.criticalminerals.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.criticalminerals.cli.BackupCommand;
import org.criticalminerals.database.GraphProperties;
import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.ChildJvm;
import org.criticalminerals.support.GraphFingerprint;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * {@code tools/backup} against the running test service (the curated knowledge base, a partner's import, a curator's
 * edits and a retirement), {@code tools/restore}'s command (the service's main class in a JVM of its own, as the
 * script runs it) into a new data directory, and the restored store opened and compared with the original: the same
 * counts per label and relationship type, the same content ({@link GraphFingerprint}), the claims' times. A second
 * restore into the now non-empty store is refused; a damaged or edited backup is refused before anything is written.
 */
class BackupRestoreTest extends GraphTestSupport {

    private static final String PARTNER_BATCH = "test:backup-partner";

    private static final String CURATOR_BATCH = "curation:" + TestKeys.name(Role.CURATOR);

    private static final String CITE = "[{source: \"test-backup-report\", statement: \"page 2\"}]";

    /** The database's bookkeeping, which the manifest leaves out (BackupCommand.COUNTS). */
    private static final List<String> BOOKKEEPING = List.of(":SchemaMigration", ":RunningImport", ":StartupLock");

    @Autowired
    Driver driver;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    GraphProperties properties;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private int boltPort;

    /** How a restore ended: its exit status and its output. */
    private record Exit(int status, String log) {
    }

    @AfterEach
    void cleanUp() {
        removeBatch(PARTNER_BATCH);
        removeBatch(CURATOR_BATCH + ":retirements");
        removeBatch(CURATOR_BATCH);
    }

    @Test
    void aBackupOfTheRunningServiceRestoresIntoANewDataDirectoryWithTheSameCountsAndContent() throws IOException {
        partnerImport(300);
        curatorEdits();
        GraphFingerprint original = GraphFingerprint.of(driver);
        Map<String, String> claimTimes = claimTimes(driver);

        Path backup = temp.resolve("backup.zip");
        ByteArrayOutputStream backupLog = new ByteArrayOutputStream();
        int backedUp = BackupCommand.run(List.of("--out", backup.toString()), TestKeys.KEYS.get(Role.READER), "http://localhost:" + port,
                new PrintStream(backupLog, true, StandardCharsets.UTF_8));
        assertThat(backedUp).as(backupLog.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, Long> manifest = manifestCounts(backup);
        Map<String, Long> expected = new TreeMap<>(original.counts());
        expected.keySet().removeAll(BOOKKEEPING);
        assertThat(manifest).as("the manifest's counts are the store's").isEqualTo(expected);
        assertThat(manifest.get(":Claim")).isGreaterThan(3_000); // the knowledge base's and the partner's
        assertThat(manifest.get(":Organization")).isGreaterThan(150);

        System.out.print(backupLog.toString(StandardCharsets.UTF_8));

        Path data = temp.resolve("restored");
        long started = System.nanoTime();
        Exit restored = restore(backup, data, "restore");
        assertThat(restored.status()).as(restored.log()).isEqualTo(RestoreCommand.RESTORED);
        assertThat(restored.log()).contains("every count as in the manifest");
        restored.log().lines().filter(line -> line.startsWith("restore:")).forEach(System.out::println);
        System.out.printf("restore: the command's JVM ran %.1f s%n", (System.nanoTime() - started) / 1e9);

        DatabaseManagementService store = open(data);
        try (Driver copy = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none())) {
            // a second restore into the directory, now that it holds a store, is refused and writes nothing
            GraphFingerprint before = GraphFingerprint.of(copy);
            assertThat(new RestoreCommand(importer, copy, properties, context, environment).restore(backup)).isEqualTo(RestoreCommand.NOT_EMPTY);
            assertThat(GraphFingerprint.of(copy).content()).isEqualTo(before.content());

            GraphFingerprint fingerprint = GraphFingerprint.of(copy);
            assertThat(fingerprint.counts()).as("counts per label and relationship type").isEqualTo(original.counts());
            List<String> lines = withBatchNamesOnly(fingerprint.lines());
            List<String> originalLines = withBatchNamesOnly(original.lines());
            assertThat(lines).as("what the restored store holds and the original does not, and the reverse: %s",
                    differences(originalLines, lines)).isEqualTo(originalLines);
            assertThat(claimTimes(copy)).as("every claim keeps its time").isEqualTo(claimTimes);
        }
        finally {
            store.shutdown();
        }
    }

    @Test
    void aDamagedOrEditedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path backup = temp.resolve("small.zip");
        String export = "{\"type\":\"Source\",\"id\":\"s\"}\n{\"type\":\"Organization\",\"id\":\"o\"}\n";
        zip(backup, export, manifest(export, sha256(export)));
        BackupFile good = BackupFile.open(backup, temp.resolve("good.jsonl"));
        assertThat(good.lines()).isEqualTo(2);
        assertThat(good.counts()).containsEntry(":Claim", 1L);
        assertThat(Files.readString(good.export())).isEqualTo(export);

        Path tampered = temp.resolve("tampered.zip");
        zip(tampered, export.replace("\"o\"", "\"p\""), manifest(export, sha256(export)));
        assertThatThrownBy(() -> BackupFile.open(tampered, temp.resolve("tampered.jsonl"))).isInstanceOf(BackupFile.Unusable.class)
                .hasMessageContaining("is damaged");
        Path cut = temp.resolve("cut.zip");
        zip(cut, export.substring(0, export.indexOf('\n') + 1), manifest(export, sha256(export)));
        assertThatThrownBy(() -> BackupFile.open(cut, temp.resolve("cut.jsonl"))).isInstanceOf(BackupFile.Unusable.class);
        Path notABackup = temp.resolve("other.zip");
        Files.writeString(notABackup, "not a zip");
        assertThatThrownBy(() -> BackupFile.open(notABackup, temp.resolve("other.jsonl"))).isInstanceOf(BackupFile.Unusable.class);

        assertThat(BackupCommand.differences(Map.of(":Claim", 3L, "-FROM-", 2L), Map.of(":Claim", 3L, ":Entity", 1L)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(":Entity", "0 → 1", "-FROM-", "2 → 0")));
    }

    private void partnerImport(int records) throws IOException {
        StringWriter file = new StringWriter();
        PartnerFileGenerator.generate(11, records, file);
        Http.Response imported = Http.post(port, "/import?batch=" + PARTNER_BATCH, file.toString(), "application/x-ndjson",
                TestKeys.bearer(Role.PARTNER));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /** A curator's source, a fact created and updated, and another retired. */
    private void curatorEdits() {
        JsonNode source = mutate("createSource", "{id: \"test-backup-report\", fields: {kind: PUBLIC, title: \"A report\"}}");
        assertThat(source.path("errors").isEmpty() || source.at("/errors/0/code").asString().equals("ALREADY_EXISTS")).as(source.toString()).isTrue();
        for (String id : List.of("test-backup-kept", "test-backup-retired")) {
            JsonNode created = mutate("createOrganization", "{id: \"" + id + "\", fields: {name: \"Backup test company\", kind: Company, country: \"JP\"}, "
                    + "cite: " + CITE + "}");
            assertThat(created.path("errors").isEmpty()).as(created.toString()).isTrue();
            JsonNode updated = mutate("updateOrganization", "{id: \"" + id + "\", version: 1, fields: {name: \"Backup test company\", kind: Company, "
                    + "country: \"AU\", description: \"moved\"}, cite: " + CITE + "}");
            assertThat(updated.path("errors").isEmpty()).as(updated.toString()).isTrue();
        }
        JsonNode retired = mutate("retireFact", "{id: \"test-backup-retired\", version: 2, reason: \"closed\", cite: " + CITE + "}");
        assertThat(retired.path("errors").isEmpty()).as(retired.toString()).isTrue();
    }

    private JsonNode mutate(String mutation, String input) {
        Http.Response response = Http.postGraphQl(port, "mutation { " + mutation + "(input: " + input + ") { id version errors { code message } } }", null,
                TestKeys.bearer(Role.CURATOR));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/data/" + mutation);
    }

    /** tools/restore's command: the service's main class without its web server, on a new data directory. */
    private Exit restore(Path backup, Path data, String name) throws IOException {
        int bolt = freePort();
        List<String> arguments = List.of("--cmg.restore.file=" + backup, "--spring.main.web-application-type=none", "--logging.level.root=warn",
                "--cmg.mode=embedded", "--cmg.knowledge-base.load-on-startup=false", "--cmg.embedded.data-dir=" + data,
                "--cmg.embedded.bolt-port=" + bolt, "--spring.neo4j.uri=bolt://localhost:" + bolt);
        try (ChildJvm child = ChildJvm.start(name, CriticalMineralsGraphApplication.class, arguments, "768m", temp.resolve(name + ".log"))) {
            int status = child.waitFor(Duration.ofMinutes(8));
            return new Exit(status, Files.readString(child.log()));
        }
    }

    /** The restored store in this JVM, with Bolt on a free port, for the fingerprint. */
    private DatabaseManagementService open(Path data) throws IOException {
        boltPort = freePort();
        return new DatabaseManagementServiceBuilder(data.toAbsolutePath().normalize())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }

    private static Map<String, String> claimTimes(Driver driver) {
        try (Session session = driver.session()) {
            return session.run("MATCH (c:Claim) RETURN c.id AS id, toString(c.at) AS at").stream()
                    .collect(Collectors.toMap(r -> r.get("id").asString(), r -> r.get("at").asString("none"), (a, b) -> a, TreeMap::new));
        }
    }

    private static final Pattern BATCH_NAME = Pattern.compile("name=([^,}]*)");

    /**
     * The fingerprint's lines with each import batch by its name alone: a restore brings every batch back with its owner,
     * not its bookkeeping (the checksum of its last import, its claim count, who imported it last).
     */
    private static List<String> withBatchNamesOnly(List<String> lines) {
        return lines.stream().map(line -> {
            if (!line.startsWith("[ImportBatch]")) {
                return line;
            }
            Matcher name = BATCH_NAME.matcher(line);
            return "[ImportBatch] " + (name.find() ? name.group(1) : line);
        }).sorted().toList();
    }

    private static String differences(List<String> original, List<String> restored) {
        java.util.Set<String> in = new java.util.HashSet<>(restored);
        java.util.Set<String> out = new java.util.HashSet<>(original);
        return "only in the original: " + original.stream().filter(l -> !in.contains(l)).limit(10).toList() + "; only in the restored store: "
                + restored.stream().filter(l -> !out.contains(l)).limit(10).toList();
    }

    private static Map<String, Long> manifestCounts(Path backup) throws IOException {
        try {
            return BackupFile.open(backup, Files.createTempFile("manifest", ".jsonl")).counts();
        }
        catch (BackupFile.Unusable e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void zip(Path file, String export, String manifest) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : Map.of(BackupCommand.EXPORT_ENTRY, export, BackupCommand.MANIFEST_ENTRY, manifest).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static String manifest(String export, String sha256) {
        return "{\"format\": \"" + BackupCommand.FORMAT + "\", \"createdAt\": \"2026-12-01T00:00:00Z\", \"export\": {\"entry\": \"export.jsonl\", "
                + "\"lines\": " + export.lines().count() + ", \"sha256\": \"" + sha256 + "\"}, \"counts\": {\":Claim\": 1, \":Source\": 1}}";
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
