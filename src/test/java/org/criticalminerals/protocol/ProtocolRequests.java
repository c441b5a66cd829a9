package org.criticalminerals.protocol;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.criticalminerals.support.Http;
import tools.jackson.databind.json.JsonMapper;

/** GET and persisted-query requests as a frontend's client sends them. */
final class ProtocolRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A write that leaves a trace: the source it imports exists afterwards. */
    static final String IMPORT = """
            mutation($batch: String!, $content: String!) {
              importKnowledge(input: {batch: $batch, content: $content}) { errors { message } report { recordsRead } }
            }""";

    private ProtocolRequests() {
    }

    static Map<String, Object> importVariables(String sourceId) {
        return Map.of("batch", "test:" + sourceId, "content",
                "[{\"type\": \"Source\", \"id\": \"" + sourceId + "\", \"kind\": \"PARTNER\", \"title\": \"Protocol test\"}]");
    }

    static String queryString(Map<String, ?> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value instanceof String text ? text : JSON.writeValueAsString(value), StandardCharsets.UTF_8)));
        return query.toString();
    }

    static Http.Response get(int port, Map<String, ?> parameters, String authorization) {
        return Http.get(port, "/graphql" + queryString(parameters), authorization);
    }

    static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** A POST of the given body fields (query, variables, extensions …). */
    static Http.Response post(int port, Map<String, ?> body, String authorization) {
        return Http.post(port, "/graphql", JSON.writeValueAsString(new LinkedHashMap<>(body)), "application/json", authorization);
    }

    static HttpRequest.Builder request(int port, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).timeout(Http.TIMEOUT);
    }
}
