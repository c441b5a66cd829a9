package org.criticalminerals.api;

import org.jspecify.annotations.Nullable;

/**
 * The paging and sorting arguments every list takes: {@code first}/{@code after} forward, {@code last}/{@code before}
 * backward, and {@code orderBy}. Bound from a list field's arguments as a whole ({@code @Arguments}); the filter
 * is bound on its own.
 */
public record PageRequest(@Nullable Integer first, @Nullable String after, @Nullable Integer last, @Nullable String before,
        @Nullable Order orderBy) {

    /** A sort: the field, then id, both in the direction. */
    public record Order(SortField field, @Nullable Direction direction) {
    }

    public enum Direction {
        ASC, DESC
    }

    public static PageRequest firstPage(int first) {
        return new PageRequest(first, null, null, null, null);
    }

    boolean backward() {
        return last != null || before != null;
    }

    /** How many items the page holds. */
    int size() {
        if (first != null && last != null) {
            throw new BadInputException("give first or last, not both");
        }
        if (after != null && before != null) {
            throw new BadInputException("give after or before, not both");
        }
        if (first != null && before != null || last != null && after != null) {
            throw new BadInputException("page forward with first and after, backward with last and before");
        }
        return Connection.pageSize(backward() ? last : first);
    }

    SortField field() {
        return orderBy == null ? SortField.ID : orderBy.field();
    }

    boolean descending() {
        return orderBy != null && orderBy.direction() == Direction.DESC;
    }
}
