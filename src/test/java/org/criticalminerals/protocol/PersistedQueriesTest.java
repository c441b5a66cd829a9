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
import static org.criticalminerals.protocol.ProtocolRequests.persisted;
import static org.criticalminerals.protocol.ProtocolRequests.post;

/**
 * Automatic persisted queries as Apollo's clients send them: the hash alone, {@code PersistedQueryNotFound},
 * then query and hash, then the hash alone again, over POST and GET. A hash never stands for another
 * document, never lets a mutation past the role check, never past the query limits.
 */
class PersistedQueriesTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void anUnknownHashIsNotFoundThenTheQueryIsRegisteredAndRunsByItsHash() {
        String query = "query Sojitz { organization(id: \"sojitz\") { id name country { id } } } # " + System.nanoTime();
        String hash = PersistedQueries.hash(query);

        Http.Response unknown = post(port, Map.of("extensions", persisted(hash)), null);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        Http.Response registered = post(port, Map.of("query", query, "extensions", persisted(hash)), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().at("/data/organization/country/id").asString()).isEqualTo("JP");

        Http.Response byHash = post(port, Map.of("extensions", persisted(hash), "operationName", "Sojitz"), null);
        assertThat(byHash.status()).as(byHash.body()).isEqualTo(200);
        assertThat(byHash.json().path("data")).isEqualTo(registered.json().path("data"));

        Http.Response overGet = ProtocolRequests.get(port, Map.of("extensions", persisted(hash.toUpperCase())), null);
        assertThat(overGet.status()).as(overGet.body()).isEqualTo(200);
        assertThat(overGet.json().path("data")).isEqualTo(registered.json().path("data"));
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefusedAndNothingIsKept() {
        String query = "{ countries { totalCount } }";
        String other = PersistedQueries.hash("{ organizations { totalCount } } # " + System.nanoTime());
        Http.Response mismatch = post(port, Map.of("query", query, "extensions", persisted(other)), null);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(mismatch.json().path("data").isMissingNode()).isTrue();
        assertThat(post(port, Map.of("extensions", persisted(other)), null).errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aPersistedMutationStillNeedsItsRoleAndNeverRunsOverGet() {
        String source = "protocol-apq-mutation-" + System.nanoTime();
        Map<String, Object> variables = ProtocolRequests.importVariables(source);
        String hash = PersistedQueries.hash(ProtocolRequests.IMPORT);

        // anyone may register a document; registering it does not run it for a caller without the role
        Http.Response anonymous = post(port, Map.of("query", ProtocolRequests.IMPORT, "variables", variables, "extensions", persisted(hash)), null);
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response anonymousByHash = post(port, Map.of("variables", variables, "extensions", persisted(hash)), null);
        assertThat(anonymousByHash.status()).as(anonymousByHash.body()).isEqualTo(401);
        assertThat(anonymousByHash.errorCode()).isEqualTo("UNAUTHENTICATED");
        Http.Response reader = post(port, Map.of("variables", variables, "extensions", persisted(hash)), TestKeys.bearer(Role.READER));
        assertThat(reader.status()).isEqualTo(403);
        Http.Response curatorOverGet = ProtocolRequests.get(port, Map.of("variables", variables, "extensions", persisted(hash)),
                TestKeys.bearer(Role.CURATOR));
        assertThat(curatorOverGet.status()).isEqualTo(405);
        assertThat(sourceExists(source)).as("nothing was imported").isFalse();

        // the same hash with the role it needs runs the mutation
        Http.Response curator = post(port, Map.of("variables", variables, "extensions", persisted(hash)), TestKeys.bearer(Role.CURATOR));
        assertThat(curator.status()).as(curator.body()).isEqualTo(200);
        assertThat(curator.json().at("/data/importKnowledge/errors").isEmpty()).as(curator.body()).isTrue();
        assertThat(sourceExists(source)).isTrue();
        removeBatch("test:" + source);
    }

    @Test
    void theQueryLimitsHoldForPersistedQueries() {
        String deep = QueryLimitsTestAccess.DEEP + " # " + System.nanoTime();
        String hash = PersistedQueries.hash(deep);
        Http.Response registered = post(port, Map.of("query", deep, "extensions", persisted(hash)), null);
        assertThat(registered.errorCode()).as(registered.body()).isEqualTo("QUERY_TOO_DEEP");
        Http.Response byHash = post(port, Map.of("extensions", persisted(hash)), null);
        assertThat(byHash.errorCode()).as(byHash.body()).isEqualTo("QUERY_TOO_DEEP");
        Http.Response byHashOverGet = ProtocolRequests.get(port, Map.of("extensions", persisted(hash)), null);
        assertThat(byHashOverGet.errorCode()).as(byHashOverGet.body()).isEqualTo("QUERY_TOO_DEEP");

        String bomb = QueryLimitsTestAccess.ALIAS_BOMB;
        Http.Response complex = post(port, Map.of("query", bomb, "extensions", persisted(PersistedQueries.hash(bomb))), null);
        assertThat(complex.errorCode()).as(complex.body()).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void theCacheIsBounded() {
        PersistedQueries cache = new PersistedQueries(2);
        for (String document : new String[] { "{ a }", "{ b }", "{ c }" }) {
            assertThat(cache.register(PersistedQueries.hash(document), document)).isTrue();
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find(PersistedQueries.hash("{ a }"))).isEmpty();
        assertThat(cache.find(PersistedQueries.hash("{ c }"))).contains("{ c }");
        assertThat(cache.register(PersistedQueries.hash("{ a }"), "{ b }")).isFalse();
    }

    private boolean sourceExists(String id) {
        Http.Response response = Http.postGraphQl(port, "query($id: ID!) { source(id: $id) { id } }", Map.of("id", id), null);
        return response.json().at("/data/source/id").isString();
    }
}
