package org.criticalminerals.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a partner file into the running service: streams it to {@code POST /import} and shows the progress
 * the service reports (records done, records per second, time left), then the report. Exit status 0 when
 * imported, 1 when rejected (every problem is listed; nothing was written), 2 on a usage or connection error.
 *
 * <pre>tools/import FILE --batch NAME [--dry-run] [--replace] [--type Organization] [--url http://localhost:8080] (key: CMG_API_KEY)</pre>
 */
public final class ImportCommand {

    private static final Pattern NUMBER = Pattern.compile("\"(done|total|seconds)\":([0-9.]+)");

    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");

    private static final Pattern PHASE = Pattern.compile("\"phase\":\"([a-z]+)\"");

    private ImportCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        String batch = null;
        String url = System.getenv().getOrDefault("CMG_URL", "http://localhost:8080");
        String type = null;
        boolean dryRun = false;
        boolean replace = false;
        boolean restore = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = args[++i];
                case "--url" -> url = args[++i];
                case "--type" -> type = args[++i];
                case "--dry-run" -> dryRun = true;
                case "--replace" -> replace = true;
                case "--restore" -> restore = true;
                default -> file = Path.of(args[i]);
            }
        }
        String key = System.getenv("CMG_API_KEY");
        if (file == null || batch == null || !Files.isRegularFile(file)) {
            usage("give a file and --batch (a file that exists)");
        }
        if (key == null || key.isBlank()) {
            usage("set CMG_API_KEY to a partner or curator key");
        }
        String query = "batch=" + URLEncoder.encode(batch, StandardCharsets.UTF_8) + (dryRun ? "&dryRun=true" : "") + (replace ? "&replace=true" : "")
                + (restore ? "&restore=true" : "") + (type == null ? "" : "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/import?" + query))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType(file)).header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build().send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (IOException e) {
            System.err.println("import: cannot reach " + url + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (response.statusCode() != 200) {
            System.err.println("import: HTTP " + response.statusCode());
            System.err.println(new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            System.exit(response.statusCode() == 422 ? 1 : 2);
        }
        int status = 2;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            String last = "";
            while ((line = lines.readLine()) != null) {
                if (line.contains("\"phase\"")) {
                    last = progress(line);
                    System.err.print("\r" + last);
                }
                else {
                    if (!last.isEmpty()) {
                        System.err.println(); // end the progress line before the report
                    }
                    System.out.println(line);
                    Matcher matcher = STATUS.matcher(line);
                    status = matcher.find() && matcher.group(1).equals("200") ? 0 : 1;
                }
            }
        }
        System.exit(status);
    }

    /** One progress line: phase, records done of total, records per second, time left. */
    static String progress(String json) {
        Matcher phase = PHASE.matcher(json);
        double done = 0;
        double total = 0;
        double seconds = 0;
        Matcher numbers = NUMBER.matcher(json);
        while (numbers.find()) {
            switch (numbers.group(1)) {
                case "done" -> done = Double.parseDouble(numbers.group(2));
                case "total" -> total = Double.parseDouble(numbers.group(2));
                case "seconds" -> seconds = Double.parseDouble(numbers.group(2));
                default -> { }
            }
        }
        return progress(phase.find() ? phase.group(1) : "?", done, total, seconds);
    }

    /** One progress line of a phase that has done {@code done} of {@code total} records (0: not known yet) in {@code seconds}. */
    static String progress(String phase, double done, double total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 && total > done ? String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate) : "";
        // the first pass counts the file, so its total is not known yet
        String of = total > 0 ? String.format(Locale.ROOT, " / %,.0f", total) : "";
        return String.format(Locale.ROOT, "%-10s %,12.0f%s records  %,9.0f records/s%s    ", phase, done, of, rate, left);
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/yaml";
    }

    private static void usage(String problem) {
        System.err.println("import: " + problem);
        System.err.println("usage: tools/import FILE --batch NAME [--dry-run] [--replace] [--type TYPE] [--url URL]   (CMG_API_KEY=<key>)");
        System.exit(2);
    }
}
