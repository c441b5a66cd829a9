package org.criticalminerals.workbench;

import java.util.List;
import java.util.Map;

import org.criticalminerals.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * APOC and GDS answer over Bolt in the tests' Neo4j (the embedded mode's are tried in
 * EmbeddedModeRestartTest), and nothing but Neo4j's own procedures and theirs is loaded.
 */
class Neo4jPluginsTest {

    @Test
    void apocAndGdsAnswerOverBolt() {
        assumeThat(TestNeo4j.server().kind()).as("the container image has no APOC or GDS").isEqualTo("harness");
        try (Driver driver = GraphDatabase.driver(TestNeo4j.server().boltUri(), AuthTokens.none()); Session session = driver.session()) {
            assertThat(session.run("RETURN apoc.version() AS v").single().get("v").asString()).isEqualTo("5.26.19");
            assertThat(session.run("CALL apoc.help('coll.sum') YIELD name RETURN collect(name) AS names").single().get("names")
                    .asList(org.neo4j.driver.Value::asString)).contains("apoc.coll.sum");
            assertThat(session.run("CALL gds.list('gds.betweenness.stream') YIELD name RETURN collect(name) AS names").single().get("names")
                    .asList(org.neo4j.driver.Value::asString)).contains("gds.betweenness.stream");
            assertThat(session.run("RETURN gds.version() AS v").single().get("v").asString()).isEqualTo("2.13.9");
            List<String> namespaces = session.run("""
                    SHOW PROCEDURES YIELD name
                    RETURN collect(DISTINCT split(name, '.')[0]) AS namespaces""").single().get("namespaces").asList(org.neo4j.driver.Value::asString);
            assertThat(namespaces).containsExactlyInAnyOrder("db", "dbms", "tx", "apoc", "gds");
            Map<String, Object> projected = session.run("""
                    CALL gds.graph.project.cypher('plugins-test', 'UNWIND [1, 2] AS i RETURN i AS id',
                         'RETURN 1 AS source, 2 AS target') YIELD nodeCount, relationshipCount
                    RETURN nodeCount, relationshipCount""").single().asMap();
            assertThat(projected).containsEntry("nodeCount", 2L).containsEntry("relationshipCount", 1L);
            session.run("CALL gds.graph.drop('plugins-test')").consume();
        }
    }
}
