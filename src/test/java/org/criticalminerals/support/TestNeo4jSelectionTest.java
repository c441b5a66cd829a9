package org.criticalminerals.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' database is Testcontainers' Neo4j exactly when a Docker engine is present (in auto mode). */
class TestNeo4jSelectionTest {

    @Test
    void theDatabaseMatchesTheMachine() {
        boolean docker = TestNeo4j.dockerAvailable();
        String mode = System.getProperty("test.neo4j", "auto");
        String expected = switch (mode) {
            case "harness" -> "harness";
            case "testcontainers" -> "testcontainers";
            default -> docker ? "testcontainers" : "harness";
        };
        assertThat(TestNeo4j.server().kind()).isEqualTo(expected);
        assertThat(TestNeo4j.server().boltUri()).startsWith("neo4j://");
    }
}
