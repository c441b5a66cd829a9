package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.SeedFiles;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every fact is computed from all of its claims, whatever batch made them: a partner's differing figure
 * becomes a second claim and a disagreement, never an overwrite; names and links of the curated knowledge
 * base survive a partner's silence or renaming; removing the partner's batch gives back the fact exactly
 * as it was; the same record under two batch names is one fact with two claims; the order in which
 * curated, partner and curator claims arrive does not matter.
 */
class ReconciliationDataTest extends GraphTestSupport {

    private static final Caller OTHER_PARTNER = new Caller("test-other-partner", Role.PARTNER);

    private static final List<String> BATCHES = List.of("test:partner-a", "test:partner-b", "test:curated", "test:curator", "test:other");

    private static final String PARTNER_SOURCE = """
            - {type: Source, id: test-partner-register, kind: PARTNER, title: Partner contract register}
            """;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    Driver driver;

    @AfterEach
    void removeTestBatches() {
        BATCHES.forEach(this::removeBatch);
    }

    @Test
    void aPartnersDifferingFigureStandsBesideTheCuratedOneAndGoesWithItsBatch() {
        Map<String, Object> before = state("sojitz-jogmec-lynas-2023");
        assertThat(before.get("amount")).isEqualTo(18_000_000_000L);

        partner("test:partner-a", """
                - {type: Investment, id: sojitz-jogmec-lynas-2023, name: Sojitz financing of Lynas (partner view),
                   cite: [{source: test-partner-register, statement: register entry 17, claims: {amount: 120000000, currency: USD, date: "2023-04"}}]}
                """);
        Map<String, Object> during = state("sojitz-jogmec-lynas-2023");
        assertThat(during.get("amount")).isNull(); // no figure is picked
        assertThat(during.get("disputed")).isEqualTo(List.of("date", "amount"));
        assertThat(during.get("disputeKinds")).isEqualTo(List.of("CONTRADICTION", "DIFFERENT_CURRENCIES"));
        assertThat(during.get("name")).isEqualTo(before.get("name")); // the curated name wins, the partner's becomes an alias
        assertThat(texts(during.get("aliases"))).contains("Sojitz financing of Lynas (partner view)");
        assertThat(during.get("relationships")).isEqualTo(before.get("relationships")); // investors and target untouched
        assertThat(during.get("sourceKinds")).isEqualTo(List.of("PARTNER", "SEED"));

        removeBatch("test:partner-a");
        assertThat(state("sojitz-jogmec-lynas-2023")).isEqualTo(before);
    }

    @Test
    void aPartnerCannotRenameMoveOrEmptyACuratedOrganization() {
        Map<String, Object> before = state("sojitz");
        partner("test:partner-a", """
                - {type: Organization, id: sojitz, kind: Company, name: Sojitz KR, aliases: [], country: KR,
                   cite: [{source: test-partner-register, statement: our master data}]}
                """);
        Map<String, Object> during = state("sojitz");
        assertThat(during.get("name")).isEqualTo("Sojitz Corporation");
        assertThat(during.get("nameJa")).isEqualTo("双日");
        assertThat(texts(during.get("aliases"))).containsAll(texts(before.get("aliases"))).contains("Sojitz KR");
        assertThat(during.get("disputed")).isEqualTo(List.of("country"));
        // both countries stay, each with its claims; the curated one is preferred, the partner's an alternative
        assertThat(relationships("sojitz", "BASED_IN")).containsExactly("BASED_IN->JP", "BASED_IN->KR (alternative)");
        graphQl().document("{ organization(id: \"sojitz\") { country { code } disputes { field kind } } search(text: \"双日\") { entity { id } } }")
                .execute()
                .path("organization.country.code").entity(String.class).isEqualTo("JP")
                .path("organization.disputes[0].kind").entity(String.class).isEqualTo("CONTRADICTION")
                .path("search[0].entity.id").entity(String.class).isEqualTo("sojitz");

        removeBatch("test:partner-a");
        assertThat(state("sojitz")).isEqualTo(before);
    }

    @Test
    void theSameRecordUnderTwoBatchNamesIsOneFactWithTwoClaims() {
        String record = """
                - type: Organization
                  id: test-hub-trading
                  kind: Company
                  name: Test Hub Trading
                  country: JP
                  cite: [{source: test-partner-register, statement: register}]
                - type: Investment
                  id: test-single-investment
                  name: Test investment of USD 1,000
                  investors: [test-hub-trading]
                  target: lynas-rare-earths
                  cite: [{source: test-partner-register, statement: register, claims: {amount: 1000, currency: USD, date: "2024"}}]
                """;
        partner("test:partner-a", record);
        partner("test:partner-b", record);
        try (Session session = driver.session()) {
            Map<String, Object> row = session.run("""
                    MATCH (o:Organization {id: 'test-hub-trading'})-[r:INVESTED]->(i:Investment {id: 'test-single-investment'})
                    RETURN count(r) AS relationships, collect(r.batches)[0] AS batches, i.claimCount AS claims, i.amount AS amount""")
                    .single().asMap();
            assertThat(row).containsEntry("relationships", 1L).containsEntry("claims", 2L).containsEntry("amount", 1000L);
            assertThat(row.get("batches")).isEqualTo(List.of("test:partner-a", "test:partner-b"));
        }
        graphQl().document("{ moneyFlows(investor: \"test-hub-trading\") { totals { currency total investments } } }").execute()
                .path("moneyFlows.totals[0].total").entity(Double.class).isEqualTo(1000.0)
                .path("moneyFlows.totals[0].investments").entity(Integer.class).isEqualTo(1);
        removeBatch("test:partner-a");
        assertThat(state("test-single-investment").get("claimCount")).isEqualTo(1L);
    }

    @Test
    void curatedPartnerAndCuratorClaimsGiveTheSameFactInEveryOrder() {
        Map<String, String> batches = Map.of(
                "test:curated", """
                        - {type: Source, id: test-public-report, kind: PUBLIC, title: A public report, url: "https://example.org/report"}
                        - {type: Deposit, id: test-order-deposit, name: Test Deposit, country: AU, status: DEVELOPMENT, minerals: [lithium],
                           cite: [{source: test-public-report, statement: the report, claims: {status: DEVELOPMENT}}]}
                        """,
                "test:partner-a", PARTNER_SOURCE + """
                        - {type: Deposit, id: test-order-deposit, name: Test Deposit (partner), status: OPERATING, operators: [lynas-rare-earths],
                           cite: [{source: test-partner-register, statement: the register}]}
                        """,
                "test:curator", """
                        - {type: Source, id: test-public-report, kind: PUBLIC, title: A public report, url: "https://example.org/report"}
                        - {type: Deposit, id: test-order-deposit, name: Test Deposit, aliases: [TD], minerals: [nickel], region: Pilbara,
                           cite: [{source: test-public-report, statement: page 3}]}
                        """);
        List<List<String>> orders = permutations(List.of("test:curated", "test:partner-a", "test:curator"));
        Map<String, Object> expected = null;
        for (List<String> order : orders) {
            for (String batch : order) {
                importer.importFiles(batch, List.of(new KnowledgeFile(batch + ".yaml", batches.get(batch))), false,
                        batch.equals("test:partner-a") ? TestKeys.PARTNER_CALLER : TestKeys.CURATOR_CALLER);
            }
            Map<String, Object> state = state("test-order-deposit");
            if (expected == null) {
                expected = state;
                assertThat(state.get("name")).isEqualTo("Test Deposit");
                assertThat(texts(state.get("aliases"))).containsExactlyInAnyOrder("TD", "Test Deposit (partner)");
                assertThat(state.get("region")).isEqualTo("Pilbara");
                assertThat(state.get("disputed")).isEqualTo(List.of("status"));
                assertThat(relationships("test-order-deposit", "PRODUCES")).containsExactly("PRODUCES->lithium", "PRODUCES->nickel");
                assertThat(relationships("test-order-deposit", "OPERATES")).containsExactly("OPERATES<-lynas-rare-earths");
            }
            assertThat(state).as("after %s", order).isEqualTo(expected);
            // and removing them in reverse: each step is the fact of the claims left
            for (int i = order.size() - 1; i > 0; i--) {
                removeBatch(order.get(i));
                assertThat(relationships("test-order-deposit", "OPERATES").isEmpty()).isEqualTo(!order.subList(0, i).contains("test:partner-a"));
            }
            removeBatch(order.get(0));
            assertThat(state("test-order-deposit")).containsEntry("removed", true);
        }
    }

    @Test
    void aPartnerCitesOnlyItsOwnPartnerSourcesAndWritesOnlyItsOwnBatches() {
        partner("test:partner-a", "[]");
        assertThatThrownBy(() -> partner("test:partner-b", """
                - {type: Organization, id: test-seed-citer, kind: Company, name: Seed citer,
                   cite: [{source: seed-000, line: 148, quote: "日本の双日株式会社"}]}
                """)).hasMessageContaining("only a curator may cite a seed document");
        assertThatThrownBy(() -> importer.importFiles("test:other", List.of(new KnowledgeFile("other.yaml", """
                - {type: Organization, id: test-borrowed-source, kind: Company, name: Borrowed,
                   cite: [{source: test-partner-register, statement: not mine}]}
                """)), false, OTHER_PARTNER)).hasMessageContaining("a partner cites its own partner sources");
        assertThatThrownBy(() -> importer.importFiles("test:partner-a", List.of(new KnowledgeFile("x.yaml", "[]")), false, OTHER_PARTNER))
                .hasMessageContaining("belongs to " + TestKeys.PARTNER_CALLER.name());
        assertThatThrownBy(() -> importer.removeBatch("test:partner-a", OTHER_PARTNER)).hasMessageContaining("belongs to");
        assertThatThrownBy(() -> importer.importFiles("test:other", List.of(new KnowledgeFile("seed.yaml", """
                - {type: Source, id: test-fake-seed, kind: SEED, title: Fake, file: fake.txt}
                """)), false, OTHER_PARTNER)).hasMessageContaining("a partner's sources are of kind PARTNER");
    }

    @Test
    void aCuratorsSeedQuoteMustStandOnTheCitedLine() {
        SeedFiles.required(); // the service checks quotes only where it has the documents
        assertThatThrownBy(() -> importer.importFiles("test:curator", List.of(new KnowledgeFile("q.yaml", """
                - {type: Organization, id: test-misquoted, kind: Company, name: Misquoted,
                   cite: [{source: seed-000, line: 148, quote: "この文は148行目にない"}]}
                """)), false, TestKeys.CURATOR_CALLER)).hasMessageContaining("the quote does not stand on line 148");
        ImportReport ok = importer.importFiles("test:curator", List.of(new KnowledgeFile("q.yaml", """
                - {type: Organization, id: test-quoted, kind: Company, name: Quoted,
                   cite: [{source: seed-000, line: 148, quote: "日本の双日株式会社"}]}
                """)), false, TestKeys.CURATOR_CALLER);
        assertThat(ok.claimsWritten()).isEqualTo(1);
    }

    private void partner(String batch, String records) {
        importer.importFiles(batch, List.of(new KnowledgeFile(batch + ".yaml", PARTNER_SOURCE + records.replace("[]", ""))), false,
                TestKeys.PARTNER_CALLER);
    }

    /** What a fact is: its properties (without bookkeeping) and the relationships it owns, with their claims. */
    private Map<String, Object> state(String id) {
        try (Session session = driver.session()) {
            Map<String, Object> node = session.run("""
                    MATCH (n:Entity {id: $id})
                    RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS n,
                           [(n)-[r]-(m) WHERE NOT type(r) IN ['CLAIMED_BY', 'FROM'] | [type(r), m.id] + r.claims] AS rels""",
                    Map.of("id", id)).single().asMap();
            @SuppressWarnings("unchecked")
            Map<String, Object> state = new TreeMap<>((Map<String, Object>) node.get("n"));
            List.of("version", "updatedAt", "updatedBy", "updatedBatch", "createdAt", "stateHash").forEach(state::remove);
            if (state.remove("removedAt") != null) {
                state.put("removed", true);
            }
            List<String> relationships = new ArrayList<>(((List<?>) node.get("rels")).stream().map(Object::toString).toList());
            relationships.sort(null);
            state.put("relationships", relationships);
            return state;
        }
    }

    private List<String> relationships(String id, String type) {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (n:Entity {id: $id})-[r]-(m) WHERE type(r) = $type
                    RETURN type(r) + (CASE WHEN startNode(r) = n THEN '->' ELSE '<-' END) + m.id
                           + CASE WHEN r.alternative THEN ' (alternative)' ELSE '' END AS r ORDER BY r""",
                    Map.of("id", id, "type", type)).list(r -> r.get("r").asString());
        }
    }

    private static List<String> texts(Object list) {
        return ((List<?>) list).stream().map(Object::toString).toList();
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> result = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
