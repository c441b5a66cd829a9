package org.criticalminerals.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A Relay cursor connection. The total is counted only when a client selects {@code totalCount} (it costs a pass
 * over every match; the page itself costs what it holds). Cursors are opaque to clients: a position in the
 * list's order (the sort value and the id), encoded.
 */
public final class Connection<T> {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {
    }

    /** A position in a sorted list: the sort value (null for items without one) and the id. */
    record Position(@Nullable Object value, String id) {
    }

    public static final int MAX_PAGE_SIZE = 500;

    /** A page's size when the client gives neither {@code first} nor {@code last}. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    private final List<Edge<T>> edges;

    private final PageInfo pageInfo;

    private final IntSupplier count;

    private @Nullable Integer totalCount;

    public Connection(List<Edge<T>> edges, PageInfo pageInfo, IntSupplier count) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.count = count;
    }

    public List<Edge<T>> edges() {
        return edges;
    }

    /** The same page with each node replaced. */
    public <U> Connection<U> map(java.util.function.Function<T, U> replace) {
        return new Connection<>(edges.stream().map(edge -> new Edge<>(edge.cursor(), replace.apply(edge.node()))).toList(), pageInfo, count);
    }

    public PageInfo pageInfo() {
        return pageInfo;
    }

    /** Counted on first use (when the client selected it), once. */
    public synchronized int totalCount() {
        if (totalCount == null) {
            totalCount = count.getAsInt();
        }
        return totalCount;
    }

    public static int pageSize(@Nullable Integer first) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new BadInputException("first and last must be between 0 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        return size;
    }

    /** An opaque cursor for a position (an id, or a key the caller composes). */
    public static String encode(String id) {
        return base64("id:" + id);
    }

    public static @Nullable String decode(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        String text = unbase64(cursor);
        if (text != null && text.startsWith("id:") && text.length() > 3) {
            return text.substring(3);
        }
        throw notACursor(cursor);
    }

    /** The cursor of an item at this position of a list sorted by the field. */
    static String encode(SortField field, @Nullable Object value, String id) {
        String typed;
        if (value == null) {
            typed = "-";
        }
        else if (value instanceof String text) {
            typed = "s" + text;
        }
        else if (value instanceof Long || value instanceof Integer) {
            typed = "l" + value;
        }
        else if (value instanceof Double) {
            typed = "d" + value;
        }
        else if (value instanceof LocalDate) {
            typed = "D" + value;
        }
        else if (value instanceof ZonedDateTime) {
            typed = "Z" + value;
        }
        else {
            throw new IllegalStateException("cannot sort on a " + value.getClass().getSimpleName());
        }
        return base64("k:" + field.name() + '\u0000' + typed + '\u0000' + id);
    }

    /** The position a cursor of a list sorted by the field stands for. */
    static Position decode(SortField field, String cursor) {
        String text = unbase64(cursor);
        String[] parts = text == null ? new String[0] : text.split("\u0000", 3);
        if (parts.length != 3 || !parts[0].startsWith("k:") || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw notACursor(cursor);
        }
        if (!parts[0].equals("k:" + field.name())) {
            throw new BadInputException("this cursor is from a list sorted by " + parts[0].substring(2) + ", not " + field.name());
        }
        String value = parts[1].substring(1);
        try {
            Object typed = parts[1].equals("-") ? null : switch (parts[1].charAt(0)) {
                case 's' -> value;
                case 'l' -> Long.parseLong(value);
                case 'd' -> Double.parseDouble(value);
                case 'D' -> LocalDate.parse(value);
                case 'Z' -> ZonedDateTime.parse(value);
                default -> throw notACursor(cursor);
            };
            return new Position(typed, parts[2]);
        }
        catch (RuntimeException e) {
            throw notACursor(cursor);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String unbase64(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BadInputException notACursor(String cursor) {
        return new BadInputException("not a cursor from this API: " + (cursor.length() > 80 ? cursor.substring(0, 80) + "…" : cursor));
    }
}
