package org.criticalminerals.api;

import org.jspecify.annotations.Nullable;

/**
 * The page of a nested list of one parent: its {@code first} items by id after the id {@code after}. It is the key
 * of the batch that loads the nested lists of many parents at once, so that two selections of one field with other
 * arguments (aliases) get their own pages.
 */
public record NestedPage(String parentId, int first, @Nullable String after) {

    /** At most this many items of a nested list at a time. */
    public static final int MAX_SIZE = 500;

    /** The page of the parent's list the arguments ask for, checked. */
    public static NestedPage of(String parentId, @Nullable Integer first, @Nullable String after, int defaultSize) {
        int size = first == null ? defaultSize : first;
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInputException("first must be between 1 and " + MAX_SIZE);
        }
        return new NestedPage(parentId, size, after);
    }
}
