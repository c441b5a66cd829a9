package org.criticalminerals.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends cases {@code from} … {@code from + count - 1} of a {@link FuzzCases} stream to a running service from a
 * few client threads, checks every answer ({@link ResponseChecks}) and counts the outcomes per category.
 * A request gets as long as it needs up to {@code timeout} (a hostile request may take the service's whole
 * read budget); no answer by then is a failure too.
 */
public final class FuzzRun {

    /** One answer that broke a rule, with what reproduces it: the seed, the index and the request. */
    public record Failure(long index, String category, String outcome, List<String> violations, String request) {

        @Override
        public String toString() {
            return "#" + index + " " + category + " → " + outcome + "\n    " + String.join("\n    ", violations) + "\n    request: " + request;
        }
    }

    /** What a run did: outcomes per category, the failures (the first 20, and the first three of every kind) and times. */
    public record Report(long seed, long from, long inputs, Duration elapsed, SortedMap<String, SortedMap<String, Long>> outcomes,
            SortedMap<String, Long> groupMillis, SortedMap<String, Long> violationKinds, List<Failure> failures, long failureCount, long slowestMillis, String slowest, long medianMillis,
            long p99Millis, List<String> slowCases, String coverage) {

        /** Answers per outcome over all categories. */
        public SortedMap<String, Long> totals() {
            SortedMap<String, Long> totals = new TreeMap<>();
            outcomes.values().forEach(byOutcome -> byOutcome.forEach((outcome, n) -> totals.merge(outcome, n, Long::sum)));
            return totals;
        }

        /** Inputs per category group (the category up to its second slash: graphql/deep, body/not-json, import/csv). */
        public SortedMap<String, Long> groups() {
            SortedMap<String, Long> groups = new TreeMap<>();
            outcomes.forEach((category, byOutcome) -> groups.merge(group(category), byOutcome.values().stream().mapToLong(Long::longValue).sum(),
                    Long::sum));
            return groups;
        }

        /** A plain-text report: per category its outcomes, then the totals, times and failures. */
        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("fuzz: seed %d, inputs %d (#%d … #%d), %.1f s, %.0f inputs/s; per input median %d ms, p99 %d ms, slowest %d ms (%s)%n",
                    seed, inputs, from, from + inputs - 1, elapsed.toMillis() / 1000.0, inputs / Math.max(0.001, elapsed.toMillis() / 1000.0),
                    medianMillis, p99Millis, slowestMillis, slowest));
            out.append("schema reached: ").append(coverage).append('\n');
            out.append("\nper category (inputs: outcomes)\n");
            outcomes.forEach((category, byOutcome) -> out.append(String.format("  %-48s %6d: %s%n", category,
                    byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome)));
            out.append("\nper group (inputs, seconds of answer time)\n");
            groups().forEach((group, n) -> out.append(String.format("  %-32s %7d %8.1f s%n", group, n, groupMillis.getOrDefault(group, 0L) / 1000.0)));
            out.append("\nper outcome (HTTP status, then extensions.code of the first error, 'data' without errors; imports: checked, rejected)\n");
            totals().forEach((outcome, n) -> out.append(String.format("  %-32s %7d%n", outcome, n)));
            out.append("\nslowest inputs\n");
            slowCases.forEach(slow -> out.append("  ").append(slow).append('\n'));
            out.append(String.format("%nfailures: %d%n", failureCount));
            violationKinds.forEach((kind, n) -> out.append(String.format("  %-72s %7d%n", kind, n)));
            failures.forEach(failure -> out.append(failure).append('\n'));
            return out.toString();
        }
    }

    /** The category up to its second slash: graphql/deep, body/not-json, import/csv. */
    static String group(String category) {
        String[] parts = category.split("/");
        return parts.length > 1 ? parts[0] + "/" + parts[1] : category;
    }

    /** A violation without its particulars: "the answer shows Cypher", "HTTP 500", "an error without extensions.code". */
    static String kind(String violation) {
        int colon = violation.indexOf(':');
        return colon < 0 ? violation : violation.substring(0, colon);
    }

    private final URI base;

    private final FuzzCases cases;

    private final int threads;

    private final Duration timeout;

    private final HttpClient client;

    FuzzRun(URI base, FuzzCases cases, int threads, Duration timeout) {
        this.base = base;
        this.cases = cases;
        this.threads = threads;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Runs the cases; blocks until every one is answered (or timed out). */
    Report run(long seed, long from, long count) throws InterruptedException {
        Map<String, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();
        Map<String, LongAdder> groupMillis = new ConcurrentHashMap<>();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, LongAdder> violationKinds = new ConcurrentHashMap<>();
        AtomicLong failureCount = new AtomicLong();
        AtomicLong next = new AtomicLong(from);
        long[] millis = new long[(int) count];
        AtomicLong slowest = new AtomicLong(-1);
        String[] slowestCase = { "" };
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long index = next.getAndIncrement(); index < from + count; index = next.getAndIncrement()) {
                    FuzzCase request = cases.get(index);
                    long sent = System.nanoTime();
                    ResponseChecks.Verdict verdict = send(request);
                    long took = (System.nanoTime() - sent) / 1_000_000;
                    millis[(int) (index - from)] = took;
                    groupMillis.computeIfAbsent(group(request.category()), g -> new LongAdder()).add(took);
                    synchronized (slowestCase) {
                        if (took > slowest.get()) {
                            slowest.set(took);
                            slowestCase[0] = "#" + index + " " + request.category();
                        }
                    }
                    outcomes.computeIfAbsent(request.category(), c -> new ConcurrentHashMap<>())
                            .computeIfAbsent(verdict.outcome(), o -> new LongAdder()).increment();
                    if (!verdict.violations().isEmpty()) {
                        failureCount.incrementAndGet();
                        // every kind of violation shows a few examples, however common the others are
                        boolean rare = verdict.violations().stream().anyMatch(v -> violationKinds.computeIfAbsent(kind(v), k -> new LongAdder()).sum() < 3);
                        verdict.violations().forEach(v -> violationKinds.computeIfAbsent(kind(v), k -> new LongAdder()).increment());
                        if (failures.size() < 200 && (rare || failures.size() < 20)) {
                            failures.add(new Failure(index, request.category(), verdict.outcome(), verdict.violations(), request.describe(400)));
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            try {
                worker.get();
            }
            catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a fuzz client failed", e.getCause());
            }
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        SortedMap<String, SortedMap<String, Long>> counted = new TreeMap<>();
        outcomes.forEach((category, byOutcome) -> {
            SortedMap<String, Long> sorted = new TreeMap<>();
            byOutcome.forEach((outcome, n) -> sorted.put(outcome, n.sum()));
            counted.put(category, sorted);
        });
        SortedMap<String, Long> kinds = new TreeMap<>();
        violationKinds.forEach((kind, n) -> kinds.put(kind, n.sum()));
        SortedMap<String, Long> timeByGroup = new TreeMap<>();
        groupMillis.forEach((group, ms) -> timeByGroup.put(group, ms.sum()));
        List<Failure> kept = new ArrayList<>(failures);
        kept.sort(java.util.Comparator.comparingLong(Failure::index));
        String timings = System.getProperty("fuzz.timings");
        if (timings != null) {
            // one line per input: index, milliseconds, category, the start of the request (for finding what is slow)
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < millis.length; i++) {
                lines.append(from + i).append('\t').append(millis[i]).append('\t').append(cases.get(from + i).category()).append('\t')
                        .append(cases.get(from + i).describe(120).replaceAll("\\s+", " ")).append('\n');
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(timings), lines);
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<String> slowCases = java.util.stream.IntStream.range(0, millis.length).boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> millis[i]).reversed()).limit(10)
                .map(i -> millis[i] + " ms #" + (from + i) + " " + cases.get(from + i).category() + ": " + cases.get(from + i).describe(160)).toList();
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        long p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 99L / 100)];
        return new Report(seed, from, count, elapsed, counted, timeByGroup, kinds, kept, failureCount.get(), slowest.get(), slowestCase[0], median, p99,
                slowCases, cases.coverage());
    }

    /** Headers the JDK client sets itself and refuses to take. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private ResponseChecks.Verdict send(FuzzCase request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(timeout)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return ResponseChecks.check(request, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        catch (HttpTimeoutException e) {
            return new ResponseChecks.Verdict("no answer", List.of("no answer within " + timeout.toSeconds() + " s"));
        }
        catch (IOException e) {
            // the service may close the connection on a refused body it does not read (413): that is an answer
            return request.body().length > 8 * 1024 * 1024 ? new ResponseChecks.Verdict("closed (body too large)", List.of())
                    : new ResponseChecks.Verdict("connection error", List.of("connection error: " + e));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ResponseChecks.Verdict("interrupted", List.of("interrupted"));
        }
    }
}
