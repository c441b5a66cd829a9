package org.criticalminerals.protocol;

import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /graphql/schema}: the SDL the service runs, descriptions and limits included. */
class SchemaEndpointTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void theSchemaIsPublishedAsSdl() {
        Http.Response response = Http.get(port, "/graphql/schema", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type").get(0)).startsWith("text/plain");
        assertThat(response.body()).contains("type Query").contains("offtakes(").contains("type Mutation").contains("importKnowledge(")
                .contains("scalar DateTime")
                // the limits the service adds to the Query type's description at start-up: the running schema, not the file
                .contains("Limits on every request");
        graphql.schema.idl.TypeDefinitionRegistry parsed = new graphql.schema.idl.SchemaParser().parse(response.body());
        assertThat(parsed.getType("Offtake")).isPresent();
    }
}
