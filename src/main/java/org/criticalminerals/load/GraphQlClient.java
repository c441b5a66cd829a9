package org.criticalminerals.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's connection to {@code POST /graphql}: sends a document with variables and judges the answer. An
 * answer is an error when its status is not 200, its body is no GraphQL response, it has {@code errors}, or it
 * takes longer than the timeout (which covers the whole body: a slow request's status is sent early, with
 * white space, while it runs).
 */
public final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    private final URI endpoint;

    private final Duration timeout;

    public GraphQlClient(URI service, Duration timeout) {
        // one connection per client, HTTP/1.1 as browsers and most GraphQL clients speak it to an API
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.endpoint = service.resolve("/graphql");
        this.timeout = timeout;
    }

    /** What one request gave: its latency, and either its {@code data} or what went wrong. */
    public record Answer(long nanos, @Nullable JsonNode data, @Nullable String error, @Nullable String message) {

        public boolean ok() {
            return error == null;
        }
    }

    public Answer post(String document, Map<String, ?> variables) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            sent.cancel(true);
            return new Answer(System.nanoTime() - start, null, "client timeout", "no complete answer within " + timeout.toSeconds() + " s");
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String kind = cause instanceof java.net.http.HttpTimeoutException ? "client timeout" : "I/O " + cause.getClass().getSimpleName();
            return new Answer(System.nanoTime() - start, null, kind, String.valueOf(cause.getMessage()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(System.nanoTime() - start, null, "interrupted", "the run was stopped");
        }
        long nanos = System.nanoTime() - start;
        return judge(nanos, response.statusCode(), response.body());
    }

    static Answer judge(long nanos, int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        }
        catch (JacksonException e) {
            return new Answer(nanos, null, "HTTP " + status + (status == 200 ? " (no JSON)" : ""), abbreviate(body));
        }
        JsonNode errors = answer.path("errors");
        if (status != 200) {
            return new Answer(nanos, null, "HTTP " + status, abbreviate(errors.isEmpty() ? body : errors.get(0).path("message").asString("")));
        }
        if (!errors.isEmpty()) {
            JsonNode first = errors.get(0);
            JsonNode extensions = first.path("extensions");
            String code = extensions.path("code").asString(extensions.path("classification").asString("no code"));
            return new Answer(nanos, null, "GraphQL " + code, abbreviate(first.path("message").asString("")));
        }
        JsonNode data = answer.path("data");
        if (!data.isObject()) {
            return new Answer(nanos, null, "GraphQL no data", abbreviate(body));
        }
        return new Answer(nanos, data, null, null);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
