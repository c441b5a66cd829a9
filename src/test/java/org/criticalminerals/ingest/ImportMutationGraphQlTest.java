package org.criticalminerals.ingest;

import java.util.Map;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner imports over GraphQL: a payload with the report, or with every problem and nothing written. */
class ImportMutationGraphQlTest extends GraphTestSupport {

    private static final String BATCH = "partner:mutation-test";

    @Autowired
    Driver driver;

    @AfterEach
    void cleanUp() {
        removeBatch(BATCH);
    }

    @Test
    void aValidPartnerFileIsImportedAndQueryable() {
        String content = """
                [{"type": "Source", "id": "test-partner-json", "kind": "PARTNER", "title": "Partner JSON feed"},
                 {"type": "Offtake", "id": "test-partner-offtake", "name": "Partner offtake", "buyers": ["sojitz"],
                  "minerals": ["neodymium"], "suppliedFrom": ["mount-weld"],
                  "cite": [{"source": "test-partner-json", "statement": "partner contract register", "claims": {"volume": 100, "unit": "t/yr"}}]}]""";
        graphQlAs(Role.PARTNER).documentName("importKnowledge").variable("batch", BATCH).variable("content", content).execute()
                .path("importKnowledge.errors").entityList(Object.class).hasSize(0)
                .path("importKnowledge.report.recordsRead").entity(Integer.class).isEqualTo(2);
        graphQl().document("{ offtake(id: \"test-partner-offtake\") { sourceKinds volume buyers { id } claims { source { kind } } } }").execute()
                .path("offtake.sourceKinds").entityList(String.class).containsExactly("PARTNER")
                .path("offtake.volume").entity(Double.class).isEqualTo(100.0)
                .path("offtake.buyers[0].id").entity(String.class).isEqualTo("sojitz");
    }

    @Test
    void anInvalidFileComesBackWithTypedErrorsAndWritesNothing() {
        String content = """
                - {type: Offtake, id: test-bad-offtake, name: Bad, buyers: [nobody], cite: [{source: nowhere, statement: s}]}""";
        graphQlAs(Role.PARTNER).documentName("importKnowledge").variable("batch", BATCH).variable("content", content).execute()
                .path("importKnowledge.report").valueIsNull()
                .path("importKnowledge.errors[*].recordId").entityList(String.class).contains("test-bad-offtake")
                .path("importKnowledge.errors[*].message").entityList(String.class)
                .satisfies(messages -> assertThat(messages).anySatisfy(m -> assertThat(m).contains("unknown id 'nobody'"))
                        .anySatisfy(m -> assertThat(m).contains("not a known Source")));
        graphQl().document("{ node(id: \"test-bad-offtake\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void theCuratedBatchCannotBeOverwrittenFromOutside() {
        graphQlAs(Role.PARTNER).documentName("importKnowledge").variable("batch", "knowledge-base").variable("content", "[]").execute()
                .path("importKnowledge.errors[0].field").entity(String.class).isEqualTo("batch");
    }
}
