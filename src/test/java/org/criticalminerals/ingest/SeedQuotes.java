package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;



/** Checks that every seed citation's quote stands verbatim on its cited line of its seed file. */
final class SeedQuotes {

    record Checked(int quotes, List<String> problems) {
    }

    private SeedQuotes() {
    }

    static Checked check(List<KnowledgeFile> files, Path seedsDir) {
        List<RawRecord> records = new ArrayList<>();
        files.forEach(file -> records.addAll(YamlRecords.read(file).records()));
        Map<String, String> seedFileBySource = new HashMap<>();
        for (RawRecord record : records) {
            if ("Source".equals(record.fields().get("type")) && "SEED".equals(record.fields().get("kind"))) {
                seedFileBySource.put((String) record.fields().get("id"), (String) record.fields().get("file"));
            }
        }
        Map<String, List<String>> lines = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int quotes = 0;
        for (RawRecord record : records) {
            if (!(record.fields().get("cite") instanceof List<?> citations)) {
                continue;
            }
            for (Object item : citations) {
                if (!(item instanceof Map<?, ?> citation) || !seedFileBySource.containsKey(citation.get("source"))) {
                    continue;
                }
                quotes++;
                String file = seedFileBySource.get(citation.get("source"));
                List<String> text = lines.computeIfAbsent(file, f -> read(seedsDir.resolve(f)));
                Object line = citation.get("line");
                Object quote = citation.get("quote");
                String where = record.location() + " [" + record.fields().get("id") + "] " + file + ":" + line;
                if (!(line instanceof Integer n) || n < 1 || n > text.size()) {
                    problems.add(where + ": no such line");
                }
                else if (!(quote instanceof String q) || q.isBlank() || !text.get(n - 1).contains(q)) {
                    problems.add(where + ": quote not found verbatim on that line: " + quote);
                }
            }
        }
        return new Checked(quotes, problems);
    }

    private static List<String> read(Path file) {
        try {
            return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Seed file missing: " + file, e);
        }
    }
}
