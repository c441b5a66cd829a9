package org.criticalminerals.workbench;

import java.util.Map;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /cypher} as analysts meet it: a key is needed even though reads are open, the answer comes as
 * JSON or CSV, writes of every kind are refused and change nothing, mistakes are 4xx with Neo4j's words and
 * no stack trace, long answers are cut at the row limit and say so.
 */
class ReadOnlyCypherTest extends GraphTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String READER = TestKeys.bearer(Role.READER);

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void aReaderReadsAsJsonAndCsv() {
        String lynas = body("MATCH (o:Organization {id: $id})-[:OPERATES]->(s) RETURN o.name AS name, s.id AS site, s ORDER BY site",
                Map.of("id", "lynas-rare-earths"), null);
        Http.Response json = post(lynas, READER, "application/json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode answer = json.json();
        assertThat(answer.path("columns").toString()).isEqualTo("[\"name\",\"site\",\"s\"]");
        assertThat(answer.path("rows").findValuesAsString("site")).contains("lynas-malaysia", "mount-weld");
        assertThat(answer.at("/rows/0/s/labels").toString()).contains("Facility");
        assertThat(answer.at("/rows/0/s/properties/id").asString()).isEqualTo(answer.at("/rows/0/site").asString());
        assertThat(answer.path("truncated").asBoolean()).isFalse();

        Http.Response csv = post(lynas, READER, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type").get(0)).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("name,site,s");
        assertThat(lines[1]).startsWith("Lynas Rare Earths,").contains(",\"{\"\"elementId\"\":");
        assertThat(post(body("RETURN 1 AS one", Map.of(), "csv"), READER, "application/json").body()).isEqualTo("one\r\n1\r\n");
    }

    @Test
    void aKeyIsNeededEvenThoughReadsAreOpen() {
        String statement = body("RETURN 1 AS one", Map.of(), null);
        Http.Response anonymous = post(statement, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(post(statement, "Bearer not-a-key", null).status()).isEqualTo(401);
        for (Role role : Role.values()) {
            assertThat(post(statement, TestKeys.bearer(role), null).status()).as(role.name()).isEqualTo(200);
        }
    }

    @Test
    void nothingWritesAndNothingIsWritten() {
        Map<String, String> writes = Map.of(
                "CREATE (:CypherEndpointProbe {at: 1})", "FORBIDDEN",
                "MATCH (o:Organization {id: 'lynas-rare-earths'}) SET o.name = 'changed'", "FORBIDDEN",
                "CALL apoc.create.node(['CypherEndpointProbe'], {}) YIELD node RETURN node", "FORBIDDEN",
                "CALL db.createLabel('CypherEndpointProbe')", "FORBIDDEN",
                "CREATE INDEX cypher_endpoint_probe FOR (n:CypherEndpointProbe) ON (n.at)", "FORBIDDEN",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "FORBIDDEN",
                "CALL dbms.components() YIELD name RETURN name", "FORBIDDEN");
        writes.forEach((statement, code) -> {
            Http.Response response = post(body(statement, Map.of(), null), TestKeys.bearer(Role.CURATOR), null);
            assertThat(response.status()).as(statement + ": " + response.body()).isBetween(400, 499);
            assertThat(response.json().path("code").asString()).as(statement + ": " + response.body()).isEqualTo(code);
            assertNoStackTrace(response);
        });
        try (Session session = driver.session()) {
            assertThat(session.run("MATCH (n:CypherEndpointProbe) RETURN count(n) AS n").single().get("n").asLong()).isZero();
            assertThat(session.run("MATCH (o:Organization {id: 'lynas-rare-earths'}) RETURN o.name AS name").single().get("name").asString())
                    .isEqualTo("Lynas Rare Earths");
            assertThat(session.run("SHOW INDEXES YIELD name WHERE name = 'cypher_endpoint_probe' RETURN count(*) AS n").single().get("n")
                    .asLong()).isZero();
        }
    }

    @Test
    void mistakesAreClearClientErrors() {
        Map<String, String> mistakes = Map.of(
                body("MATCH (n RETURN n", Map.of(), null), "Invalid input 'RETURN'",
                body("MATCH (n:Organization {id: $id}) RETURN n", Map.of(), null), "Expected parameter(s): id",
                body("RETURN 1 AS a; RETURN 2 AS b", Map.of(), null), "",
                body("", Map.of(), null), "Send one Cypher statement",
                body("RETURN 1", Map.of(), "xml"), "format must be json or csv",
                "{not json", "The body must be JSON");
        mistakes.forEach((request, message) -> {
            Http.Response response = post(request, READER, null);
            assertThat(response.status()).as(request + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().path("code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(response.json().path("detail").asString()).contains(message).doesNotContain("EXPLAIN");
            assertNoStackTrace(response);
        });
        // positions count from the statement as written
        assertThat(post(body("MATCH (n RETURN n", Map.of(), null), READER, null).json().path("detail").asString())
                .contains("(line 1, column 10 (offset: 9))").contains("\"MATCH (n RETURN n\"\n          ^"); // under RETURN
    }

    @Test
    void aLongAnswerIsCutAtTheRowLimitAndSaysSo() {
        Http.Response response = post(body("UNWIND range(1, 5000) AS i RETURN i", Map.of(), null), READER, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("rowCount").asInt()).isEqualTo(1000);
        assertThat(response.json().path("rowLimit").asInt()).isEqualTo(1000);
        assertThat(response.json().path("truncated").asBoolean()).isTrue();
        assertThat(response.headers().get("cmg-truncated")).containsExactly("true");
        // exactly the limit is not cut
        assertThat(post(body("UNWIND range(1, 1000) AS i RETURN i", Map.of(), null), READER, null).json().path("truncated").asBoolean())
                .isFalse();
    }

    @Test
    void itsTransactionCarriesTheRequestBudget() {
        Http.Response response = post(body("""
                SHOW TRANSACTIONS YIELD currentQuery, metaData WHERE currentQuery CONTAINS 'budget-probe'
                RETURN metaData.request AS request""", Map.of(), null), READER, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/rows/0/request").asString()).matches("[0-9a-f-]{36}");
    }

    private Http.Response post(String body, String authorization, String accept) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/cypher")).timeout(Http.TIMEOUT)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return Http.send(request.build());
    }

    private static String body(String statement, Map<String, Object> parameters, String format) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("statement", statement, "parameters", parameters));
        if (format != null) {
            body.put("format", format);
        }
        return JSON.writeValueAsString(body);
    }

    private static void assertNoStackTrace(Http.Response response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.neo4j");
    }
}
