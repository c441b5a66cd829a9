package org.criticalminerals.api;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.TypeResolver;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.criticalminerals.model.Node;
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

    /**
     * ID as the GraphQL spec has it: a variable holds a string or an integer. graphql-java 25's ID takes any
     * JSON value and hands its Java {@code toString} to the resolvers (an object became "{a=1}", a list "[1, 2]").
     */
    static final GraphQLScalarType STRICT_ID = GraphQLScalarType.newScalar(Scalars.GraphQLID).coercing(new Coercing<Object, Object>() {
        private final Coercing<?, ?> id = Scalars.GraphQLID.getCoercing();

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return id.serialize(result, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String || input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                return id.parseValue(input, context, locale);
            }
            throw new CoercingParseValueException("An ID is a string or an integer, not " + (input instanceof Map ? "an object"
                    : input instanceof List ? "a list" : input instanceof Boolean ? "a boolean" : input instanceof Number ? "a fraction" : "this value"));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return id.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return id.valueToLiteral(input, context, locale);
        }
    }).build();

    /** The built-in ID replaced by {@link #STRICT_ID} (the runtime wiring refuses a second scalar of a name it has). */
    @Bean
    GraphQlSourceBuilderCustomizer strictId() {
        return builder -> builder.typeVisitorsToTransformSchema(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                return scalar.getName().equals("ID") && scalar != STRICT_ID ? changeNode(context, STRICT_ID) : TraversalControl.CONTINUE;
            }
        }));
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

    /** An entity's GraphQL type is the name of its record (see {@link Records#entityClass}). */
    @Bean
    GraphQlSourceBuilderCustomizer typeNameResolver() {
        TypeResolver byRecordName = env -> env.getObject() instanceof Node node
                ? (GraphQLObjectType) env.getSchema().getType(node.getClass().getSimpleName()) : null;
        return builder -> builder.defaultTypeResolver(byRecordName);
    }
}
