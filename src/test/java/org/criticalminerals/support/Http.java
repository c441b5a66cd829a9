package org.criticalminerals.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to the service under test, for what a GraphQL client library hides: status codes, headers,
 * bodies that are not GraphQL. Generous timeouts: a busy CI machine must not fail a test by slowness.
 */
public final class Http {

    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** {@code extensions.code} of the first GraphQL error, or null. */
        public String errorCode() {
            JsonNode errors = json().path("errors");
            return errors.isEmpty() ? null : errors.get(0).path("extensions").path("code").asString(null);
        }
    }

    private Http() {
    }

    public static Response postGraphQl(int port, String query, Map<String, Object> variables, String authorization) {
        Map<String, Object> body = variables == null ? Map.of("query", query) : Map.of("query", query, "variables", variables);
        return post(port, "/graphql", JSON.writeValueAsString(body), "application/json", authorization);
    }

    public static Response post(int port, String path, String body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static Response get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
