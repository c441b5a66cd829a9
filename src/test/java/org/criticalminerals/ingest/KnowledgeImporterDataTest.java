package org.criticalminerals.ingest;

import java.util.List;
import java.util.Map;

import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer against a real Neo4j: validation before any write, all-or-nothing, idempotent. */
class KnowledgeImporterDataTest extends GraphTestSupport {

    private static final String BATCH = "partner:test";

    private static final String VALID = """
            - {type: Source, id: test-partner-feed, kind: PARTNER, title: Test partner feed}
            - type: Organization
              id: test-korea-zinc
              kind: Company
              name: Test Korea Zinc
              country: KR
              roles: [PROCESSOR]
              cite: [{source: test-partner-feed, statement: partner says so}]
            - type: Investment
              id: test-investment
              name: Test investment
              investors: [test-korea-zinc]
              target: lynas-rare-earths
              instruments: [EQUITY]
              cite:
                - {source: test-partner-feed, statement: first figure, claims: {amount: 100, currency: USD, date: "2024-05"}}
                - {source: test-partner-feed, statement: second figure, claims: {amount: 120, currency: USD, date: "2024"}}
            """;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    Driver driver;

    @AfterEach
    void removeTestBatch() {
        removeBatch(BATCH);
    }

    @Test
    void aValidImportWritesNodesClaimsAndRelationshipsAndFlagsDisputes() {
        ImportReport report = importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", VALID)), false, TestKeys.PARTNER_CALLER);
        assertThat(report.accepted()).isTrue();
        assertThat(report.recordsByType()).containsEntry("Investment", 1).containsEntry("Organization", 1);
        Map<String, Object> investment = single("""
                MATCH (i:Investment {id: 'test-investment'})-[:IN]->(t)
                RETURN i.amount AS amount, i.disputed AS disputed, i.disputeKinds AS kinds, i.date AS date, i.datePrecision AS precision,
                       t.id AS target, COUNT { (i)-[:CLAIMED_BY]->(:Claim)-[:FROM]->(:Source {id: 'test-partner-feed'}) } AS claims,
                       [(:Organization {id: 'test-korea-zinc'})-[r:INVESTED]->(i) | size(r.claims)] AS investors""");
        assertThat(investment.get("amount")).isNull();
        assertThat(investment.get("disputed")).isEqualTo(List.of("amount", "date"));
        assertThat(investment.get("kinds")).isEqualTo(List.of("CONTRADICTION", "NESTED_PERIODS"));
        assertThat(investment.get("date").toString()).isEqualTo("2024-05-01");
        assertThat(investment.get("precision")).isEqualTo("MONTH");
        assertThat(investment.get("target")).isEqualTo("lynas-rare-earths");
        assertThat(investment.get("claims")).isEqualTo(2L);
        assertThat(investment.get("investors")).isEqualTo(List.of(2L)); // one relationship, asserted by both claims
    }

    @Test
    void importingTheSameContentTwiceChangesNothing() {
        importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", VALID)), false, TestKeys.PARTNER_CALLER);
        long before = count();
        Object version = single("MATCH (i:Investment {id: 'test-investment'}) RETURN i.version AS v").get("v");
        ImportReport again = importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", VALID)), false, TestKeys.PARTNER_CALLER);
        assertThat(count()).isEqualTo(before);
        assertThat(again.claimsWritten()).isZero();
        assertThat(again.factsChanged()).isZero();
        assertThat(single("MATCH (i:Investment {id: 'test-investment'}) RETURN i.version AS v").get("v")).isEqualTo(version);
    }

    @Test
    void replacingABatchRemovesWhatItNoLongerAsserts() {
        importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", VALID)), false, false, true, TestKeys.PARTNER_CALLER);
        String withoutInvestment = VALID.substring(0, VALID.indexOf("- type: Investment"));
        importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", withoutInvestment)), false, false, true, TestKeys.PARTNER_CALLER);
        Map<String, Object> row = single("""
                RETURN COUNT { MATCH (:Investment {id: 'test-investment'}) } AS investments,
                       COUNT { MATCH (c:Claim {record: 'test-investment'}) } AS claims,
                       COUNT { MATCH (n:Entity {id: 'test-investment'}) WHERE n.removedAt IS NOT NULL } AS tombstones,
                       COUNT { MATCH (:Organization {id: 'test-korea-zinc'})-[:INVESTED]->() } AS invested,
                       COUNT { MATCH (:Organization {id: 'test-korea-zinc'}) } AS organizations""");
        assertThat(row).containsEntry("investments", 0L).containsEntry("claims", 0L).containsEntry("invested", 0L)
                .containsEntry("organizations", 1L).containsEntry("tombstones", 1L);
    }

    @Test
    void everyKindOfBadInputIsReportedAndNothingIsWritten() {
        String bad = """
                - {type: Source, id: test-partner-feed, kind: PARTNER, title: Test partner feed}
                - {type: Organization, id: test-unknown-country, kind: Company, name: X, country: XX, cite: [{source: test-partner-feed, statement: s}]}
                - {type: Investment, id: test-negative, name: N, investors: [no-such-org], instruments: [EQUITY],
                   cite: [{source: test-partner-feed, statement: s, claims: {amount: -5, currency: USD}}]}
                - {type: Organization, id: test-no-source, kind: Company, name: Y}
                - {type: Organization, id: test-seed-without-quote, kind: Company, name: Z, cite: [{source: seed-001, line: 171}]}
                - {type: Offtake, id: test-dates, name: D, start: "2025-01", end: "2020", cite: [{source: test-partner-feed, statement: s}]}
                - {type: Organization, id: Bad_Id, kind: Company, name: B, cite: [{source: test-partner-feed, statement: s}]}
                - {type: Investment, id: test-currency, name: C, cite: [{source: test-partner-feed, statement: s, claims: {currency: XYZ}}]}
                """;
        long before = count();
        assertThatThrownBy(() -> importer.importFiles(BATCH, List.of(new KnowledgeFile("bad.yaml", bad)), false, TestKeys.PARTNER_CALLER))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    List<String> problems = e.report().rejections().stream().map(Rejection::toString).toList();
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-unknown-country").contains("unknown id 'XX'"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-negative").contains("must not be negative"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-negative").contains("unknown id 'no-such-org'"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-no-source").contains("no citation"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-seed-without-quote").contains("exact quote"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-dates").contains("start 2025-01 is after end 2020"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("bad.yaml#7").contains("lower-case slug"));
                    assertThat(problems).anySatisfy(p -> assertThat(p).contains("test-currency").contains("ISO 4217"));
                });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotYamlIsRejectedWithItsLine() {
        assertThatThrownBy(() -> importer.importFiles(BATCH, List.of(new KnowledgeFile("broken.yaml", "- {type: Source\n- id: [")), false, TestKeys.PARTNER_CALLER))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.report().rejections().get(0).toString()).contains("broken.yaml:").contains("not valid YAML"));
    }

    @Test
    void aDryRunValidatesAndWritesNothing() {
        long before = count();
        ImportReport report = importer.importFiles(BATCH, List.of(new KnowledgeFile("feed.yaml", VALID)), true, TestKeys.PARTNER_CALLER);
        assertThat(report.accepted()).isTrue();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theCuratedKnowledgeBaseIsLoadedWithEvidenceOnEveryFact() {
        Map<String, Object> row = single("""
                MATCH (n:Entity) WHERE NOT n:Source AND NOT n:Country
                RETURN count(n) AS facts, count { MATCH (m:Entity) WHERE NOT m:Source AND m.removedAt IS NULL AND NOT (m)-[:CLAIMED_BY]->(:Claim) } AS withoutEvidence,
                       count { MATCH ()-[r]->() WHERE NOT type(r) IN ['CLAIMED_BY', 'FROM'] AND (r.claims IS NULL OR size(r.claims) = 0) } AS bareRelationships""");
        assertThat((Long) row.get("facts")).isGreaterThan(10);
        assertThat(row.get("withoutEvidence")).isEqualTo(0L);
        assertThat(row.get("bareRelationships")).isEqualTo(0L);
    }

    private long count() {
        return (Long) single("RETURN COUNT { MATCH (n) } + COUNT { MATCH ()-[r]->() } AS total").get("total");
    }

    private Map<String, Object> single(String cypher) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().asMap());
        }
    }
}
