package org.criticalminerals.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

/**
 * An id that names nothing, given to a question or a list filter, is an error like an unknown id in a lookup
 * (NOT_FOUND), not an empty answer a frontend cannot tell from "none". Applies to the ID arguments of the
 * root query fields other than the lookups (which report their own), and to the ID fields of their filter
 * inputs; one statement checks them all before the field runs.
 */
@Component
final class UnknownIdsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphReader reader;

    UnknownIdsInstrumentation(GraphReader reader) {
        this.reader = reader;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || parameters.getExecutionStepInfo().getPath().getLevel() != 1
                || !"Query".equals(parameters.getExecutionStepInfo().getObjectType().getName())) {
            return fetcher;
        }
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (field.getArguments().size() == 1 && field.getArguments().get(0).getName().equals("id")) {
            return fetcher; // a lookup reports its own unknown id
        }
        Map<String, String> ids = idsIn(field, parameters.getExecutionStepInfo().getArguments());
        if (ids.isEmpty()) {
            return fetcher;
        }
        return environment -> {
            List<String> missing = reader.missing(ids.values());
            if (!missing.isEmpty()) {
                String argument = ids.entrySet().stream().filter(e -> e.getValue().equals(missing.get(0))).findFirst().orElseThrow().getKey();
                throw new NotFoundException("No entity with id " + missing.get(0) + " (" + argument + ")");
            }
            return fetcher.get(environment);
        };
    }

    /** The ID values given to the field, by the argument (or filter field) that holds each. */
    private static Map<String, String> idsIn(GraphQLFieldDefinition field, Map<String, Object> arguments) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (GraphQLArgument argument : field.getArguments()) {
            Object value = arguments.get(argument.getName());
            GraphQLInputType type = argument.getType();
            if (isId(type)) {
                collect(argument.getName(), value, ids);
            }
            else if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> values) {
                for (GraphQLInputObjectField inputField : input.getFieldDefinitions()) {
                    if (isId(inputField.getType())) {
                        collect(argument.getName() + "." + inputField.getName(), values.get(inputField.getName()), ids);
                    }
                }
            }
        }
        return ids;
    }

    private static boolean isId(GraphQLInputType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar && scalar.getName().equals("ID");
    }

    private static void collect(String where, Object value, Map<String, String> ids) {
        if (value instanceof String id) {
            ids.put(where, id);
        }
        else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String id) {
                    ids.put(where + "[" + i + "]", id);
                }
            }
        }
    }
}
