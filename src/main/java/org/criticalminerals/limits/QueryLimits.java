package org.criticalminerals.limits;

import java.time.Duration;

import graphql.parser.ParserOptions;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cmg.limits.*}: what one request may cost. Shown in the schema's description of {@link #describe()
 * Query and Mutation} and in the README.
 *
 * @param maxDepth deepest field nesting of a GraphQL operation (introspection excepted; graphql-java's
 *        good-faith introspection check bounds it)
 * @param maxComplexity most fields an operation may ask for, list fan-out counted: a field under a page of
 *        {@code first: 500} counts 500 times
 * @param listFanOut what an unpaged list field is assumed to hold, unless the schema says ({@code @listSize})
 * @param queryTimeout the time budget of a read request, and the timeout of each of its read transactions
 * @param writeTimeout the time budget of a write request (an import)
 * @param maxRequestSize largest request body
 * @param disconnectCheckAfter after this long a request checks every half second that its client is still
 *        there, and is stopped when it is not
 * @param maxDocumentLength most characters of a GraphQL document (the query text; variables do not count):
 *        parsing is refused beyond it, since graphql-java takes seconds of CPU for a megabyte of CJK text in a
 *        string literal, before any time budget runs
 * @param maxConcurrentReads most read requests that run at once, the others waiting in line within their
 *        budget; null: twice the processors
 */
@Validated
@ConfigurationProperties("cmg.limits")
public record QueryLimits(@Min(1) int maxDepth, @Min(1) int maxComplexity, @Min(1) int listFanOut, @NotNull Duration queryTimeout,
        @NotNull Duration writeTimeout, @NotNull DataSize maxRequestSize, @NotNull Duration disconnectCheckAfter, @Min(1) int maxDocumentLength,
        @Nullable @Min(1) Integer maxConcurrentReads) {

    /** graphql-java's parser options for operations, with the document length limit. */
    public ParserOptions parserOptions() {
        return ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxCharacters(maxDocumentLength));
    }

    /** Most reads at once: as configured, else twice the processors. */
    public int concurrentReads() {
        return maxConcurrentReads != null ? maxConcurrentReads : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** The limits as the schema's root types describe them. */
    public String describe() {
        return """
                Limits on every request (configurable, see the README): at most %d levels of nesting; at most %d fields, \
                a field under a list counting once per item it can return (a page's `first`; an unpaged list its `@listSize`, else %d); \
                a read stops after %s (waiting in line included: at most %d reads run at once), a write after %s; \
                a request body holds at most %s, a document at most %,d characters (pass long values as variables)."""
                .formatted(maxDepth, maxComplexity, listFanOut, human(queryTimeout), concurrentReads(), human(writeTimeout), maxRequestSize,
                        maxDocumentLength);
    }

    private static String human(Duration duration) {
        return duration.toSeconds() < 120 ? duration.toSeconds() + " s" : duration.toMinutes() + " min";
    }
}
