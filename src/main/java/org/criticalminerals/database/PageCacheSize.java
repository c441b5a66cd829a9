package org.criticalminerals.database;

import java.util.Locale;

import org.neo4j.io.ByteUnit;

/**
 * How much memory the embedded Neo4j's page cache gets. Unless {@code CMG_PAGE_CACHE} says, it follows the store
 * found at start-up: the store files × {@value #GROWTH} plus {@link #HEADROOM} for what imports add before the
 * next start, at least {@link #FLOOR}, and at most {@value #SHARE_OF_REST} of the memory the heap leaves
 * (physical memory, or the container's limit, less the maximum heap), so that heap and page cache together stay
 * inside the machine with room for the JVM's own native memory. The page cache only takes memory as the store
 * is read, so a cache larger than the store costs nothing until the store grows.
 *
 * @param bytes the page cache size
 * @param reason how it was chosen, for the log
 */
record PageCacheSize(long bytes, String reason) {

    static final double GROWTH = 1.2;

    static final long HEADROOM = ByteUnit.mebiBytes(128);

    static final long FLOOR = ByteUnit.mebiBytes(256);

    static final double SHARE_OF_REST = 0.5;

    /**
     * @param configured {@code CMG_PAGE_CACHE} ({@code 512m}, {@code 2g} …); blank: chosen from the store
     * @param storeBytes the store files' size
     * @param physicalBytes the memory of the machine or container; 0 when unknown (then there is no ceiling)
     * @param maxHeapBytes the JVM's maximum heap
     * @throws IllegalArgumentException when {@code configured} is not a size
     */
    static PageCacheSize choose(String configured, long storeBytes, long physicalBytes, long maxHeapBytes) {
        if (!configured.isBlank()) {
            try {
                return new PageCacheSize(ByteUnit.parse(configured.strip()), "set by CMG_PAGE_CACHE=" + configured.strip());
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CMG_PAGE_CACHE='" + configured + "' is not a size: " + e.getMessage(), e);
            }
        }
        long wanted = (long) (storeBytes * GROWTH) + HEADROOM;
        String why = "store " + human(storeBytes) + " × " + GROWTH + " + " + human(HEADROOM) + " headroom";
        long bytes = Math.max(wanted, FLOOR);
        if (bytes > wanted) {
            why += ", raised to the floor of " + human(FLOOR);
        }
        if (physicalBytes > 0) {
            long ceiling = (long) (Math.max(0, physicalBytes - maxHeapBytes) * SHARE_OF_REST);
            if (bytes > ceiling) {
                bytes = Math.max(ceiling, FLOOR);
                why += ", capped at " + (int) (SHARE_OF_REST * 100) + " % of the " + human(physicalBytes - maxHeapBytes) + " that the "
                        + human(maxHeapBytes) + " heap leaves of " + human(physicalBytes) + (ceiling < FLOOR ? " (below the floor: the floor is kept)" : "");
            }
        }
        return new PageCacheSize(bytes, why);
    }

    static String human(long bytes) {
        if (bytes >= ByteUnit.gibiBytes(1)) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) ByteUnit.gibiBytes(1));
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) ByteUnit.mebiBytes(1));
    }
}
