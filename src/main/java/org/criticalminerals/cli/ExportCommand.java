package org.criticalminerals.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the running service's graph, or part of it, as JSON Lines with provenance, from {@code GET /export}.
 * Restore it into an empty instance with {@code tools/import FILE --batch restore --restore} (a curator key).
 *
 * <pre>tools/export [--type Organization]… [--batch NAME] [--source ID] [--changed-since 2026-12-01T00:00:00Z] [--out FILE]</pre>
 */
public final class ExportCommand {

    private ExportCommand() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("CMG_URL", "http://localhost:8080");
        List<String> query = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--type" -> query.add("type=" + encode(args[++i]));
                case "--batch" -> query.add("batch=" + encode(args[++i]));
                case "--source" -> query.add("source=" + encode(args[++i]));
                case "--changed-since" -> query.add("changedSince=" + encode(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--url" -> url = args[++i];
                default -> {
                    System.err.println("usage: tools/export [--type T]… [--batch B] [--source S] [--changed-since ISO] [--out FILE] [--url URL]");
                    System.exit(2);
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/export" + (query.isEmpty() ? "" : "?" + String.join("&", query)))).GET();
        String key = System.getenv("CMG_API_KEY");
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (IOException e) {
            System.err.println("export: cannot reach " + url + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (response.statusCode() != 200) {
            System.err.println("export: HTTP " + response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            System.exit(1);
        }
        long bytes;
        try (InputStream in = response.body(); OutputStream target = out == null ? System.out : Files.newOutputStream(out)) {
            bytes = in.transferTo(target);
        }
        if (out != null) {
            System.err.printf("exported %,d bytes to %s%n", bytes, out);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
