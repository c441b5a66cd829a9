package org.criticalminerals.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ReplayedBodyRequest;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.criticalminerals.limits.GraphQlOperations;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what Spring for GraphQL's endpoint does not take into the JSON POST it does, before the security rules
 * and the query limits look at the request, so that both judge the document that will run:
 * <ul>
 * <li>{@code GET /graphql?query=…&variables=…&operationName=…&extensions=…} (GraphQL over HTTP): reads only; a
 * mutation is refused with 405 and {@code Allow: POST}, whatever the key, since a GET must be safe to repeat
 * and to cache.</li>
 * <li>Automatic persisted queries (Apollo): {@code extensions.persistedQuery.sha256Hash} without a query
 * is replaced by the document registered under that hash, or answered {@code PersistedQueryNotFound};
 * with a query, the query is registered if the hash is its SHA-256 and refused otherwise.</li>
 * </ul>
 * Runs after the request size limit (a POST body is read through it) and before {@link GraphQlOperations},
 * which classifies the resolved document for the security rules.
 */
final class GetAndPersistedQueryFilter extends OncePerRequestFilter {

    static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

    /** Marks a request that came as a GET, for {@link CacheableGetAnswers}. */
    static final String CAME_AS_GET = GetAndPersistedQueryFilter.class.getName() + ".get";

    private final String path;

    private final PersistedQueries persisted;

    private final JsonMapper json;

    private final HttpErrorBodies errors;

    GetAndPersistedQueryFilter(String path, PersistedQueries persisted, JsonMapper json, HttpErrorBodies errors) {
        this.path = path;
        this.persisted = persisted;
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean get = "GET".equals(request.getMethod());
        ObjectNode body;
        byte[] original = null;
        if (get) {
            if (request.getParameter("query") == null && request.getParameter("extensions") == null) {
                // not a GraphQL request (Spring would answer 405 with no body)
                response.setHeader(HttpHeaders.ALLOW, "GET, POST");
                errors.write(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                        "GET /graphql runs the query of ?query=… (URL-encoded); send everything else with POST.");
                return;
            }
            try {
                body = fromParameters(request);
            }
            catch (JacksonException | IllegalArgumentException e) {
                errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "The variables and extensions parameters must each be a JSON object (URL-encoded).");
                return;
            }
        }
        else if ("POST".equals(request.getMethod()) && !readsAsGraphQl(request)) {
            // Spring would answer 415 with no body
            errors.write(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_REQUEST,
                    "Send the request as JSON: Content-Type: application/json, {\"query\": \"{ … }\", \"variables\": {…}}.");
            return;
        }
        else if ("POST".equals(request.getMethod()) && isJson(request)) {
            if (!acceptsAnAnswer(request)) {
                // Spring would answer 415 with no body
                errors.write(request, response, HttpServletResponse.SC_NOT_ACCEPTABLE, ErrorCode.BAD_REQUEST,
                        "The answer is JSON: accept application/json or application/graphql-response+json.");
                return;
            }
            try {
                original = request.getInputStream().readAllBytes();
            }
            catch (IOException e) {
                // too large, or the client went away: the filter that owns that answer reads it again
                chain.doFilter(new FailingBodyRequest(request, e), response);
                return;
            }
            JsonNode node;
            try {
                node = json.readTree(original);
            }
            catch (JacksonException e) {
                node = null; // Spring for GraphQL answers what is not JSON
            }
            if (node != null && !node.isObject()) {
                // null, a list (batched requests), a number: Spring for GraphQL would fail on null with a 500
                errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "The body must be one JSON object: {\"query\": \"{ … }\", \"variables\": {…}}.");
                return;
            }
            if (node instanceof ObjectNode object && (notText(object.get("query")) || notText(object.get("operationName")))) {
                errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "query and operationName must be strings.");
                return;
            }
            if (!(node instanceof ObjectNode object) || !object.path("extensions").has("persistedQuery")) {
                chain.doFilter(new JsonPostRequest(request, original), response);
                return;
            }
            body = object;
        }
        else {
            chain.doFilter(request, response);
            return;
        }
        JsonNode persistedQuery = body.path("extensions").path("persistedQuery");
        if (!persistedQuery.isMissingNode()) {
            String hash = persistedQuery.path("sha256Hash").isString() ? persistedQuery.path("sha256Hash").asString() : null;
            if (hash == null || persistedQuery.path("version").asInt(1) != 1) {
                errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                        "extensions.persistedQuery needs version 1 and a sha256Hash (hex).");
                return;
            }
            JsonNode query = body.path("query");
            if (query.isString()) {
                if (!persisted.register(hash, query.asString())) {
                    errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
                            "provided sha does not match query: sha256Hash must be the SHA-256 (hex) of the query's UTF-8 text.");
                    return;
                }
            }
            else {
                String stored = persisted.find(hash).orElse(null);
                if (stored == null) {
                    // Apollo's clients look for this message and code, then send the query with its hash
                    errors.write(request, response, HttpServletResponse.SC_OK, ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE);
                    return;
                }
                body.put("query", stored);
                original = null;
            }
        }
        if (get && GraphQlOperations.kind(text(body.get("query")), text(body.get("operationName"))) == GraphQlOperations.Kind.MUTATION) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            errors.write(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                    "A mutation must be sent with POST; GET runs queries only.");
            return;
        }
        if (get) {
            request.setAttribute(CAME_AS_GET, Boolean.TRUE);
        }
        chain.doFilter(new JsonPostRequest(request, original != null ? original : json.writeValueAsBytes(body)), response);
    }

    /** Present but neither a string nor null. */
    private static boolean notText(@Nullable JsonNode node) {
        return node != null && !node.isNull() && !node.isString();
    }

    private ObjectNode fromParameters(HttpServletRequest request) {
        ObjectNode body = json.createObjectNode();
        String query = request.getParameter("query");
        if (query != null) {
            body.put("query", query);
        }
        String operationName = request.getParameter("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            body.put("operationName", operationName);
        }
        for (String name : List.of("variables", "extensions")) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                JsonNode node = json.readTree(value);
                if (!node.isObject() && !node.isNull()) {
                    throw new IllegalArgumentException(name + " is not a JSON object");
                }
                body.set(name, node);
            }
        }
        return body;
    }

    /** A content type Spring for GraphQL's endpoint reads: JSON, or a bare document as application/graphql (its fallback). */
    private static boolean readsAsGraphQl(HttpServletRequest request) {
        try {
            MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return type != null && (MediaType.APPLICATION_JSON.includes(type) || GRAPHQL_DOCUMENT.includes(type));
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final MediaType GRAPHQL_DOCUMENT = MediaType.parseMediaType("application/graphql");

    /** Whether the Accept header (if any, and if it parses) takes one of the answers the endpoint gives. */
    private static boolean acceptsAnAnswer(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
        }
        catch (InvalidMediaTypeException e) {
            return true; // left to Spring
        }
    }

    /** No server-sent events: the schema has no subscriptions, and Spring's SSE endpoint answers a query with an error without a code. */
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, HttpErrorBodies.GRAPHQL_RESPONSE);

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    /** The request as the JSON POST Spring for GraphQL executes, with {@code body} as its body. */
    private static final class JsonPostRequest extends ReplayedBodyRequest {

        private final Map<String, String> replaced = new LinkedHashMap<>();

        JsonPostRequest(HttpServletRequest request, byte[] body) {
            super(request, body);
            String type = request.getContentType();
            replaced.put(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT),
                    "POST".equals(request.getMethod()) && type != null ? type : MediaType.APPLICATION_JSON_VALUE);
            replaced.put(HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT), Integer.toString(body.length));
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return replaced.get("content-type");
        }

        @Override
        public @Nullable String getCharacterEncoding() {
            String encoding = super.getCharacterEncoding();
            return encoding != null ? encoding : StandardCharsets.UTF_8.name();
        }

        @Override
        public @Nullable String getHeader(String name) {
            String value = replaced.get(name.toLowerCase(Locale.ROOT));
            return value != null ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = replaced.get(name.toLowerCase(Locale.ROOT));
            return value != null ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH));
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
                String name = e.nextElement();
                if (!replaced.containsKey(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }
    }

    /** A request whose body could not be read: reading it again fails the same way. */
    private static final class FailingBodyRequest extends HttpServletRequestWrapper {

        private final IOException failure;

        FailingBodyRequest(HttpServletRequest request, IOException failure) {
            super(request);
            this.failure = failure;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            throw failure;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            throw failure;
        }
    }
}
