package org.criticalminerals.benchmark;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one scale's run measured ({@code target/bench/reads-<scale>.json}): the service's cold start to its first
 * answer, its memory after the run, the machine's load, and per operation both sides' latencies.
 */
record ScaleResult(String scale, String settings, String started, double loadAtStart, double loadAtEnd, long coldStartMs, long rssMb,
        long peakRssMb, long heapUsedMb, long heapCommittedMb, int runs, int warmup, List<Result> operations) {

    /**
     * One operation: GraphQL over HTTP, the captured statements over Bolt, and for the wide page the hand-written
     * statement; statements and transactions per request as captured; database hits per request (the sum over the
     * PROFILE plans of the captured statements, -1 when a PROFILE failed); where the service's GraphQL time went in the
     * measured runs (from its own metrics), when they could be read.
     */
    record Result(String name, String kind, boolean anchored, Timing graphql, Timing bolt, @Nullable Timing handWritten, int statements,
            int transactions, long dbHits, long handWrittenDbHits, int graphqlErrors, int boltErrors, @Nullable String note,
            ServiceMetrics.@Nullable Breakdown breakdown) {

        double ratio() {
            return graphql.p50() / bolt.p50();
        }

        boolean questionOrList() {
            return kind.equals("question") || kind.equals("list") || kind.equals("filtered");
        }

        boolean listPage() {
            return kind.equals("list") || kind.equals("filtered");
        }
    }

    @Nullable Result operation(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }
}
