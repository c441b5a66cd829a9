package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * Each line as it is read, as bytes (JSON is parsed faster from UTF-8 than from decoded text, and the reading
     * thread decodes nothing); parsed when taken. Lines end as {@link java.io.BufferedReader#readLine} ends them: at a
     * line feed, a carriage return, or both.
     */
    @Override
    public void readUnparsed(Consumer<Unparsed> each) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            byte[] rest = new byte[1 << 10];
            int restLength = 0;
            int number = 0;
            boolean afterCarriageReturn = false;
            int read;
            while ((read = in.read(chunk)) != -1) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == '\n' && afterCarriageReturn) {
                        from = i + 1; // the line feed of a CR LF
                        afterCarriageReturn = false;
                        continue;
                    }
                    afterCarriageReturn = false;
                    if (b == '\n' || b == '\r') {
                        byte[] line = new byte[restLength + i - from];
                        System.arraycopy(rest, 0, line, 0, restLength);
                        System.arraycopy(chunk, from, line, restLength, i - from);
                        restLength = 0;
                        from = i + 1;
                        afterCarriageReturn = b == '\r';
                        line(++number, line, each);
                    }
                }
                if (restLength + read - from > rest.length) {
                    rest = Arrays.copyOf(rest, Math.max(rest.length * 2, restLength + read - from));
                }
                System.arraycopy(chunk, from, rest, restLength, read - from);
                restLength += read - from;
            }
            if (restLength > 0) {
                line(++number, Arrays.copyOf(rest, restLength), each);
            }
        }
    }

    private void line(int number, byte[] line, Consumer<Unparsed> each) {
        if (!blank(line)) {
            each.accept((records, problems) -> parse(name + ":" + number, line, records, problems));
        }
    }

    /** Only white space, as {@link String#isBlank} has it (decoded only for a line that does not start as JSON does). */
    private static boolean blank(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b || b == 0x1c || b == 0x1d || b == 0x1e || b == 0x1f) {
                continue;
            }
            return b < 0 && new String(line, i, line.length - i, StandardCharsets.UTF_8).isBlank();
        }
        return true;
    }

    private static void parse(String location, byte[] line, Consumer<RawRecord> records, Consumer<Rejection> problems) {
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
