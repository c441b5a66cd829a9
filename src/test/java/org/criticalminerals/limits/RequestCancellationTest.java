package org.criticalminerals.limits;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.GraphReader;
import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request's database work stops when the client goes away, and when its time budget runs out: the
 * transactions it opened are terminated in the database, not left to run. The endless read is a test-only
 * field ({@code graphql-probe/probe.graphqls}) that goes through the real read path.
 */
@TestPropertySource(properties = { "spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-probe/",
        "cmg.limits.query-timeout=120s", "cmg.knowledge-base.load-on-startup=false" })
@Import(RequestCancellationTest.EndlessReadController.class)
class RequestCancellationTest extends GraphTestSupport {

    static final String ENDLESS = "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n";

    @TestConfiguration
    @Controller
    static class EndlessReadController {

        private final GraphReader reader;

        EndlessReadController(GraphReader reader) {
            this.reader = reader;
        }

        @QueryMapping
        Integer endlessRead() {
            return ((Number) reader.rows(ENDLESS, Map.of()).get(0).get("n")).intValue();
        }
    }

    @Autowired
    Driver driver;

    @Autowired
    GraphReader reader;

    @LocalServerPort
    int port;

    @Test
    void theWorkStopsWhenTheClientGoesAway() throws Exception {
        String body = "{\"query\": \"{ endlessRead }\"}";
        long closedAt;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(waitFor(() -> !requestTransactions().isEmpty(), Duration.ofMinutes(1))).as("the read started").isTrue();
            closedAt = System.nanoTime();
        }
        assertThat(waitFor(() -> requestTransactions().isEmpty(), Duration.ofMinutes(1))).as("the read was stopped").isTrue();
        // far sooner than its 120 s budget: the service noticed the client leave
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void theWorkStopsWhenTheBudgetRunsOut() {
        RequestBudget budget = new RequestBudget(Duration.ofSeconds(2));
        RequestBudget.bind(budget);
        try {
            assertThatThrownBy(() -> reader.rows(ENDLESS, Map.of())).hasStackTraceContaining("timeout");
            assertThat(budget.stopped()).isEqualTo(RequestBudget.Stop.TIMEOUT);
            assertThatThrownBy(() -> reader.rows("RETURN 1 AS n", Map.of())).hasRootCauseInstanceOf(RequestBudget.StoppedException.class)
                    .hasRootCauseMessage("The request took longer than its limit of 2 s and was stopped.");
        }
        finally {
            RequestBudget.bind(null);
        }
        assertThat(requestTransactions()).isEmpty();
        assertThat(reader.rows("RETURN 1 AS n", Map.of())).hasSize(1); // outside a request, reads run as configured
    }

    /** The transactions in the database that belong to a request. */
    private List<String> requestTransactions() {
        try (Session session = driver.session()) {
            return session.run("SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.request IS NOT NULL RETURN transactionId")
                    .list(r -> r.get(0).asString());
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
