package org.criticalminerals.changes;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.BadInputException;
import org.criticalminerals.api.Connection;
import org.criticalminerals.model.RecordSchema;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts (and sources) changed after a time, oldest change first, paged by (time of change, id) along the
 * index on {@code updatedAt}: a partner asks for changes since its last sync and follows {@code endCursor}.
 * A fact appears once, with its latest change; a removed fact's tombstone keeps its id and type.
 */
@Service
@Transactional(readOnly = true)
public class ChangeFeed {

    private final Neo4jClient client;

    ChangeFeed(Neo4jClient client) {
        this.client = client;
    }

    public ChangeConnection changes(OffsetDateTime since, @Nullable Integer first, @Nullable String after) {
        int size = Connection.pageSize(first);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("since", since.toZonedDateTime());
        parameters.put("limit", size + 1);
        parameters.put("types", RecordSchema.typeNames());
        parameters.put("afterAt", null);
        parameters.put("afterId", null);
        if (after != null) {
            String[] cursor = decode(after);
            parameters.put("afterAt", ZonedDateTime.parse(cursor[0]));
            parameters.put("afterId", cursor[1]);
        }
        List<Change> changes = List.copyOf(client.query("""
                MATCH (n:Entity) WHERE n.updatedAt > $since
                  AND ($afterAt IS NULL OR n.updatedAt > $afterAt OR n.updatedAt = $afterAt AND n.id > $afterId)
                WITH n ORDER BY n.updatedAt, n.id LIMIT $limit
                RETURN n.id AS id, coalesce([l IN labels(n) WHERE l IN $types][0], n.type) AS type, n.updatedAt AS at,
                       n.createdAt AS createdAt, n.removedAt AS removedAt, n.retiredAt AS retiredAt, coalesce(n.version, 0) AS version,
                       coalesce(n.updatedBatch, n.batch) AS batch, coalesce(n.updatedBy, n.owner) AS by""")
                .bindAll(parameters)
                .fetchAs(Change.class)
                .mappedBy((types, row) -> new Change(row.get("id").asString(), row.get("type").asString("Entity"),
                        kind(row.get("createdAt"), row.get("removedAt"), row.get("retiredAt"), since), row.get("at").asOffsetDateTime(),
                        row.get("version").asLong(), row.get("batch").asString(null), row.get("by").asString(null)))
                .all());
        List<ChangeConnection.ChangeEdge> edges = changes.stream().limit(size).map(c -> new ChangeConnection.ChangeEdge(encode(c), c)).toList();
        return new ChangeConnection(edges, new Connection.PageInfo(changes.size() > size, after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private static Change.Kind kind(Value created, Value removed, Value retired, OffsetDateTime since) {
        if (!removed.isNull()) {
            return Change.Kind.REMOVED;
        }
        if (!retired.isNull() && retired.asOffsetDateTime().isAfter(since)) {
            return Change.Kind.RETIRED;
        }
        return !created.isNull() && created.asOffsetDateTime().isAfter(since) ? Change.Kind.CREATED : Change.Kind.UPDATED;
    }

    /** The position of a change: its time and id, in the API's cursor encoding. */
    private static String encode(Change change) {
        return Connection.encode(change.at().toZonedDateTime() + "|" + change.id());
    }

    private static String[] decode(String cursor) {
        String position = Connection.decode(cursor);
        int bar = position.indexOf('|');
        try {
            if (bar > 0) {
                ZonedDateTime.parse(position.substring(0, bar));
                return new String[] { position.substring(0, bar), position.substring(bar + 1) };
            }
        }
        catch (DateTimeParseException e) {
            // reported below
        }
        throw new BadInputException("after is not a cursor of the change feed: " + cursor);
    }
}
