package org.criticalminerals.limits;

/** The limits tests' queries, for the tests of other ways in (GET, persisted queries). */
public final class QueryLimitsTestAccess {

    /** 14 levels: over the default depth limit of 12. */
    public static final String DEEP = "{ mineral(id: \"neodymium\") { " + "partOf { ".repeat(12) + "id" + " }".repeat(12) + " } }";

    public static final String NESTED_BOMB = QueryLimitsTest.NESTED_BOMB;

    public static final String ALIAS_BOMB = QueryLimitsTest.ALIAS_BOMB;

    private QueryLimitsTestAccess() {
    }
}
