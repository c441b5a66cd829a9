package org.criticalminerals.ingest;

import java.time.Duration;
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

/**
 * An import written in chunks gives the graph the same import gives in one transaction, whatever the order of
 * its records: a record may cite a source, or refer to a fact, that the file defines in a later chunk (the curated
 * knowledge base lists its sources last). Before, such claims and relationships were silently dropped: a chunked
 * load of the knowledge base kept 785 of its 2,824 claims.
 */
class ChunkedImportOrderTest extends GraphTestSupport {

    private static final String BATCH = "test:chunk-order";

    /** Each record cites the source of the last line, and each organization's parent comes after it. */
    private static final String FILE = """
            - {type: Organization, id: test-chunk-a, name: Chunk A, kind: Company, country: JP, parent: test-chunk-b, cite: [{source: test-chunk-src, statement: a}]}
            - {type: Organization, id: test-chunk-b, name: Chunk B, kind: Company, country: AU, parent: test-chunk-c, cite: [{source: test-chunk-src, statement: b}]}
            - {type: Organization, id: test-chunk-c, name: Chunk C, kind: Company, country: JP, cite: [{source: test-chunk-src, statement: c}]}
            - {type: Organization, id: test-chunk-d, name: Chunk D, kind: Company, parent: test-chunk-a, cite: [{source: test-chunk-src, statement: d}]}
            - {type: Source, id: test-chunk-src, kind: PARTNER, title: Chunk order feed}
            """;

    @Autowired
    Driver driver;

    @Autowired
    SeedDocuments seeds;

    @Autowired
    ImportMetrics metrics;

    @AfterEach
    void cleanUp() {
        removeBatch(BATCH);
    }

    @Test
    void chunksOfTwoRecordsGiveWhatOneTransactionGives() {
        // chunks first, while the facts are new (the path that dropped them); the one transaction then meets their tombstones
        Map<String, Object> inChunks = importedWithChunksOf(2);
        removeBatch(BATCH);
        Map<String, Object> inOne = importedWithChunksOf(5_000);
        assertThat(inChunks).containsEntry("claims", 4L).containsEntry("parents", List.of("test-chunk-a>test-chunk-b", "test-chunk-b>test-chunk-c",
                "test-chunk-d>test-chunk-a"));
        assertThat(inOne).isEqualTo(inChunks);
    }

    private Map<String, Object> importedWithChunksOf(int chunk) {
        KnowledgeImporter importer = new KnowledgeImporter(driver, seeds, chunk, Duration.ofMinutes(10), metrics);
        ImportReport report = importer.importFiles(BATCH, List.of(new KnowledgeFile("order.yaml", FILE)), false, TestKeys.PARTNER_CALLER);
        assertThat(report.claimsWritten()).isEqualTo(4);
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (c:Claim {batch: $batch})-[:FROM]->(:Source {id: 'test-chunk-src'})
                    WITH count(c) AS claims
                    OPTIONAL MATCH (o:Organization)-[:SUBSIDIARY_OF]->(p:Organization) WHERE o.id STARTS WITH 'test-chunk-'
                    WITH claims, o, p ORDER BY o.id
                    WITH claims, collect(o.id + '>' + p.id) AS parents
                    OPTIONAL MATCH (o:Organization)-[:BASED_IN]->(c:Country) WHERE o.id STARTS WITH 'test-chunk-'
                    WITH claims, parents, o, c ORDER BY o.id
                    RETURN claims, parents, collect(o.id + '@' + c.id) AS countries""", Map.of("batch", BATCH)).single().asMap();
        }
    }
}
