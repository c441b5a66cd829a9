package org.criticalminerals.protocol;

import java.time.Duration;
import java.util.List;

import org.criticalminerals.api.HttpErrorBodies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/** GET and persisted queries on {@code /graphql}, and CORS for the configured origins. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProtocolProperties.class)
class ProtocolConfiguration {

    @Bean
    PersistedQueries persistedQueries(ProtocolProperties properties) {
        return new PersistedQueries(properties.persistedQueries());
    }

    /**
     * After the request size limit (HIGHEST_PRECEDENCE + 10), so a persisted query's body is bounded, and before
     * the filter that tells a mutation from a read (+ 20) for the security rules, so that they see the document a
     * GET or a hash stands for.
     */
    @Bean
    FilterRegistrationBean<GetAndPersistedQueryFilter> getAndPersistedQueryFilter(PersistedQueries persistedQueries, JsonMapper json,
            GraphQlProperties graphQl, HttpErrorBodies errors) {
        var registration = new FilterRegistrationBean<>(new GetAndPersistedQueryFilter(graphQl.getHttp().getPath(), persistedQueries, json,
                errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /**
     * Cross-origin access to the GraphQL endpoint and its schema, for the configured origins only (none by
     * default). The security filter chain applies it, so preflights and refusals (401, 403) carry it too.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(ProtocolProperties properties, GraphQlProperties graphQl) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (properties.corsOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        cors.setAllowCredentials(false); // keys travel in the Authorization header, never in cookies
        cors.setMaxAge(Duration.ofHours(1));
        String path = graphQl.getHttp().getPath();
        source.registerCorsConfiguration(path, cors);
        source.registerCorsConfiguration(path + "/schema", cors);
        return source;
    }
}
