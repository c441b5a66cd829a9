package org.criticalminerals.explore;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.BadInputException;
import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Entry points for exploration: full-text search (Q9) and the connections between two entities (Q8). */
@Service
public class ExploreService {

    private static final int MAX_HITS = 100;

    /** Longest search text: its terms in three fields stay under Lucene's 1,024 clauses. */
    static final int MAX_TEXT = 200;

    private final QueryLibrary library;

    ExploreService(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> search(String text, Integer first) {
        int limit = first == null ? 20 : first;
        if (limit < 1 || limit > MAX_HITS) {
            throw new BadInputException("first must be between 1 and " + MAX_HITS);
        }
        if (text.length() > MAX_TEXT) {
            // every word (and every pair of CJK characters) is a clause of the Lucene query, in three fields; Lucene refuses more than 1,024
            throw new BadInputException("text must be at most " + MAX_TEXT + " characters, not " + text.length());
        }
        String terms = luceneTerms(text);
        if (terms.isEmpty()) {
            throw new BadInputException("text must contain a letter or a digit");
        }
        // a match in the name or the Japanese name ranks above one in an alias
        String query = "name:(" + terms + ")^3 nameJa:(" + terms + ")^3 searchText:(" + terms + ")";
        return library.run("search", Map.of("query", query, "text", text.strip(), "limit", limit));
    }

    public List<Map<String, Object>> connections(String from, String to, Integer maxHops) {
        int hops = maxHops == null ? 4 : maxHops;
        if (hops < 1 || hops > 6) {
            throw new BadInputException("maxHops must be between 1 and 6");
        }
        if (from.equals(to)) { // Neo4j's shortest paths refuse to start and end on one node
            throw new BadInputException("from and to are the same entity; give two different ids");
        }
        return library.run("connections", Map.of("from", from, "to", to, "maxHops", hops));
    }

    /**
     * What a user types becomes plain terms: Lucene's operators and special characters are escaped, so
     * that input can never change the query's structure or make it fail to parse.
     */
    static String luceneTerms(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : (text == null ? "" : text.strip()).toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        String terms = escaped.toString().replaceAll("\\b(AND|OR|NOT)\\b", "\\\\$1");
        return terms.codePoints().anyMatch(Character::isLetterOrDigit) ? terms : "";
    }
}
