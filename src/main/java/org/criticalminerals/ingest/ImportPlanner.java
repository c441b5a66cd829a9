package org.criticalminerals.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.criticalminerals.ingest.CheckedRecord.Citation;
import org.criticalminerals.ingest.CheckedRecord.RefItem;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the checked records of one import into what to write: one claim per citation, carrying everything
 * the record and that citation assert (values, names, references), and the sources the import defines. It
 * resolves every reference and source against the import and the graph, and applies the rules of who may
 * cite what: a seed document only as a curator, with its quote on the cited line; a partner only its own
 * partner sources. Pure: the graph is passed in as {@link Known} entries.
 */
final class ImportPlanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the graph holds for an id. */
    record Known(String type, @Nullable String sourceKind, @Nullable String owner, @Nullable String file) {
    }

    /** Checks a seed quote against its document; empty when it stands on the line (or the document is not here). */
    interface QuoteCheck {

        Optional<String> problem(String file, int line, String quote);

        QuoteCheck NONE = (file, line, quote) -> Optional.empty();
    }

    /**
     * @param references what {@code props.references} holds as JSON, as reading it back gives it: a load that reconciles
     *        the claims it has just planned does not parse the JSON it has just written
     */
    record ClaimRow(String id, String fact, String type, Map<String, Object> props, Map<String, List<Map<String, Object>>> references) {
    }

    /** A record's references as stored on each of its claims: as JSON, and as that JSON reads. */
    private record References(String json, Map<String, List<Map<String, Object>>> items) {

        static final References NONE = new References("", Map.of());
    }

    record SourceRow(String id, Map<String, Object> props) {
    }

    /**
     * @param facts every fact id the import asserts something about, with its type
     */
    record Plan(Map<String, String> facts, List<ClaimRow> claims, List<SourceRow> sources, Map<String, Integer> recordsByType,
            int records) {
    }

    record Outcome(Plan plan, List<Rejection> rejections) {
    }

    private final String batch;

    private final Caller caller;

    private final QuoteCheck quotes;

    private final List<Rejection> rejections = new ArrayList<>();

    ImportPlanner(String batch, Caller caller, QuoteCheck quotes) {
        this.batch = batch;
        this.caller = caller;
        this.quotes = quotes;
    }

    /** What an id is, in the import or in the graph; null when unknown. */
    interface Resolver {

        @Nullable Known resolve(String id);
    }

    /**
     * Plans a chunk of checked records: one claim per citation, the sources defined, the facts touched; and the
     * problems of references and citations. Type conflicts and the required fields of new facts are the
     * {@link ImportIndex}'s concern, which sees the whole import.
     */
    Outcome plan(List<CheckedRecord> records, Resolver known) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<ClaimRow> claims = new ArrayList<>();
        List<SourceRow> sources = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (CheckedRecord record : records) {
            byType.merge(record.type(), 1, Integer::sum);
            int before = rejections.size();
            if (record.spec().shape() == Shape.SOURCE) {
                SourceRow source = source(record, known.resolve(record.id()));
                if (rejections.size() == before) {
                    sources.add(source);
                }
                continue;
            }
            References references = references(record, known);
            List<ClaimRow> recordClaims = new ArrayList<>();
            for (Citation citation : record.citations()) {
                ClaimRow claim = claim(record, citation, known, references);
                if (claim != null) {
                    recordClaims.add(claim);
                }
            }
            if (rejections.size() == before) {
                facts.put(record.id(), record.type());
                claims.addAll(recordClaims);
            }
        }
        return new Outcome(new Plan(facts, claims, sources, byType, records.size()), List.copyOf(rejections));
    }

    private SourceRow source(CheckedRecord record, @Nullable Known known) {
        Known before = known != null && known.owner() != null && !known.owner().equals(caller.name()) ? known : null;
        Object kind = record.values().get("kind");
        if (caller.role() == Role.PARTNER && !"PARTNER".equals(kind)) {
            reject(record, "kind", "a partner's sources are of kind PARTNER");
        }
        if (kind == null && (known == null || known.sourceKind() == null)) {
            reject(record, "kind", "a source needs a kind: SEED, PUBLIC or PARTNER");
        }
        if (before != null && before.owner() != null && !before.owner().equals(caller.name()) && caller.role() != Role.CURATOR) {
            reject(record, "id", "the source belongs to " + before.owner() + "; give your own source another id");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        record.values().forEach((field, value) -> putValue(props, field, value));
        props.put("id", record.id());
        String name = record.name() != null ? record.name() : (String) record.values().getOrDefault("title", record.id());
        props.put("name", name);
        if (record.nameJa() != null) {
            props.put("nameJa", record.nameJa());
        }
        props.put("aliases", record.aliases());
        props.put("searchText", String.join(" | ", searchable(name, record.nameJa(), record.aliases())));
        props.put("batch", record.restored() != null ? record.restored().batch() : batch);
        props.put("owner", record.restored() != null && record.restored().owner() != null ? record.restored().owner()
                : before != null && before.owner() != null ? before.owner() : caller.name());
        return new SourceRow(record.id(), props);
    }

    /** The record's references as stored on each of its claims, checked against the import and the graph. */
    private References references(CheckedRecord record, Resolver known) {
        Map<String, List<Map<String, Object>>> resolved = new TreeMap<>();
        boolean onlyText = true;
        for (Map.Entry<String, List<RefItem>> entry : record.references().entrySet()) {
            Reference reference = record.spec().reference(entry.getKey()).orElseThrow();
            List<Map<String, Object>> items = new ArrayList<>();
            for (RefItem item : entry.getValue()) {
                Known target = known.resolve(item.target());
                if (target == null) {
                    reject(record, reference.field(), "unknown id '" + item.target() + "' (not in this import nor in the graph)");
                    continue;
                }
                if (!reference.targetTypes().contains(target.type())) {
                    reject(record, reference.field(), "'" + item.target() + "' is a " + target.type() + "; expected "
                            + String.join(" or ", reference.targetTypes()));
                    continue;
                }
                Map<String, Object> stored = new TreeMap<>();
                stored.put("id", item.target());
                item.details().forEach((k, v) -> stored.put(k, v instanceof PartialDate date ? date.text() : v));
                onlyText &= stored.values().stream().allMatch(String.class::isInstance);
                items.add(stored);
            }
            resolved.put(entry.getKey(), items);
        }
        if (resolved.isEmpty()) {
            return References.NONE;
        }
        String json = JSON.writeValueAsString(resolved);
        // items of text only (ids, dates as text, roles) read back as they are; a number might come back as another kind
        return new References(json, onlyText ? Collections.unmodifiableMap(resolved) : Reconciler.readReferences(json));
    }

    private @Nullable ClaimRow claim(CheckedRecord record, Citation citation, Resolver known, References references) {
        Known source = known.resolve(citation.source());
        if (source == null || !source.type().equals("Source")) {
            reject(record, "cite", "citation source '" + citation.source() + "' is not a known Source");
            return null;
        }
        if ("SEED".equals(source.sourceKind())) {
            if (caller.role() != Role.CURATOR) {
                reject(record, "cite", "only a curator may cite a seed document (" + citation.source() + "); cite your own partner source");
                return null;
            }
            if (citation.line() == null || citation.quote() == null) {
                reject(record, "cite", "a seed citation needs its line number and the exact quote from that line");
                return null;
            }
            if (source.file() != null) {
                quotes.problem(source.file(), citation.line(), citation.quote()).ifPresent(problem -> reject(record, "cite", problem));
            }
        }
        else if (caller.role() == Role.PARTNER) {
            if (!"PARTNER".equals(source.sourceKind()) || !caller.name().equals(source.owner())) {
                reject(record, "cite", "a partner cites its own partner sources; '" + citation.source() + "' is "
                        + (source.sourceKind() == null ? "not one" : "a " + source.sourceKind() + " source"
                                + (source.owner() == null || source.owner().equals(caller.name()) ? "" : " of " + source.owner())));
                return null;
            }
        }
        Map<String, Object> asserted = new LinkedHashMap<>(record.values());
        asserted.putAll(citation.figures());
        Map<String, Object> props = new LinkedHashMap<>();
        String claimBatch = record.restored() != null ? record.restored().batch() : batch;
        props.put("record", record.id());
        props.put("type", record.type());
        props.put("batch", claimBatch);
        props.put("by", record.restored() != null ? record.restored().by() : caller.name());
        props.put("byRole", record.restored() != null ? record.restored().byRole() : caller.role().configName());
        props.put("source", citation.source());
        props.put("sourceKind", source.sourceKind());
        putIfPresent(props, "line", citation.line());
        putIfPresent(props, "quote", citation.quote());
        putIfPresent(props, "statement", citation.statement());
        putIfPresent(props, "note", citation.note());
        putIfPresent(props, "name", record.name());
        putIfPresent(props, "nameJa", record.nameJa());
        props.put("aliases", record.aliases());
        asserted.forEach((field, value) -> putValue(props, field, value));
        // sorted: what a claim says does not depend on the order the fields were written in
        props.put("fields", asserted.keySet().stream().sorted().toList());
        if (record.retires()) {
            props.put("retires", true);
            props.put("reason", record.retiredBecause());
        }
        props.put("cited", citation.figures().keySet().stream().sorted().toList());
        if (!references.json().isEmpty()) {
            props.put("references", references.json());
        }
        // what the claim says is part of its identity: a changed figure is a new claim, the old one goes when the
        // import completes, so that an import that fails half-way can be undone by removing what it created
        String content = hash(sortedText(props));
        if (record.restored() != null && record.restored().at() != null) {
            props.put("at", java.time.ZonedDateTime.parse(record.restored().at()));
        }
        String id = "claim-" + hash(claimBatch + "|" + record.id() + "|" + citation.source() + "|" + citation.line() + "|" + citation.quote()
                + "|" + citation.statement() + (record.retires() ? "|retires" : "") + "|" + content);
        props.put("id", id);
        props.put("contentHash", content);
        return new ClaimRow(id, record.id(), record.type(), props, references.items());
    }

    /** Dates are stored as their first day plus precision and last day; other values as they are. */
    static void putValue(Map<String, Object> props, String field, Object value) {
        if (value instanceof PartialDate date) {
            props.put(field, date.start());
            props.put(field + "Precision", date.precision().name());
            props.put(field + "End", date.end());
        }
        else {
            props.put(field, value);
        }
    }

    static List<String> searchable(String name, @Nullable String nameJa, List<String> aliases) {
        List<String> searchable = new ArrayList<>();
        searchable.add(name);
        if (nameJa != null) {
            searchable.add(nameJa);
        }
        aliases.stream().filter(a -> !searchable.contains(a)).forEach(searchable::add);
        return searchable;
    }

    private void reject(CheckedRecord record, String field, String message) {
        rejections.add(new Rejection(record.location(), record.id(), field, message));
    }

    private static void putIfPresent(Map<String, Object> props, String key, @Nullable Object value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    /** A map as a {@link TreeMap} of it prints ({@code {a=1, b=[x, y]}}), the text hashes are made of, without building one. */
    static String sortedText(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        StringBuilder text = new StringBuilder(32 * keys.length + 2).append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(keys[i]).append('=').append(map.get(keys[i]));
        }
        return text.append('}').toString();
    }

    /** One per thread: looking the algorithm up for every claim and fact cost more than the digest. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String hash(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
