package org.criticalminerals.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hostile request: what it is ({@code category}, e.g. {@code graphql/deep} or {@code import/csv}), the HTTP
 * request itself, and the strings it sends, which an answer may quote back (a "no organization with id …"
 * quoting a Cypher fragment is not a leak). {@code index} and the run's seed reproduce it.
 */
record FuzzCase(long index, String category, String method, String path, Map<String, String> headers, byte[] body, List<String> sent) {

    /** Whether the answer is the GraphQL endpoint's (a GraphQL response, every error with a code). */
    boolean graphQl() {
        return path.equals("/graphql") || path.startsWith("/graphql?");
    }

    /**
     * A short, printable description for a failure report: the request line, headers and the start of the body.
     * The key of an Authorization header is cut to its first characters: reports are pasted into documents.
     */
    String describe(int maxBody) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("Authorization", (name, value) -> value.length() > 11 ? value.substring(0, 11) + "…" : value);
        return method + " " + (path.length() > 300 ? path.substring(0, 300) + "…" : path) + " " + shown + " body(" + body.length + " bytes): "
                + (text.length() > maxBody ? text.substring(0, maxBody) + "…" : text);
    }
}
