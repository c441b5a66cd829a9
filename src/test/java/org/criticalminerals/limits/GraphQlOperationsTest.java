package org.criticalminerals.limits;

import org.criticalminerals.limits.GraphQlOperations.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the security rules treat as writes. */
class GraphQlOperationsTest {

    @Test
    void aMutationIsAWrite() {
        assertThat(GraphQlOperations.kind("mutation { importKnowledge(input: {batch: \"b\", content: \"[]\"}) { errors { message } } }", null))
                .isEqualTo(Kind.MUTATION);
        assertThat(GraphQlOperations.kind("mutation Named { x }", "Named")).isEqualTo(Kind.MUTATION);
    }

    @Test
    void queriesAndShorthandsAreReads() {
        assertThat(GraphQlOperations.kind("{ organization(id: \"sojitz\") { id } }", null)).isEqualTo(Kind.READ);
        assertThat(GraphQlOperations.kind("query Q { x }", null)).isEqualTo(Kind.READ);
        assertThat(GraphQlOperations.kind(null, null)).isEqualTo(Kind.READ);
    }

    @Test
    void theNamedOperationDecides() {
        String both = "query Read { x } mutation Write { y }";
        assertThat(GraphQlOperations.kind(both, "Read")).isEqualTo(Kind.READ);
        assertThat(GraphQlOperations.kind(both, "Write")).isEqualTo(Kind.MUTATION);
        // no name: GraphQL refuses to choose, and until then it counts as the write it may be
        assertThat(GraphQlOperations.kind(both, null)).isEqualTo(Kind.MUTATION);
    }

    @Test
    void aDocumentThatDoesNotParseRunsNothing() {
        assertThat(GraphQlOperations.kind("mutation {", null)).isEqualTo(Kind.READ);
    }
}
