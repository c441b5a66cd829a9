package org.criticalminerals.protocol;

import java.util.Map;

import org.criticalminerals.limits.QueryLimitsTestAccess;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criticalminerals.protocol.ProtocolRequests.get;

/** {@code GET /graphql}: queries run and are answered as over POST; mutations never run; the limits hold. */
class QueriesOverGetTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aQueryWithVariablesRunsOverGet() {
        Http.Response response = get(port, Map.of("query", "query Org($id: ID!) { organization(id: $id) { id country { id } } }",
                "variables", Map.of("id", "sojitz"), "operationName", "Org"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/data/organization/country/id").asString()).isEqualTo("JP");
        assertThat(response.headers().get("content-type").get(0)).contains("json");
    }

    @Test
    void theAnswerIsTheSameAsOverPost() {
        String query = "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id } } } }";
        Http.Response overGet = get(port, Map.of("query", query), null);
        Http.Response overPost = Http.postGraphQl(port, query, null, null);
        assertThat(overGet.status()).isEqualTo(200);
        assertThat(overGet.json()).isEqualTo(overPost.json());
        assertThat(overGet.json().at("/data/offtakes/totalCount").asInt()).isPositive();
    }

    @Test
    void aGetAnswerMayBeCachedAPostOrAFailureNot() {
        String query = "{ countries { totalCount } }";
        Http.Response overGet = get(port, Map.of("query", query), null);
        assertThat(overGet.headers().get("cache-control")).containsExactly("max-age=60, public");
        assertThat(String.join(",", overGet.headers().get("vary"))).contains("Authorization").contains("Accept");
        assertThat(Http.postGraphQl(port, query, null, null).headers().get("cache-control").get(0)).contains("no-store");
        Http.Response failed = get(port, Map.of("query", "{ countries { noSuchField } }"), null);
        assertThat(failed.json().path("errors").isEmpty()).isFalse();
        assertThat(failed.headers().get("cache-control").get(0)).contains("no-store");
    }

    @Test
    void aQueryThatIsNotAStringIs400() {
        Http.Response response = Http.post(port, "/graphql", "{\"query\": 42}", "application/json", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aMutationOverGetIsRefusedWith405WhateverTheKey() {
        for (Role role : new Role[] { null, Role.READER, Role.CURATOR }) {
            String source = "protocol-get-mutation-" + (role == null ? "anonymous" : role.configName());
            Http.Response response = get(port, Map.of("query", ProtocolRequests.IMPORT, "variables", ProtocolRequests.importVariables(source)),
                    role == null ? null : TestKeys.bearer(role));
            assertThat(response.status()).as("%s: %s", role, response.body()).isEqualTo(405);
            assertThat(response.headers().get("allow")).containsExactly("POST");
            assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(sourceExists(source)).as("nothing was imported").isFalse();
        }
    }

    @Test
    void aMutationNamedAmongQueriesIsStillAMutation() {
        String document = "query Read { countries { totalCount } } " + ProtocolRequests.IMPORT.replaceFirst("mutation", "mutation Write");
        String source = "protocol-get-named-mutation";
        Http.Response response = get(port, Map.of("query", document, "operationName", "Write", "variables",
                ProtocolRequests.importVariables(source)), TestKeys.bearer(Role.CURATOR));
        assertThat(response.status()).isEqualTo(405);
        assertThat(sourceExists(source)).isFalse();
        Http.Response read = get(port, Map.of("query", document, "operationName", "Read"), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/data/countries/totalCount").asInt()).isPositive();
    }

    @Test
    void variablesThatAreNotJsonAre400() {
        Http.Response response = Http.get(port, "/graphql?query=%7B__typename%7D&variables=%7Bnot-json", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void theQueryLimitsHoldOverGet() {
        Http.Response deep = get(port, Map.of("query", QueryLimitsTestAccess.DEEP), null);
        assertThat(deep.errorCode()).as(deep.body()).isEqualTo("QUERY_TOO_DEEP");
        assertThat(deep.json().path("data").isMissingNode() || deep.json().path("data").isNull()).isTrue();
        Http.Response nested = get(port, Map.of("query", QueryLimitsTestAccess.NESTED_BOMB), null);
        assertThat(nested.errorCode()).as(nested.body()).isIn("QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP");
    }

    @Test
    void getWithoutAQueryIsNotAGraphQlRequest() {
        assertThat(Http.get(port, "/graphql", null).status()).isEqualTo(405);
    }

    private boolean sourceExists(String id) {
        Http.Response response = Http.postGraphQl(port, "query($id: ID!) { source(id: $id) { id } }", Map.of("id", id), null);
        assertThat(response.status()).isEqualTo(200);
        return !response.json().at("/data/source").isNull() && !response.json().at("/data/source").isMissingNode();
    }
}
