package org.criticalminerals.fuzz;

/**
 * How big the biggest hostile inputs get. {@link #FULL} for the long run ({@code tools/fuzz}): strings up to
 * 1 MB, lists (and JSON objects of variables) of 100,000 items, 20,000 aliases, 100,000 levels of braces, import
 * files of 900 records and lines of 1 MB. {@link #FAST} for the test suite: the same kinds of input, smaller
 * (16 kB strings, 2,000 items, 20 aliases: a hundred of a question such as disagreements take 30 s on a busy
 * machine), so that 1,500 inputs take well under a minute on a busy 2-core machine.
 */
record Scale(String name, int giantString, int hugeList, int aliases, int nesting, int importRecords, int longLine,
        java.util.Set<String> alwaysGiven) {

    static final Scale FULL = new Scale("full", 1_000_000, 100_000, 20_000, 100_000, 900, 1_000_000, java.util.Set.of());

    /**
     * Also gives chokepoints its mineral: without one it computes centrality over every route of every mineral,
     * seconds even on the curated graph (a cost by design, documented, not a hostile input); the long run omits it.
     */
    static final Scale FAST = new Scale("fast", 16_384, 2_000, 20, 2_000, 120, 50_000, java.util.Set.of("chokepoints.mineral"));

    static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "fast" -> FAST;
            default -> throw new IllegalArgumentException("scale must be full or fast, not " + name);
        };
    }
}
