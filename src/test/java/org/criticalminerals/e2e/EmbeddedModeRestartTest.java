package org.criticalminerals.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default run mode end to end, as a user meets it: start the service embedded on an empty data
 * directory, ask the GraphQL question over HTTP and query the same data with a plain Bolt client (with the
 * password the service generated), stop, start again on the same directory: same answer, nothing
 * duplicated. Bolt is locked down: a wrong or missing password is refused, LOAD CSV reads no file and
 * fetches no URL, and without keys no write gets through.
 */
class EmbeddedModeRestartTest {

    private static final String QUESTION = """
            {"query": "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id route { countries } } } } }"}""";

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheDataAndDuplicatesNothing() throws Exception {
        int boltPort = freePort();
        String firstAnswer;
        Map<String, Object> firstCounts;
        try (ConfigurableApplicationContext app = start(boltPort)) {
            firstAnswer = ask(app);
            firstCounts = countOverBolt(boltPort);
        }
        assertThat(firstAnswer).contains("lynas-japan-offtake").contains("\"countries\":[\"AU\",\"MY\"]");
        Path passwordFile = dataDir.resolve("bolt-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat((Long) firstCounts.get("nodes")).isGreaterThan(100);
        try (var migrations = Files.list(Path.of("cypher/migrations"))) {
            assertThat(firstCounts.get("migrations")).as("every migration applied once").isEqualTo(migrations.count());
        }

        try (ConfigurableApplicationContext app = start(boltPort)) {
            assertThat(ask(app)).isEqualTo(firstAnswer);
            assertThat(countOverBolt(boltPort)).isEqualTo(firstCounts);
            assertBoltIsLockedDown(boltPort);
            assertNoAnonymousWrite(app);
        }
    }

    private void assertBoltIsLockedDown(int boltPort) throws IOException {
        for (AuthToken wrong : List.of(AuthTokens.basic("neo4j", "not-the-password"), AuthTokens.none())) {
            try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, wrong)) {
                assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
        }
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.basic("neo4j", password()));
                Session session = driver.session()) {
            assertThatThrownBy(() -> session.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1").consume())
                    .hasMessageContaining("allow_csv_import_from_file_urls");
            assertThatThrownBy(() -> session.run("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row").consume())
                    .hasMessageContaining("blocked");
            assertThat(session.run("SHOW PROCEDURES YIELD name WHERE NOT (name STARTS WITH 'db.' OR name STARTS WITH 'dbms.' "
                    + "OR name STARTS WITH 'tx.') RETURN count(*) AS n").single().get("n").asLong()).isZero();
        }
    }

    private static void assertNoAnonymousWrite(ConfigurableApplicationContext app) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"query": "mutation { importKnowledge(input: {batch: \\"x\\", content: \\"[]\\"}) { errors { message } } }"}"""))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    }

    private String password() throws IOException {
        return Files.readString(dataDir.resolve("bolt-password")).strip();
    }

    private ConfigurableApplicationContext start(int boltPort) {
        return new SpringApplicationBuilder(CriticalMineralsGraphApplication.class).run("--cmg.mode=embedded",
                "--cmg.embedded.data-dir=" + dataDir, "--cmg.embedded.bolt-port=" + boltPort, "--server.port=0",
                "--cmg.embedded.password=", "--cmg.security.api-keys=");
    }

    private static String ask(ConfigurableApplicationContext app) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                .timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().strip(); // a slow answer starts with the white space that checks the client is still there
    }

    /** What an analyst sees with any Bolt client. */
    private Map<String, Object> countOverBolt(int boltPort) throws IOException {
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.basic("neo4j", password()));
                Session session = driver.session()) {
            return session.run("""
                    MATCH (n) WITH count(n) AS nodes
                    MATCH ()-[r]->() WITH nodes, count(r) AS relationships
                    MATCH (c:Claim) WITH nodes, relationships, count(c) AS claims
                    MATCH (m:SchemaMigration)
                    RETURN nodes, relationships, claims, count(m) AS migrations""").single().asMap();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
