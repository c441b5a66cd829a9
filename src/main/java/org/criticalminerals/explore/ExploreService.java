package org.criticalminerals.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.criticalminerals.api.BadInputException;
import org.criticalminerals.api.RankedPage;
import org.criticalminerals.api.QueryLibrary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Entry points for exploration: full-text search (Q9) and the connections between two entities (Q8). */
@Service
public class ExploreService {

    private static final int MAX_HITS = 100;

    /** How deep a search pages: past the best thousand hits, relevance says little. */
    static final int MAX_DEPTH = 1_000;

    /** The words of a search that count; Lucene refuses queries of more than 1,024 clauses. */
    static final int MAX_WORDS = 16;

    private final QueryLibrary library;

    ExploreService(QueryLibrary library) {
        this.library = library;
    }

    /**
     * Ranked hits for what a user typed: each of its first {@link #MAX_WORDS} words as typed and as a prefix (a
     * typeahead finds "Sojitz" from "Soji" and ネオジム from ネオ), of the given types or all.
     */
    public List<Map<String, Object>> search(String text, @Nullable List<String> types, @Nullable Integer first, @Nullable String after) {
        RankedPage page = RankedPage.of("search", first, after, 20, MAX_HITS, MAX_DEPTH);
        String terms = luceneTerms(text);
        if (terms.isEmpty()) {
            throw new BadInputException("text must contain a letter or a digit");
        }
        // a match in the name or the Japanese name ranks above one in an alias
        String query = "name:(" + terms + ")^3 nameJa:(" + terms + ")^3 searchText:(" + terms + ")";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", query);
        parameters.put("text", text.strip());
        parameters.put("types", types == null || types.isEmpty() ? null : types);
        return page.withCursors(library.run("search", page.bind(parameters)));
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
     * What a user types becomes plain terms: Lucene's operators and special characters are escaped, so that input
     * can never change the query's structure or make it fail to parse. Each word is kept as typed and as a prefix;
     * words past the first {@link #MAX_WORDS} are left out, so that a pasted paragraph stays a small query.
     */
    static String luceneTerms(@Nullable String text) {
        List<String> words = new ArrayList<>();
        for (String word : (text == null ? "" : text.strip()).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            StringBuilder escaped = new StringBuilder();
            for (char c : word.toCharArray()) {
                if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            String term = escaped.toString();
            if (term.equals("and") || term.equals("or") || term.equals("not")) {
                term = "\\" + term; // lower case is no operator for Lucene, but stays a plain word either way
            }
            words.add(word.codePointCount(0, word.length()) >= 2 ? term + " " + term + "*" : term);
        }
        return String.join(" ", words);
    }
}
