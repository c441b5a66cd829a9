package org.criticalminerals.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A page of a ranked answer (search hits, a question's rows): the rows after a position in the ranking. The
 * ranking is computed on every request, so a cursor is the position of its row, not a key to seek; each answer
 * kind has its own cursors, and a page reaches at most {@code depth} rows deep.
 *
 * @param skip  the rows before the page ({@code $skip} of the statement)
 * @param limit the rows of the page ({@code $limit})
 */
public record RankedPage(String kind, int skip, int limit) {

    /** The page of {@code first} rows after the cursor {@code after}, checked against the answer's bounds. */
    public static RankedPage of(String kind, @Nullable Integer first, @Nullable String after, int defaultSize, int maxSize, int depth) {
        int limit = first == null ? defaultSize : first;
        if (limit < 1 || limit > maxSize) {
            throw new BadInputException("first must be between 1 and " + maxSize);
        }
        int skip = after == null ? 0 : position(kind, after);
        if ((long) skip + limit > depth) {
            throw new BadInputException(kind + " pages through its first " + depth + " rows only; narrow the arguments");
        }
        return new RankedPage(kind, skip, limit);
    }

    /**
     * The page a question's nested list asks for with its own {@code first} and {@code after}, where the question is
     * one statement for the whole answer: read from the arguments of {@code field} in the selection (the same page
     * wherever it is selected, or the client's mistake).
     */
    public static RankedPage ofSelected(graphql.schema.DataFetchingEnvironment environment, String field, String kind, int defaultSize, int maxSize) {
        List<graphql.schema.SelectedField> selected = environment.getSelectionSet().getImmediateFields().stream()
                .filter(f -> f.getName().equals(field)).toList();
        if (selected.stream().map(graphql.schema.SelectedField::getArguments).distinct().count() > 1) {
            throw new BadInputException(kind + " answers one page of " + field + ": select " + field + " with the same first and after everywhere");
        }
        Map<String, Object> arguments = selected.isEmpty() ? Map.of() : selected.get(0).getArguments();
        return of(kind, (Integer) arguments.get("first"), (String) arguments.get("after"), defaultSize, maxSize, Integer.MAX_VALUE);
    }

    /** A copy of a question's answer whose {@code list} (this page of it) has a cursor on every row. */
    public Map<String, Object> withCursorsOn(Map<String, Object> answer, String list) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get(list);
        Map<String, Object> copy = new java.util.HashMap<>(answer);
        copy.put(list, withCursors(rows.stream().map(row -> (Map<String, Object>) new java.util.HashMap<>(row)).toList()));
        return copy;
    }

    /** The statement's parameters and these two. */
    public Map<String, Object> bind(Map<String, Object> parameters) {
        Map<String, Object> bound = new java.util.HashMap<>(parameters);
        bound.put("skip", skip);
        bound.put("limit", limit);
        return bound;
    }

    /** Gives every row (mutable maps) its cursor under {@code cursor}. */
    public List<Map<String, Object>> withCursors(List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("cursor", cursor(kind, skip + i + 1));
        }
        return rows;
    }

    /** The cursor of the row at this position (1 is the first row). */
    public static String cursor(String kind, int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String kind, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                int position = Integer.parseInt(text.substring(kind.length() + 1));
                if (position >= 0) {
                    return position;
                }
            }
        }
        catch (IllegalArgumentException notBase64OrNotANumber) {
            // the error below says what was expected
        }
        throw new BadInputException("after is not a cursor of " + kind);
    }
}
