package org.criticalminerals.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.criticalminerals.generator.PartnerFileGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed partner files for {@code POST /import}, in the four formats it reads (JSON Lines, CSV, YAML and
 * a JSON list): valid records of the partner-file generator, broken — broken syntax, wrong types, huge
 * numbers, byte-order marks, mixed line endings, missing fields, duplicate ids, hostile strings, invalid
 * UTF-8. A file meant for a real (not dry) import always holds a record whose id can never be valid, so that
 * the service must reject it whole and write nothing.
 */
final class ImportFiles {

    /** A generated file: its content type, bytes, whether it is sure to be rejected, and the strings it carries. */
    record File(String format, String contentType, byte[] body, boolean poisoned, List<String> mutations, List<String> strings) {
    }

    /** The record that no import may accept: its id is not a slug. */
    static final Map<String, Object> POISON = Map.of("type", "Organization", "id", "' OR 1=1 // poison", "name", "poison", "kind", "Company",
            "cite", List.of(Map.of("source", "gen-partner-feed", "statement", "poison")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Map<String, Object>> base;

    ImportFiles(long seed) {
        StringWriter lines = new StringWriter();
        try {
            PartnerFileGenerator.generate(seed, 15, lines);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines.toString().split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
            }
        }
        this.base = records;
    }

    File generate(SplittableRandom random, boolean poison, Scale scale) {
        List<Map<String, Object>> records = sample(random, scale);
        List<String> mutations = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        int structural = 1 + random.nextInt(3);
        for (int i = 0; i < structural; i++) {
            mutations.add(mutateRecords(random, records, strings, scale));
        }
        if (poison) {
            records.add(random.nextInt(records.size() + 1), new LinkedHashMap<>(POISON));
        }
        String format = HostileValues.pick(random, List.of("jsonl", "jsonl", "csv", "yaml", "json"));
        String text = switch (format) {
            case "csv" -> csv(random, records);
            case "yaml" -> yaml(random, records);
            case "json" -> json(records);
            default -> jsonLines(records);
        };
        int textual = random.nextInt(3);
        for (int i = 0; i < textual; i++) {
            String before = text;
            text = mutateText(random, text, mutations, scale);
            if (poison && !text.contains("poison")) {
                text = before; // a cut that dropped the poison would leave a file that may be valid
            }
        }
        byte[] body = encode(random, text, mutations);
        String contentType = switch (format) {
            case "csv" -> "text/csv";
            case "yaml" -> random.nextBoolean() ? "application/yaml" : "text/yaml";
            case "json" -> "application/json";
            default -> HostileValues.pick(random, List.of("application/x-ndjson", "application/jsonl", "application/json-lines"));
        };
        return new File(format, contentType, body, poison, mutations, strings);
    }

    /** The source first (every record cites it), then a few records of any type. */
    private List<Map<String, Object>> sample(SplittableRandom random, Scale scale) {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(copy(base.get(0)));
        int count = random.nextInt(10) == 0 ? scale.importRecords() / 3 + random.nextInt(scale.importRecords() * 2 / 3) : 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            records.add(copy(HostileValues.pick(random, base.subList(1, base.size()))));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> record) {
        return (Map<String, Object>) deepCopy(record);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ImportFiles::deepCopy).toList());
        }
        return value;
    }

    /** One mutation of the records' content; says which. */
    private String mutateRecords(SplittableRandom random, List<Map<String, Object>> records, List<String> strings, Scale scale) {
        Map<String, Object> record = records.get(random.nextInt(records.size()));
        List<String> fields = new ArrayList<>(record.keySet());
        String field = HostileValues.pick(random, fields);
        switch (random.nextInt(11)) {
            case 0 -> {
                record.put(field, wrongType(random));
                return "wrong-type";
            }
            case 1 -> {
                String numeric = HostileValues.pick(random, List.of("amount", "quantity", "year", "value", "volume", "line", "partyCount"));
                record.put(numeric, new Value.Number(HostileValues.pick(random, HostileValues.NUMBERS)));
                return "huge-number";
            }
            case 2 -> {
                record.remove(HostileValues.pick(random, List.of("type", "id", "cite", "name", "kind")));
                return "missing-field";
            }
            case 3 -> {
                Map<String, Object> twin = copy(record);
                twin.put("name", "Twin " + twin.get("name"));
                records.add(random.nextInt(records.size() + 1), twin);
                return "duplicate-id";
            }
            case 4 -> {
                String hostile = HostileValues.string(random, scale.giantString());
                strings.add(hostile);
                record.put(field.equals("type") ? "name" : field, hostile);
                return "hostile-string";
            }
            case 5 -> {
                String hostile = HostileValues.string(random);
                strings.add(hostile);
                record.put("id", hostile);
                return "hostile-id";
            }
            case 6 -> {
                record.put("type", HostileValues.pick(random, List.of("Nope", "organization", "Entity", "Claim", "ImportBatch", "' OR 1=1 //", "")));
                return "unknown-type";
            }
            case 7 -> {
                String hostile = HostileValues.string(random);
                strings.add(hostile);
                record.put("cite", List.of(Map.of("source", hostile, "line", new Value.Number(HostileValues.pick(random, HostileValues.NUMBERS)),
                        "quote", HostileValues.pick(random, HostileValues.UNICODE))));
                return "bad-citation";
            }
            case 8 -> {
                record.put("unknownField" + random.nextInt(3), HostileValues.string(random));
                return "unknown-field";
            }
            case 9 -> {
                record.put(field, new Value.Raw("[".repeat(2_000) + "\"x\"" + "]".repeat(2_000)));
                return "deep-nesting";
            }
            default -> {
                String reference = HostileValues.pick(random, List.of("target", "policy", "mineral", "country", "investors", "partOf", "buyer"));
                record.put(reference, HostileValues.pick(random, List.of("gen-does-not-exist", "ZZ", "knowledge-base", "sojitz")));
                return "dangling-reference";
            }
        }
    }

    private static Object wrongType(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> 5;
            case 1 -> List.of(1, List.of(2));
            case 2 -> Map.of("a", Map.of("b", 1));
            case 3 -> true;
            case 4 -> new Value.Null();
            case 5 -> new Value.Number("1e400");
            default -> "";
        };
    }

    /** One mutation of the file's text; says which. */
    private String mutateText(SplittableRandom random, String text, List<String> mutations, Scale scale) {
        String kind;
        String result;
        switch (random.nextInt(10)) {
            case 0 -> {
                kind = "truncated";
                result = text.substring(0, random.nextInt(Math.max(1, text.length())));
            }
            case 1 -> {
                kind = "crlf";
                result = text.replace("\n", "\r\n");
            }
            case 2 -> {
                kind = "mixed-line-endings";
                StringBuilder mixed = new StringBuilder();
                for (String line : text.split("\n", -1)) {
                    mixed.append(line).append(HostileValues.pick(random, List.of("\n", "\r\n", "\r", "\n\n", "\u2028", "\u0085")));
                }
                result = mixed.toString();
            }
            case 3 -> {
                kind = "garbage-line";
                int at = text.indexOf('\n', random.nextInt(Math.max(1, text.length())));
                String garbage = HostileValues.pick(random, List.of("{\"type\":", "}{", "[", "]]", "\"unterminated", "{'single': 'quotes'}", "NaN",
                        "{\"a\":1,}", "// comment", "\t- tab: indented", "\u0000\u0000", "key: [unclosed", "\"a\",\"b", ",,,,", "---", "..."));
                result = at < 0 ? text + "\n" + garbage : text.substring(0, at + 1) + garbage + "\n" + text.substring(at + 1);
            }
            case 4 -> {
                kind = "bom-inside";
                int at = random.nextInt(Math.max(1, text.length()));
                result = text.substring(0, at) + "\uFEFF" + text.substring(at);
            }
            case 5 -> {
                kind = "blank-lines";
                result = "\n\n   \n" + text.replace("\n", "\n\n \t\n") + "\n\n\n";
            }
            case 6 -> {
                kind = "empty";
                result = HostileValues.pick(random, List.of("", " ", "\n", "\r\n", "\uFEFF", "[]", "{}", "null", "---", "\n".repeat(10_000)));
            }
            case 7 -> {
                kind = "long-line";
                result = text + "\n{\"type\":\"Organization\",\"id\":\"gen-long\",\"name\":\"" + "x".repeat(scale.longLine()) + "\"}\n";
            }
            case 8 -> {
                kind = "unbalanced";
                result = text.replaceFirst("\\}", "").replaceFirst("\"", "");
            }
            default -> {
                kind = "control-characters";
                result = text.replace(" ", "\u0000").replace(",", "\u001B,");
            }
        }
        mutations.add(kind);
        return result;
    }

    /** UTF-8 mostly; sometimes a BOM, UTF-16 or bytes that are not UTF-8 at all. */
    private static byte[] encode(SplittableRandom random, String text, List<String> mutations) {
        int kind = random.nextInt(12);
        if (kind == 0) {
            mutations.add("utf8-bom");
            return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            mutations.add("utf16");
            return ("\uFEFF" + text).getBytes(random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (kind == 2 && utf8.length > 0) {
            mutations.add("invalid-utf8");
            byte[] broken = utf8.clone();
            byte[] bad = HostileValues.pick(random, List.of(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC0, (byte) 0x80 },
                    new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xE2, (byte) 0x82 }));
            int at = random.nextInt(broken.length);
            System.arraycopy(bad, 0, broken, at, Math.min(bad.length, broken.length - at));
            return broken;
        }
        return utf8;
    }

    private static String jsonLines(List<Map<String, Object>> records) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> record : records) {
            out.append(Json.write(record)).append('\n');
        }
        return out.toString();
    }

    private static String json(List<Map<String, Object>> records) {
        return Json.write(records);
    }

    /** A YAML list: block style with JSON-like (flow) values, or one flow mapping per item. */
    private static String yaml(SplittableRandom random, List<Map<String, Object>> records) {
        StringBuilder out = new StringBuilder(random.nextInt(4) == 0 ? "%YAML 1.1\n---\n" : "");
        boolean flow = random.nextBoolean();
        for (Map<String, Object> record : records) {
            if (flow) {
                out.append("- ").append(Json.write(record)).append('\n');
                continue;
            }
            boolean first = true;
            for (Map.Entry<String, Object> field : record.entrySet()) {
                out.append(first ? "- " : "  ").append(field.getKey()).append(": ").append(yamlValue(random, field.getValue())).append('\n');
                first = false;
            }
        }
        if (random.nextInt(5) == 0) {
            out.append(HostileValues.pick(random, List.of(
                    // a billion laughs: nine levels of ten aliases
                    "- &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n- &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                            + "- &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n- &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n- &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                            + "- &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n- &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n- &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
                    "- !!java.net.URL [\"http://localhost:1/\"]\n", "- !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n",
                    "- type: Organization\n  id: gen-x\n  id: gen-y\n", "- <<: *undefined\n", "- type: Country\n  id: NO\n  name: Norway\n",
                    "- {type: Organization, id: gen-z, name: .nan, kind: .inf}\n", "- !!binary aGVsbG8=\n", "- ? [complex, key]\n  : value\n",
                    "---\n- second: document\n", "\t- tab: indented\n")));
        }
        return out.toString();
    }

    private static String yamlValue(SplittableRandom random, Object value) {
        if (value instanceof String text && random.nextInt(3) == 0 && text.matches("[A-Za-z0-9 _-]+")) {
            return text; // plain scalars where they are plain
        }
        return Json.write(value);
    }

    /** CSV of one record type (the first after the source), a header of its fields and one citation column pair. */
    private static String csv(SplittableRandom random, List<Map<String, Object>> records) {
        Object type = records.size() > 1 ? records.get(1).get("type") : "Organization";
        List<Map<String, Object>> rows = records.stream().filter(r -> java.util.Objects.equals(r.get("type"), type) || r.containsKey("poison")
                || String.valueOf(r.get("id")).contains("poison")).toList();
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            row.keySet().stream().filter(k -> !k.equals("cite")).forEach(columns::add);
        }
        columns.add("cite.source");
        columns.add("cite.statement");
        if (random.nextInt(8) == 0) {
            columns.add(HostileValues.pick(random, List.of("=cmd|' /C calc'!A0", "cite.", "claims.", "type", "", "id")));
        }
        String separator = random.nextInt(15) == 0 ? ";" : ",";
        StringBuilder out = new StringBuilder(String.join(separator, columns)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object cell = column.startsWith("cite.") ? citation(row, column.substring(5)) : row.get(column);
                cells.add(cell(cell));
            }
            if (random.nextInt(15) == 0) {
                cells.remove(cells.size() - 1); // a ragged row
            }
            out.append(String.join(separator, cells)).append('\n');
        }
        return out.toString();
    }

    private static Object citation(Map<String, Object> row, String field) {
        return row.get("cite") instanceof List<?> cite && !cite.isEmpty() && cite.get(0) instanceof Map<?, ?> first ? first.get(field) : null;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String s && !s.contains("|"))) {
            text = String.join("|", list.stream().map(String::valueOf).toList());
        }
        else if (value instanceof String s) {
            text = s;
        }
        else {
            text = Json.write(value);
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
