package org.criticalminerals.api;

import java.util.Map;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Scalars and type resolution shared by every feature's part of the schema. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date)
                .scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.GraphQLBigDecimal)
                .scalar(ExtendedScalars.GraphQLLong)
                .scalar(ExtendedScalars.Currency)
                .scalar(ExtendedScalars.Url);
    }

    @Bean
    GraphQlErrorMetrics graphQlErrorMetrics(MeterRegistry registry) {
        return new GraphQlErrorMetrics(registry);
    }

    /** One writer of error bodies for every filter and endpoint that answers before GraphQL does. */
    @Bean
    HttpErrorBodies httpErrorBodies(JsonMapper json, GraphQlProperties graphQl, GraphQlErrorMetrics errorMetrics) {
        return new HttpErrorBodies(json, graphQl.getHttp().getPath(), errorMetrics);
    }

    /** Entities are read as maps that carry their GraphQL type name (see {@link Entities#shape}). */
    @Bean
    GraphQlSourceBuilderCustomizer typeNameResolver() {
        TypeResolver byTypename = env -> {
            Object typename = env.getObject() instanceof Map<?, ?> map ? map.get(Entities.TYPENAME) : null;
            return typename == null ? null : (GraphQLObjectType) env.getSchema().getType(typename.toString());
        };
        return builder -> builder.defaultTypeResolver(byTypename);
    }
}
