package org.criticalminerals.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run mode end to end, as a user meets it: start the service embedded on an empty data
 * directory, ask the GraphQL question over HTTP and query the same data with a plain Bolt client, stop,
 * start again on the same directory: same answer, nothing duplicated.
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
        assertThat((Long) firstCounts.get("nodes")).isGreaterThan(100);
        assertThat(firstCounts.get("migrations")).isEqualTo(4L);

        try (ConfigurableApplicationContext app = start(boltPort)) {
            assertThat(ask(app)).isEqualTo(firstAnswer);
            assertThat(countOverBolt(boltPort)).isEqualTo(firstCounts);
        }
    }

    private ConfigurableApplicationContext start(int boltPort) {
        return new SpringApplicationBuilder(CriticalMineralsGraphApplication.class).run("--cmg.mode=embedded",
                "--cmg.embedded.data-dir=" + dataDir, "--cmg.embedded.bolt-port=" + boltPort, "--server.port=0",
                "--spring.neo4j.uri=bolt://localhost:" + boltPort);
    }

    private static String ask(ConfigurableApplicationContext app) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** What an analyst sees with any Bolt client. */
    private static Map<String, Object> countOverBolt(int boltPort) {
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none());
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
