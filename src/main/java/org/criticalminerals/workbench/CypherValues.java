package org.criticalminerals.workbench;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Cypher values as plain JSON: nodes as {@code {elementId, labels, properties}}, relationships as
 * {@code {elementId, type, start, end, properties}}, paths as their nodes and relationships, temporal values
 * as ISO 8601 text, points as {@code {srid, x, y, z}}, byte arrays as Base64.
 */
final class CypherValues {

    private CypherValues() {
    }

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    static @Nullable Object toJson(Value value) {
        TypeSystem types = TYPES;
        if (value.isNull()) {
            return null;
        }
        if (value.hasType(types.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(types.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(types.PATH())) {
            Path path = value.asPath();
            List<Object> nodes = new java.util.ArrayList<>();
            path.nodes().forEach(n -> nodes.add(node(n)));
            List<Object> relationships = new java.util.ArrayList<>();
            path.relationships().forEach(r -> relationships.add(relationship(r)));
            return Map.of("nodes", nodes, "relationships", relationships);
        }
        if (value.hasType(types.LIST())) {
            return value.asList(CypherValues::toJson);
        }
        if (value.hasType(types.MAP())) {
            return properties(value.asMap(v -> v));
        }
        if (value.hasType(types.POINT())) {
            Point point = value.asPoint();
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("srid", point.srid());
            shaped.put("x", point.x());
            shaped.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                shaped.put("z", point.z());
            }
            return shaped;
        }
        if (value.hasType(types.BYTES())) {
            return Base64.getEncoder().encodeToString(value.asByteArray());
        }
        if (value.hasType(types.DATE()) || value.hasType(types.TIME()) || value.hasType(types.LOCAL_TIME())
                || value.hasType(types.DATE_TIME()) || value.hasType(types.LOCAL_DATE_TIME()) || value.hasType(types.DURATION())) {
            return value.asObject().toString();
        }
        return value.asObject(); // string, integer (long), float (double), boolean
    }

    private static Map<String, Object> node(Node node) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("elementId", node.elementId());
        shaped.put("labels", node.labels());
        shaped.put("properties", properties(node.asMap(v -> v)));
        return shaped;
    }

    private static Map<String, Object> relationship(Relationship relationship) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("elementId", relationship.elementId());
        shaped.put("type", relationship.type());
        shaped.put("start", relationship.startNodeElementId());
        shaped.put("end", relationship.endNodeElementId());
        shaped.put("properties", properties(relationship.asMap(v -> v)));
        return shaped;
    }

    private static Map<String, Object> properties(Map<String, Value> values) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        values.forEach((key, v) -> shaped.put(key, toJson(v)));
        return shaped;
    }
}
