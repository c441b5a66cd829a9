package org.criticalminerals.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.criticalminerals.ingest.CheckedRecord.Citation;
import org.criticalminerals.ingest.CheckedRecord.RefItem;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.criticalminerals.model.RecordSchema.ValueKind;
import org.jspecify.annotations.Nullable;

/**
 * Checks one record on its own against {@link RecordSchema}: its type, id, fields and their values,
 * references and citations. Pure: no database, no other record. Every problem is reported with the
 * record's location and the field, in words a curator or partner can act on.
 */
final class RecordChecker {

    static final int MAX_TEXT = 20_000;

    static final int MAX_LIST = 2_000;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Set<String> CITATION_FIELDS = Set.of("source", "line", "quote", "statement", "claims", "note");

    /**
     * The record as far as it could be read (its bad values left out, so that its references can still be
     * checked and every problem reported at once), or null when not even its type and id are usable; and
     * its problems. A record with problems is never written.
     */
    record Result(@Nullable CheckedRecord record, List<Rejection> rejections) {
    }

    private RecordChecker() {
    }

    static Result check(RawRecord raw) {
        return new Check(raw, false).run();
    }

    /** As {@link #check(RawRecord)}, for a restore from an export: the record may carry {@code _batch}, {@code _by} … */
    static Result check(RawRecord raw, boolean restore) {
        return new Check(raw, restore).run();
    }

    /** The fields an export adds to each record so that a restore gives back the same claims. */
    static final List<String> RESTORE_FIELDS = List.of("_batch", "_by", "_byRole", "_at", "_owner");

    /** The state of checking one record. */
    private static final class Check {

        private final RawRecord raw;

        private final List<Rejection> rejections = new ArrayList<>();

        private @Nullable String id;

        private final boolean restore;

        Check(RawRecord raw, boolean restore) {
            this.raw = raw;
            this.restore = restore;
        }

        Result run() {
            Map<String, Object> fields = raw.fields();
            Object idValue = fields.get("id");
            id = idValue instanceof String s ? s : null;
            TypeSpec spec = RecordSchema.find(fields.get("type")).orElse(null);
            if (spec == null) {
                reject("type", "unknown record type " + quoted(fields.get("type")) + "; one of " + RecordSchema.typeNames());
                return new Result(null, rejections);
            }
            if (id == null || id.length() > 100
                    || !(spec.type().equals("Country") ? ISO_COUNTRIES.contains(id) : SLUG.matcher(id).matches())) {
                reject("id", spec.type().equals("Country")
                        ? "a country id is an ISO 3166-1 alpha-2 code in capitals, e.g. JP (quote it in YAML: \"NO\"), got " + quoted(idValue)
                        : "an id is a lower-case slug of at most 100 characters like mount-weld, got " + quoted(idValue));
                return new Result(null, rejections);
            }
            for (String field : fields.keySet()) {
                if (restore && RESTORE_FIELDS.contains(field)) {
                    continue;
                }
                if (!spec.knows(field)) {
                    reject(field, "unknown field for a " + spec.type() + "; its fields: " + String.join(", ", knownFields(spec)));
                }
            }
            String name = text("name", fields.get("name"), 500);
            String nameJa = text("nameJa", fields.get("nameJa"), 500);
            List<String> aliases = texts("aliases", fields.get("aliases"));
            Map<String, Object> values = new LinkedHashMap<>();
            for (ValueField field : spec.values().values()) {
                Object value = fields.get(field.name());
                if (value != null) {
                    Object converted = convert(field.name(), field, value);
                    if (converted != null) {
                        values.put(field.name(), converted);
                    }
                }
            }
            normalizeQualifier(values);
            Map<String, List<RefItem>> references = new LinkedHashMap<>();
            for (Reference reference : spec.references()) {
                Object value = fields.get(reference.field());
                if (value != null) {
                    references.put(reference.field(), references(reference, value));
                }
            }
            List<Citation> citations = spec.shape() == Shape.SOURCE ? List.of() : citations(spec, fields.get("cite"));
            if (spec.shape() == Shape.SOURCE) {
                if (fields.get("cite") != null) {
                    reject("cite", "a source is cited, it cites nothing");
                }
                checkSource(values, name);
            }
            String retiredBecause = null;
            if (fields.get("retired") != null) {
                if (fields.get("retired") instanceof Map<?, ?> retired && retired.keySet().equals(Set.of("reason"))) {
                    retiredBecause = text("retired.reason", retired.get("reason"), MAX_TEXT);
                }
                else {
                    reject("retired", "retired is {reason: why the fact no longer holds}");
                }
                if (spec.shape() != Shape.NODE) {
                    reject("retired", "only a fact can be retired");
                }
                if (!values.isEmpty() || !references.isEmpty() || name != null || nameJa != null || !aliases.isEmpty()) {
                    reject("retired", "a record that retires a fact asserts nothing else: give only type, id, retired and cite");
                }
            }
            checkDateOrder(spec, values, "");
            citations.stream().filter(c -> !c.figures().isEmpty()).forEach(c -> checkDateOrder(spec, merged(values, c.figures()), "cite."));
            CheckedRecord.Restored restored = null;
            if (restore) {
                if (fields.get("_batch") instanceof String batch && fields.get("_by") instanceof String by && fields.get("_byRole") instanceof String role) {
                    restored = new CheckedRecord.Restored(batch, by, role, fields.get("_at") instanceof String at ? at : null,
                            fields.get("_owner") instanceof String owner ? owner : null);
                }
                else {
                    reject("_batch", "a restored record carries _batch, _by and _byRole, as an export writes them");
                }
            }
            return new Result(new CheckedRecord(raw.location(), spec, id, name, nameJa, aliases, values, references, citations,
                    retiredBecause, restored), rejections);
        }

        private void checkSource(Map<String, Object> values, @Nullable String name) {
            Object kind = values.get("kind");
            if ("SEED".equals(kind) && values.get("file") == null) {
                reject("file", "a seed source names its file");
            }
            if (kind != null && !"SEED".equals(kind) && values.get("url") == null && values.get("title") == null && name == null) {
                reject("title", "a public or partner source needs a title, a name or a url");
            }
        }

        private List<RefItem> references(Reference reference, Object value) {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            if (!reference.many() && value instanceof List<?>) {
                reject(reference.field(), "takes one id, not a list");
                return List.of();
            }
            if (items.size() > MAX_LIST) {
                reject(reference.field(), "at most " + MAX_LIST + " ids");
                return List.of();
            }
            List<RefItem> refs = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof String target && !target.isBlank()) {
                    refs.add(new RefItem(target, Map.of()));
                }
                else if (item instanceof Map<?, ?> map && !reference.itemFields().isEmpty()) {
                    Object target = map.get("party");
                    Map<String, Object> details = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        String key = String.valueOf(entry.getKey());
                        if (key.equals("party")) {
                            continue;
                        }
                        var field = reference.itemField(key);
                        if (field.isEmpty()) {
                            reject(reference.field(), "an item has party" + reference.itemFields().stream().map(f -> ", " + f.name())
                                    .reduce("", String::concat) + "; not " + key);
                            continue;
                        }
                        Object converted = entry.getValue() == null ? null : convert(reference.field() + "." + key, field.get(), entry.getValue());
                        if (converted != null) {
                            details.put(key, converted);
                        }
                    }
                    if (details.get("since") instanceof PartialDate since && details.get("until") instanceof PartialDate until
                            && since.start().isAfter(until.end())) {
                        reject(reference.field(), "party " + target + ": since " + since + " is after until " + until);
                    }
                    if (target instanceof String t && !t.isBlank()) {
                        refs.add(new RefItem(t, details));
                    }
                    else {
                        reject(reference.field(), "an item needs party: the id, got " + quoted(target));
                    }
                }
                else {
                    reject(reference.field(), "expected an id" + (reference.itemFields().isEmpty() ? "" : " or {party: id, …}") + ", got "
                            + quoted(item));
                }
            }
            return refs;
        }

        private List<Citation> citations(TypeSpec spec, @Nullable Object value) {
            if (value == null) {
                reject("cite", "no citation: every fact cites at least one source");
                return List.of();
            }
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                reject("cite", "cite must be a non-empty list of citations");
                return List.of();
            }
            if (list.size() > MAX_LIST) {
                reject("cite", "at most " + MAX_LIST + " citations");
                return List.of();
            }
            List<Citation> citations = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> citation)) {
                    reject("cite", "a citation must be a map with source, line and quote (or statement)");
                    continue;
                }
                for (Object key : citation.keySet()) {
                    if (!CITATION_FIELDS.contains(String.valueOf(key))) {
                        reject("cite", "unknown citation field " + quoted(key) + "; use " + String.join(", ", new java.util.TreeSet<>(CITATION_FIELDS)));
                    }
                }
                String source = citation.get("source") instanceof String s && !s.isBlank() ? s : null;
                if (source == null) {
                    reject("cite", "a citation needs a source: the id of a Source record");
                    continue;
                }
                Integer line = null;
                if (citation.get("line") != null) {
                    if (citation.get("line") instanceof Integer n && n >= 1) {
                        line = n;
                    }
                    else {
                        reject("cite", "line must be a line number (1 or more), got " + quoted(citation.get("line")));
                    }
                }
                String quote = text("cite.quote", citation.get("quote"), 2_000);
                String statement = text("cite.statement", citation.get("statement"), MAX_TEXT);
                String note = text("cite.note", citation.get("note"), MAX_TEXT);
                if (quote == null && statement == null) {
                    reject("cite", "a citation of " + source + " needs the exact quote from its line, or a statement of what was taken from it");
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                if (citation.get("claims") instanceof Map<?, ?> claimed) {
                    for (Map.Entry<?, ?> figure : claimed.entrySet()) {
                        ValueField field = spec.values().get(String.valueOf(figure.getKey()));
                        if (field == null) {
                            reject("cite", "claims: " + quoted(figure.getKey()) + " is not a value field of a " + spec.type());
                            continue;
                        }
                        Object converted = figure.getValue() == null ? null : convert("claims." + field.name(), field, figure.getValue());
                        if (converted != null) {
                            figures.put(field.name(), converted);
                        }
                    }
                    normalizeQualifier(figures);
                }
                else if (citation.get("claims") != null) {
                    reject("cite", "claims must be a map of field to figure");
                }
                citations.add(new Citation(source, line, quote, statement, note, figures));
            }
            return citations;
        }

        /** {@code approximate: true} is the qualifier ABOUT; one way to say it downstream. */
        private static void normalizeQualifier(Map<String, Object> values) {
            if (Boolean.TRUE.equals(values.remove("approximate"))) {
                values.putIfAbsent("qualifier", "ABOUT");
            }
        }

        private void checkDateOrder(TypeSpec spec, Map<String, Object> values, String prefix) {
            for (List<String> pair : spec.orderedDates()) {
                if (values.get(pair.get(0)) instanceof PartialDate first && values.get(pair.get(1)) instanceof PartialDate second
                        && first.start().isAfter(second.end())) {
                    reject(prefix + pair.get(1), pair.get(0) + " " + first + " is after " + pair.get(1) + " " + second);
                }
            }
        }

        private static Map<String, Object> merged(Map<String, Object> values, Map<String, Object> figures) {
            Map<String, Object> merged = new LinkedHashMap<>(values);
            merged.putAll(figures);
            return merged;
        }

        private @Nullable Object convert(String path, ValueField field, Object raw) {
            String problem;
            switch (field.kind()) {
                case TEXT -> {
                    return text(path, raw, MAX_TEXT);
                }
                case TEXT_LIST -> {
                    List<String> list = texts(path, raw);
                    return list.isEmpty() ? null : list;
                }
                case NUMBER, SIGNED_NUMBER, PERCENT, INTEGER -> {
                    if (field.kind() == ValueKind.INTEGER && raw instanceof String digits && digits.matches("\\d{1,9}")) {
                        raw = Long.valueOf(digits); // a year written as text, "2030"
                    }
                    Number number = number(raw);
                    if (number == null) {
                        problem = "expected a number";
                    }
                    else if (number instanceof Double d && (d.isNaN() || d.isInfinite() || Math.abs(d) > 1e21)) {
                        problem = "the number is out of range (at most 1e21)";
                    }
                    else if (number.doubleValue() < 0 && field.kind() != ValueKind.SIGNED_NUMBER) {
                        problem = "must not be negative";
                    }
                    else if (field.kind() == ValueKind.PERCENT && number.doubleValue() > 100) {
                        problem = "a percentage is at most 100";
                    }
                    else if (field.kind() == ValueKind.INTEGER && !(number instanceof Long)) {
                        problem = "expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
                    }
                    else {
                        return number;
                    }
                }
                case BOOLEAN -> {
                    if (raw instanceof Boolean b) {
                        return b;
                    }
                    problem = "expected true or false";
                }
                case DATE -> {
                    String text = raw instanceof Integer year ? String.valueOf(year) : raw instanceof Long year ? String.valueOf(year)
                            : raw instanceof String s ? s : null;
                    if (text == null) {
                        problem = "expected a date YYYY, YYYY-MM or YYYY-MM-DD";
                    }
                    else {
                        try {
                            return PartialDate.parse(text);
                        }
                        catch (IllegalArgumentException e) {
                            problem = e.getMessage();
                        }
                    }
                }
                case CURRENCY -> {
                    if (raw instanceof String code && code.matches("[A-Z]{3}")) {
                        try {
                            return Currency.getInstance(code).getCurrencyCode();
                        }
                        catch (IllegalArgumentException e) {
                            // reported below
                        }
                    }
                    problem = "expected an ISO 4217 currency code such as USD or JPY";
                }
                case ENUM -> {
                    if (raw instanceof String s && field.allowed().contains(s)) {
                        return s;
                    }
                    problem = "expected one of " + String.join(", ", field.allowed());
                }
                case ENUM_LIST -> {
                    if (raw instanceof List<?> list && list.size() <= MAX_LIST && list.stream().allMatch(field.allowed()::contains)) {
                        return list.isEmpty() ? null : List.copyOf(list.stream().map(String::valueOf).distinct().toList());
                    }
                    problem = "expected a list of " + String.join(", ", field.allowed());
                }
                default -> throw new IllegalStateException(field.kind().toString());
            }
            reject(path, problem + ", got " + quoted(raw));
            return null;
        }

        /** Long when whole and within range, Double otherwise; null when not a number. */
        private static @Nullable Number number(Object raw) {
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                return ((Number) raw).longValue();
            }
            if (raw instanceof BigInteger big) {
                return big.bitLength() < 64 ? (Number) big.longValue() : (Number) big.doubleValue();
            }
            if (raw instanceof BigDecimal decimal) {
                try {
                    return decimal.longValueExact();
                }
                catch (ArithmeticException e) {
                    return decimal.doubleValue();
                }
            }
            if (raw instanceof Double || raw instanceof Float) {
                double d = ((Number) raw).doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (Number) (long) d : (Number) d;
            }
            return null;
        }

        private @Nullable String text(String field, @Nullable Object raw, int maxLength) {
            if (raw == null) {
                return null;
            }
            if (raw instanceof Number n) {
                raw = n.toString();
            }
            if (!(raw instanceof String s) || s.isBlank()) {
                reject(field, "expected text, got " + quoted(raw));
                return null;
            }
            if (s.length() > maxLength) {
                reject(field, "at most " + maxLength + " characters, got " + s.length());
                return null;
            }
            return s.strip();
        }

        private List<String> texts(String field, @Nullable Object raw) {
            if (raw == null) {
                return List.of();
            }
            if (raw instanceof List<?> list && list.size() <= MAX_LIST
                    && list.stream().allMatch(v -> v instanceof String s && !s.isBlank() && s.length() <= 500)) {
                return list.stream().map(v -> ((String) v).strip()).distinct().toList();
            }
            reject(field, "must be a list of at most " + MAX_LIST + " non-empty texts of up to 500 characters");
            return List.of();
        }

        private void reject(String field, String message) {
            rejections.add(new Rejection(raw.location(), id, field, message));
        }

        private static List<String> knownFields(TypeSpec spec) {
            List<String> fields = new ArrayList<>(RecordSchema.COMMON_FIELDS.subList(2, RecordSchema.COMMON_FIELDS.size()));
            fields.addAll(spec.values().keySet());
            spec.references().forEach(r -> fields.add(r.field()));
            return fields;
        }

        private static String quoted(@Nullable Object value) {
            if (value == null) {
                return "nothing";
            }
            String text = String.valueOf(value);
            return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
        }
    }
}
