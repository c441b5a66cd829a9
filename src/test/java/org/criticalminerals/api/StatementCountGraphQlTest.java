package org.criticalminerals.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: a request issues the same number of Cypher statements whatever its width. Counts the statements
 * Spring Data Neo4j's client logs while a narrow and a wide page of the same nested query run.
 */
class StatementCountGraphQlTest extends GraphTestSupport {

    private static final String NESTED = """
            query($first: Int) {
              minerals(first: $first) {
                edges { node { id partOf { id members { id } } members { id } claims { line source { id } } disputes { field } } }
              }
              countries(first: $first) { edges { node { id organizations { id country { id } investments { id } } } } }
            }""";

    private final ListAppender<ILoggingEvent> statements = new ListAppender<>();

    private final Logger cypherLog = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");

    private Level previousLevel;

    @BeforeEach
    void countStatements() {
        previousLevel = cypherLog.getLevel();
        cypherLog.setLevel(Level.DEBUG);
        statements.start();
        cypherLog.addAppender(statements);
    }

    @AfterEach
    void stopCounting() {
        cypherLog.detachAppender(statements);
        cypherLog.setLevel(previousLevel);
    }

    @Test
    void theStatementCountDoesNotGrowWithThePageWidth() {
        int wide = statementsFor(50);
        // at most: 2 lists + one batch per nested field and level: partOf, partOf.members, members, claims,
        // claims.source, organizations, organizations.country, investments
        assertThat(wide).isBetween(2, 12);
        assertThat(statementsFor(99)).isBetween(2, wide); // all countries: no more statements than half of them
        assertThat(statementsFor(1)).isLessThanOrEqualTo(wide);
    }

    @Test
    void aPageIsOneStatementAndItsTotalAnotherOnlyWhenSelected() {
        statements.list.clear();
        graphQl().document("{ organizations(first: 5, orderBy: {field: NAME}) { edges { node { id } } } }").execute()
                .path("organizations.edges").entityList(Object.class).hasSize(5);
        assertThat(statements.list).hasSize(1);
        statements.list.clear();
        graphQl().document("{ organizations(first: 5, orderBy: {field: NAME}) { totalCount edges { node { id } } } }").execute()
                .path("organizations.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isGreaterThan(5));
        assertThat(statements.list).hasSize(2);
    }

    private int statementsFor(int first) {
        statements.list.clear();
        graphQl().document(NESTED).variable("first", first).execute().errors().verify();
        return (int) statements.list.stream().filter(e -> e.getFormattedMessage().contains("Executing")).count();
    }
}
