package org.criticalminerals.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one record of the knowledge-base format per line, read line by line. Problems are reported by
 * line ({@code file:12}). Blank lines are skipped.
 */
final class JsonLinesRecords implements RecordSource {

    /** Made once: a mapper's readValue resolves its reader for every line. */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build().readerFor(Object.class);

    private final String name;

    private final Path file;

    JsonLinesRecords(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Consumer<RawRecord> records, Consumer<Rejection> problems) throws IOException {
        readUnparsed(line -> line.parse(records, problems));
    }

    /** Each line as it is read; parsed when taken. */
    @Override
    public void readUnparsed(Consumer<Unparsed> each) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    String text = line;
                    int at = number;
                    each.accept((records, problems) -> parse(name + ":" + at, text, records, problems));
                }
            }
        }
    }

    private static void parse(String location, String line, Consumer<RawRecord> records, Consumer<Rejection> problems) {
        try {
            Object value = JSON.readValue(line);
            if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                records.accept(new RawRecord(location, fields));
            }
            else {
                problems.accept(new Rejection(location, null, null, "a line must hold one record: a JSON object"));
            }
        }
        catch (JacksonException e) {
            problems.accept(new Rejection(location, null, null, "not valid JSON: " + e.getOriginalMessage()));
        }
    }
}
