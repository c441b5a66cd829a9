package org.criticalminerals.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The long part of the hostile-input fuzz, against a running service: reads the graph's counts over Bolt,
 * sends the inputs, prints the outcomes per category, and checks that the counts are unchanged and that a
 * known query answers as before. Exit status 0 when every rule held, 1 when one broke, 2 on a usage error.
 *
 * <pre>tools/fuzz --inputs 20000 --seed 7 [--from 0] [--threads 4] [--url http://localhost:8080] [--bolt bolt://localhost:7687]
 *   keys: CMG_FUZZ_READER_KEY, CMG_FUZZ_PARTNER_KEY (or CMG_API_KEY), CMG_FUZZ_CURATOR_KEY; Bolt password: NEO4J_PASSWORD or --password-file</pre>
 */
public final class FuzzCommand {

    /** A read whose answer must be the same before and after the run, whatever the graph holds. */
    static final String KNOWN_QUERY = "{ organizations(first: 5) { totalCount edges { node { id name country { id } } } } }";

    private FuzzCommand() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("CMG_URL", "http://localhost:8080");
        String bolt = null;
        long inputs = 20_000;
        long seed = 1;
        long from = 0;
        int threads = 4;
        Duration timeout = Duration.ofMinutes(2);
        Path passwordFile = Path.of("data", "bolt-password");
        Path dump = null;
        Scale scale = Scale.FULL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--bolt" -> bolt = args[++i];
                case "--inputs" -> inputs = parseCount(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args[++i].replaceFirst("s$", "")));
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                case "--scale" -> scale = Scale.named(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        String partner = System.getenv().getOrDefault("CMG_FUZZ_PARTNER_KEY", System.getenv("CMG_API_KEY"));
        FuzzCases.Keys keys = new FuzzCases.Keys(System.getenv("CMG_FUZZ_READER_KEY"), partner, System.getenv("CMG_FUZZ_CURATOR_KEY"));
        if (dump != null) {
            dump(new FuzzCases(seed, keys, scale), from, inputs, dump);
            return;
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if ((password == null || password.isBlank()) && Files.isReadable(passwordFile)) {
            password = Files.readString(passwordFile).strip();
        }
        if (bolt == null) {
            bolt = "bolt://localhost:" + System.getenv().getOrDefault("CMG_BOLT_PORT", "7687");
        }
        System.out.printf("fuzz: %s, Bolt %s; keys: reader %s, partner %s, curator %s%n", url, bolt, present(keys.reader()), present(keys.partner()),
                present(keys.curator()));
        URI base = URI.create(url);
        String knownBefore = known(base);
        if (knownBefore == null) {
            System.err.println("fuzz: " + url + " does not answer " + KNOWN_QUERY + "; is the service running and ready?");
            System.exit(2);
        }
        GraphCounts before = GraphCounts.read(bolt, "neo4j", password);
        FuzzRun.Report report = new FuzzRun(base, new FuzzCases(seed, keys, scale), threads, timeout).run(seed, from, inputs);
        GraphCounts after = GraphCounts.read(bolt, "neo4j", password);
        String knownAfter = known(base);
        System.out.print(report.text());
        String changed = before.differences(after);
        System.out.printf("%ngraph: %d labels and relationship types counted, %s%n", before.kinds(), changed.isEmpty() ? "unchanged" : "CHANGED:\n" + changed);
        boolean answers = knownBefore.equals(knownAfter);
        System.out.println("known query after the run: " + (answers ? "same answer as before" : "DIFFERENT: " + knownAfter));
        System.exit(report.failureCount() == 0 && changed.isEmpty() && answers ? 0 : 1);
    }

    /** Writes the requests instead of sending them: {@code <index>.txt} (request line and headers) and {@code <index>.body}. */
    private static void dump(FuzzCases cases, long from, long inputs, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (long index = from; index < from + inputs; index++) {
            FuzzCase request = cases.get(index);
            Files.writeString(directory.resolve(index + ".txt"), request.category() + "\n" + request.method() + " " + request.path() + "\n"
                    + request.headers() + "\n");
            Files.write(directory.resolve(index + ".body"), request.body());
        }
        System.out.println("fuzz: wrote " + inputs + " requests to " + directory + "; schema reached: " + cases.coverage());
        List<String> unreached = cases.unreached();
        if (!unreached.isEmpty()) {
            System.out.println("not reached: " + String.join(", ", unreached.subList(0, Math.min(40, unreached.size()))) + (unreached.size() > 40 ? " …" : ""));
        }
    }

    /** The known query's answer, or null when the service does not give one without errors. */
    static @Nullable String known(URI base) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/graphql")).timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("query", KNOWN_QUERY)))).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().strip();
            return response.statusCode() == 200 && body.startsWith("{\"data\"") && !body.contains("\"errors\"") ? body : null;
        }
        catch (IOException e) {
            return null;
        }
    }

    private static String present(@Nullable String key) {
        return key == null || key.isBlank() ? "none" : "set";
    }

    private static long parseCount(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace("_", "");
        return lower.endsWith("k") ? Long.parseLong(lower.substring(0, lower.length() - 1)) * 1000 : Long.parseLong(lower);
    }

    private static void usage(String problem) {
        System.err.println("fuzz: " + problem);
        System.err.println("usage: tools/fuzz [--inputs 20000] [--seed 1] [--from 0] [--threads 4] [--url http://localhost:8080] [--bolt bolt://localhost:7687]"
                + " [--password-file data/bolt-password] [--timeout 120s] [--scale full|fast] [--dump DIR: write the requests, send nothing]");
        System.exit(2);
    }
}
