package org.criticalminerals.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Relay cursor connection over entities ordered by id. The cursor is the item's id, encoded so that
 * clients treat it as opaque.
 */
public record Connection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

    public record Edge(String cursor, Map<String, Object> node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static final int MAX_PAGE_SIZE = 500;

    /** @param rows up to {@code first + 1} rows; the extra one only tells that a next page exists */
    public static Connection of(List<Map<String, Object>> rows, int first, boolean afterGiven, int totalCount) {
        List<Edge> edges = rows.stream().limit(first).map(row -> new Edge(encode((String) row.get("id")), row)).toList();
        return new Connection(edges, new PageInfo(rows.size() > first, afterGiven,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new BadInputException("first must be between 0 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        return size;
    }

    /** An opaque cursor for a position (an id, or a key the caller composes). */
    public static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("id:") && text.length() > 3) {
                return text.substring(3);
            }
        }
        catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadInputException("after is not a cursor from this API: " + cursor);
    }
}
