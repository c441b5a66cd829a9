package org.criticalminerals.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors answered before a request reaches GraphQL (no key, no role, a body too large): a GraphQL error
 * body on the GraphQL endpoint, so that GraphQL clients show the message (and counted as GraphQL errors are), and
 * an RFC 9457 problem elsewhere.
 */
public final class HttpErrorBodies {

    public static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private final JsonMapper json;

    private final String graphQlPath;

    private final GraphQlErrorMetrics metrics;

    public HttpErrorBodies(JsonMapper json, String graphQlPath, GraphQlErrorMetrics metrics) {
        this.json = json;
        this.graphQlPath = graphQlPath;
        this.metrics = metrics;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code, String message)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        Object body;
        if (isGraphQl(request)) {
            metrics.count(code);
            response.setContentType(acceptsGraphQlResponse(request) ? GRAPHQL_RESPONSE.toString() : MediaType.APPLICATION_JSON_VALUE);
            body = Map.of("errors", List.of(Map.of("message", message,
                    "extensions", Map.of("classification", code.classification().toString(), "code", code.name()))));
        }
        else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", status);
            problem.put("title", code.name());
            problem.put("detail", message);
            problem.put("code", code.name());
            body = problem;
        }
        json.writeValue(response.getOutputStream(), body);
    }

    public boolean isGraphQl(HttpServletRequest request) {
        return graphQlPath.equals(request.getRequestURI());
    }

    public static boolean acceptsGraphQlResponse(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(GRAPHQL_RESPONSE.toString());
    }
}
