package org.criticalminerals.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;

/**
 * What a store holds, to compare two stores or two states of one: the count of nodes per label and of
 * relationships per type, and a SHA-256 over every node (labels, properties) and every relationship (type,
 * properties, both ends' content), independent of internal ids and of order.
 * <p>
 * It covers the facts, their claims and sources, the batches, migrations and leases. It leaves out what records
 * the history of the store rather than its content: points in time, the ids of import runs, a fact's version and
 * who changed it last, and the tombstones of removed facts (kept for the change feed). So a store whose import
 * was undone compares equal to the store before the import, and two stores loaded with the same content compare
 * equal; {@code tombstones} counts the tombstones apart.
 */
public record GraphFingerprint(Map<String, Long> counts, String content, long tombstones, List<String> lines) {

    /** Properties of history, not content. */
    private static final Set<String> HISTORY = Set.of("run", "seen", "version", "updatedBy", "updatedBatch");

    public static GraphFingerprint of(Driver driver) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> nodes = new HashMap<>();
        List<String> lines = new ArrayList<>();
        long tombstones;
        try (Session session = driver.session()) {
            tombstones = session.run("MATCH (n:Entity) WHERE n.removedAt IS NOT NULL RETURN count(n) AS n").single().get("n").asLong();
            session.run("MATCH (n) WHERE n.removedAt IS NULL UNWIND labels(n) AS label RETURN label, count(*) AS n")
                    .forEachRemaining(r -> counts.put(":" + r.get("label").asString(), r.get("n").asLong()));
            session.run("MATCH (a)-[r]->(b) WHERE a.removedAt IS NULL AND b.removedAt IS NULL RETURN type(r) AS type, count(*) AS n")
                    .forEachRemaining(r -> counts.put("-" + r.get("type").asString() + "-", r.get("n").asLong()));
            session.run("MATCH (n) WHERE n.removedAt IS NULL RETURN n").forEachRemaining(r -> {
                Node node = r.get("n").asNode();
                List<String> labels = new ArrayList<>();
                node.labels().forEach(labels::add);
                labels.sort(null);
                String line = labels + " " + content(node.asMap());
                nodes.put(node.elementId(), sha256(line));
                lines.add(line);
            });
            session.run("MATCH (a)-[r]->(b) WHERE a.removedAt IS NULL AND b.removedAt IS NULL RETURN r").forEachRemaining(r -> {
                Relationship relationship = r.get("r").asRelationship();
                lines.add(nodes.get(relationship.startNodeElementId()) + " -" + relationship.type() + " " + content(relationship.asMap()) + "-> "
                        + nodes.get(relationship.endNodeElementId()));
            });
        }
        lines.sort(null);
        return new GraphFingerprint(counts, sha256(String.join("\n", lines)), tombstones, List.copyOf(lines));
    }

    /** What one holds and the other does not (at most 20 of each), to say what differs: empty when the content is equal. */
    public List<String> differences(GraphFingerprint other) {
        if (content.equals(other.content)) {
            return List.of();
        }
        Set<String> mine = new java.util.HashSet<>(lines);
        Set<String> theirs = new java.util.HashSet<>(other.lines);
        List<String> differences = new ArrayList<>();
        lines.stream().filter(line -> !theirs.contains(line)).limit(20).forEach(line -> differences.add("only here:  " + line));
        other.lines.stream().filter(line -> !mine.contains(line)).limit(20).forEach(line -> differences.add("only there: " + line));
        return differences;
    }

    private static String content(Map<String, Object> properties) {
        Map<String, Object> sorted = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (!(value instanceof TemporalAccessor || HISTORY.contains(key))) {
                sorted.put(key, value);
            }
        });
        return sorted.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
