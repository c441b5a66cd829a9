package org.criticalminerals.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV (RFC 4180): one file per record type, one record per row. The header names the fields: the type's
 * own ({@code name}, {@code kind}, {@code country} …), one citation per row ({@code cite.source},
 * {@code cite.line}, {@code cite.quote}, {@code cite.statement}, {@code cite.note}) and the figures that
 * citation gives ({@code claims.amount} …); a record with several citations takes several rows with the
 * same id. A list cell is a JSON array or items separated by {@code |}; a cell holding a JSON object or
 * array (a party with its role) is read as JSON. Empty cells are absent. The type is the {@code type}
 * column, or the one the import names.
 */
final class CsvRecords implements RecordSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;

    private final Path file;

    private final @Nullable String type;

    CsvRecords(String name, Path file, @Nullable String type) {
        this.name = name;
        this.file = file;
        this.type = type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Consumer<RawRecord> records, Consumer<Rejection> problems) throws IOException {
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            CsvParser parser = new CsvParser(reader);
            List<String> header = parser.next();
            if (header == null) {
                return;
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1)); // a byte-order mark
            }
            if (type == null && !header.contains("type")) {
                problems.accept(new Rejection(name + ":1", null, "type", "a CSV file names its record type: a type column, or ?type= on the import"));
                return;
            }
            List<String> row;
            while ((row = parser.next()) != null) {
                int line = parser.recordStartLine();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                String location = name + ":" + line;
                if (row.size() != header.size()) {
                    problems.accept(new Rejection(location, null, null, "the row has " + row.size() + " cells, the header " + header.size()));
                    continue;
                }
                try {
                    records.accept(new RawRecord(location, record(header, row)));
                }
                catch (JacksonException e) {
                    problems.accept(new Rejection(location, null, null, "a cell that starts with [ or { must be JSON: " + e.getOriginalMessage()));
                }
            }
            if (parser.unterminated()) {
                problems.accept(new Rejection(name + ":" + parser.recordStartLine(), null, null, "a quoted cell is never closed"));
            }
        }
    }

    private Map<String, Object> record(List<String> header, List<String> row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (type != null) {
            fields.put("type", type);
        }
        Map<String, Object> citation = new LinkedHashMap<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            String cell = row.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            if (column.equals("type")) {
                fields.put("type", cell.strip());
            }
            else if (column.startsWith("claims.")) {
                String field = column.substring("claims.".length());
                figures.put(field, value(String.valueOf(fields.getOrDefault("type", type)), field, cell));
            }
            else if (column.startsWith("cite.")) {
                String field = column.substring("cite.".length());
                citation.put(field, field.equals("line") ? integer(cell) : cell);
            }
            else {
                fields.put(column, value(String.valueOf(fields.getOrDefault("type", type)), column, cell));
            }
        }
        if (!figures.isEmpty()) {
            citation.put("claims", figures);
        }
        if (!citation.isEmpty()) {
            fields.put("cite", List.of(citation));
        }
        return fields;
    }

    /** A cell as the record schema's field wants it: a number, a boolean, a list, JSON, or text. */
    private static Object value(String type, String field, String cell) {
        String text = cell.strip();
        if (text.startsWith("[") || text.startsWith("{")) {
            return JSON.readValue(text, Object.class);
        }
        Optional<TypeSpec> spec = RecordSchema.find(type);
        Optional<ValueField> value = spec.flatMap(s -> s.value(field));
        boolean list = field.equals("aliases") || value.map(f -> f.kind() == RecordSchema.ValueKind.TEXT_LIST
                || f.kind() == RecordSchema.ValueKind.ENUM_LIST).orElse(false) || spec.flatMap(s -> s.reference(field))
                .map(RecordSchema.Reference::many).orElse(false);
        if (list) {
            List<String> items = new ArrayList<>();
            for (String item : text.split("\\|")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }
        if (value.isPresent()) {
            switch (value.get().kind()) {
                case NUMBER, SIGNED_NUMBER, PERCENT, INTEGER -> {
                    Object number = number(text);
                    return number == null ? text : number;
                }
                case BOOLEAN -> {
                    return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
                }
                default -> {
                    return text;
                }
            }
        }
        return text;
    }

    private static @Nullable Object number(String text) {
        try {
            // digits beyond a long stay a number (BigInteger), so that the check says "out of range", not "expected a number"
            return text.matches("[-+]?\\d+") ? (Object) new java.math.BigInteger(text) : (Object) new java.math.BigDecimal(text);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object integer(String cell) {
        try {
            return Integer.valueOf(cell.strip());
        }
        catch (NumberFormatException e) {
            return cell;
        }
    }

    /** RFC 4180: commas, double quotes around cells that hold commas, quotes or line breaks, "" for a quote. */
    private static final class CsvParser {

        private final Reader reader;

        private int line = 1;

        private int recordStart = 1;

        private boolean unterminated;

        CsvParser(Reader reader) {
            this.reader = reader;
        }

        int recordStartLine() {
            return recordStart;
        }

        boolean unterminated() {
            return unterminated;
        }

        @Nullable List<String> next() throws IOException {
            recordStart = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = reader.read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int following = reader.read();
                        if (following == '"') {
                            cell.append('"');
                        }
                        else {
                            quoted = false;
                            if (following != -1) {
                                reader.reset();
                            }
                        }
                    }
                    else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                }
                else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                }
                else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                }
                else if (c == '\n') {
                    line++;
                    cells.add(cell.toString().endsWith("\r") ? cell.substring(0, cell.length() - 1) : cell.toString());
                    return cells;
                }
                else {
                    cell.append((char) c);
                }
            }
            if (quoted) {
                unterminated = true;
            }
            if (!any) {
                return null;
            }
            cells.add(cell.toString().endsWith("\r") ? cell.substring(0, cell.length() - 1) : cell.toString());
            return cells;
        }
    }
}
