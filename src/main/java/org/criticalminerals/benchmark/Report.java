package org.criticalminerals.benchmark;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The Markdown report over the measured scales: a table per scale, the 1M/10k slowdown, the targets. */
final class Report {

    private Report() {
    }

    static String markdown(Map<String, ScaleResult> byScale, @Nullable String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Read path: GraphQL over HTTP against the same Cypher over Bolt\n\n");
        md.append("Machine: ").append(machine == null ? "?" : machine).append("\n\n");
        md.append("One client, requests one at a time: per operation a GraphQL request, then the statements the service sent for it "
                + "(captured from its driver's log) over Bolt in the same transactions, alternating; throughput is requests over the time they took. "
                + "Latencies in ms. Ratio = GraphQL p50 / Bolt p50. Statements and transactions per request as captured; db hits = the sum over the "
                + "PROFILE plans of those statements.\n\n");
        for (ScaleResult scale : byScale.values()) {
            md.append("## ").append(scale.scale()).append("\n\n");
            md.append(String.format(Locale.ROOT, "%s; started %s; load average %.1f at the start, %.1f at the end; %d runs per operation after %d of warm-up "
                    + "(fewer where an operation hit the time cap: n). **Cold start to first answer %,d ms**; after the run RSS %,d MB (peak %,d MB), "
                    + "heap used %,d MB of %,d MB committed.%n%n", scale.settings(), scale.started(), scale.loadAtStart(), scale.loadAtEnd(), scale.runs(),
                    scale.warmup(), scale.coldStartMs(), scale.rssMb(), scale.peakRssMb(), scale.heapUsedMb(), scale.heapCommittedMb()));
            md.append("| operation | n | GraphQL p50 | p95 | p99 | req/s | Bolt p50 | p95 | p99 | req/s | GraphQL/Bolt | statements (tx) / request | db hits / request |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ScaleResult.Result op : scale.operations()) {
                md.append(String.format(Locale.ROOT, "| %s%s | %d | %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %d (%d) | %s |%n", op.name(),
                        op.graphqlErrors() + op.boltErrors() > 0 ? " (errors: " + op.graphqlErrors() + " GraphQL, " + op.boltErrors() + " Bolt)" : "",
                        op.graphql().n(), ms(op.graphql().p50()), ms(op.graphql().p95()), ms(op.graphql().p99()), rate(op.graphql().perSecond()),
                        ms(op.bolt().p50()), ms(op.bolt().p95()), ms(op.bolt().p99()), rate(op.bolt().perSecond()), times(op.ratio()), op.statements(),
                        op.transactions(), hits(op.dbHits())));
                Timing hand = op.handWritten();
                if (hand != null) {
                    md.append(String.format(Locale.ROOT, "| ↳ one hand-written statement | %d | | | | | %s | %s | %s | %s | **%s** (GraphQL / it) | 1 (1) | %s |%n",
                            hand.n(), ms(hand.p50()), ms(hand.p95()), ms(hand.p99()), rate(hand.perSecond()), times(op.graphql().p50() / hand.p50()),
                            hits(op.handWrittenDbHits())));
                }
            }
            md.append('\n');
            if (scale.operations().stream().anyMatch(op -> op.breakdown() != null)) {
                md.append("Where the GraphQL time goes at ").append(scale.scale()).append(" (means per request over the measured runs, ms; from the service's "
                        + "own meters: the servlet's time for POST /graphql, graphql-java's execution inside it, and the time its driver spent on Cypher "
                        + "from run to the last record):\n\n");
                md.append("| operation | client (mean) | servlet | graphql-java | Cypher in the service | statements | outside the servlet | servlet − Cypher |\n");
                md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
                for (ScaleResult.Result op : scale.operations()) {
                    ServiceMetrics.Breakdown b = op.breakdown();
                    if (b == null) {
                        continue;
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %s | %s |%n", op.name(), ms(b.clientMs()), ms(b.httpMs()), ms(b.graphqlMs()),
                            ms(b.cypherMs()), b.statements(), ms(b.clientMs() - b.httpMs()), ms(b.httpMs() - b.cypherMs())));
                }
                md.append('\n');
            }
            scale.operations().stream().filter(op -> op.note() != null).forEach(op -> md.append("- ").append(op.name()).append(": ").append(op.note()).append('\n'));
            md.append('\n');
        }
        ScaleResult small = byScale.get("10k");
        ScaleResult large = byScale.get("1m");
        if (small != null && large != null) {
            md.append("## Slowdown from 10k to 1M (p50 at 1M / p50 at 10k)\n\n| operation | GraphQL | Bolt | db hits |\n|---|---:|---:|---:|\n");
            Set<String> names = new LinkedHashSet<>();
            small.operations().forEach(op -> names.add(op.name()));
            for (String name : names) {
                ScaleResult.Result before = small.operation(name);
                ScaleResult.Result after = large.operation(name);
                if (before == null || after == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, times(after.graphql().p50() / before.graphql().p50()),
                        times(after.bolt().p50() / before.bolt().p50()), before.dbHits() > 0 && after.dbHits() >= 0
                                ? times((double) after.dbHits() / before.dbHits()) : "–"));
            }
            md.append('\n');
        }
        md.append("## Targets\n\n");
        List<Targets.Verdict> verdicts = Targets.evaluate(byScale);
        for (Targets.Verdict verdict : verdicts) {
            md.append("- **").append(verdict.word()).append("** ").append(verdict.target()).append(": ").append(verdict.summary()).append('\n');
            verdict.misses().forEach(miss -> md.append("  - ").append(miss).append('\n'));
        }
        return md.toString();
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "–" : value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String times(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String hits(long value) {
        return value < 0 ? "?" : String.format(Locale.ROOT, "%,d", value);
    }
}
