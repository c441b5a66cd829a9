package org.criticalminerals.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * {@value #NAME}: the answers that carry GraphQL errors, by {@code extensions.code}, once per answer and code (a
 * timed-out query answers one TIMEOUT per unfinished field, a thousand for a long list, yet it is one failure):
 * those of the GraphQL engine (this interceptor) and those answered before it ({@link HttpErrorBodies}: no key,
 * body too large, not ready). An error without a code counts under its classification (graphql-java's
 * {@code ValidationError}, {@code InvalidSyntax} …); anything else as {@value #OTHER}, so the codes stay a short,
 * fixed list.
 */
public final class GraphQlErrorMetrics implements WebGraphQlInterceptor {

    public static final String NAME = "cmg.graphql.errors";

    static final String OTHER = "OTHER";

    /** Our codes, and the classifications of graphql-java and of Spring for GraphQL. */
    private static final Set<String> KNOWN = Stream.of(Stream.of(ErrorCode.values()).map(Enum::name),
            Stream.of(graphql.ErrorType.values()).map(Enum::name),
            Stream.of(org.springframework.graphql.execution.ErrorType.values()).map(Enum::name))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public GraphQlErrorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).doOnNext(response -> response.getErrors().stream().map(GraphQlErrorMetrics::code).distinct()
                .forEach(this::count));
    }

    void count(ErrorCode code) {
        count(code.name());
    }

    private void count(String code) {
        counters.computeIfAbsent(KNOWN.contains(code) ? code : OTHER, known -> Counter.builder(NAME)
                .description("Answers with GraphQL errors, once per answer and extensions.code").tag("code", known).register(registry)).increment();
    }

    private static String code(ResponseError error) {
        Object code = error.getExtensions().get("code");
        if (code instanceof String text) {
            return text;
        }
        return error.getErrorType() instanceof Enum<?> classification ? classification.name() : OTHER;
    }
}
