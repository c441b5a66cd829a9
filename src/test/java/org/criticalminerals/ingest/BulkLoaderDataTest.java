package org.criticalminerals.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.criticalminerals.database.CypherMigrationsAccess;
import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk load of a new store writes what an import through the service writes: the same partner file, loaded
 * by Neo4j's batch importer into a new data directory and imported by an import run in chunks into an empty
 * database, gives stores with equal counts and equal content (facts, claims, sources, batch, relationships),
 * facts asserted by records in different chunks included. A file with a bad record writes no store.
 */
class BulkLoaderDataTest {

    private static final Caller PARTNER = new Caller("bulk-partner", Role.PARTNER);

    private static final String BATCH = "partner:bulk";

    @TempDir
    Path temp;

    @Test
    void aBulkLoadedStoreHoldsWhatAnImportThroughTransactionsWrites() throws IOException {
        Path file = partnerFile(1_500, """
                {"type":"Organization","id":"gen-organization-1","country":"JP","cite":[{"source":"gen-partner-feed","statement":"a second register"}]}
                {"type":"Statistic","id":"gen-statistic-0","value":42.0,"unit":"PERCENT","cite":[{"source":"gen-partner-feed","statement":"a revision"}]}
                """);
        GraphFingerprint online;
        Map<String, String> onlineDates;
        try (Neo4j empty = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
                Driver driver = GraphDatabase.driver(empty.boltURI(), AuthTokens.none())) {
            CypherMigrationsAccess.apply(driver);
            ImportReport report = importer(driver).importRecords(new KnowledgeImporter.Request(BATCH, List.of(new JsonLinesRecords(file.getFileName().toString(),
                    file)), false, false, PARTNER, null, tx -> { }), KnowledgeImporter.Progress.NONE);
            assertThat(report.accepted()).isTrue();
            online = GraphFingerprint.of(driver);
            onlineDates = dates(driver);
        }

        Path home = temp.resolve("bulk-data");
        BulkLoader.Loaded loaded = new BulkLoader(home, 400).loadJsonLines(BATCH, PARTNER.name(), List.of(file), KnowledgeImporter.Progress.NONE,
                quiet());
        assertThat(loaded.report().recordsRead()).isEqualTo(1_502);
        GraphFingerprint bulk;
        Map<String, String> bulkDates;
        DatabaseManagementService service = start(home);
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none())) {
            CypherMigrationsAccess.apply(driver); // as the service's first start does: the constraints hold over the loaded store
            bulk = GraphFingerprint.of(driver);
            bulkDates = dates(driver);
            ImportReport again = importer(driver).importRecords(new KnowledgeImporter.Request(BATCH, List.of(new JsonLinesRecords(
                    file.getFileName().toString(), file)), false, false, PARTNER, null, tx -> { }), KnowledgeImporter.Progress.NONE);
            assertThat(List.of(again.claimsWritten(), again.claimsRemoved(), again.factsChanged(), again.relationshipsWritten()))
                    .as("the same file imported through the service into the bulk-loaded store changes nothing").containsOnly(0);
            assertThat(GraphFingerprint.of(driver).counts()).isEqualTo(bulk.counts());
            try (Session session = driver.session()) {
                assertThat(session.run("MATCH (s:Statistic {id: 'gen-statistic-0'}) RETURN s.disputed AS d").single().get("d").asList())
                        .as("two records of one fact in different chunks: both claims count").contains("value");
                assertThat(session.run("MATCH (:Organization {id: 'gen-organization-1'})-[:CLAIMED_BY]->(c:Claim) RETURN count(c) AS n").single()
                        .get("n").asLong()).isEqualTo(2);
            }
        }
        finally {
            service.shutdown();
        }

        assertThat(bulk.counts()).isEqualTo(online.counts());
        assertThat(bulk.differences(online)).as("what one store holds and the other does not").isEmpty();
        assertThat(bulkDates).as("dates of facts and claims (the fingerprint leaves points in time out)").isEqualTo(onlineDates).isNotEmpty();
    }

    @Test
    void aFileWithABadRecordWritesNoStoreAndNamesTheRecord() throws IOException {
        Path file = partnerFile(300, """
                {"type":"Offtake","id":"bad-offtake","name":"An offtake of nobody","buyers":["nobody-at-all"],"cite":[{"source":"gen-partner-feed","statement":"x"}]}
                {"type":"Deposit","id":"bad-deposit","name":"A deposit","tonnage":"a lot","cite":[{"source":"gen-partner-feed","statement":"x"}]}
                """);
        Path home = temp.resolve("rejected-data");
        BulkLoader loader = new BulkLoader(home, 100);
        assertThatThrownBy(() -> loader.loadJsonLines(BATCH, PARTNER.name(), List.of(file), KnowledgeImporter.Progress.NONE, quiet()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.report().rejections())
                        .anySatisfy(r -> assertThat(r.toString()).contains(":301 [bad-offtake] .buyers").contains("unknown id 'nobody-at-all'"))
                        .anySatisfy(r -> assertThat(r.toString()).contains(":302 [bad-deposit] .tonnage")));
        assertThat(new StoreImport(home).storeExists()).isFalse();
        try (var left = Files.list(home)) {
            assertThat(left.toList()).as("nothing left in the data directory, not even the spool").isEmpty();
        }
    }

    @Test
    void aRecordOnlyThePlanningRefusesWritesNoStore() throws IOException {
        // every record passes the checks of the first pass: the reference to an unknown id is found while planning
        Path file = partnerFile(3_000, """
                {"type":"Offtake","id":"late-offtake","name":"An offtake of nobody","buyers":["nobody-at-all"],"cite":[{"source":"gen-partner-feed","statement":"x"}]}
                """);
        Path home = temp.resolve("stopped-data");
        assertThatThrownBy(() -> new BulkLoader(home, 100).loadJsonLines(BATCH, PARTNER.name(), List.of(file), KnowledgeImporter.Progress.NONE, quiet()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.report().rejections()).singleElement()
                        .satisfies(r -> assertThat(r.toString()).contains(":3001 [late-offtake] .buyers").contains("unknown id 'nobody-at-all'")));
        assertThat(new StoreImport(home).storeExists()).isFalse();
        try (var left = Files.list(home)) {
            assertThat(left.toList()).as("nothing left in the data directory").isEmpty();
        }
    }

    @Test
    void aDataDirectoryThatHoldsAStoreAndTheKnowledgeBasesBatchAreRefused() throws IOException {
        Path file = partnerFile(50, "");
        Path home = temp.resolve("./loaded-data"); // as the README writes it: Neo4j refuses a path that is not normalised
        new BulkLoader(home, 100).loadJsonLines(BATCH, PARTNER.name(), List.of(file), KnowledgeImporter.Progress.NONE, quiet());
        assertThatThrownBy(() -> new BulkLoader(home, 100).loadJsonLines(BATCH, PARTNER.name(), List.of(file), KnowledgeImporter.Progress.NONE,
                quiet())).isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds a store");
        assertThatThrownBy(() -> new BulkLoader(temp.resolve("other-data"), 100).loadJsonLines("knowledge-base", PARTNER.name(), List.of(file),
                KnowledgeImporter.Progress.NONE, quiet())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch must be");
    }

    private int boltPort;

    /** An import through transactions, in runs of chunks of 400 records. */
    private static KnowledgeImporter importer(Driver driver) {
        return new KnowledgeImporter(driver, new SeedDocuments("../shared/seeds"), 400, Duration.ofMinutes(10), new ImportMetrics(new SimpleMeterRegistry()));
    }

    private DatabaseManagementService start(Path home) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            boltPort = socket.getLocalPort();
        }
        return new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", boltPort))
                .setConfig(GraphDatabaseSettings.auth_enabled, false).build();
    }

    /** Every date a fact or claim holds, by node: the fingerprint leaves temporal values out. */
    private static Map<String, String> dates(Driver driver) {
        Map<String, String> dates = new TreeMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (n) WHERE n:Entity OR n:Claim RETURN n").forEachRemaining(r -> {
                Map<String, Object> props = r.get("n").asNode().asMap();
                Map<String, Object> own = new TreeMap<>();
                props.forEach((key, value) -> {
                    if (value instanceof LocalDate) {
                        own.put(key, value);
                    }
                });
                if (!own.isEmpty()) {
                    dates.put(String.valueOf(props.get("id")), own.toString());
                }
            });
        }
        return dates;
    }

    private Path partnerFile(int records, String extraLines) throws IOException {
        StringWriter out = new StringWriter();
        PartnerFileGenerator.generate(11, records, out);
        Path file = temp.resolve("partner-" + records + ".jsonl");
        Files.writeString(file, out + extraLines);
        return file;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
