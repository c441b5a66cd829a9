package org.criticalminerals.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.criticalminerals.load.GraphQlClient;
import org.criticalminerals.load.GraphSample;
import org.criticalminerals.load.ServiceProbe;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ProfiledPlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark client of {@code tools/benchmark-reads}, three commands:
 * <ul>
 * <li>{@code capture --url U --log SERVICE-LOG --out FILE [--bolt B --password-file F] [--only PREFIX]}: reads a
 * sample of ids, builds the {@link Operations}, sends each once and reads from the service's log (its driver's
 * outgoing Bolt messages at DEBUG) the statements it sent for it ({@link StatementCapture});</li>
 * <li>{@code measure --url U --bolt B --password-file F --capture FILE --launched-ms T --pid P --out FILE}: waits for
 * the first answer of a service launched at T (cold start), then per operation {@code --warmup} and {@code --runs}
 * rounds of one GraphQL request and the captured statements over Bolt, alternating (at most {@code --max-seconds}
 * of measuring per operation), PROFILEs each statement once, and reads the service's memory;</li>
 * <li>{@code report --scales 10k,100k,1m --results DIR --out FILE [--machine TEXT]}: the Markdown report.</li>
 * </ul>
 */
public final class ReadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FIRST_ANSWER = "{ minerals(first: 1) { edges { node { id } } } }";

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ReadBenchmark capture|measure|report [options]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "capture" -> capture(options);
            case "measure" -> measure(options);
            case "report" -> report(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The file of one phase: the operations with what was captured for them. */
    record Capture(String scale, String captured, List<Operation> operations) {
    }

    private static void capture(Map<String, String> options) throws Exception {
        GraphQlClient client = new GraphQlClient(URI.create(required(options, "url")), Duration.ofSeconds(120));
        Path log = Path.of(required(options, "log"));
        long started = System.nanoTime();
        GraphSample sample = GraphSample.read(client, 2000);
        System.err.printf(Locale.ROOT, "benchmark-reads: sample of %d organizations read in %.1f s%n", sample.entities().get("organizations").size(), (System.nanoTime() - started) / 1e9);
        String only = options.getOrDefault("only", "");
        List<Operation> operations = new ArrayList<>();
        for (Operation op : Operations.build(sample, client)) {
            if (!op.name().startsWith(only) && !op.kind().startsWith(only)) {
                continue;
            }
            Thread.sleep(300); // the log quiet before
            long offset = Files.size(log);
            GraphQlClient.Answer answer = client.post(op.document(), op.variables());
            Thread.sleep(300); // the driver's last messages (COMMIT) written
            String text = read(log, offset);
            List<StatementCapture.Transaction> transactions;
            String note = answer.ok() ? null : "the capture request failed: " + answer.error() + ": " + answer.message();
            try {
                transactions = StatementCapture.transactions(text);
            }
            catch (IllegalArgumentException e) {
                transactions = List.of();
                note = "capture failed: " + e.getMessage();
            }
            if (transactions.isEmpty() && note == null) {
                note = "no statement captured";
            }
            Operation captured = op.captured(transactions, note);
            if (op.handWritten() != null && answer.data() != null && options.containsKey("bolt")) {
                captured = new Operation(captured.name(), captured.kind(), captured.anchored(), captured.document(), captured.variables(),
                        captured.transactions(), captured.handWritten(), sameData(options, captured, answer.data()));
            }
            System.err.printf(Locale.ROOT, "benchmark-reads: %-50s %d statement(s) in %d transaction(s)%s%n", op.name(), captured.statements(),
                    transactions.size(), captured.note() == null ? "" : "; " + captured.note());
            operations.add(captured);
        }
        write(Path.of(required(options, "out")), new Capture(options.getOrDefault("scale", "?"), Instant.now().toString(), operations));
    }

    private static String read(Path file, long offset) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] bytes = new byte[(int) Math.max(0, length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether the hand-written wide statement returns what the GraphQL page did: per organization, in order, its id,
     * country, investment ids and number of claims.
     */
    private static String sameData(Map<String, String> options, Operation op, JsonNode data) throws IOException {
        List<String> graphql = new ArrayList<>();
        for (JsonNode edge : data.path("organizations").path("edges")) {
            JsonNode node = edge.path("node");
            List<String> investments = new ArrayList<>();
            node.path("investments").forEach(i -> investments.add(i.path("id").asString()));
            graphql.add(node.path("id").asString() + " " + node.path("country").path("code").asString("-") + " " + investments + " " + node.path("claims").size());
        }
        List<String> bolt = new ArrayList<>();
        try (Driver driver = driver(options); Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            String statement = op.handWritten();
            for (Record row : session.executeRead(tx -> tx.run(statement == null ? "RETURN 1" : statement, op.variables()).list())) {
                List<String> investments = new ArrayList<>();
                row.get("investments").asList(v -> v.get("id").asString()).forEach(investments::add);
                String country = row.get("country").isNull() ? "-" : row.get("country").get("code").asString("-");
                bolt.add(row.get("id").asString() + " " + country + " " + investments + " " + row.get("claims").size());
            }
        }
        if (graphql.equals(bolt)) {
            return "the hand-written statement returns the same " + graphql.size() + " organizations, countries, investments and claim counts as the GraphQL page";
        }
        for (int i = 0; i < Math.max(graphql.size(), bolt.size()); i++) {
            String a = i < graphql.size() ? graphql.get(i) : "(none)";
            String b = i < bolt.size() ? bolt.get(i) : "(none)";
            if (!a.equals(b)) {
                return "the hand-written statement differs from the GraphQL page at row " + (i + 1) + ": GraphQL " + abbreviate(a) + ", statement " + abbreviate(b);
            }
        }
        return "the hand-written statement differs from the GraphQL page";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static Driver driver(Map<String, String> options) throws IOException {
        String password = Files.readString(Path.of(required(options, "password-file")), StandardCharsets.UTF_8).strip();
        return GraphDatabase.driver(required(options, "bolt"), AuthTokens.basic("neo4j", password), Config.builder().withLogging(Logging.none()).build());
    }

    /** A statement ready to send: its text and its parameters as Java values. */
    private record Ready(String query, Map<String, @Nullable Object> parameters) {
    }

    private static void measure(Map<String, String> options) throws Exception {
        Capture capture = JSON.readValue(Path.of(required(options, "capture")).toFile(), Capture.class);
        URI url = URI.create(required(options, "url"));
        long launched = Long.parseLong(required(options, "launched-ms"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        double maxSeconds = Double.parseDouble(options.getOrDefault("max-seconds", "40"));
        Long pid = options.containsKey("pid") ? Long.valueOf(options.get("pid")) : null;
        ServiceProbe probe = new ServiceProbe(pid);
        String started = Instant.now().toString();
        double loadAtStart = ServiceProbe.loadAverage();

        GraphQlClient client = new GraphQlClient(url, Duration.ofSeconds(120));
        long coldStart = coldStart(client, launched);
        System.err.printf(Locale.ROOT, "benchmark-reads: first answer %,d ms after the JVM launch%n", coldStart);

        List<ScaleResult.Result> results = new ArrayList<>();
        ServiceMetrics metrics = options.containsKey("metrics-key") ? new ServiceMetrics(url, options.get("metrics-key")) : null;
        try (Driver driver = driver(options)) {
            for (Operation op : capture.operations()) {
                List<List<Ready>> transactions = new ArrayList<>();
                for (StatementCapture.Transaction tx : op.transactions()) {
                    transactions.add(tx.statements().stream().map(s -> new Ready(s.query(), StatementCapture.parameters(s.parameters()))).toList());
                }
                Ready hand = op.handWritten() == null ? null : new Ready(op.handWritten(), op.variables());
                int[] errors = new int[2];
                long warming = System.nanoTime();
                for (int i = 0; i < warmup && (i == 0 || (System.nanoTime() - warming) / 1e9 < maxSeconds / 4); i++) {
                    client.post(op.document(), op.variables());
                    bolt(driver, transactions, errors, false);
                    if (hand != null) {
                        bolt(driver, List.of(List.of(hand)), errors, false);
                    }
                }
                List<Long> graphql = new ArrayList<>();
                List<Long> replay = new ArrayList<>();
                List<Long> single = new ArrayList<>();
                Map<String, Double> metricsBefore = metrics == null ? null : metrics.snapshot();
                long begin = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    GraphQlClient.Answer answer = client.post(op.document(), op.variables());
                    graphql.add(answer.nanos());
                    if (!answer.ok()) {
                        errors[0]++;
                    }
                    if (!transactions.isEmpty()) {
                        replay.add(bolt(driver, transactions, errors, true));
                    }
                    if (hand != null) {
                        single.add(bolt(driver, List.of(List.of(hand)), errors, true));
                    }
                    if ((System.nanoTime() - begin) / 1e9 > maxSeconds && i >= 4) {
                        break;
                    }
                }
                Map<String, Double> metricsAfter = metrics == null ? null : metrics.snapshot();
                long hits = dbHits(driver, transactions);
                long handHits = hand == null ? -1 : dbHits(driver, List.of(List.of(hand)));
                ScaleResult.Result result = new ScaleResult.Result(op.name(), op.kind(), op.anchored(), Timing.of(graphql), Timing.of(replay),
                        hand == null ? null : Timing.of(single), op.statements(), op.transactions().size(), hits, handHits, errors[0], errors[1], op.note(),
                        metricsBefore == null || metricsAfter == null ? null
                                : ServiceMetrics.breakdown(metricsBefore, metricsAfter, Timing.of(graphql).mean()));
                results.add(result);
                System.err.printf(Locale.ROOT, "benchmark-reads: %-50s n=%d GraphQL p50 %s ms, Bolt p50 %s ms (%s)%s%n", op.name(), result.graphql().n(),
                        Report.ms(result.graphql().p50()), Report.ms(result.bolt().p50()), Report.times(result.ratio()),
                        errors[0] + errors[1] > 0 ? "; errors " + errors[0] + " GraphQL, " + errors[1] + " Bolt" : "");
            }
        }
        double loadAtEnd = ServiceProbe.loadAverage();
        long rss = -1;
        long peak = -1;
        long heapUsed = -1;
        long heapCommitted = -1;
        if (pid != null) {
            ServiceProbe.Memory memory = probe.memory();
            rss = memory.rssKb() / 1024;
            peak = memory.peakRssKb() / 1024;
            heapUsed = memory.heapUsedKb() < 0 ? -1 : memory.heapUsedKb() / 1024;
            heapCommitted = memory.heapCommittedKb() < 0 ? -1 : memory.heapCommittedKb() / 1024;
        }
        Path out = Path.of(required(options, "out"));
        if (Boolean.parseBoolean(options.getOrDefault("merge", "false")) && Files.exists(out)) {
            // a run of some operations only (--only): they replace their earlier results, the others stay
            ScaleResult earlier = JSON.readValue(out.toFile(), ScaleResult.class);
            List<ScaleResult.Result> merged = new ArrayList<>();
            for (ScaleResult.Result old : earlier.operations()) {
                merged.add(results.stream().filter(r -> r.name().equals(old.name())).findFirst().orElse(old));
            }
            results.stream().filter(r -> earlier.operation(r.name()) == null).forEach(merged::add);
            // the scale's figures (cold start, memory, load) stay those of the whole run
            write(out, new ScaleResult(earlier.scale(), earlier.settings(), earlier.started(), earlier.loadAtStart(), earlier.loadAtEnd(),
                    earlier.coldStartMs(), earlier.rssMb(), earlier.peakRssMb(), earlier.heapUsedMb(), earlier.heapCommittedMb(), earlier.runs(),
                    earlier.warmup(), merged));
            return;
        }
        ScaleResult result = new ScaleResult(capture.scale(), options.getOrDefault("settings", ""), started, loadAtStart, loadAtEnd, coldStart, rss, peak,
                heapUsed, heapCommitted, runs, warmup, results);
        write(out, result);
    }

    /** Milliseconds from the JVM's launch to the first GraphQL answer with data (polling every 100 ms). */
    private static long coldStart(GraphQlClient client, long launchedMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
        while (System.currentTimeMillis() < deadline) {
            GraphQlClient.Answer answer = client.post(FIRST_ANSWER, Map.of());
            if (answer.ok() && answer.data() != null && answer.data().path("minerals").isObject()) {
                return System.currentTimeMillis() - launchedMs;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service gave no answer within 30 minutes");
    }

    /** Runs the transactions, each one read transaction, consuming every record; the nanoseconds it took. */
    private static long bolt(Driver driver, List<List<Ready>> transactions, int[] errors, boolean count) {
        long start = System.nanoTime();
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            for (List<Ready> tx : transactions) {
                session.executeRead(t -> {
                    for (Ready statement : tx) {
                        t.run(statement.query(), statement.parameters()).list();
                    }
                    return null;
                });
            }
        }
        catch (RuntimeException e) {
            if (count) {
                errors[1]++;
            }
        }
        return System.nanoTime() - start;
    }

    /** Database hits of one request: the sum over the PROFILE plan of each statement; -1 when a PROFILE failed. */
    private static long dbHits(Driver driver, List<List<Ready>> transactions) {
        long total = 0;
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            for (List<Ready> tx : transactions) {
                for (Ready statement : tx) {
                    ProfiledPlan plan = session.executeRead(t -> t.run(profiled(statement.query()), statement.parameters()).consume().profile());
                    if (plan == null) {
                        return -1;
                    }
                    total += hits(plan);
                }
            }
        }
        catch (RuntimeException e) {
            System.err.println("benchmark-reads: PROFILE failed: " + e.getMessage());
            return -1;
        }
        return total;
    }

    /** The statement with PROFILE in front, after any leading CYPHER options. */
    static String profiled(String query) {
        String stripped = query.stripLeading();
        if (stripped.regionMatches(true, 0, "CYPHER ", 0, 7)) {
            int line = stripped.indexOf('\n');
            return line < 0 ? "PROFILE " + stripped : stripped.substring(0, line + 1) + "PROFILE " + stripped.substring(line + 1);
        }
        return "PROFILE " + query;
    }

    static long hits(ProfiledPlan plan) {
        long total = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            total += hits(child);
        }
        return total;
    }

    private static void report(Map<String, String> options) throws IOException {
        Map<String, ScaleResult> byScale = new LinkedHashMap<>();
        Path dir = Path.of(required(options, "results"));
        for (String scale : required(options, "scales").toLowerCase(Locale.ROOT).split(",")) {
            Path file = dir.resolve("reads-" + scale.strip() + ".json");
            if (Files.exists(file)) {
                byScale.put(scale.strip(), JSON.readValue(file.toFile(), ScaleResult.class));
            }
            else {
                System.err.println("benchmark-reads: no results for " + scale + " (" + file + ")");
            }
        }
        String markdown = Report.markdown(byScale, options.get("machine"));
        System.out.print(markdown);
        Path out = Path.of(required(options, "out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
    }

    private static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value), StandardCharsets.UTF_8);
    }
}
