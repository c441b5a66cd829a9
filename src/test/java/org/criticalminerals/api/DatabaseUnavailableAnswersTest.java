package org.criticalminerals.api;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.criticalminerals.database.DatabaseAvailability;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A request the database went away from is a 503 DATABASE_UNAVAILABLE with Retry-After, on GraphQL and elsewhere. */
class DatabaseUnavailableAnswersTest {

    private final DatabaseAvailability database = new DatabaseAvailability(null, Duration.ofSeconds(2), "neo4j://test:7687"); // never started

    @Test
    void aGraphQlAnswerWhoseErrorSaysTheDatabaseIsUnavailableIs503AndOthersAreSpringsStatus() {
        DatabaseUnavailableAnswers.Handler handler = new DatabaseUnavailableAnswers.Handler(WebGraphQlHandler.builder(request -> Mono.empty()).build());
        assertThat(handler.selectResponseStatus(answer("DATABASE_UNAVAILABLE"), MediaType.APPLICATION_JSON)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(handler.selectResponseStatus(answer("NOT_FOUND"), MediaType.APPLICATION_JSON)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherEndpointAnswers503WithRetryAfterAndTheOutageIsNoted() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseUnavailableAdvice(database, new HttpErrorBodies(JsonMapper.builder().build(), "/graphql",
                new GraphQlErrorMetrics(new SimpleMeterRegistry())))
                .unavailable(new SessionExpiredException("connection lost"), new MockHttpServletRequest("GET", "/export"), response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"DATABASE_UNAVAILABLE\"").contains("went away");
        assertThat(database.outage()).isPresent();
    }

    private static WebGraphQlResponse answer(String code) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message("m").extensions(Map.of("code", code)).build()).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(ExecutionInput.newExecutionInput("{ x }").build(), result));
    }
}
