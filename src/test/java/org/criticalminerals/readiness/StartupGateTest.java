package org.criticalminerals.readiness;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.criticalminerals.api.GraphQlErrorMetrics;
import org.criticalminerals.api.HttpErrorBodies;
import org.criticalminerals.database.DatabaseAvailability;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** No answer from a half-loaded graph: the data endpoints wait for readiness, the rest is served. */
class StartupGateTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

    private final DatabaseAvailability database = new DatabaseAvailability(null, Duration.ofSeconds(2), "neo4j://test:7687"); // never started

    private final StartupGate gate = new StartupGate(availability, database, new HttpErrorBodies(JsonMapper.builder().build(), "/graphql",
            new GraphQlErrorMetrics(new SimpleMeterRegistry())), "/graphql");

    private MockHttpServletResponse send(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // passed on
        }
        return response;
    }

    private void readiness(ReadinessState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
    }

    @Test
    void whileStartingTheDataEndpointsAnswer503WithRetryAfterAndTheRestIsServed() throws Exception {
        readiness(ReadinessState.REFUSING_TRAFFIC);
        MockHttpServletResponse graphQl = send("POST", "/graphql");
        assertThat(graphQl.getStatus()).isEqualTo(503);
        assertThat(graphQl.getHeader("Retry-After")).isEqualTo("5");
        assertThat(graphQl.getContentAsString()).contains("\"code\":\"UNAVAILABLE\"").contains("not ready");
        for (String path : new String[] { "/import", "/export", "/cypher" }) {
            assertThat(send("POST", path).getStatus()).as(path).isEqualTo(503);
        }
        for (String path : new String[] { "/graphiql", "/graphql/schema", "/actuator/health/readiness", "/explorer/" }) {
            assertThat(send("GET", path).getStatus()).as(path).isEqualTo(299);
        }
    }

    @Test
    void onceReadyEverythingPassesAndWhileStoppingTheGateClosesAgain() throws Exception {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(send("POST", "/graphql").getStatus()).isEqualTo(299);
        assertThat(send("POST", "/import").getStatus()).isEqualTo(299);
        readiness(ReadinessState.REFUSING_TRAFFIC);
        assertThat(send("POST", "/graphql").getStatus()).isEqualTo(503);
    }

    @Test
    void whileTheDatabaseCannotBeReachedTheDataEndpointsAnswer503DatabaseUnavailable() throws Exception {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(database.noteFailure(new IllegalStateException("a query's own error"))).isFalse();
        assertThat(send("POST", "/graphql").getStatus()).isEqualTo(299);
        assertThat(database.noteFailure(new RuntimeException("wrapped", new ServiceUnavailableException("Connection refused")))).isTrue();
        MockHttpServletResponse graphQl = send("POST", "/graphql");
        assertThat(graphQl.getStatus()).isEqualTo(503);
        assertThat(graphQl.getHeader("Retry-After")).isEqualTo("5");
        assertThat(graphQl.getContentAsString()).contains("\"code\":\"DATABASE_UNAVAILABLE\"").contains("cannot be reached");
        for (String path : new String[] { "/import", "/export", "/cypher" }) {
            MockHttpServletResponse other = send("POST", path);
            assertThat(other.getStatus()).as(path).isEqualTo(503);
            assertThat(other.getContentAsString()).as(path).contains("DATABASE_UNAVAILABLE");
        }
        assertThat(send("GET", "/actuator/health/liveness").getStatus()).isEqualTo(299);
    }

    @Test
    void theReadyLineSaysWhereToGo() {
        MockEnvironment embedded = new MockEnvironment().withProperty("cmg.embedded.bolt-port", "7690");
        assertThat(ReadyLine.of(embedded, 8080)).isEqualTo(
                "Ready: GraphQL http://localhost:8080/graphql · GraphiQL http://localhost:8080/graphiql · Bolt bolt://localhost:7690 (embedded; user neo4j)");
        MockEnvironment server = new MockEnvironment().withProperty("cmg.mode", "server").withProperty("spring.neo4j.uri", "neo4j://db:7687")
                .withProperty("server.address", "0.0.0.0");
        assertThat(ReadyLine.of(server, 9000)).contains("http://localhost:9000/graphql").endsWith("Bolt neo4j://db:7687 (server)");
    }
}
