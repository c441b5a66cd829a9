package org.criticalminerals.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared read path of the features: every entity is read with one projection ({@link #ENTITY}) and
 * shaped for GraphQL by {@link Entities#shape}; lists
 * are cursor pages computed in a single statement (page and total together), and nested fields are loaded
 * for a whole batch of parents in one statement, so a GraphQL request issues a bounded number of
 * statements whatever its width. All reads run in read transactions, which a cluster routes to followers.
 * Features pass constant Cypher fragments; every value is a parameter.
 */
@Component
@Transactional(readOnly = true)
public class GraphReader {

    /** Projects the entity bound to {@code n}; results are shaped by {@link Entities#shape}. */
    public static final String ENTITY = Entities.project("n");

    private final Neo4jClient client;

    GraphReader(Neo4jClient client) {
        this.client = client;
    }

    /** The entity with this id and label, or empty. */
    public Optional<Map<String, Object>> byId(String label, String id) {
        if (!Entities.TYPES.contains(label) && !label.equals("Entity")) {
            throw new IllegalArgumentException("unknown label " + label);
        }
        // a removed fact's node stays as an unlabelled tombstone: it is no entity
        return client.query("MATCH (n:" + label + " {id: $id}) WHERE any(l IN labels(n) WHERE l IN $types) RETURN " + ENTITY + " AS entity")
                .bind(id).to("id").bind(Entities.TYPES).to("types")
                .fetchAs(mapType()).mappedBy((t, r) -> Entities.shapeRow(r.get("entity").asMap()))
                .one();
    }

    /** The entities with these ids, whatever their type, for each key that has one; one statement. */
    public <K> Map<K, Map<String, Object>> byIds(Collection<K> keys, java.util.function.Function<K, String> id) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        client.query("MATCH (n:Entity) WHERE n.id IN $ids AND any(l IN labels(n) WHERE l IN $types) RETURN " + ENTITY + " AS entity")
                .bind(keys.stream().map(id).distinct().toList()).to("ids").bind(Entities.TYPES).to("types")
                .fetch().all().forEach(row -> {
                    Map<String, Object> entity = Entities.shapeRow(row);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> shaped = (Map<String, Object>) entity.get("entity");
                    found.put((String) shaped.get("id"), shaped);
                });
        Map<K, Map<String, Object>> result = new LinkedHashMap<>();
        keys.forEach(key -> {
            if (found.containsKey(id.apply(key))) {
                result.put(key, found.get(id.apply(key)));
            }
        });
        return result;
    }

    /**
     * One page of entities bound to {@code n} by {@code matchClause} (a constant {@code MATCH (n:Label) WHERE …}
     * using only parameters, binding each entity once), ordered by id, with the total count, in one statement.
     * The count and the page are two subqueries: the page seeks the label's id index from the cursor and stops
     * after {@code first + 1} matches, instead of sorting every match (a page of 32,000 statistics took ten
     * times as long that way).
     */
    public Connection page(String matchClause, Map<String, Object> parameters, Integer first, String after) {
        int size = Connection.pageSize(first);
        String afterId = Connection.decode(after);
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("after", afterId);
        all.put("limit", size + 1);
        Map<String, Object> result = client.query("""
                CALL () {
                  %1$s
                  RETURN count(n) AS total
                }
                CALL () {
                  %1$s
                  WITH n WHERE n.id > coalesce($after, '')
                  WITH n ORDER BY n.id LIMIT $limit
                  RETURN collect(%2$s) AS page
                }
                RETURN total, page""".formatted(matchClause, ENTITY))
                .bindAll(all).fetch().one().map(Entities::shapeRow).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> page = (List<Map<String, Object>>) result.get("page");
        return Connection.of(page, size, afterId != null, ((Number) result.get("total")).intValue());
    }

    /**
     * Entities related to each parent through {@code pattern}, a constant pattern from {@code (parent)} to
     * {@code (n)}, e.g. {@code (parent)-[:BASED_IN]->(n:Country)}; one statement for all parents.
     */
    public <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> related(Collection<K> parents, String pattern) {
        Map<String, List<Map<String, Object>>> byId = relatedById(parents.stream().map(p -> (String) p.get("id")).toList(), pattern);
        Map<K, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (K parent : parents) {
            result.put(parent, byId.getOrDefault((String) parent.get("id"), List.of()));
        }
        return result;
    }

    /**
     * As {@link #related} for fields holding at most one entity; parents without one are left out. The pattern
     * names its relationship {@code r}: where sources disagree on the entity, the preferred source's comes first
     * (the others are marked {@code alternative}).
     */
    public <K extends Map<String, Object>> Map<K, Map<String, Object>> relatedOne(Collection<K> parents, String pattern) {
        Map<String, List<Map<String, Object>>> byId = relatedById(parents.stream().map(p -> (String) p.get("id")).toList(), pattern,
                "coalesce(r.alternative, false), n.id");
        Map<K, Map<String, Object>> result = new LinkedHashMap<>();
        for (K parent : parents) {
            List<Map<String, Object>> items = byId.getOrDefault((String) parent.get("id"), List.of());
            if (!items.isEmpty()) {
                result.put(parent, items.get(0));
            }
        }
        return result;
    }

    Map<String, List<Map<String, Object>>> relatedById(List<String> ids, String pattern) {
        return relatedById(ids, pattern, "n.id");
    }

    private Map<String, List<Map<String, Object>>> relatedById(List<String> ids, String pattern, String order) {
        Map<String, List<Map<String, Object>>> byId = new HashMap<>();
        client.query("""
                UNWIND $ids AS parentId
                MATCH (parent:Entity {id: parentId})
                MATCH %s
                WITH parentId, n%s ORDER BY %s
                RETURN parentId, collect(DISTINCT %s) AS items""".formatted(pattern, order.contains("r.") ? ", r" : "", order, ENTITY))
                .bind(ids).to("ids")
                .fetch().all().stream().map(Entities::shapeRow)
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> items = (List<Map<String, Object>>) row.get("items");
                    byId.put((String) row.get("parentId"), items);
                });
        return byId;
    }

    /** Runs a constant statement with parameters and returns its rows, shaped. */
    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return client.query(cypher).bindAll(new HashMap<>(parameters)).fetch().all().stream().map(Entities::shapeRow).toList();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
