package org.criticalminerals.metrics;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.criticalminerals.support.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.summary.QueryType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way the service reads a result is timed once, by the kind the database reports, and the result reads as
 * the driver's own would: against the tests' real Neo4j.
 */
class TimedDriverTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final Driver plain = GraphDatabase.driver(TestNeo4j.server().boltUri(), AuthTokens.none(),
            Config.builder().withLogging(Logging.slf4j()).build());

    private final Driver driver = new TimedDriver(plain, new CypherTimer(registry));

    @AfterEach
    void close() {
        plain.close();
    }

    @Test
    void transactionFunctionsExplicitTransactionsAndAutoCommitAreTimedByKind() {
        try (Session session = driver.session()) {
            List<Integer> read = session.executeRead(tx -> tx.run("UNWIND range(1, 3) AS i RETURN i").list(r -> r.get("i").asInt()));
            assertThat(read).containsExactly(1, 2, 3);
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (n:TimedDriverTest) DELETE n").consume());
            try (Transaction tx = session.beginTransaction()) {
                assertThat(tx.run("CREATE (n:TimedDriverTest) WITH n DELETE n RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
                tx.commit();
            }
            assertThat(session.run("RETURN $x AS x", Map.of("x", 7)).stream().map(r -> r.get("x").asInt()).toList()).containsExactly(7);
        }
        assertThat(count("read", "ok")).isEqualTo(2);
        assertThat(count("write", "ok")).isEqualTo(1);
        assertThat(count("read_write", "ok")).isEqualTo(1);
        assertThat(registry.get(CypherTimer.NAME).tag("kind", "read").timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void aResultReadToTheEndAnswersAsAConsumedOneAndIsTimedOnce() {
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                Result result = tx.run("UNWIND [1, 2] AS i RETURN i");
                List<Integer> seen = new java.util.ArrayList<>();
                while (result.hasNext()) {
                    seen.add(result.next().get("i").asInt());
                }
                assertThat(seen).containsExactly(1, 2);
                assertThat(result.hasNext()).isFalse();
                assertThat(result.list()).isEmpty();
                assertThat(result.consume().queryType()).isEqualTo(QueryType.READ_ONLY); // as the driver's consume after the end
                assertThat(result.consume().queryType()).isEqualTo(QueryType.READ_ONLY);
                assertThatThrownBy(result::next).isInstanceOf(NoSuchRecordException.class);
                return null;
            });
        }
        assertThat(count("read", "ok")).isEqualTo(1);
    }

    @Test
    void singleOfTwoRecordsStillRanAndAFailingStatementIsAnError() {
        try (Session session = driver.session()) {
            assertThatThrownBy(() -> session.executeRead(tx -> tx.run("UNWIND [1, 2] AS i RETURN i").single()))
                    .isInstanceOf(NoSuchRecordException.class);
            assertThatThrownBy(() -> session.executeRead(tx -> tx.run("RETURN nothing_defined").consume())).isInstanceOf(ClientException.class);
        }
        assertThat(count("read", "ok")).isEqualTo(1);
        assertThat(count("unknown", "error")).isEqualTo(1);
    }

    private long count(String kind, String outcome) {
        return registry.get(CypherTimer.NAME).tag("kind", kind).tag("outcome", outcome).timer().count();
    }
}
