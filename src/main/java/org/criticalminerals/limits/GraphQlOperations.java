package org.criticalminerals.limits;

import java.io.IOException;
import java.util.List;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.LeastRecentlyUsed;
import org.criticalminerals.api.ReplayedBodyRequest;
import org.criticalminerals.api.HttpErrorBodies;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells, before the security rules run, whether a GraphQL request runs a mutation: it reads the body (kept
 * for Spring for GraphQL to read again), parses the document and picks the operation the request names.
 * A document that does not parse runs nothing, so it counts as a read and Spring for GraphQL answers it.
 */
public final class GraphQlOperations extends OncePerRequestFilter {

    /** The kind of operation a GraphQL request runs. */
    public enum Kind {
        READ, MUTATION
    }

    private static final String ATTRIBUTE = GraphQlOperations.class.getName() + ".kind";

    private final String path;

    private final long maxBytes;

    private final JsonMapper json;

    private final HttpErrorBodies errors;

    private final ParserOptions parserOptions;

    /** The kind of each recent (document, operation name): a frontend sends the same few documents again and again. */
    private final LeastRecentlyUsed<List<@Nullable String>, Kind> kinds = new LeastRecentlyUsed<>(1_000);

    GraphQlOperations(String path, long maxBytes, JsonMapper json, HttpErrorBodies errors, ParserOptions parserOptions) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.json = json;
        this.errors = errors;
        this.parserOptions = parserOptions;
    }

    public static boolean isMutation(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) == Kind.MUTATION;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String query = null;
        String operationName = null;
        if ("POST".equals(request.getMethod())) {
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes();
            }
            catch (RequestSizeLimitFilter.TooLargeException e) {
                RequestSizeLimitFilter.refuse(request, response, errors, maxBytes);
                return;
            }
            forward = new ReplayedBodyRequest(request, body);
            try {
                JsonNode node = json.readTree(body);
                query = text(node.get("query"));
                operationName = text(node.get("operationName"));
            }
            catch (JacksonException e) {
                // not JSON: Spring for GraphQL answers 400
            }
        }
        else {
            query = request.getParameter("query");
            operationName = request.getParameter("operationName");
        }
        String document = query;
        String operation = operationName;
        request.setAttribute(ATTRIBUTE, document == null ? Kind.READ
                : kinds.computeIfAbsent(java.util.Arrays.asList(document, operation), key -> kind(document, operation, parserOptions)));
        chain.doFilter(forward, response);
    }

    /** The kind of the operation that {@code operationName} selects in {@code query}, parsed with graphql-java's default options. */
    public static Kind kind(@Nullable String query, @Nullable String operationName) {
        return kind(query, operationName, ParserOptions.getDefaultOperationParserOptions());
    }

    /**
     * As {@link #kind(String, String)}, parsed with the options GraphQL executes with: a document this parse
     * refuses (too long, too many tokens) is refused by the execution too, so it never runs as a read.
     */
    static Kind kind(@Nullable String query, @Nullable String operationName, ParserOptions parserOptions) {
        if (query == null) {
            return Kind.READ;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
        }
        catch (InvalidSyntaxException e) {
            return Kind.READ;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> selected = operationName == null ? operations
                : operations.stream().filter(o -> operationName.equals(o.getName())).toList();
        // an ambiguous choice (several operations, none named) is refused by GraphQL; until then it is a write if any is one
        return selected.stream().anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION) ? Kind.MUTATION : Kind.READ;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
