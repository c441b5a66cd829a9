package org.criticalminerals.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.RecordSchema;

/**
 * How entities travel from Cypher to GraphQL. Statements project an entity as {@code n {.*, labels: labels(n)}}
 * (see {@link #project}), which also reads well in cypher-shell; {@link #shape} then gives every such map its
 * GraphQL type name and the ISO code, and turns each stored date with its precision into a {@link PartialDate}; {@link Records} then reads the
 * map as the record of its type.
 */
public final class Entities {

    /** The key under which a shaped entity carries its GraphQL type name. */
    public static final String TYPENAME = "__typename";

    /** The entity labels, which are also the GraphQL object type names. */
    public static final List<String> TYPES = RecordSchema.entityTypes();

    /** Dates are stored as their first day plus {@code <field>Precision} (YEAR, MONTH, DAY) and {@code <field>End}. */
    private static final List<String> DATE_FIELDS = dateFields();

    private Entities() {
    }

    /** The Cypher projection of the entity bound to {@code variable}. */
    public static String project(String variable) {
        return variable + " {.*, labels: labels(" + variable + ")}";
    }

    /** Shapes a result value (maps and lists, at any depth) for GraphQL. */
    public static Object shape(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            map.forEach((k, v) -> shaped.put(k.toString(), shape(v)));
            if (map.get("labels") instanceof List<?> labels && map.containsKey("id")) {
                labels.stream().map(Object::toString).filter(TYPES::contains).findFirst().ifPresent(type -> shaped.put(TYPENAME, type));
                shaped.put("code", map.get("id"));
            }
            if (map.get("retiredAt") != null) {
                shaped.put("retired", Map.of("at", map.get("retiredAt"), "by", String.valueOf(map.get("retiredBy")),
                        "reason", String.valueOf(map.get("retiredReason"))));
            }
            else {
                shaped.remove("retired");
            }
            for (String field : DATE_FIELDS) {
                if (map.get(field) instanceof LocalDate date) {
                    shaped.put(field, PartialDate.of(date, (String) map.get(field + "Precision")));
                }
            }
            return shaped;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Entities::shape).toList();
        }
        return value;
    }

    private static List<String> dateFields() {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        for (RecordSchema.TypeSpec type : RecordSchema.types()) {
            type.values().values().stream().filter(f -> f.kind() == RecordSchema.ValueKind.DATE).forEach(f -> fields.add(f.name()));
            type.references().forEach(r -> r.itemFields().stream().filter(f -> f.kind() == RecordSchema.ValueKind.DATE)
                    .forEach(f -> fields.add(f.name())));
        }
        return List.copyOf(fields);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> shapeRow(Map<String, Object> row) {
        return (Map<String, Object>) shape(row);
    }
}
