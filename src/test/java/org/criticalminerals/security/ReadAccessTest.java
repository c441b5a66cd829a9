package org.criticalminerals.security;

import java.util.List;
import java.util.Map;

import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code CMG_READ_ACCESS=reader}, every read needs a key with the reader role or above. */
@TestPropertySource(properties = { "cmg.security.read-access=reader", "cmg.knowledge-base.load-on-startup=false" })
class ReadAccessTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void readsNeedTheReaderRoleOrAbove() {
        for (String query : List.of("{ countries { totalCount } }", "{ organization(id: \"sojitz\") { id } }")) {
            Http.Response anonymous = Http.postGraphQl(port, query, null, null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
            for (Role role : Role.values()) {
                assertThat(Http.postGraphQl(port, query, null, TestKeys.bearer(role)).status()).as(role.name()).isEqualTo(200);
            }
        }
        // GraphiQL's page holds no data: it loads without a key, and the user types the key into it
        assertThat(Http.get(port, "/graphiql", null).status()).isEqualTo(200);
        assertThat(Http.get(port, "/explorer/", null).status()).isEqualTo(401);
        assertThat(Http.get(port, "/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void writesStillNeedAPartnerOrCurator() {
        Http.Response reader = Http.postGraphQl(port, AccessMatrixTest.IMPORT, Map.of("batch", "test:read-access", "content", "[]"),
                TestKeys.bearer(Role.READER));
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.errorCode()).isEqualTo("FORBIDDEN");
    }
}
