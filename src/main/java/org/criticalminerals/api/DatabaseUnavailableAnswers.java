package org.criticalminerals.api;

import org.criticalminerals.database.DatabaseAvailability;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A request that meets an unreachable database is answered 503 with {@code Retry-After} and the code
 * {@code DATABASE_UNAVAILABLE}, never 500: on {@code /graphql} (its errors carry the code, see {@link GraphQlErrors})
 * and, through {@link DatabaseUnavailableAdvice}, on the other endpoints that read it ({@code /export}, {@code /cypher}). The readiness gate refuses
 * requests so once the outage is known; these are the requests that were under way when it began. An answer a slow
 * request has already begun (the disconnect probe's 200, a stream) keeps its status.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DatabaseUnavailableAnswers {

    static final String RETRY_AFTER = Integer.toString(DatabaseAvailability.RETRY_AFTER_SECONDS);

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new Handler(webGraphQlHandler);
    }

    /** Spring's handler, with 503 and Retry-After for an answer whose errors say the database cannot be reached. */
    static final class Handler extends GraphQlHttpHandler {

        Handler(WebGraphQlHandler webGraphQlHandler) {
            super(webGraphQlHandler);
        }

        @Override
        protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> response) {
            return super.prepareResponse(request, response.doOnNext(answer -> {
                if (databaseUnavailable(answer)) {
                    answer.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
                }
            }));
        }

        @Override
        protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
            return databaseUnavailable(response) ? HttpStatus.SERVICE_UNAVAILABLE : super.selectResponseStatus(response, responseMediaType);
        }

        private static boolean databaseUnavailable(WebGraphQlResponse response) {
            return response.getErrors().stream().anyMatch(error -> error.getExtensions() != null
                    && ErrorCode.DATABASE_UNAVAILABLE.name().equals(error.getExtensions().get("code")));
        }
    }
}
