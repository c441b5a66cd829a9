package org.criticalminerals.api;

/**
 * What list pages can be sorted by: the values of every {@code <Type>OrderField} enum in the schema, each with the
 * stored property it sorts on. Lists order by the field, then by id, so that every position is unique and a
 * cursor can resume after it. Items without a value come last in either direction.
 */
public enum SortField {

    ID("id", true), NAME("name", true), DATE("date", false), AMOUNT("amount", false), STAKE("stake", false), VOLUME("volume", false),
    START("start", false), ANNOUNCED("announced", false), EFFECTIVE("effective", false), YEAR("year", false), VALUE("value", false), QUANTITY("quantity", false),
    UPDATED_AT("updatedAt", true);

    private final String property;

    private final boolean alwaysPresent;

    SortField(String property, boolean alwaysPresent) {
        this.property = property;
        this.alwaysPresent = alwaysPresent;
    }

    /** The stored property; a constant, so it may be written into a statement. */
    public String property() {
        return property;
    }

    /** Whether every entity has a value (then no page needs to look for items without one). */
    boolean alwaysPresent() {
        return alwaysPresent;
    }
}
