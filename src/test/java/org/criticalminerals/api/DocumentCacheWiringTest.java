package org.criticalminerals.api;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's GraphQL engine takes its documents from the cache: a document sent is held there, with its answer unchanged. */
class DocumentCacheWiringTest extends GraphTestSupport {

    @Autowired
    DocumentCache cache;

    @Test
    void aDocumentSentIsHeldAndAnswersTheSameWhenSentAgain() {
        String document = "query DocumentCacheWiring($first: Int) { minerals(first: $first, orderBy: {field: NAME}) { edges { node { id } } } }";
        assertThat(cache.holds(document)).isFalse();

        var first = graphQl().document(document).variable("first", 3).execute().path("minerals.edges[*].node.id").entityList(String.class).get();
        assertThat(cache.holds(document)).isTrue();
        var again = graphQl().document(document).variable("first", 3).execute().path("minerals.edges[*].node.id").entityList(String.class).get();

        assertThat(first).hasSize(3).isEqualTo(again);
        // another size is the same document with other variables
        graphQl().document(document).variable("first", 5).execute().path("minerals.edges").entityList(Object.class).hasSize(5);
    }
}
