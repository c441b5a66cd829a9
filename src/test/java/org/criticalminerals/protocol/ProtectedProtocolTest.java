package org.criticalminerals.protocol;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where reads need a key (and with a frontend origin allowed): CORS for the configured origin only, on the
 * GraphQL endpoint and the schema, preflights included; GET, persisted queries and the schema need the key
 * like any read; GraphiQL's page does not (the key is typed into it).
 */
@TestPropertySource(properties = { "cmg.security.read-access=reader", ProtectedProtocolTest.CORS })
class ProtectedProtocolTest extends GraphTestSupport {

    static final String ALLOWED = "http://frontend.localhost:5173";

    static final String CORS = "cmg.protocol.cors-origins=" + ALLOWED + ", http://other-allowed.localhost";

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromTheAllowedOriginIsAnswered() {
        for (String path : List.of("/graphql", "/graphql/schema")) {
            Http.Response preflight = Http.send(ProtocolRequests.request(port, path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build());
            assertThat(preflight.status()).as(path).isEqualTo(200);
            assertThat(preflight.headers().get("access-control-allow-origin")).containsExactly(ALLOWED);
            assertThat(String.join(",", preflight.headers().get("access-control-allow-headers")).toLowerCase())
                    .contains("authorization").contains("content-type");
            assertThat(String.join(",", preflight.headers().get("access-control-allow-methods"))).contains("POST").contains("GET");
        }
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        Http.Response preflight = Http.send(ProtocolRequests.request(port, "/graphql").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.localhost").header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-origin");

        Http.Response actual = Http.send(ProtocolRequests.request(port, "/graphql").header("Origin", "http://evil.localhost")
                .header("Content-Type", "application/json").header("Authorization", TestKeys.bearer(Role.READER))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ countries { totalCount } }\"}")).build());
        assertThat(actual.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void theAllowedOriginReadsWithItsKeyAndSeesRefusalsToo() {
        Http.Response read = Http.send(ProtocolRequests.request(port, "/graphql").header("Origin", ALLOWED)
                .header("Content-Type", "application/json").header("Authorization", TestKeys.bearer(Role.READER))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ countries { totalCount } }\"}")).build());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().get("access-control-allow-origin")).containsExactly(ALLOWED);
        assertThat(read.json().at("/data/countries/totalCount").asInt()).isPositive();

        Http.Response anonymous = Http.send(ProtocolRequests.request(port, "/graphql").header("Origin", ALLOWED)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ countries { totalCount } }\"}"))
                .build());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().get("access-control-allow-origin")).as("the page can read why").containsExactly(ALLOWED);
    }

    @Test
    void getPersistedQueriesAndTheSchemaNeedTheKeyLikeAnyRead() {
        String query = "{ countries { totalCount } }";
        assertThat(ProtocolRequests.get(port, Map.of("query", query), null).status()).isEqualTo(401);
        Http.Response get = ProtocolRequests.get(port, Map.of("query", query), TestKeys.bearer(Role.READER));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().at("/data/countries/totalCount").asInt()).isPositive();
        assertThat(get.headers().get("cache-control")).as("never in a shared cache").containsExactly("max-age=60, private");

        String hash = PersistedQueries.hash(query);
        assertThat(ProtocolRequests.post(port, Map.of("query", query, "extensions", ProtocolRequests.persisted(hash)), TestKeys.bearer(Role.READER))
                .status()).isEqualTo(200);
        Http.Response anonymousByHash = ProtocolRequests.post(port, Map.of("extensions", ProtocolRequests.persisted(hash)), null);
        assertThat(anonymousByHash.status()).isEqualTo(401);
        assertThat(anonymousByHash.body()).doesNotContain("totalCount");

        assertThat(Http.get(port, "/graphql/schema", null).status()).isEqualTo(401);
        assertThat(Http.get(port, "/graphql/schema", TestKeys.bearer(Role.READER)).body()).contains("type Query");

        assertThat(Http.get(port, "/graphiql", null).status()).isEqualTo(200);
        assertThat(Http.get(port, "/graphiql", null).body()).contains("/webjars/graphiql/");
        assertThat(Http.get(port, "/webjars/graphiql/2.4.7/graphiql.min.js", null).status()).isEqualTo(200);
    }
}
