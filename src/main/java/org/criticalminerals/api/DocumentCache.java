package org.criticalminerals.api;

import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, PreparsedDocumentEntry> byText;

    DocumentCache(int capacity) {
        this.byText = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry cached;
        synchronized (byText) {
            cached = byText.get(text);
        }
        if (cached == null) {
            // parsed outside the lock: two requests of a new document may both parse it, which is harmless
            cached = parseAndValidate.apply(input);
            synchronized (byText) {
                byText.put(text, cached);
            }
        }
        return CompletableFuture.completedFuture(cached);
    }

    boolean holds(String text) {
        synchronized (byText) {
            return byText.containsKey(text);
        }
    }

    int size() {
        synchronized (byText) {
            return byText.size();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        DocumentCache documentCache(@Value("${cmg.graphql.document-cache:1000}") int capacity) {
            return new DocumentCache(capacity);
        }

        @Bean
        GraphQlSourceBuilderCustomizer cachedDocuments(DocumentCache cache) {
            return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
        }
    }
}
