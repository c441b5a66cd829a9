package org.criticalminerals.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a GraphQL request's time goes, from the service's own meters at {@code /actuator/prometheus} (a reader key):
 * the deltas over an operation's measured runs of the time Spring MVC spent on {@code POST /graphql}
 * ({@code http_server_requests_seconds}, the whole request inside the servlet: security filters, budget, JSON,
 * graphql-java), the time graphql-java's execution took ({@code graphql_request_seconds}), and the time the service's
 * driver took for its Cypher statements ({@code cmg_cypher_statements_seconds}, from run to the last record read).
 */
final class ServiceMetrics {

    /**
     * Mean milliseconds per request: the client's GraphQL latency, the servlet's time, graphql-java's time, the
     * Cypher time; and the service's statements per request.
     */
    record Breakdown(double clientMs, double httpMs, double graphqlMs, double cypherMs, double statements) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private final URI endpoint;

    private final String key;

    ServiceMetrics(URI service, String key) {
        this.endpoint = service.resolve("/actuator/prometheus");
        this.key = key;
    }

    /** The sums and counts of the three meters now; null when they cannot be read. */
    @Nullable Map<String, Double> snapshot() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : null;
        }
        catch (java.io.IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sums every series of the three meters' {@code _sum} and {@code _count} (the HTTP meter only for /graphql). */
    static Map<String, Double> parse(String text) {
        Map<String, Double> totals = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            boolean wanted = name.startsWith("graphql_request_seconds_") || name.startsWith("cmg_cypher_statements_seconds_")
                    || (name.startsWith("http_server_requests_seconds_") && labels.contains("uri=\"/graphql\""));
            if (!wanted || !(name.endsWith("_sum") || name.endsWith("_count"))) {
                continue;
            }
            try {
                totals.merge(name, Double.parseDouble(line.substring(space + 1).strip()), Double::sum);
            }
            catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return totals;
    }

    static Breakdown breakdown(Map<String, Double> before, Map<String, Double> after, double clientMs) {
        double requests = delta(before, after, "http_server_requests_seconds_count");
        if (requests <= 0) {
            return new Breakdown(clientMs, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Breakdown(clientMs, delta(before, after, "http_server_requests_seconds_sum") * 1000 / requests,
                delta(before, after, "graphql_request_seconds_sum") * 1000 / requests, delta(before, after, "cmg_cypher_statements_seconds_sum") * 1000 / requests,
                delta(before, after, "cmg_cypher_statements_seconds_count") / requests);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }
}
