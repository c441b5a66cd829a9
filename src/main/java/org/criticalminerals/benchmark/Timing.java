package org.criticalminerals.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one side of one operation: count, p50/p95/p99 and mean in milliseconds, and throughput. The
 * requests are sent one at a time by one client, back to back, so the throughput is requests over the time they
 * took ({@code 1000 / mean}). Percentiles are nearest-rank: the smallest latency that at least p % of the requests
 * did not exceed.
 */
record Timing(int n, double p50, double p95, double p99, double mean, double perSecond) {

    static final Timing NONE = new Timing(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Timing of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return NONE;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double total = Arrays.stream(sorted).sum() / 1e6;
        double mean = total / sorted.length;
        return new Timing(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), mean,
                total > 0 ? sorted.length * 1000.0 / total : Double.NaN);
    }

    /** Nearest rank ({@link org.criticalminerals.load.Report#percentile}), in milliseconds, of latencies in nanoseconds sorted ascending. */
    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : org.criticalminerals.load.Report.percentile(sorted, p) / 1e6;
    }

    boolean measured() {
        return n > 0;
    }
}
