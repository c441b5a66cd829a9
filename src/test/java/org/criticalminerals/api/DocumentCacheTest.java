package org.criticalminerals.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A document is parsed and validated once, whatever the variables it comes with, until it is the least recently used. */
class DocumentCacheTest {

    private final List<String> parsed = new ArrayList<>();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.add(input.getQuery());
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void theSameDocumentWithOtherVariablesIsParsedOnce() {
        DocumentCache cache = new DocumentCache(10);
        String page = "query($first: Int) { minerals(first: $first) { edges { node { id } } } }";

        PreparsedDocumentEntry first = cache.getDocumentAsync(input(page, 1), parse).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input(page, 50), parse).join();

        assertThat(parsed).containsExactly(page);
        assertThat(again.getDocument()).isSameAs(first.getDocument());
    }

    @Test
    void theLeastRecentlyUsedDocumentIsDroppedFirst() {
        DocumentCache cache = new DocumentCache(2);
        cache.getDocumentAsync(input("{ a }", 0), parse).join();
        cache.getDocumentAsync(input("{ b }", 0), parse).join();
        cache.getDocumentAsync(input("{ a }", 0), parse).join(); // a is now the most recently used
        cache.getDocumentAsync(input("{ c }", 0), parse).join(); // drops b
        cache.getDocumentAsync(input("{ a }", 0), parse).join();
        cache.getDocumentAsync(input("{ b }", 0), parse).join();

        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aDocumentThatFailedIsAnsweredWithTheSameErrorsWithoutParsingAgain() {
        DocumentCache cache = new DocumentCache(10);
        Function<ExecutionInput, PreparsedDocumentEntry> failing = input -> {
            parsed.add(input.getQuery());
            return new PreparsedDocumentEntry(List.of(graphql.GraphqlErrorBuilder.newError().message("Invalid syntax").build()));
        };

        cache.getDocumentAsync(input("{ broken", 0), failing).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ broken", 0), failing).join();

        assertThat(parsed).containsExactly("{ broken");
        assertThat(again.hasErrors()).isTrue();
        assertThat(again.getErrors()).extracting(e -> e.getMessage()).containsExactly("Invalid syntax");
    }

    private static ExecutionInput input(String query, int first) {
        return ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("first", first)).build();
    }
}
