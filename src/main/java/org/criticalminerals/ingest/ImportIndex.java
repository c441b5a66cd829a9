package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.criticalminerals.ingest.ImportPlanner.Known;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.criticalminerals.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What the first pass over an import learns, one record at a time, without holding the records: the type of
 * every id it defines, the sources it defines, which required fields its records give each new fact, and
 * every id it refers to. Memory grows with the number of distinct ids (about 150 bytes each), not with the
 * size of the file. Pure.
 */
final class ImportIndex {

    /** Per id: its type, where it was first seen, what its records give. */
    private static final class Entry {

        final String type;

        final String location;

        /** In the order ids were first seen, from 0: a bulk load's node id of the fact ({@link #number}). */
        final int number;

        int provided; // bit per required field or reference; the highest bit: a name

        boolean onlyRetires = true;

        int records;

        Entry(String type, String location, int number) {
            this.type = type;
            this.location = location;
            this.number = number;
        }
    }

    private final Caller caller;

    private final Map<String, Entry> entries = new HashMap<>();

    private final Map<String, Known> sources = new HashMap<>();

    private final Set<String> referenced = new HashSet<>();

    private final Map<String, Integer> recordsByType = new TreeMap<>();

    private final List<Rejection> rejections = new ArrayList<>();

    private long records;

    /** Whether the ids referred to are kept, to be looked up in the graph; a new store has nothing to look up. */
    private final boolean graphToAsk;

    ImportIndex(Caller caller) {
        this(caller, true);
    }

    private ImportIndex(Caller caller, boolean graphToAsk) {
        this.caller = caller;
        this.graphToAsk = graphToAsk;
    }

    /** For a load into a new store, where every id must be the import's own: nothing to ask the graph about. */
    static ImportIndex forNewStore(Caller caller) {
        return new ImportIndex(caller, false);
    }

    void add(CheckedRecord record) {
        add(summarize(record));
    }

    /** What one record tells the index; worked out on any thread, so that a pass in parallel only merges in order ({@link #add(Summary)}). */
    record Summary(String id, String type, String location, @Nullable Known source, boolean retires, int provided, List<String> referenced) {
    }

    Summary summarize(CheckedRecord record) {
        Known source = record.spec().shape() == Shape.SOURCE
                ? new Known("Source", (String) record.values().get("kind"), caller.name(), (String) record.values().get("file"))
                : null;
        List<String> targets = new ArrayList<>();
        if (graphToAsk) {
            record.references().values().forEach(items -> items.forEach(item -> targets.add(item.target())));
            record.citations().forEach(citation -> targets.add(citation.source()));
        }
        return new Summary(record.id(), record.type(), record.location(), source, record.retires(), provided(record), targets);
    }

    void add(Summary record) {
        records++;
        recordsByType.merge(record.type(), 1, Integer::sum);
        Entry entry = entries.get(record.id());
        if (entry == null) {
            entry = new Entry(record.type(), record.location(), entries.size());
            entries.put(record.id(), entry);
        }
        else if (!entry.type.equals(record.type())) {
            rejections.add(new Rejection(record.location(), record.id(), "id", "the id is used by a " + entry.type + " at " + entry.location));
            return;
        }
        if (record.source() != null) {
            sources.put(record.id(), record.source());
        }
        entry.records++;
        entry.onlyRetires &= record.retires();
        entry.provided |= record.provided();
        if (graphToAsk) {
            referenced.addAll(record.referenced());
        }
    }

    long records() {
        return records;
    }

    Map<String, Integer> recordsByType() {
        return recordsByType;
    }

    /** The ids to ask the graph about: those referred to that the import does not define, and those it defines. */
    Set<String> idsToLookUp() {
        if (!graphToAsk) {
            throw new IllegalStateException("an index for a new store keeps no ids to look up");
        }
        Set<String> ids = new HashSet<>(referenced);
        ids.addAll(entries.keySet());
        return ids;
    }

    /** How many of the import's records are about this id (0 for one it does not define). */
    int recordsAbout(String id) {
        Entry entry = entries.get(id);
        return entry == null ? 0 : entry.records;
    }

    /** The number of an id the import defines (0 to {@link #ids()} - 1, in the order first seen), or -1. */
    long number(String id) {
        Entry entry = entries.get(id);
        return entry == null ? -1 : entry.number;
    }

    /** How many distinct ids the import defines. */
    int ids() {
        return entries.size();
    }

    /** Every fact id the import asserts something about. */
    Set<String> factIds() {
        Set<String> ids = new HashSet<>();
        entries.forEach((id, entry) -> {
            if (!entry.type.equals("Source")) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** What the import does not know on its own: checked against what the graph holds. */
    List<Rejection> finish(Map<String, Known> inGraph) {
        List<Rejection> problems = new ArrayList<>(rejections);
        entries.forEach((id, entry) -> {
            Known before = inGraph.get(id);
            if (before != null && !before.type().equals(entry.type)) {
                problems.add(new Rejection(entry.location, id, "id", "the graph already holds a " + before.type() + " with this id"));
                return;
            }
            TypeSpec spec = RecordSchema.spec(entry.type);
            if (spec.shape() == Shape.SOURCE || before != null) {
                return;
            }
            if (entry.onlyRetires) {
                problems.add(new Rejection(entry.location, id, "retired", "there is no " + entry.type + " " + id + " to retire"));
                return;
            }
            List<String> required = required(spec);
            if (spec.shape() == Shape.NODE && (entry.provided & NAME) == 0) {
                problems.add(new Rejection(entry.location, id, "name", "a new " + entry.type + " needs a name (English)"));
            }
            for (int i = 0; i < required.size(); i++) {
                if ((entry.provided & (1 << i)) == 0) {
                    String field = required.get(i);
                    problems.add(new Rejection(entry.location, id, field, "a new " + entry.type + " needs " + field + describe(spec, field)));
                }
            }
        });
        return problems;
    }

    /** What each id is, for the plan of any chunk: the import's own definitions first, then the graph's. */
    ImportPlanner.Resolver resolver(Map<String, Known> inGraph) {
        return id -> {
            Known source = sources.get(id);
            if (source != null) {
                Known before = inGraph.get(id);
                return before != null && before.owner() != null ? new Known("Source", source.sourceKind(), before.owner(), source.file()) : source;
            }
            Known before = inGraph.get(id);
            if (before != null) {
                return before;
            }
            Entry entry = entries.get(id);
            return entry == null ? null : new Known(entry.type, null, null, null);
        };
    }

    private static final int NAME = 1 << 30;

    /** Per type, its required fields and references, in a fixed order: bit i of {@code provided} is field i. */
    private static final Map<String, List<String>> REQUIRED = RecordSchema.types().stream().collect(Collectors.toUnmodifiableMap(TypeSpec::type,
            spec -> {
                List<String> required = new ArrayList<>();
                spec.values().values().stream().filter(ValueField::required).forEach(f -> required.add(f.name()));
                spec.references().stream().filter(Reference::required).forEach(r -> required.add(r.field()));
                return List.copyOf(required);
            }));

    private static List<String> required(TypeSpec spec) {
        return REQUIRED.get(spec.type());
    }

    private static int provided(CheckedRecord record) {
        int provided = record.name() != null ? NAME : 0;
        List<String> required = required(record.spec());
        for (int i = 0; i < required.size(); i++) {
            String field = required.get(i);
            if (record.values().containsKey(field) || record.references().containsKey(field)
                    || record.citations().stream().anyMatch(c -> c.figures().containsKey(field))) {
                provided |= 1 << i;
            }
        }
        return provided;
    }

    private static String describe(TypeSpec spec, String field) {
        return spec.value(field).map(f -> f.allowed().isEmpty() ? "" : ": one of " + String.join(", ", f.allowed()))
                .or(() -> spec.reference(field).map(r -> " (" + String.join(" or ", r.targetTypes()) + ")")).orElse("");
    }
}
