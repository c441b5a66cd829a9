package org.criticalminerals.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Backs up a running service into one file: a zip of the export ({@code GET /export}, every fact and claim with
 * its provenance) and a manifest with its SHA-256, its lines and the store's counts per label and relationship
 * type ({@code POST /cypher}, so a key with the reader role or above). The counts are taken before and after the
 * export; when they differ the graph changed meanwhile and the backup is taken again (at most {@value #ATTEMPTS}
 * times). {@code tools/restore} loads the file into a new data directory and checks the counts.
 * Exit status 0 written, 1 failed (nothing is left at the target), 2 usage or connection error.
 *
 * <pre>CMG_API_KEY=&lt;reader key&gt; tools/backup --out backup.zip [--url http://localhost:8080]</pre>
 */
public final class BackupCommand {

    public static final String EXPORT_ENTRY = "export.jsonl";

    public static final String MANIFEST_ENTRY = "manifest.json";

    public static final String FORMAT = "critical-minerals-graph-backup/1";

    /**
     * The store's counts as the manifest keeps them: live nodes per label ({@code :Label}) and relationships between
     * live nodes per type ({@code -TYPE-}), tombstones of removed facts and the database's own bookkeeping (schema
     * migrations, which the restoring version applies itself; import leases) left out. A tombstone is the one node
     * with no label but {@code Entity} (its type labels go when it is removed): told by its labels, not by its
     * {@code removedAt}, so that no property is read and the count stays within {@code POST /cypher}'s time budget. The
     * backup and the restore run this one statement.
     */
    public static final String COUNTS = """
            CALL () {
              MATCH (n) WHERE labels(n) <> ['Entity']
              UNWIND labels(n) AS label
              WITH label WHERE NOT label IN ['SchemaMigration', 'RunningImport', 'StartupLock']
              RETURN ':' + label AS key, count(*) AS n
              UNION ALL
              MATCH (a)-[r]->(b) WHERE labels(a) <> ['Entity'] AND labels(b) <> ['Entity']
              RETURN '-' + type(r) + '-' AS key, count(*) AS n
            }
            RETURN key, n ORDER BY key""";

    static final int ATTEMPTS = 3;

    private BackupCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv("CMG_API_KEY"), System.getenv().getOrDefault("CMG_URL", "http://localhost:8080"), System.err));
    }

    /** The command without its exit: the status it ends with. */
    public static int run(List<String> args, @Nullable String key, String defaultUrl, PrintStream log) {
        String url = defaultUrl;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--out") || arg.equals("--url")) && i + 1 < args.size()) {
                if (arg.equals("--out")) {
                    out = Path.of(args.get(++i));
                }
                else {
                    url = args.get(++i);
                }
            }
            else {
                return usage(log, "unknown argument " + arg);
            }
        }
        if (out == null) {
            return usage(log, "give --out FILE (a .zip)");
        }
        if (key == null || key.isBlank()) {
            return usage(log, "set CMG_API_KEY to a key with the reader role or above (the counts are read through POST /cypher)");
        }
        if (Files.exists(out)) {
            return usage(log, out + " exists; give a new file");
        }
        Backup backup = new Backup(url.replaceAll("/+$", ""), key, log);
        try {
            return backup.writeTo(out);
        }
        catch (IOException e) {
            log.println("backup: cannot reach " + url + ": " + e.getMessage());
            return 2;
        }
        catch (Failed e) {
            log.println("backup: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream log, String problem) {
        log.println("backup: " + problem);
        log.println("usage: tools/backup --out FILE.zip [--url URL]   (CMG_API_KEY=<reader, partner or curator key>; CMG_URL)");
        return 2;
    }

    /** The service answered, but not with a backup. */
    private static final class Failed extends Exception {

        Failed(String message) {
            super(message);
        }
    }

    private record Export(long lines, long bytes, String sha256) {
    }

    private record Backup(String url, String key, PrintStream log) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

        int writeTo(Path out) throws IOException, Failed {
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            try {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    long started = System.nanoTime();
                    Map<String, Long> before = counts();
                    Export export;
                    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                        zip.putNextEntry(new ZipEntry(EXPORT_ENTRY));
                        export = export(zip);
                        zip.closeEntry();
                        Map<String, Long> after = counts();
                        if (!after.equals(before)) {
                            log.printf("backup: the graph changed during the export (attempt %d of %d): %s; trying again%n", attempt, ATTEMPTS,
                                    differences(before, after));
                            continue;
                        }
                        zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                        zip.write(manifest(export, after).getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                    Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
                    long nodes = before.entrySet().stream().filter(e -> e.getKey().equals(":Entity") || e.getKey().equals(":Claim"))
                            .mapToLong(Map.Entry::getValue).sum();
                    log.printf("backup: %s: %,d lines (%,d bytes, sha256 %s…) in %,d bytes, %,d facts and claims, in %.1f s%n", out, export.lines(),
                            export.bytes(), export.sha256().substring(0, 12), Files.size(out), nodes, (System.nanoTime() - started) / 1e9);
                    return 0;
                }
                throw new Failed("the graph kept changing during " + ATTEMPTS + " exports; back up when no import runs");
            }
            finally {
                Files.deleteIfExists(partial);
            }
        }

        /** Streams the export into the zip entry, with its SHA-256 and line count. */
        private Export export(OutputStream zip) throws IOException, Failed {
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(url + "/export")).header("Authorization", "Bearer " + key).GET());
            MessageDigest digest = sha256();
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    zip.write(buffer, 0, read);
                    digest.update(buffer, 0, read);
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new Export(lines, bytes, HexFormat.of().formatHex(digest.digest()));
        }

        /** The store's counts ({@link #COUNTS}) through {@code POST /cypher}, as CSV: {@code key,n} lines. */
        private Map<String, Long> counts() throws IOException, Failed {
            for (int attempt = 1; ; attempt++) {
                try {
                    return countsOnce();
                }
                catch (Failed e) {
                    // a cold page cache on a busy machine can take the first count past the budget; the next runs warm
                    if (attempt == ATTEMPTS || !e.getMessage().contains("\"TIMEOUT\"")) {
                        throw e;
                    }
                    log.printf("backup: counting the store ran out of POST /cypher's time budget (attempt %d of %d); trying again%n", attempt,
                            ATTEMPTS);
                }
            }
        }

        private Map<String, Long> countsOnce() throws IOException, Failed {
            String body = "{\"statement\": " + json(COUNTS) + ", \"format\": \"csv\"}";
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(url + "/cypher")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            String csv;
            try (InputStream in = response.body()) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!"false".equals(response.headers().firstValue("CMG-Truncated").orElse("false"))) {
                throw new Failed("the counts were cut at the row limit of POST /cypher (CMG_CYPHER_ROW_LIMIT)");
            }
            Map<String, Long> counts = new TreeMap<>();
            List<String> lines = csv.lines().skip(1).filter(line -> !line.isBlank()).toList(); // after the header
            for (String line : lines) {
                int comma = line.lastIndexOf(',');
                counts.put(line.substring(0, comma), Long.parseLong(line.substring(comma + 1).trim()));
            }
            return counts;
        }

        private HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException, Failed {
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (response.statusCode() != 200) {
                String answer;
                try (InputStream in = response.body()) {
                    answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String hint = response.statusCode() == 401 || response.statusCode() == 403
                        ? " (CMG_API_KEY must be a key of this service with the reader role or above)" : "";
                throw new Failed(request.build().method() + " " + request.build().uri().getPath() + ": HTTP " + response.statusCode() + hint + ": "
                        + answer);
            }
            return response;
        }

        private String manifest(Export export, Map<String, Long> counts) {
            StringBuilder json = new StringBuilder();
            json.append("{\n  \"format\": ").append(json(FORMAT)).append(",\n  \"createdAt\": ").append(json(Instant.now().toString()))
                    .append(",\n  \"service\": ").append(json(url)).append(",\n  \"export\": {\"entry\": ").append(json(EXPORT_ENTRY))
                    .append(", \"lines\": ").append(export.lines()).append(", \"bytes\": ").append(export.bytes()).append(", \"sha256\": ")
                    .append(json(export.sha256())).append("},\n  \"counts\": {");
            String separator = "\n    ";
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                json.append(separator).append(json(count.getKey())).append(": ").append(count.getValue());
                separator = ",\n    ";
            }
            return json.append("\n  }\n}\n").toString();
        }
    }

    /** Each count that differs, as "expected → actual" (0 where one side has none); empty when they are equal. */
    public static Map<String, String> differences(Map<String, Long> expected, Map<String, Long> actual) {
        Map<String, String> differences = new TreeMap<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            long want = expected.getOrDefault(key, 0L);
            long got = actual.getOrDefault(key, 0L);
            if (want != got) {
                differences.put(key, want + " → " + got);
            }
        }
        return differences;
    }

    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
