package org.criticalminerals.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.criticalminerals.database.CypherMigrationsAccess;
import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Partners at scale, end to end: JSON Lines and CSV over {@code POST /import}, every bad record reported by
 * line and field with nothing written, the same file twice changing nothing, an import too large for one
 * transaction written in chunks and undone when it fails (and after a crash), export and restore into an
 * empty database giving the same facts, and the change feed.
 */
class PartnerFilesTest extends GraphTestSupport {

    private static final String BATCH = "test:partner-files";

    @Autowired
    Driver driver;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    Exporter exporter;

    @Autowired
    SeedDocuments seeds;

    @Autowired
    ImportMetrics metrics;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() {
        removeBatch(BATCH);
        removeBatch(BATCH + "-csv");
    }

    @Test
    void aGeneratedJsonLinesFileImportsOverHttpAndTheSameFileTwiceChangesNothing() throws IOException {
        Path file = generated(2_000);
        long before = count("MATCH (c:Claim) RETURN count(c) AS n");
        JsonNode first = post(file, "application/x-ndjson", BATCH, Role.PARTNER).json();
        assertThat(first.path("accepted").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("recordsRead").asInt()).isEqualTo(2_000);
        assertThat(first.path("claimsWritten").asInt()).isEqualTo(1_999); // every record but the source
        assertThat(count("MATCH (c:Claim) RETURN count(c) AS n")).isEqualTo(before + 1_999);
        assertThat(count("MATCH (:Organization {id: 'gen-organization-3'})-[:BASED_IN]->(:Country) RETURN count(*) AS n")).isEqualTo(1);

        JsonNode again = post(file, "application/x-ndjson", BATCH, Role.PARTNER).json();
        assertThat(again.path("claimsWritten").asInt()).isZero();
        assertThat(again.path("claimsRemoved").asInt()).isZero();
        assertThat(again.path("factsChanged").asInt()).isZero();

        Http.Response streamed = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/import?batch="
                + BATCH + "&dryRun=true")).timeout(Http.TIMEOUT).header("Authorization", TestKeys.bearer(Role.PARTNER))
                .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file)).build());
        List<String> lines = streamed.body().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"phase\":\"checking\""));
        assertThat(lines.get(lines.size() - 1)).contains("\"status\":200").contains("\"dryRun\":true");
    }

    @Test
    void everyBadRecordIsReportedByLineAndFieldAndNothingIsWritten() throws IOException {
        Path file = temp.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"type\": \"Source\", \"id\": \"test-bad-feed\", \"kind\": \"PARTNER\", \"title\": \"Bad feed\"}",
                "{\"type\": \"Organization\", \"id\": \"test-bad-org\", \"kind\": \"Company\", \"name\": \"Bad\", \"country\": \"XX\","
                        + " \"cite\": [{\"source\": \"test-bad-feed\", \"statement\": \"s\"}]}",
                "not json at all",
                "{\"type\": \"Investment\", \"id\": \"test-bad-investment\", \"name\": \"N\", \"amount\": -1,"
                        + " \"cite\": [{\"source\": \"test-bad-feed\", \"statement\": \"s\"}]}",
                "{\"type\": \"Volcano\", \"id\": \"test-volcano\"}",
                "",
                "{\"type\": \"Statistic\", \"id\": \"test-bad-statistic\", \"name\": \"S\", \"year\": 1e21,"
                        + " \"cite\": [{\"source\": \"test-bad-feed\", \"statement\": \"s\"}]}"));
        long before = count("MATCH (n) RETURN count(n) AS n");
        Http.Response response = post(file, "application/x-ndjson", BATCH, Role.PARTNER);
        assertThat(response.status()).isEqualTo(422);
        JsonNode report = response.json();
        assertThat(report.path("accepted").asBoolean()).isFalse();
        List<String> problems = report.path("problems").valueStream()
                .map(p -> p.path("location").asString() + " " + p.path("field").asString("-") + ": " + p.path("message").asString()).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("upload:2 country").contains("unknown id 'XX'"))
                .anySatisfy(p -> assertThat(p).startsWith("upload:3").contains("not valid JSON"))
                .anySatisfy(p -> assertThat(p).startsWith("upload:4 amount").contains("must not be negative"))
                .anySatisfy(p -> assertThat(p).startsWith("upload:5 type").contains("unknown record type"))
                .anySatisfy(p -> assertThat(p).startsWith("upload:7 year").contains("whole number"));
        assertThat(report.path("problemCount").asInt()).isEqualTo(problems.size());
        assertThat(count("MATCH (n) RETURN count(n) AS n")).isEqualTo(before);
    }

    @Test
    void aCsvFileOfOneTypeImports() throws IOException {
        Path file = temp.resolve("organizations.csv");
        Files.writeString(file, """
                id,name,kind,country,aliases,roles,cite.source,cite.statement
                test-csv-smelter,"Test Smelter, Inc.",Company,AU,TSI|Smelter Inc,PROCESSOR|REFINER_TYPO_REMOVED,test-csv-feed,register row 1
                """.replace("|REFINER_TYPO_REMOVED", ""));
        Path source = temp.resolve("sources.csv");
        Files.writeString(source, "type,id,kind,title\nSource,test-csv-feed,PARTNER,CSV feed\n");
        assertThat(post(source, "text/csv", BATCH + "-csv", Role.PARTNER).status()).isEqualTo(200);
        JsonNode report = post(file, "text/csv&type=Organization", BATCH + "-csv", Role.PARTNER).json();
        assertThat(report.path("accepted").asBoolean()).as(report.toString()).isTrue();
        graphQl().document("{ organization(id: \"test-csv-smelter\") { name aliases roles country { code } } }").execute()
                .path("organization.name").entity(String.class).isEqualTo("Test Smelter, Inc.")
                .path("organization.aliases").entityList(String.class).containsExactly("TSI", "Smelter Inc")
                .path("organization.country.code").entity(String.class).isEqualTo("AU");
    }

    @Test
    void aLargeImportIsWrittenInChunksAndUndoneWhenItFails() throws IOException {
        KnowledgeImporter chunked = new KnowledgeImporter(driver, seeds, 100, Duration.ofMinutes(10), metrics);
        Path file = generated(1_000);
        Map<String, Long> before = counts();
        // the third read (the write pass) breaks off after 600 records: six chunks are written, then undone
        RecordSource failing = new RecordSource() {
            private int reads;

            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void read(java.util.function.Consumer<RawRecord> records, java.util.function.Consumer<Rejection> problems) throws IOException {
                int read = ++reads;
                int[] n = new int[1];
                new JsonLinesRecords("failing", file).read(record -> {
                    if (read == 3 && ++n[0] > 600) {
                        throw new IllegalStateException("the disk went away");
                    }
                    records.accept(record);
                }, problems);
            }
        };
        assertThatThrownBy(() -> chunked.importRecords(new KnowledgeImporter.Request(BATCH, List.of(failing), false, false,
                TestKeys.PARTNER_CALLER, null, tx -> { }), KnowledgeImporter.Progress.NONE)).hasMessageContaining("the disk went away");
        assertThat(counts()).isEqualTo(before);

        ImportReport report = chunked.importRecords(new KnowledgeImporter.Request(BATCH, List.of(new JsonLinesRecords("ok", file)), false, false,
                TestKeys.PARTNER_CALLER, null, tx -> { }), KnowledgeImporter.Progress.NONE);
        assertThat(report.claimsWritten()).isEqualTo(999);
        assertThat(count("MATCH (c:Claim {batch: '" + BATCH + "'}) RETURN count(c) AS n")).isEqualTo(999);
    }

    @Test
    void anImportRunThatACrashLeftBehindIsUndoneAtTheNextStart() throws IOException {
        Map<String, Long> before = counts();
        importer.importRecords(new KnowledgeImporter.Request(BATCH, List.of(new JsonLinesRecords("crash", generated(300))), false, false,
                TestKeys.PARTNER_CALLER, null, tx -> { }), KnowledgeImporter.Progress.NONE);
        // what a process that died while writing leaves: the run's claims, and its lease
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (c:Claim {batch: $batch}) SET c.run = 'crashed-run'", Map.of("batch", BATCH)).consume();
                tx.run("MATCH (b:ImportBatch {name: $batch}) DELETE b", Map.of("batch", BATCH)).consume();
                tx.run("CREATE (:RunningImport {batch: $batch, run: 'crashed-run', state: 'WRITING', by: $by, byRole: 'partner', "
                        + "heartbeatAt: datetime()})", Map.of("batch", BATCH, "by", TestKeys.PARTNER_CALLER.name())).consume();
            });
        }
        importer.recoverRuns(true);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anotherImportOfTheSameBatchIsAConflictToRetry() throws IOException {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:RunningImport {batch: $batch, run: 'other', state: 'WRITING', "
                    + "heartbeatAt: datetime()})", Map.of("batch", BATCH)).consume());
        }
        try {
            Http.Response response = post(generated(10), "application/x-ndjson", BATCH, Role.PARTNER);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().path("retryable").asBoolean()).isTrue();
        }
        finally {
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:RunningImport {run: 'other'}) DELETE r").consume());
            }
        }
    }

    @Test
    void anExportRestoredIntoAnEmptyDatabaseGivesTheSameFacts() throws IOException {
        post(generated(500), "application/x-ndjson", BATCH, Role.PARTNER);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        long lines = exporter.export(Exporter.Selection.all(), export);
        Path file = temp.resolve("export.jsonl");
        Files.write(file, export.toByteArray());
        assertThat(lines).isGreaterThan(2_000);

        Neo4j empty = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        try (Driver restored = GraphDatabase.driver(empty.boltURI(), AuthTokens.none())) {
            CypherMigrationsAccess.apply(restored);
            KnowledgeImporter restoring = new KnowledgeImporter(restored, seeds, 5_000, Duration.ofMinutes(10), metrics);
            ImportReport report = restoring.importRecords(new KnowledgeImporter.Request("restore", List.of(new JsonLinesRecords("export", file)),
                    false, false, TestKeys.CURATOR_CALLER, null, tx -> { }, true), KnowledgeImporter.Progress.NONE);
            assertThat(report.accepted()).isTrue();
            Map<String, String> original = facts(driver);
            Map<String, String> copy = facts(restored);
            assertThat(copy.keySet()).isEqualTo(original.keySet());
            assertThat(original.keySet().stream().filter(id -> !original.get(id).equals(copy.get(id))).toList()).as("facts that differ").isEmpty();
            assertThat(claims(restored)).isEqualTo(claims(driver));
            assertThat(relationships(restored)).isEqualTo(relationships(driver));
        }
        finally {
            empty.close();
        }
    }

    @Test
    void theChangeFeedListsWhatChangedSinceATime() throws IOException {
        // from now, not a second back: the shared test database holds other tests' changes of the second before
        OffsetDateTime before = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Http.Response imported = post(generated(200), "application/x-ndjson", BATCH, Role.PARTNER);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(count("MATCH (n:Entity) WHERE n.updatedAt > datetime('" + before + "') RETURN count(n) AS n")).isGreaterThan(150);
        Http.Response response = Http.postGraphQl(port, "query($since: DateTime!) { changes(since: $since, first: 150) { edges { cursor node { id type "
                + "change by version batch fact { id } } } pageInfo { hasNextPage endCursor } } }", Map.of("since", before.toString()), null);
        JsonNode page = response.json().at("/data/changes");
        assertThat(page.path("edges").size()).as(response.body().substring(0, Math.min(600, response.body().length()))).isEqualTo(150);
        assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        JsonNode node = page.at("/edges/0/node");
        assertThat(node.path("by").asString()).isIn(TestKeys.PARTNER_CALLER.name(), "system");
        String after = page.at("/pageInfo/endCursor").asString();
        JsonNode next = Http.postGraphQl(port, "query($since: DateTime!, $after: String) { changes(since: $since, first: 500, after: $after) { edges { node "
                + "{ id change } } pageInfo { hasNextPage } } }", Map.of("since", before.toString(), "after", after), null).json().at("/data/changes");
        assertThat(next.path("edges").size() + 150).isGreaterThanOrEqualTo(199); // 199 facts and the source, some changed twice: each once
        assertThat(next.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(next.path("edges").valueStream().map(e -> e.at("/node/change").asString())).allMatch(c -> c.equals("CREATED") || c.equals("UPDATED"));

        removeBatch(BATCH);
        JsonNode removed = Http.postGraphQl(port, "query($since: DateTime!) { changes(since: $since, first: 500) { edges { node { id type change fact "
                + "{ id } } } } }", Map.of("since", before.toString()), null).json().at("/data/changes/edges");
        assertThat(removed.valueStream().filter(e -> e.at("/node/id").asString().equals("gen-organization-3")).findFirst().orElseThrow()
                .path("node").toString()).contains("\"change\":\"REMOVED\"").contains("\"type\":\"Organization\"").contains("\"fact\":null");
    }

    private Path generated(int records) throws IOException {
        StringWriter out = new StringWriter();
        PartnerFileGenerator.generate(7, records, out);
        Path file = temp.resolve("partner-" + records + ".jsonl");
        Files.writeString(file, out.toString());
        return file;
    }

    private Http.Response post(Path file, String contentType, String batch, Role role) throws IOException {
        String type = contentType.contains("&") ? contentType.substring(contentType.indexOf('&')) : "";
        return Http.post(port, "/import?batch=" + batch + type, Files.readString(file, StandardCharsets.UTF_8),
                contentType.contains("&") ? contentType.substring(0, contentType.indexOf('&')) : contentType, TestKeys.bearer(role));
    }

    private long count(String cypher) {
        try (Session session = driver.session()) {
            return session.run(cypher).single().get("n").asLong();
        }
    }

    private Map<String, Long> counts() {
        try (Session session = driver.session()) {
            Map<String, Long> counts = new TreeMap<>();
            session.run("MATCH (n) WHERE n.removedAt IS NULL UNWIND labels(n) AS label RETURN label, count(*) AS n")
                    .forEachRemaining(r -> counts.put(r.get("label").asString(), r.get("n").asLong()));
            session.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").forEachRemaining(r -> counts.put(r.get("type").asString(), r.get("n").asLong()));
            return counts;
        }
    }

    private static Map<String, String> facts(Driver driver) {
        try (Session session = driver.session()) {
            Map<String, String> facts = new TreeMap<>();
            session.run("MATCH (n:Entity) WHERE n.stateHash IS NOT NULL AND n.removedAt IS NULL RETURN n.id AS id, n.stateHash AS hash")
                    .forEachRemaining(r -> facts.put(r.get("id").asString(), r.get("hash").asString()));
            return facts;
        }
    }

    private static List<String> claims(Driver driver) {
        try (Session session = driver.session()) {
            return session.run("MATCH (c:Claim)-[:FROM]->(s:Source) RETURN c.id + ' ' + c.contentHash + ' ' + s.id AS c ORDER BY c").list(r -> r.get("c").asString());
        }
    }

    private static Map<String, Long> relationships(Driver driver) {
        try (Session session = driver.session()) {
            Map<String, Long> counts = new TreeMap<>();
            session.run("MATCH ()-[r]->() WHERE NOT type(r) IN ['CLAIMED_BY', 'FROM'] RETURN type(r) AS type, count(*) AS n")
                    .forEachRemaining(r -> counts.put(r.get("type").asString(), r.get("n").asLong()));
            return counts;
        }
    }
}
