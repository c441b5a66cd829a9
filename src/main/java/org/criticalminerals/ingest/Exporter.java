package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the graph, or part of it, as JSON Lines in the knowledge-base format with its provenance: first the
 * sources its claims cite, then one record per claim — what that claim asserts, its citation, and the batch,
 * writer and time it had ({@code _batch}, {@code _by}, {@code _byRole}, {@code _at}). Importing an export with
 * {@code restore} gives back the same claims, and so the same facts. Streams from one read transaction.
 */
@Component
public class Exporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to export; every filter is optional. */
    public record Selection(List<String> types, @Nullable String batch, @Nullable String source, @Nullable ZonedDateTime changedSince) {

        public static Selection all() {
            return new Selection(List.of(), null, null, null);
        }
    }

    private final Driver driver;

    private final Duration timeout;

    Exporter(Driver driver, @Value("${cmg.import.transaction-timeout:30m}") Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /** @return the number of lines written */
    public long export(Selection selection, OutputStream out) {
        for (String type : selection.types()) {
            if (RecordSchema.find(type).isEmpty()) {
                throw new IllegalArgumentException("type must be one of " + RecordSchema.typeNames() + ", not " + type);
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("types", selection.types());
        parameters.put("batch", selection.batch());
        parameters.put("source", selection.source());
        parameters.put("since", selection.changedSince());
        long[] lines = new long[1];
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (s:Source)
                        WHERE ($source IS NULL OR s.id = $source)
                          // the whole graph holds every source, also one that no claim cites any more
                          AND ((size($types) = 0 AND $batch IS NULL AND $since IS NULL)
                               OR EXISTS { MATCH (s)<-[:FROM]-(c:Claim)
                                           WHERE (size($types) = 0 OR c.type IN $types) AND ($batch IS NULL OR c.batch = $batch) })
                        RETURN s {.*} AS source ORDER BY s.id""", parameters)
                        .forEachRemaining(r -> write(out, source(r.get("source").asMap()), lines));
                tx.run("""
                        MATCH (c:Claim)
                        WHERE (size($types) = 0 OR c.type IN $types) AND ($batch IS NULL OR c.batch = $batch)
                          AND ($source IS NULL OR c.source = $source)
                          AND ($since IS NULL OR EXISTS { MATCH (n:Entity {id: c.record}) WHERE n.updatedAt > $since }
                               OR EXISTS { MATCH ()-[r:SUPPLIES {record: c.record}]->() })
                        RETURN c {.*} AS claim""", parameters).forEachRemaining(r -> write(out, record(r), lines));
                return null;
            }, TransactionConfig.builder().withTimeout(timeout).build());
        }
        flush(out);
        return lines[0];
    }

    private static Map<String, Object> source(Map<String, Object> stored) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "Source");
        record.put("id", stored.get("id"));
        record.put("name", stored.get("name"));
        putIfPresent(record, "nameJa", stored.get("nameJa"));
        if (stored.get("aliases") instanceof List<?> aliases && !aliases.isEmpty()) {
            record.put("aliases", aliases);
        }
        TypeSpec spec = RecordSchema.spec("Source");
        for (ValueField field : spec.values().values()) {
            putIfPresent(record, field.name(), value(stored, field));
        }
        record.put("_batch", stored.get("batch"));
        record.put("_by", stored.get("owner"));
        record.put("_byRole", "curator");
        record.put("_owner", stored.get("owner"));
        return record;
    }

    /** A claim as the record that makes it: its assertion, its one citation and its provenance. */
    static Map<String, Object> record(Record row) {
        Map<String, Object> claim = row.get("claim").asMap();
        TypeSpec spec = RecordSchema.spec((String) claim.get("type"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", spec.type());
        record.put("id", claim.get("record"));
        Set<String> cited = Set.copyOf(strings(claim.get("cited")));
        Map<String, Object> figures = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(claim.get("retires"))) {
            record.put("retired", Map.of("reason", String.valueOf(claim.get("reason"))));
        }
        else {
            putIfPresent(record, "name", claim.get("name"));
            putIfPresent(record, "nameJa", claim.get("nameJa"));
            if (claim.get("aliases") instanceof List<?> aliases && !aliases.isEmpty()) {
                record.put("aliases", aliases);
            }
            for (String field : strings(claim.get("fields"))) {
                ValueField value = spec.values().get(field);
                if (value != null) {
                    (cited.contains(field) ? figures : record).put(field, value(claim, value));
                }
            }
            if (claim.get("references") instanceof String references && !references.isEmpty()) {
                Map<String, List<Map<String, Object>>> parsed = JSON.readValue(references,
                        new TypeReference<Map<String, List<Map<String, Object>>>>() { });
                parsed.forEach((field, items) -> {
                    List<Object> targets = new ArrayList<>();
                    for (Map<String, Object> item : items) {
                        if (item.size() == 1) {
                            targets.add(item.get("id"));
                        }
                        else {
                            Map<String, Object> detailed = new LinkedHashMap<>(item);
                            detailed.put("party", detailed.remove("id"));
                            targets.add(detailed);
                        }
                    }
                    boolean many = spec.reference(field).map(RecordSchema.Reference::many).orElse(true);
                    record.put(field, many ? targets : targets.get(0));
                });
            }
        }
        Map<String, Object> citation = new LinkedHashMap<>();
        citation.put("source", claim.get("source"));
        putIfPresent(citation, "line", claim.get("line") instanceof Long line ? line.intValue() : null);
        putIfPresent(citation, "quote", claim.get("quote"));
        putIfPresent(citation, "statement", claim.get("statement"));
        putIfPresent(citation, "note", claim.get("note"));
        if (!figures.isEmpty()) {
            citation.put("claims", figures);
        }
        record.put("cite", List.of(citation));
        record.put("_batch", claim.get("batch"));
        record.put("_by", claim.get("by"));
        record.put("_byRole", claim.get("byRole"));
        record.put("_at", String.valueOf(claim.get("at")));
        return record;
    }

    /** A stored value in the knowledge-base format: dates as YYYY, YYYY-MM or YYYY-MM-DD. */
    private static @Nullable Object value(Map<String, Object> stored, ValueField field) {
        Object value = stored.get(field.name());
        if (value instanceof LocalDate date) {
            return PartialDate.of(date, (String) stored.get(field.name() + "Precision")).text();
        }
        return value;
    }

    private static List<String> strings(@Nullable Object list) {
        return list instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void write(OutputStream out, Map<String, Object> record, long[] lines) {
        try {
            out.write(JSON.writeValueAsBytes(record));
            out.write('\n');
            lines[0]++;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
