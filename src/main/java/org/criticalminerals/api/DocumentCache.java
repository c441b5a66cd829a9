package org.criticalminerals.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsed and validated documents by their text, least recently used dropped first: a frontend sends the same few
 * documents over and over with other variables, and parsing and validating one costs more than many of the pages it
 * asks for. Documents that failed are kept too, with their errors, so a client repeating a broken document does not
 * cost a parse each time. The schema does not change while the service runs, so an entry never goes stale.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final LeastRecentlyUsed<String, PreparsedDocumentEntry> byText;

    DocumentCache(int capacity) {
        this.byText = new LeastRecentlyUsed<>(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(byText.computeIfAbsent(input.getQuery(), text -> parseAndValidate.apply(input)));
    }

    boolean holds(String text) {
        return byText.containsKey(text);
    }

    int size() {
        return byText.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        DocumentCache documentCache(@Value("${cmg.protocol.document-cache:1000}") int capacity) {
            return new DocumentCache(capacity);
        }

        @Bean
        GraphQlSourceBuilderCustomizer cachedDocuments(DocumentCache cache) {
            return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
        }
    }
}
