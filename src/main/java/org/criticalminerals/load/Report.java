package org.criticalminerals.load;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The run as Markdown: settings, totals, a table per request kind and group, the errors, memory and load. */
public final class Report {

    private Report() {
    }

    static String markdown(URI url, int clients, String settings, GraphSample sample, RequestMix mix, LoadTest.Run run) {
        StringBuilder out = new StringBuilder();
        Recorder measured = run.measured().recorder();
        double seconds = run.measured().seconds();
        out.append(String.format(Locale.ROOT, "## Load: %d clients for %.0f s on %s%n%n", clients, seconds, url));
        out.append("- started ").append(run.started()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores")
                .append(settings.isBlank() ? "" : "; service: " + settings).append('\n');
        out.append(String.format(Locale.ROOT, "- sample read before the run: %s; %,d minerals, %,d countries%n",
                String.join(", ", sample.entities().entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue().size(), e.getKey())).toList()),
                sample.minerals().size(), sample.countries().size()));
        out.append(String.format(Locale.ROOT, "- plan warm-up (every scenario, a few clients; not in the table): %.0f s, %,d requests, %,d errors%n",
                run.plans().seconds(), run.plans().recorder().requests(), run.plans().recorder().errors()));
        out.append(String.format(Locale.ROOT, "- warm-up with all clients (not in the table): %.0f s, %,d requests, %,d errors%n", run.warmup().seconds(),
                run.warmup().recorder().requests(), run.warmup().recorder().errors()));
        out.append(String.format(Locale.ROOT, "- **measured: %,d requests in %.1f s, %.1f requests/s, %,d errors**%n", measured.requests(), seconds,
                measured.requests() / seconds, measured.errors()));
        List<Double> loads = run.loads().stream().filter(l -> !l.isNaN()).toList();
        if (!loads.isEmpty()) {
            out.append(String.format(Locale.ROOT, "- load average (1 min) during the run: min %.1f, mean %.1f, max %.1f%n",
                    loads.stream().mapToDouble(Double::doubleValue).min().orElse(0), loads.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    loads.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        if (!Double.isNaN(run.serviceCpuSeconds()) && measured.requests() > 0) {
            out.append(String.format(Locale.ROOT, "- service CPU in the window: %.0f s (%.2f cores on average), %.0f ms per request%n",
                    run.serviceCpuSeconds(), run.serviceCpuSeconds() / seconds, run.serviceCpuSeconds() * 1000 / measured.requests()));
        }
        if (run.before() != null && run.after() != null) {
            out.append("- service before (after the warm-up): ").append(run.before().describe()).append('\n');
            out.append("- service after: ").append(run.after().describe()).append('\n');
            out.append("- service RSS every 10 s (MB): ").append(rssSeries(run.rss())).append('\n');
        }
        out.append("\nMix (weights in % of the scenarios drawn; a list scenario sends a first page and 1–3 next pages):\n\n").append(mix.describe());
        out.append("\n| kind | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | requests/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String group : RequestMix.GROUPS) {
            measured.latencies().forEach((kind, latencies) -> {
                if (kind.startsWith(group + " ")) {
                    out.append(row(kind, latencies, measured.errors(kind), seconds));
                }
            });
            List<Recorder.LongList> lists = measured.group(group);
            if (!lists.isEmpty()) {
                int errors = measured.latencies().keySet().stream().filter(k -> k.startsWith(group + " ")).mapToInt(measured::errors).sum();
                out.append(row("**all " + group + "**", Recorder.LongList.of(lists), errors, seconds));
            }
        }
        out.append(row("**all**", Recorder.LongList.of(List.copyOf(measured.latencies().values())), measured.errors(), seconds));
        errors(out, "Errors in the measured window", measured);
        errors(out, "Errors in the plan warm-up", run.plans().recorder());
        errors(out, "Errors in the warm-up", run.warmup().recorder());
        return out.toString();
    }

    private static String row(String kind, Recorder.LongList latencies, int errors, double seconds) {
        long[] sorted = latencies.sorted();
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %.1f |%n", kind, sorted.length, errors, ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), sorted.length / seconds);
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", nanos / 1e6);
    }

    private static String rssSeries(List<Long> rss) {
        StringBuilder series = new StringBuilder();
        for (int i = 0; i < rss.size(); i += 10) {
            series.append(series.length() == 0 ? "" : ", ").append(rss.get(i) / 1024);
        }
        if (!rss.isEmpty() && (rss.size() - 1) % 10 != 0) {
            series.append(", ").append(rss.get(rss.size() - 1) / 1024);
        }
        return series.toString();
    }

    private static void errors(StringBuilder out, String title, Recorder recorder) {
        if (recorder.errors() == 0) {
            return;
        }
        out.append("\n").append(title).append(":\n\n| kind | error | count | first message |\n|---|---|---:|---|\n");
        recorder.failures().forEach((kind, causes) -> causes.forEach((cause, f) -> out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s |%n",
                kind, cause, f.count(), f.firstMessage().replace("|", "\\|")))));
    }
}
