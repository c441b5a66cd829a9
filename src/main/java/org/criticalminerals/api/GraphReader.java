package org.criticalminerals.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.criticalminerals.model.Node;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared read path of the features: every entity is read with one projection ({@link #ENTITY}) and
 * shaped for GraphQL by {@link Entities#shape}; lists
 * are keyset pages read in index order and cut in the database, and nested fields are loaded
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

    /** This reader through its proxy, so that a count run after the page has a read transaction of its own. */
    private final GraphReader self;

    GraphReader(Neo4jClient client, @Lazy GraphReader self) {
        this.client = client;
        this.self = self;
    }

    /** The entity with this id, whatever its type, or empty. */
    public Optional<Node> node(String id) {
        return byId(Node.class, "Entity", id);
    }

    /** The entity of this type (its record class names the label) with this id, or empty. */
    public <T extends Node> Optional<T> byId(Class<T> type, String id) {
        return byId(type, type.getSimpleName(), id);
    }

    private <T extends Node> Optional<T> byId(Class<T> type, String label, String id) {
        checkLabel(label);
        // a removed fact's node stays as an unlabelled tombstone: it is no entity
        return client.query("MATCH (n:" + label + " {id: $id}) WHERE any(l IN labels(n) WHERE l IN $types) RETURN " + ENTITY + " AS entity")
                .bind(id).to("id").bind(Entities.TYPES).to("types")
                .fetchAs(type).mappedBy((t, r) -> Records.entity(type, Entities.shapeRow(r.get("entity").asMap())))
                .one();
    }

    /** Those of the ids that name no entity (nothing, or a removed fact's tombstone); one statement. */
    public List<String> missing(Collection<String> ids) {
        return List.copyOf(client.query("""
                UNWIND $ids AS id
                OPTIONAL MATCH (n:Entity {id: id})
                WITH id, n WHERE n IS NULL OR none(l IN labels(n) WHERE l IN $types)
                RETURN DISTINCT id""").bind(List.copyOf(ids)).to("ids").bind(Entities.TYPES).to("types")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    /** The entities with these ids, whatever their type, for each key that has one; one statement. */
    public <K> Map<K, Node> byIds(Collection<K> keys, java.util.function.Function<K, String> id) {
        Map<String, Node> found = new HashMap<>();
        client.query("MATCH (n:Entity) WHERE n.id IN $ids AND any(l IN labels(n) WHERE l IN $types) RETURN " + ENTITY + " AS entity")
                .bind(keys.stream().map(id).distinct().toList()).to("ids").bind(Entities.TYPES).to("types")
                .fetch().all().forEach(row -> {
                    Map<String, Object> entity = Entities.shapeRow(row);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> shaped = (Map<String, Object>) entity.get("entity");
                    found.put((String) shaped.get("id"), Records.entity(Node.class, shaped));
                });
        Map<K, Node> result = new LinkedHashMap<>();
        keys.forEach(key -> {
            if (found.containsKey(id.apply(key))) {
                result.put(key, found.get(id.apply(key)));
            }
        });
        return result;
    }

    /**
     * One page of the entities of a label that match {@code where} (a constant predicate over {@code n} using only
     * parameters), in the request's order, walked from its cursor in the database: each statement reads the
     * page's items in index order and stops after them, so a page costs what it holds. The total is counted in a
     * statement of its own, only if the client asks for it.
     */
    public <T extends Node> Connection<T> page(Class<T> type, ListConditions conditions, PageRequest request) {
        return page(type, conditions, "", request);
    }

    /**
     * As {@link #page(Class, ListConditions, PageRequest)}, with {@code refine}: constant clauses after the match that
     * keep {@code n} and drop rows (a filter on something computed per item, such as a supply route).
     */
    public <T extends Node> Connection<T> page(Class<T> type, ListConditions conditions, String refine, PageRequest request) {
        String label = type.getSimpleName();
        String where = conditions.where();
        Map<String, Object> parameters = conditions.parameters();
        checkLabel(label);
        int size = request.size();
        SortField field = request.field();
        boolean backward = request.backward();
        String cursor = backward ? request.before() : request.after();
        Connection.Position at = cursor == null ? null : Connection.decode(field, cursor);
        // the list's order: items with a value by (value, id) in the direction, then items without one by id;
        // a backward page walks that order from its end
        boolean descending = request.descending() != backward;
        List<Segment> walk = new ArrayList<>();
        boolean nullsToo = !field.alwaysPresent();
        if (!backward) {
            if (at == null || at.value() != null) {
                walk.add(new Segment(true, at));
            }
            if (nullsToo) {
                walk.add(new Segment(false, at != null && at.value() == null ? at : null));
            }
        }
        else {
            if (nullsToo && (at == null || at.value() == null)) {
                walk.add(new Segment(false, at));
            }
            if (at == null || at.value() == null) {
                walk.add(new Segment(true, null));
            }
            else {
                walk.add(new Segment(true, at));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Segment segment : walk) {
            if (rows.size() > size) {
                break;
            }
            Map<String, Object> bound = new HashMap<>(parameters);
            bound.put("limit", size + 1 - rows.size());
            if (segment.from() != null) {
                bound.put("key", segment.from().value());
                bound.put("afterId", segment.from().id());
            }
            String statement = "MATCH (n:%s)\nWHERE (%s)\n  AND %s\n%s\nWITH n ORDER BY %s LIMIT $limit\nRETURN n.%s AS sortValue, %s AS entity"
                    .formatted(label, where, segment.condition(field, descending), refine, segment.order(field, descending),
                            field.property(), ENTITY);
            client.query(statement).bindAll(bound).fetch().all().forEach(row -> {
                Map<String, Object> entity = Entities.shapeRow(row);
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) entity.get("entity");
                rows.add(Map.of("node", node, "cursor", Connection.encode(field, row.get("sortValue"), (String) node.get("id"))));
            });
        }
        boolean more = rows.size() > size;
        List<Map<String, Object>> page = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        if (backward) {
            Collections.reverse(page);
        }
        @SuppressWarnings("unchecked")
        List<Connection.Edge<T>> edges = page.stream()
                .map(row -> new Connection.Edge<>((String) row.get("cursor"), Records.entity(type, (Map<String, Object>) row.get("node"))))
                .toList();
        Connection.PageInfo info = new Connection.PageInfo(backward ? cursor != null : more, backward ? more : cursor != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        String count = countStatement(label, conditions, refine);
        Map<String, Object> countParameters = new HashMap<>(parameters);
        return new Connection<>(edges, info, () -> self.count(count, countParameters));
    }

    /**
     * Counts the list: from the count store without a filter, from the node a linked condition names when there is
     * one, otherwise over the label.
     */
    static String countStatement(String label, ListConditions conditions, String refine) {
        checkLabel(label);
        String anchor = conditions.anchor();
        if (anchor != null) {
            // a pattern may reach an item more than once (an offtake with two buyers in the country)
            return "MATCH (n:%s), %s\nWHERE (%s)\n%s\nRETURN count(DISTINCT n) AS total".formatted(label, anchor,
                    conditions.whereBesidesAnchor(), refine);
        }
        String where = conditions.where();
        if (where.equals("true") && refine.isEmpty()) {
            return "MATCH (n:%s)\nRETURN count(n) AS total".formatted(label);
        }
        return "MATCH (n:%s)\nWHERE (%s)\n%s\nRETURN count(n) AS total".formatted(label, where, refine);
    }

    /** A count of {@link #countStatement}; a statement of its own, run only for a selected totalCount. */
    public int count(String statement, Map<String, Object> parameters) {
        return client.query(statement).bindAll(new HashMap<>(parameters)).fetchAs(Integer.class).mappedBy((t, r) -> r.get("total").asInt())
                .one().orElse(0);
    }

    /**
     * A stretch of a list's order: the items with a value for the sort field, or those without one, from a
     * position on (exclusive), or from the start.
     */
    private record Segment(boolean valued, Connection.@Nullable Position from) {

        String condition(SortField field, boolean descending) {
            String beyond = descending ? "<" : ">";
            if (field == SortField.ID) {
                return from == null ? "n.id IS NOT NULL" : "n.id " + beyond + " $afterId";
            }
            String p = "n." + field.property();
            if (!valued) {
                return p + " IS NULL" + (from == null ? "" : " AND n.id " + beyond + " $afterId");
            }
            // a range on the sort property, so that the planner walks its index from the position
            return from == null ? p + " IS NOT NULL"
                    : "%s %s= $key AND (%s %s $key OR n.id %s $afterId)".formatted(p, beyond, p, beyond, beyond);
        }

        String order(SortField field, boolean descending) {
            String direction = descending ? " DESC" : "";
            return field == SortField.ID || !valued ? "n.id" + direction : "n." + field.property() + direction + ", n.id" + direction;
        }
    }

    private static void checkLabel(String label) {
        if (!Entities.TYPES.contains(label) && !label.equals("Entity")) {
            throw new IllegalArgumentException("unknown label " + label);
        }
    }

    /**
     * Entities related to each parent through {@code pattern}, a constant pattern from {@code (parent)} to
     * {@code (n)}, e.g. {@code (parent)-[:BASED_IN]->(n:Country)}; one statement for all parents.
     */
    public <K extends Node, T> Map<K, List<T>> related(Collection<K> parents, String pattern, Class<T> type) {
        Map<String, List<Map<String, Object>>> byId = relatedById(parents.stream().map(Node::id).toList(), pattern);
        Map<K, List<T>> result = new LinkedHashMap<>();
        for (K parent : parents) {
            result.put(parent, byId.getOrDefault(parent.id(), List.of()).stream().map(item -> Records.entity(type, item)).toList());
        }
        return result;
    }

    /**
     * As {@link #related} for fields holding at most one entity; parents without one are left out. The pattern
     * names its relationship {@code r}: where sources disagree on the entity, the preferred source's comes first
     * (the others are marked {@code alternative}).
     */
    public <K extends Node, T> Map<K, T> relatedOne(Collection<K> parents, String pattern, Class<T> type) {
        Map<String, List<Map<String, Object>>> byId = relatedById(parents.stream().map(Node::id).toList(), pattern,
                "coalesce(r.alternative, false), n.id");
        Map<K, T> result = new LinkedHashMap<>();
        for (K parent : parents) {
            List<Map<String, Object>> items = byId.getOrDefault(parent.id(), List.of());
            if (!items.isEmpty()) {
                result.put(parent, Records.entity(type, items.get(0)));
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

    /**
     * Pages of a nested list for many parents: for each, its {@code first} items {@code n} matched by
     * {@code pattern} (from {@code parent}), by id, after the page's {@code after}; one statement per page size and
     * start, each parent's page cut in the database.
     */
    public <T> Map<NestedPage, List<T>> relatedPages(Collection<NestedPage> pages, String pattern, Class<T> type) {
        return relatedPages(pages, pattern, ENTITY, item -> Records.entity(type, item));
    }

    /**
     * As {@link #relatedPages(Collection, String, Class)}, each item projected by {@code item} (a constant map
     * expression over {@code n} and the pattern's variables) and read by {@code read}.
     */
    public <T> Map<NestedPage, List<T>> relatedPages(Collection<NestedPage> pages, String pattern, String item,
            java.util.function.Function<Map<String, Object>, T> read) {
        Map<NestedPage, List<T>> result = new HashMap<>();
        Map<List<Object>, List<NestedPage>> bySlice = new LinkedHashMap<>();
        pages.forEach(page -> bySlice.computeIfAbsent(java.util.Arrays.asList(page.first(), page.after()), k -> new ArrayList<>()).add(page));
        bySlice.forEach((slice, group) -> {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("ids", group.stream().map(NestedPage::parentId).distinct().toList());
            parameters.put("first", slice.get(0));
            parameters.put("after", slice.get(1));
            Map<String, List<Map<String, Object>>> byParent = new HashMap<>();
            // the page's items are chosen by id first and projected after, so that a parent with thousands of links
            // costs reading their ids, not shaping each of them; the pattern is matched again for the page's items
            // only, for the variables the projection reads
            rows("""
                    UNWIND $ids AS parentId
                    MATCH (parent:Entity {id: parentId})
                    CALL (parent) {
                      MATCH %1$s
                      %3$s
                      WITH DISTINCT n ORDER BY n.id LIMIT $first
                      MATCH %1$s
                      WITH n, head(collect(%2$s)) AS item ORDER BY n.id
                      RETURN collect(item) AS items
                    }
                    RETURN parentId, items""".formatted(pattern, item, slice.get(1) == null ? "" : "WHERE n.id > $after"), parameters).forEach(row -> {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> items = (List<Map<String, Object>>) row.get("items");
                        byParent.put((String) row.get("parentId"), items);
                    });
            group.forEach(page -> result.put(page, byParent.getOrDefault(page.parentId(), List.<Map<String, Object>>of()).stream()
                    .map(read).toList()));
        });
        return result;
    }

    /** Runs a constant statement with parameters and returns its rows, shaped. */
    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return client.query(cypher).bindAll(new HashMap<>(parameters)).fetch().all().stream().map(Entities::shapeRow).toList();
    }
}
