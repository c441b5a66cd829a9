package org.criticalminerals.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.criticalminerals.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default run mode end to end, as a user meets it: start the service embedded on an empty data
 * directory, ask the GraphQL question over HTTP and query the same data with a plain Bolt client (with the
 * password the service generated), stop, start again on the same directory: same answer, nothing
 * duplicated. APOC and GDS are loaded, and Neo4j Browser runs the query library against the embedded
 * database (headless Chromium). Bolt is locked down: a wrong or missing password is refused, LOAD
 * CSV and APOC read no file and fetch no URL, and without keys no write gets through.
 */
class EmbeddedModeRestartTest {

    private static final String QUESTION = """
            {"query": "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id route { countries } } } } }"}""";

    @TempDir
    static Path dataDir;

    private static int boltPort;

    private static String firstAnswer;

    private static Map<String, Object> firstCounts;

    /** The second start, on the first one's data directory; the tests look at it. */
    private static ConfigurableApplicationContext restarted;

    @BeforeAll
    static void startStopAndStartAgain() throws Exception {
        boltPort = freePort();
        try (ConfigurableApplicationContext app = start(boltPort)) {
            firstAnswer = ask(app);
            firstCounts = countOverBolt(boltPort);
        }
        restarted = start(boltPort);
    }

    @AfterAll
    static void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void aRestartKeepsTheDataAndDuplicatesNothing() throws Exception {
        assertThat(firstAnswer).contains("lynas-japan-offtake").contains("\"countries\":[\"AU\",\"MY\"]");
        Path passwordFile = dataDir.resolve("bolt-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat((Long) firstCounts.get("nodes")).isGreaterThan(100);
        try (var migrations = Files.list(Path.of("cypher/migrations"))) {
            assertThat(firstCounts.get("migrations")).as("every migration applied once").isEqualTo(migrations.count());
        }

        assertThat(ask(restarted)).isEqualTo(firstAnswer);
        assertThat(countOverBolt(boltPort)).isEqualTo(firstCounts);
    }

    @Test
    void boltIsLockedDownAndWritesNeedAKey() throws Exception {
        assertBoltIsLockedDown(boltPort);
        assertNoAnonymousWrite(restarted);
    }

    /**
     * Neo4j Browser, served at /browser/ from the service's jar, connects to the embedded Bolt port over
     * WebSocket with the password and runs a file of the query library (with GDS in it) as an analyst
     * would: set its parameter, paste the file, run.
     */
    @Test
    void neo4jBrowserRunsTheQueryLibrary() throws Exception {
        int httpPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
        String chokepoints = Files.readString(Path.of("cypher/queries/chokepoints.cypher"));
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            page.get("http://localhost:" + httpPort + "/browser/?cmd=edit&arg="
                    + URLEncoder.encode(":param mineral => 'rare-earth-elements'", StandardCharsets.UTF_8));
            assertThat(page.getCurrentUrl()).contains("dbms=bolt://localhost:" + boltPort); // filled in by the service
            chromium.waitUntil("the connect form", d -> d.findElements(By.cssSelector("[data-testid=password]")).stream().findFirst().orElse(null));
            page.findElement(By.cssSelector("[data-testid=username]")).sendKeys("neo4j");
            page.findElement(By.cssSelector("[data-testid=password]")).sendKeys(password());
            page.findElement(By.cssSelector("[data-testid=connect]")).click();
            chromium.waitUntil("the connection", d -> frameContaining(d, "You are connected as user neo4j"));
            page.findElement(By.cssSelector("[data-testid=editor-Run]")).click();
            chromium.waitUntil("the parameter", d -> frameContaining(d, "Successfully set your parameters"));
            // pasted, as an analyst would from the file (typing would meet the editor's bracket completion)
            page.findElement(By.cssSelector("#monaco-main-editor")).click();
            ((JavascriptExecutor) page).executeScript("""
                    const editor = document.querySelector('#monaco-main-editor textarea');
                    editor.focus();
                    const clipboard = new DataTransfer();
                    clipboard.setData('text/plain', arguments[0]);
                    editor.dispatchEvent(new ClipboardEvent('paste', {clipboardData: clipboard, bubbles: true, cancelable: true}));""",
                    chokepoints);
            page.findElement(By.cssSelector("[data-testid=editor-Run]")).click();
            WebElement answer = chromium.waitUntil("the chokepoints", d -> frameContaining(d, "Started streaming 1 records"));
            assertThat(answer.getText()).contains("\"lynas-malaysia\"").contains("\"betweenness\": 1.0").doesNotContain("ERROR");
            chromium.screenshot("neo4j-browser-chokepoints");
        }
    }

    private static WebElement frameContaining(WebDriver page, String text) {
        return page.findElements(By.cssSelector("[data-testid=frame]")).stream().filter(frame -> frame.getText().contains(text)).findFirst()
                .orElse(null);
    }

    private static void assertBoltIsLockedDown(int boltPort) throws IOException {
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
            // Neo4j's own procedures, APOC core and GDS, and nothing else
            assertThat(session.run("SHOW PROCEDURES YIELD name RETURN collect(DISTINCT split(name, '.')[0]) AS namespaces").single()
                    .get("namespaces").asList(org.neo4j.driver.Value::asString)).containsExactlyInAnyOrder("db", "dbms", "tx", "apoc", "gds");
            assertThat(session.run("RETURN apoc.version() AS apoc, gds.version() AS gds").single().asMap())
                    .containsEntry("apoc", "5.26.19").containsEntry("gds", "2.13.9");
            assertThat(session.run("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n").single().get("n").asLong()).isZero();
            // APOC reads no file and meets the same address block as LOAD CSV
            assertThatThrownBy(() -> session.run("CALL apoc.load.json('file:///etc/passwd')").consume())
                    .hasMessageContaining("apoc.import.file.enabled");
            assertThatThrownBy(() -> session.run("CALL apoc.load.json('http://127.0.0.1:9/x.json')").consume())
                    .hasMessageContaining("blocked");
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

    private static String password() throws IOException {
        return Files.readString(dataDir.resolve("bolt-password")).strip();
    }

    private static ConfigurableApplicationContext start(int boltPort) {
        return new SpringApplicationBuilder(CriticalMineralsGraphApplication.class).run("--cmg.mode=embedded",
                "--cmg.embedded.data-dir=" + dataDir, "--cmg.embedded.bolt-port=" + boltPort, "--server.port=0",
                "--cmg.embedded.password=", "--cmg.security.api-keys=",
                // the first question runs on a cold store; a busy CI machine must not turn that into the 10 s budget's TIMEOUT
                "--cmg.limits.query-timeout=" + org.criticalminerals.support.GraphTestSupport.QUERY_TIMEOUT);
    }

    private static String ask(ConfigurableApplicationContext app) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION))
                .timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().strip(); // a slow answer starts with the disconnect probe's spaces
    }

    /** What an analyst sees with any Bolt client. */
    private static Map<String, Object> countOverBolt(int boltPort) throws IOException {
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
