package org.criticalminerals.api;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * A data fetcher wired by hand (for many types at once, or for generated fields) that tells the schema inspection
 * what it returns, so that the inspection checks the returned records against the schema as it does for
 * controller methods.
 */
public final class TypedDataFetcher<T> implements SelfDescribingDataFetcher<T> {

    private final String description;

    private final ResolvableType returnType;

    private final DataFetcher<T> fetcher;

    private TypedDataFetcher(String description, ResolvableType returnType, DataFetcher<T> fetcher) {
        this.description = description;
        this.returnType = returnType;
        this.fetcher = fetcher;
    }

    /** A fetcher of a value of this class. */
    public static <T> TypedDataFetcher<T> of(String description, Class<?> returns, DataFetcher<T> fetcher) {
        return new TypedDataFetcher<>(description, ResolvableType.forClass(returns), fetcher);
    }

    /** A fetcher of a list of this class (also when it returns the list in a future). */
    public static <T> TypedDataFetcher<T> listOf(String description, Class<?> element, DataFetcher<T> fetcher) {
        return new TypedDataFetcher<>(description, ResolvableType.forClassWithGenerics(java.util.List.class, element), fetcher);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public ResolvableType getReturnType() {
        return returnType;
    }

    @Override
    public T get(DataFetchingEnvironment environment) throws Exception {
        return fetcher.get(environment);
    }
}
