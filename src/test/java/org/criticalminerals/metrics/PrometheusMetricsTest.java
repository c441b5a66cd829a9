package org.criticalminerals.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus scrapes: after a named and an anonymous query, two errors and an import, the
 * meters of each have grown in {@code /actuator/prometheus} (the context is shared with other tests, so the
 * test compares two scrapes). Metrics need a key.
 */
class PrometheusMetricsTest extends GraphTestSupport {

    private static final String BATCH = "test:metrics";

    @LocalServerPort
    int port;

    @AfterEach
    void removeImport() {
        removeBatch(BATCH);
    }

    @Test
    void metricsNeedAKeyAsHealthDetailsDo() {
        assertThat(Http.get(port, "/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(Http.get(port, "/actuator/prometheus", "Bearer not-a-configured-key").status()).isEqualTo(401);
        Http.Response reader = Http.get(port, "/actuator/prometheus", TestKeys.bearer(Role.READER));
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.headers().get("content-type").get(0)).startsWith("text/plain");
    }

    @Test
    void queriesErrorsAndAnImportShowInTheScrape() {
        Scrape before = scrape();

        Http.Response named = Http.postGraphQl(port, "query MetricsProbe { countries { totalCount } }", null, null);
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().at("/data/countries/totalCount").asInt()).isPositive();
        assertThat(Http.postGraphQl(port, "{ countries { totalCount } }", null, null).status()).isEqualTo(200);
        // errors of the GraphQL engine (two in one answer, counted once), and one answered before it (a write without a key)
        Http.Response invalid = Http.postGraphQl(port, "query MetricsInvalid { noSuchField alsoMissing }", null, null);
        assertThat(invalid.json().path("errors")).hasSize(2);
        assertThat(invalid.json().at("/errors/0/extensions/classification").asString()).isEqualTo("ValidationError");
        assertThat(Http.postGraphQl(port, "mutation { removeBatch(batch: \"x\") }", null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
        Http.Response imported = Http.post(port, "/import?batch=" + BATCH, source("metrics-a") + source("metrics-b"), "application/x-ndjson",
                TestKeys.bearer(Role.PARTNER));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Scrape after = scrape();
        assertThat(after.grew(before, "graphql_request_seconds_count", "graphql_operation_name", "MetricsProbe", "graphql_outcome", "SUCCESS"))
                .isEqualTo(1);
        assertThat(after.value("graphql_request_seconds_sum", "graphql_operation_name", "MetricsProbe")).isPositive();
        assertThat(after.grew(before, "graphql_request_seconds_count", "graphql_operation_name", "anonymous")).isGreaterThanOrEqualTo(1);
        // a document that fails validation never gets to its operation: its name is the operationName sent, here none
        assertThat(after.grew(before, "graphql_request_seconds_count", "graphql_operation_name", "anonymous", "graphql_outcome",
                "REQUEST_ERROR")).isEqualTo(1);
        // a few fixed buckets per series, for histogram_quantile
        assertThat(after.value("graphql_request_seconds_bucket", "graphql_operation_name", "MetricsProbe", "le", "10.0")).isEqualTo(
                after.value("graphql_request_seconds_count", "graphql_operation_name", "MetricsProbe"));

        assertThat(after.grew(before, "cmg_graphql_errors_total", "code", "ValidationError")).isEqualTo(1);
        assertThat(after.grew(before, "cmg_graphql_errors_total", "code", "UNAUTHENTICATED")).isEqualTo(1);

        assertThat(after.grew(before, "cmg_import_records_written_total")).isEqualTo(2);
        assertThat(after.grew(before, "cmg_import_runs_seconds_count", "outcome", "imported")).isEqualTo(1);

        assertThat(after.grew(before, "cmg_cypher_statements_seconds_count", "kind", "read", "outcome", "ok")).isPositive();
        assertThat(after.grew(before, "cmg_cypher_statements_seconds_count", "kind", "write", "outcome", "ok")).isPositive();
        assertThat(after.grew(before, "cmg_cypher_statements_seconds_sum", "kind", "read")).isPositive();

        assertThat(after.grew(before, "http_server_requests_seconds_count", "uri", "/graphql", "method", "POST", "status", "200"))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.grew(before, "http_server_requests_seconds_count", "uri", "/import", "status", "200")).isEqualTo(1);
    }

    private static String source(String id) {
        return "{\"type\": \"Source\", \"id\": \"" + id + "\", \"kind\": \"PARTNER\", \"title\": \"Metrics test\"}\n";
    }

    private Scrape scrape() {
        Http.Response response = Http.get(port, "/actuator/prometheus", TestKeys.bearer(Role.READER));
        assertThat(response.status()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    /** The Prometheus text format: {@code name{label="value",…} number} per line. */
    private record Scrape(Map<String, Map<Map<String, String>, Double>> series) {

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");

        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape parse(String text) {
            Map<String, Map<Map<String, String>, Double>> series = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (line.startsWith("#") || !m.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                if (m.group(2) != null) {
                    Matcher label = LABEL.matcher(m.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                series.computeIfAbsent(m.group(1), name -> new HashMap<>()).put(labels, Double.parseDouble(m.group(3)));
            }
            return new Scrape(series);
        }

        /** The sum over the series of the name that carry these labels (pairs of name and value). */
        double value(String name, String... labels) {
            return series.getOrDefault(name, Map.of()).entrySet().stream().filter(e -> {
                for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(e.getKey().get(labels[i]))) {
                        return false;
                    }
                }
                return true;
            }).mapToDouble(Map.Entry::getValue).sum();
        }

        double grew(Scrape before, String name, String... labels) {
            return value(name, labels) - before.value(name, labels);
        }
    }
}
