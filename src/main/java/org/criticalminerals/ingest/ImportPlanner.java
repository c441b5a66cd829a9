package org.criticalminerals.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.criticalminerals.ingest.RecordSchema.Reference;
import org.criticalminerals.ingest.RecordSchema.Shape;
import org.criticalminerals.ingest.RecordSchema.TypeSpec;
import org.criticalminerals.ingest.RecordSchema.ValueField;
import org.criticalminerals.ingest.YamlRecords.RawRecord;

/**
 * Turns the records of one import into rows to write, or into rejections: it merges records that share an
 * id, checks every field against {@link RecordSchema}, resolves every reference (within the import or
 * against the graph), and works out which figures the sources agree on and which they dispute.
 * Nothing here touches the database except through {@link KnownIds}.
 */
final class ImportPlanner {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Set<String> ISO_COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private static final Set<String> CITATION_FIELDS = Set.of("source", "line", "quote", "statement", "claims", "note");

    /** What the graph already holds for an id: its record type and, for sources, their kind. */
    record Known(String type, String sourceKind) {
    }

    /** Looks ids up in the graph (ids the import itself does not define). */
    interface KnownIds extends Function<Set<String>, Map<String, Known>> {
    }

    record NodeRow(String type, String id, String kindLabel, Map<String, Object> props) {
    }

    record ClaimRow(String id, String record, String node, String source, Map<String, Object> props) {
    }

    record RelationshipRow(String type, String from, String to, Map<String, Object> props) {
    }

    record Plan(List<NodeRow> nodes, List<ClaimRow> claims, List<RelationshipRow> relationships, List<String> nodeRecordIds,
            List<String> relationshipRecordIds, Map<String, Integer> recordsByType, int recordsRead) {
    }

    record Outcome(Plan plan, List<Rejection> rejections) {
    }

    /** A date as precise as the source gives it: a year, a month or a day. */
    record PartialDate(LocalDate date, String precision) {

        static PartialDate parse(String text) {
            return switch (text.length()) {
                case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), "YEAR");
                case 7 -> new PartialDate(YearMonth.parse(text).atDay(1), "MONTH");
                default -> new PartialDate(LocalDate.parse(text), "DAY");
            };
        }

        LocalDate last() {
            return switch (precision) {
                case "YEAR" -> date.withDayOfYear(date.lengthOfYear());
                case "MONTH" -> date.withDayOfMonth(date.lengthOfMonth());
                default -> date;
            };
        }

        boolean contains(PartialDate other) {
            return !other.date.isBefore(date) && !other.last().isAfter(last());
        }
    }

    private static final class Merged {

        final String type;

        final String id;

        final Map<String, Object> fields = new LinkedHashMap<>();

        final List<Map<?, ?>> citations = new ArrayList<>();

        final String location;

        Merged(String type, String id, String location) {
            this.type = type;
            this.id = id;
            this.location = location;
        }
    }

    private final String batch;

    private final KnownIds knownIds;

    private final List<Rejection> rejections = new ArrayList<>();

    ImportPlanner(String batch, KnownIds knownIds) {
        this.batch = batch;
        this.knownIds = knownIds;
    }

    Outcome plan(List<RawRecord> records) {
        Map<String, Merged> merged = merge(records);
        Map<String, Known> known = resolveKnown(merged);
        List<NodeRow> nodes = new ArrayList<>();
        List<ClaimRow> claims = new ArrayList<>();
        List<RelationshipRow> relationships = new ArrayList<>();
        List<String> nodeRecordIds = new ArrayList<>();
        List<String> relationshipRecordIds = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (Merged record : merged.values()) {
            byType.merge(record.type, 1, Integer::sum);
            TypeSpec spec = RecordSchema.spec(record.type);
            int before = rejections.size();
            Map<String, Object> values = topLevelValues(record, spec);
            List<ClaimRow> recordClaims = spec.shape() == Shape.SOURCE ? List.of() : claims(record, spec, known);
            List<RelationshipRow> recordRelationships = relationships(record, spec, known, recordClaims);
            if (rejections.size() > before) {
                continue;
            }
            Map<String, Object> props = agreedValues(record, spec, values, recordClaims);
            checkDateOrder(record, props);
            switch (spec.shape()) {
                case SOURCE, NODE -> {
                    nodes.add(new NodeRow(record.type, record.id, kindLabel(record), nodeProps(record, props, recordClaims, known)));
                    nodeRecordIds.add(record.id);
                }
                case RELATIONSHIP -> relationshipRecordIds.add(record.id);
            }
            claims.addAll(recordClaims);
            relationships.addAll(recordRelationships);
            if (spec.shape() == Shape.RELATIONSHIP) {
                relationships.add(supplyRelationship(record, props, recordClaims));
            }
        }
        Plan plan = new Plan(nodes, claims, relationships, nodeRecordIds, relationshipRecordIds, byType, records.size());
        return new Outcome(plan, List.copyOf(rejections));
    }

    // --- merging --------------------------------------------------------------------------------------

    private Map<String, Merged> merge(List<RawRecord> records) {
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (RawRecord raw : records) {
            Map<String, Object> fields = raw.fields();
            Object type = fields.get("type");
            Object id = fields.get("id");
            TypeSpec spec = type instanceof String t ? RecordSchema.spec(t) : null;
            if (spec == null) {
                reject(raw.location(), asText(id), "type", "unknown record type " + quoted(type) + "; one of " + RecordSchema.types());
                continue;
            }
            if (!(id instanceof String idText) || !(spec.type().equals("Country") ? ISO_COUNTRIES.contains(idText) : SLUG.matcher(idText).matches())) {
                reject(raw.location(), asText(id), "id", spec.type().equals("Country")
                        ? "a country id is an ISO 3166-1 alpha-2 code in capitals, e.g. JP (quote it in YAML: \"NO\"), got " + quoted(id)
                        : "an id is a lower-case slug like mount-weld, got " + quoted(id));
                continue;
            }
            for (String field : fields.keySet()) {
                if (!RecordSchema.COMMON.contains(field) && !spec.knows(field)) {
                    reject(raw.location(), idText, field, "unknown field for a " + spec.type());
                }
            }
            Merged target = merged.get(idText);
            if (target == null) {
                target = new Merged(spec.type(), idText, raw.location());
                merged.put(idText, target);
            }
            else if (!target.type.equals(spec.type())) {
                reject(raw.location(), idText, "id", "id already used by a " + target.type + " at " + target.location);
                continue;
            }
            mergeFields(target, fields, raw.location());
        }
        return merged;
    }

    private void mergeFields(Merged target, Map<String, Object> fields, String location) {
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("type") || field.equals("id") || value == null) {
                continue;
            }
            if (field.equals("cite")) {
                if (!(value instanceof List<?> list)) {
                    reject(location, target.id, "cite", "cite must be a list of citations");
                    continue;
                }
                for (Object citation : list) {
                    if (citation instanceof Map<?, ?> map) {
                        if (!target.citations.contains(map)) {
                            target.citations.add(map);
                        }
                    }
                    else {
                        reject(location, target.id, "cite", "a citation must be a map with source, line and quote");
                    }
                }
                continue;
            }
            Object existing = target.fields.get(field);
            if (existing == null) {
                target.fields.put(field, value instanceof List<?> l ? new ArrayList<>(l) : value);
            }
            else if (existing instanceof List<?> && value instanceof List<?> more) {
                @SuppressWarnings("unchecked")
                List<Object> union = (List<Object>) existing;
                more.stream().filter(v -> !union.contains(v)).forEach(union::add);
            }
            else if (!Objects.equals(existing, value)) {
                reject(location, target.id, field, "conflicts with " + quoted(existing) + " given at " + target.location
                        + "; if sources disagree, give each figure in its citation's claims");
            }
        }
    }

    // --- references -------------------------------------------------------------------------------------

    private Map<String, Known> resolveKnown(Map<String, Merged> merged) {
        Set<String> referenced = new LinkedHashSet<>();
        for (Merged record : merged.values()) {
            TypeSpec spec = RecordSchema.spec(record.type);
            for (Reference reference : spec.references()) {
                referencedIds(record.fields.get(reference.field())).forEach(referenced::add);
            }
            for (Map<?, ?> citation : record.citations) {
                if (citation.get("source") instanceof String source) {
                    referenced.add(source);
                }
            }
        }
        referenced.addAll(merged.keySet());
        Map<String, Known> inGraph = knownIds.apply(referenced);
        Map<String, Known> known = new LinkedHashMap<>(inGraph);
        for (Merged record : merged.values()) {
            Known before = inGraph.get(record.id);
            if (before != null && !before.type().equals(record.type)) {
                reject(record.location, record.id, "id", "the graph already holds a " + before.type() + " with this id");
            }
            known.put(record.id, new Known(record.type, record.type.equals("Source") ? asText(record.fields.get("kind")) : null));
        }
        return known;
    }

    private static List<String> referencedIds(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof String id) {
            ids.add(id);
        }
        else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String id) {
                    ids.add(id);
                }
                else if (item instanceof Map<?, ?> map && map.get("party") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private List<RelationshipRow> relationships(Merged record, TypeSpec spec, Map<String, Known> known, List<ClaimRow> claims) {
        List<RelationshipRow> rows = new ArrayList<>();
        List<String> claimIds = claims.stream().map(ClaimRow::id).toList();
        for (Reference reference : spec.references()) {
            Object value = record.fields.get(reference.field());
            if (value == null) {
                continue;
            }
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            if (!reference.many() && (value instanceof List<?> || items.size() != 1)) {
                reject(record.location, record.id, reference.field(), "takes one id, not a list");
                continue;
            }
            for (Object item : items) {
                Map<String, Object> props = new LinkedHashMap<>();
                String target = item instanceof String id ? id : null;
                if (item instanceof Map<?, ?> party && reference.relationship() != null && reference.relationship().equals("PARTY")) {
                    target = party.get("party") instanceof String id ? id : null;
                    for (Object key : party.keySet()) {
                        if (!Set.of("party", "since", "until").contains(key)) {
                            reject(record.location, record.id, "parties", "a party has party, since and until, not " + key);
                        }
                    }
                    partyDate(record, party.get("since"), "since", props);
                    partyDate(record, party.get("until"), "until", props);
                    if (props.get("since") instanceof LocalDate since && props.get("until") instanceof LocalDate until && since.isAfter(until)) {
                        reject(record.location, record.id, "parties", "party " + target + ": since is after until");
                    }
                }
                if (target == null) {
                    reject(record.location, record.id, reference.field(), "expected an id, got " + quoted(item));
                    continue;
                }
                Known found = known.get(target);
                if (found == null) {
                    reject(record.location, record.id, reference.field(), "unknown id " + quoted(target) + " (not in this import nor in the graph)");
                    continue;
                }
                if (!reference.targetTypes().contains(found.type())) {
                    reject(record.location, record.id, reference.field(), quoted(target) + " is a " + found.type() + "; expected "
                            + String.join(" or ", new java.util.TreeSet<>(reference.targetTypes())));
                    continue;
                }
                if (reference.relationship() == null) {
                    continue; // Supply's own ends; written by supplyRelationship
                }
                props.put("record", record.id);
                props.put("batch", batch);
                props.put("claims", claimIds);
                rows.add(reference.outgoing() ? new RelationshipRow(reference.relationship(), record.id, target, props)
                        : new RelationshipRow(reference.relationship(), target, record.id, props));
            }
        }
        return rows;
    }

    private void partyDate(Merged record, Object raw, String field, Map<String, Object> props) {
        if (raw == null) {
            return;
        }
        Object value = convert(record, "parties." + field, new ValueField(field, RecordSchema.ValueKind.DATE, Set.of()), raw);
        if (value instanceof PartialDate date) {
            props.put(field, date.date());
            props.put(field + "Precision", date.precision());
        }
    }

    private RelationshipRow supplyRelationship(Merged record, Map<String, Object> values, List<ClaimRow> claims) {
        Map<String, Object> props = new LinkedHashMap<>(values);
        props.put("id", record.id);
        props.put("mineral", record.fields.get("mineral"));
        props.put("record", record.id);
        props.put("batch", batch);
        props.put("claims", claims.stream().map(ClaimRow::id).toList());
        if (record.fields.get("name") != null) {
            props.put("name", record.fields.get("name"));
        }
        return new RelationshipRow("SUPPLIES", (String) record.fields.get("from"), (String) record.fields.get("to"), props);
    }

    // --- values and claims ------------------------------------------------------------------------------

    private Map<String, Object> topLevelValues(Merged record, TypeSpec spec) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ValueField field : spec.values().values()) {
            Object raw = record.fields.get(field.name());
            if (raw != null) {
                Object value = convert(record, field.name(), field, raw);
                if (value != null) {
                    values.put(field.name(), value);
                }
            }
        }
        if (spec.shape() != Shape.SOURCE && !(record.fields.get("name") instanceof String name && !name.isBlank())) {
            reject(record.location, record.id, "name", "every record needs a name (English)");
        }
        if (spec.shape() == Shape.SOURCE) {
            if (values.get("kind") == null) {
                reject(record.location, record.id, "kind", "a source needs a kind: SEED, PUBLIC or PARTNER");
            }
            else if ("SEED".equals(values.get("kind")) && values.get("file") == null) {
                reject(record.location, record.id, "file", "a seed source names its file");
            }
            else if (!"SEED".equals(values.get("kind")) && values.get("url") == null && values.get("title") == null) {
                reject(record.location, record.id, "url", "a public or partner source needs a url or a title");
            }
        }
        if (record.type.equals("Organization") && values.get("kind") == null) {
            reject(record.location, record.id, "kind", "an organization needs a kind: Company, Agency, InternationalBody or NonProfit");
        }
        if (record.type.equals("Facility") && values.get("stage") == null && !hasClaimed(record, "stage")) {
            reject(record.location, record.id, "stage", "a facility needs a stage");
        }
        textList(record, "aliases");
        return values;
    }

    private boolean hasClaimed(Merged record, String field) {
        return record.citations.stream().anyMatch(c -> c.get("claims") instanceof Map<?, ?> m && m.containsKey(field));
    }

    private List<ClaimRow> claims(Merged record, TypeSpec spec, Map<String, Known> known) {
        if (record.citations.isEmpty()) {
            reject(record.location, record.id, "cite", "no citation: every fact cites at least one source");
            return List.of();
        }
        List<ClaimRow> rows = new ArrayList<>();
        for (Map<?, ?> citation : record.citations) {
            for (Object key : citation.keySet()) {
                if (!CITATION_FIELDS.contains(key)) {
                    reject(record.location, record.id, "cite", "unknown citation field " + quoted(key) + "; use " + CITATION_FIELDS);
                }
            }
            String source = citation.get("source") instanceof String s ? s : null;
            Known found = source == null ? null : known.get(source);
            if (found == null || !found.type().equals("Source")) {
                reject(record.location, record.id, "cite", "citation source " + quoted(source) + " is not a known Source");
                continue;
            }
            String quote = nonBlank(citation.get("quote"));
            String statement = nonBlank(citation.get("statement"));
            Object line = citation.get("line");
            if ("SEED".equals(found.sourceKind())) {
                if (!(line instanceof Integer n) || n < 1) {
                    reject(record.location, record.id, "cite", "a seed citation needs its line number (1 or more), got " + quoted(line));
                }
                if (quote == null) {
                    reject(record.location, record.id, "cite", "a seed citation needs the exact quote from line " + line);
                }
            }
            else if (quote == null && statement == null) {
                reject(record.location, record.id, "cite", "a citation of " + source + " needs a statement of what was taken from it");
            }
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> fields = new ArrayList<>();
            if (citation.get("claims") instanceof Map<?, ?> figures) {
                for (Map.Entry<?, ?> figure : figures.entrySet()) {
                    ValueField field = figure.getKey() instanceof String name ? spec.values().get(name) : null;
                    if (field == null) {
                        reject(record.location, record.id, "cite", "claims: " + quoted(figure.getKey()) + " is not a value field of a " + record.type);
                        continue;
                    }
                    Object value = convert(record, "claims." + field.name(), field, figure.getValue());
                    if (value instanceof PartialDate date) {
                        props.put(field.name(), date.date());
                        props.put(field.name() + "Precision", date.precision());
                        fields.add(field.name());
                    }
                    else if (value != null) {
                        props.put(field.name(), value);
                        fields.add(field.name());
                    }
                }
            }
            else if (citation.get("claims") != null) {
                reject(record.location, record.id, "cite", "claims must be a map of field to figure");
            }
            String claimId = "claim-" + hash(batch + "|" + record.id + "|" + source + "|" + line + "|" + quote + "|" + statement);
            props.put("id", claimId);
            props.put("record", record.id);
            props.put("batch", batch);
            props.put("source", source);
            props.put("sourceKind", found.sourceKind());
            props.put("fields", fields);
            if (line instanceof Integer n) {
                props.put("line", n);
            }
            putIfPresent(props, "quote", quote);
            putIfPresent(props, "statement", statement);
            putIfPresent(props, "note", nonBlank(citation.get("note")));
            String node = RecordSchema.spec(record.type).shape() == Shape.NODE ? record.id : null;
            rows.add(new ClaimRow(claimId, record.id, node, source, props));
        }
        return rows;
    }

    /**
     * A field's value on the node is the one all its sources agree on. Where they disagree the node holds
     * no value for it and lists the field under {@code disputed}; every figure stays on its claim.
     */
    private Map<String, Object> agreedValues(Merged record, TypeSpec spec, Map<String, Object> topLevel, List<ClaimRow> claims) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> disputed = new ArrayList<>();
        for (ValueField field : spec.values().values()) {
            List<Object> candidates = new ArrayList<>();
            if (topLevel.containsKey(field.name())) {
                candidates.add(topLevel.get(field.name()));
            }
            for (ClaimRow claim : claims) {
                Object value = claim.props().get(field.name());
                if (value instanceof LocalDate date) {
                    value = new PartialDate(date, (String) claim.props().get(field.name() + "Precision"));
                }
                if (value != null && !candidates.contains(value)) {
                    candidates.add(value);
                }
            }
            if (candidates.isEmpty()) {
                if (field.kind() == RecordSchema.ValueKind.TEXT_LIST || field.kind() == RecordSchema.ValueKind.ENUM_LIST) {
                    props.put(field.name(), List.of()); // lists read as empty, never as missing
                }
                continue;
            }
            // Text is commentary, not a figure: the record's own text wins, else the sources' texts are joined.
            Object agreed = field.kind() != RecordSchema.ValueKind.TEXT ? agree(candidates)
                    : topLevel.containsKey(field.name()) ? topLevel.get(field.name())
                    : String.join(" / ", candidates.stream().map(Object::toString).toList());
            if (agreed == null) {
                disputed.add(field.name());
            }
            else if (agreed instanceof PartialDate date) {
                props.put(field.name(), date.date());
                props.put(field.name() + "Precision", date.precision());
            }
            else {
                props.put(field.name(), agreed);
            }
        }
        if (!disputed.isEmpty()) {
            props.put("disputed", disputed);
        }
        return props;
    }

    /** One value, or dates that nest (2011 ⊃ 2011-03 ⊃ 2011-03-30: the most precise wins); otherwise null. */
    private static Object agree(List<Object> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.stream().allMatch(PartialDate.class::isInstance)) {
            PartialDate mostPrecise = null;
            for (Object candidate : candidates) {
                PartialDate date = (PartialDate) candidate;
                if (mostPrecise == null || mostPrecise.contains(date)) {
                    mostPrecise = date;
                }
                else if (!date.contains(mostPrecise)) {
                    return null;
                }
            }
            return mostPrecise;
        }
        if (candidates.stream().allMatch(Number.class::isInstance)
                && candidates.stream().map(n -> ((Number) n).doubleValue()).distinct().count() == 1) {
            return candidates.get(0);
        }
        return null;
    }

    private void checkDateOrder(Merged record, Map<String, Object> props) {
        for (List<String> pair : RecordSchema.ORDERED_DATES) {
            if (props.get(pair.get(0)) instanceof LocalDate first && props.get(pair.get(1)) instanceof LocalDate second
                    && first.isAfter(second)) {
                reject(record.location, record.id, pair.get(1), pair.get(0) + " " + first + " is after " + pair.get(1) + " " + second);
            }
        }
    }

    private Map<String, Object> nodeProps(Merged record, Map<String, Object> values, List<ClaimRow> claims, Map<String, Known> known) {
        Map<String, Object> props = new LinkedHashMap<>(values);
        props.put("id", record.id);
        String name = nonBlank(record.fields.get("name"));
        if (name == null && record.type.equals("Source")) {
            name = (String) values.getOrDefault("title", record.id);
        }
        props.put("name", name);
        putIfPresent(props, "nameJa", nonBlank(record.fields.get("nameJa")));
        List<String> aliases = textList(record, "aliases");
        props.put("aliases", aliases);
        List<String> searchable = new ArrayList<>(aliases);
        searchable.add(0, name);
        if (props.get("nameJa") != null) {
            searchable.add(1, (String) props.get("nameJa"));
        }
        props.put("searchText", String.join(" | ", searchable));
        props.put("batch", batch);
        if (!claims.isEmpty()) {
            props.put("sourceKinds", claims.stream().map(c -> (String) c.props().get("sourceKind")).distinct().sorted().toList());
        }
        return props;
    }

    private String kindLabel(Merged record) {
        return record.type.equals("Organization") && record.fields.get("kind") instanceof String kind
                && RecordSchema.ORGANIZATION_KINDS.contains(kind) ? kind : null;
    }

    private List<String> textList(Merged record, String field) {
        Object raw = record.fields.get(field);
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list && list.stream().allMatch(v -> v instanceof String s && !s.isBlank())) {
            return list.stream().map(String.class::cast).toList();
        }
        reject(record.location, record.id, field, "must be a list of non-empty texts");
        return List.of();
    }

    private Object convert(Merged record, String fieldPath, ValueField field, Object raw) {
        String problem;
        switch (field.kind()) {
            case TEXT -> {
                if (raw instanceof String s && !s.isBlank()) {
                    return s.strip();
                }
                if (raw instanceof Number n) {
                    return n.toString();
                }
                problem = "expected text";
            }
            case TEXT_LIST -> {
                if (raw instanceof List<?> list && list.stream().allMatch(v -> v instanceof String s && !s.isBlank())) {
                    return List.copyOf(list);
                }
                problem = "expected a list of texts";
            }
            case NUMBER, SIGNED_NUMBER, PERCENT, INTEGER -> {
                if (field.kind() == RecordSchema.ValueKind.INTEGER && raw instanceof String digits && digits.matches("\\d{1,9}")) {
                    raw = Integer.valueOf(digits); // a year written as text, "2030"
                }
                if (!(raw instanceof Number n)) {
                    problem = "expected a number";
                }
                else if (n.doubleValue() < 0 && field.kind() != RecordSchema.ValueKind.SIGNED_NUMBER) {
                    problem = "must not be negative";
                }
                else if (field.kind() == RecordSchema.ValueKind.PERCENT && n.doubleValue() > 100) {
                    problem = "a percentage is at most 100";
                }
                else if (field.kind() == RecordSchema.ValueKind.INTEGER && !(n instanceof Integer || n instanceof Long)) {
                    problem = "expected a whole number";
                }
                else {
                    return n instanceof Integer i ? Long.valueOf(i) : n;
                }
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                problem = "expected true or false";
            }
            case DATE -> {
                String text = raw instanceof Integer year ? String.valueOf(year) : raw instanceof String s ? s : null;
                if (text != null && DATE.matcher(text).matches()) {
                    try {
                        return PartialDate.parse(text);
                    }
                    catch (DateTimeParseException e) {
                        problem = "not a real date";
                    }
                }
                else {
                    problem = "expected a date YYYY, YYYY-MM or YYYY-MM-DD";
                }
            }
            case CURRENCY -> {
                if (raw instanceof String code && code.matches("[A-Z]{3}")) {
                    try {
                        return Currency.getInstance(code).getCurrencyCode();
                    }
                    catch (IllegalArgumentException e) {
                        // falls through to the problem below
                    }
                }
                problem = "expected an ISO 4217 currency code such as USD or JPY";
            }
            case ENUM -> {
                if (raw instanceof String s && field.allowed().contains(s)) {
                    return s;
                }
                problem = "expected one of " + new java.util.TreeSet<>(field.allowed());
            }
            case ENUM_LIST -> {
                if (raw instanceof List<?> list && list.stream().allMatch(field.allowed()::contains)) {
                    return List.copyOf(list);
                }
                problem = "expected a list of " + new java.util.TreeSet<>(field.allowed());
            }
            default -> throw new IllegalStateException(field.kind().toString());
        }
        reject(record.location, record.id, fieldPath, problem + ", got " + quoted(raw));
        return null;
    }

    private void reject(String location, String id, String field, String message) {
        rejections.add(new Rejection(location, id, field, message));
    }

    private static void putIfPresent(Map<String, Object> props, String key, Object value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static String nonBlank(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }

    private static String quoted(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
