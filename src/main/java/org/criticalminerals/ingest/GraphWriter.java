package org.criticalminerals.ingest;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.criticalminerals.ingest.ImportPlanner.ClaimRow;
import org.criticalminerals.ingest.ImportPlanner.Plan;
import org.criticalminerals.ingest.Reconciler.Reconciled;
import org.criticalminerals.ingest.Reconciler.Relationship;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.security.Caller;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Writes inside the caller's transaction: the claims of a plan (only those that are new or changed, and
 * removing the batch's claims the plan no longer holds), then reconciles every fact whose claims changed
 * from all of its claims, whatever their batch. A fact whose state did not change is not written, so an
 * import of the same content changes nothing. Labels and relationship types come from
 * {@link RecordSchema} only; every value is a parameter.
 */
final class GraphWriter {

    /** Every label a fact can carry besides Entity; removed before its current ones are set. */
    private static final String TYPE_LABELS = String.join(":", allTypeLabels());

    /** What a write did. */
    record Written(int claimsWritten, int claimsRemoved, Set<String> touched) {
    }

    /** What reconciliation did. */
    record Changes(int factsChanged, int factsRemoved, int relationshipsWritten) {
    }

    private GraphWriter() {
    }

    /**
     * Writes the plan's sources and claims. With {@code wholeBatch} the plan is the whole batch: claims of the
     * batch for records it no longer holds are removed too; otherwise only the claims of the records it holds.
     */
    static Written writeClaims(TransactionContext tx, String batch, Plan plan, ZonedDateTime now, boolean wholeBatch) {
        if (!plan.sources().isEmpty()) {
            tx.run("""
                    UNWIND $rows AS row
                    MERGE (s:Entity {id: row.id})
                    SET s:Source
                    WITH s, row, s.createdAt AS created
                    SET s = row.props
                    SET s.createdAt = coalesce(created, $now), s.updatedAt = $now""",
                    Map.of("rows", plan.sources().stream().map(s -> Map.of("id", s.id(), "props", s.props())).toList(), "now", now))
                    .consume();
        }
        Map<String, String> existing = new HashMap<>(); // claim id -> content hash
        Map<String, String> existingRecord = new HashMap<>();
        List<Record> rows = wholeBatch
                ? tx.run("MATCH (c:Claim {batch: $batch}) RETURN c.id AS id, c.record AS record, c.contentHash AS hash",
                        Map.of("batch", batch)).list()
                : tx.run("""
                        UNWIND $records AS record
                        MATCH (c:Claim {record: record}) WHERE c.batch = $batch
                        RETURN c.id AS id, c.record AS record, c.contentHash AS hash""",
                        Map.of("records", List.copyOf(plan.facts().keySet()), "batch", batch)).list();
        for (Record row : rows) {
            existing.put(row.get("id").asString(), row.get("hash").asString(""));
            existingRecord.put(row.get("id").asString(), row.get("record").asString());
        }
        Set<String> planned = plan.claims().stream().map(ClaimRow::id).collect(Collectors.toSet());
        List<String> stale = existing.keySet().stream().filter(id -> !planned.contains(id)).toList();
        List<ClaimRow> changed = plan.claims().stream().filter(c -> !Objects.equals(existing.get(c.id()), c.props().get("contentHash")))
                .toList();
        Set<String> touched = new LinkedHashSet<>();
        changed.forEach(c -> touched.add(c.fact()));
        stale.forEach(id -> touched.add(existingRecord.get(id)));
        if (!stale.isEmpty()) {
            tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) DETACH DELETE c", Map.of("ids", stale)).consume();
        }
        List<String> nodeFacts = plan.facts().entrySet().stream().filter(e -> RecordSchema.spec(e.getValue()).shape() == Shape.NODE)
                .map(Map.Entry::getKey).filter(touched::contains).toList();
        if (!nodeFacts.isEmpty()) {
            tx.run("UNWIND $ids AS id MERGE (:Entity {id: id})", Map.of("ids", nodeFacts)).consume();
        }
        Map<Boolean, List<Map<String, Object>>> claimRows = changed.stream().collect(Collectors.partitioningBy(
                c -> RecordSchema.spec(c.type()).shape() == Shape.NODE,
                Collectors.mapping(c -> Map.of("id", c.id(), "fact", c.fact(), "props", c.props()), Collectors.toList())));
        if (!claimRows.get(true).isEmpty()) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (f:Entity {id: row.fact})
                    MATCH (s:Source {id: row.props.source})
                    MERGE (c:Claim {id: row.id})
                    WITH f, s, c, row, c.at AS at
                    SET c = row.props
                    SET c.at = coalesce(at, $now)
                    MERGE (f)-[:CLAIMED_BY]->(c)
                    MERGE (c)-[:FROM]->(s)""", Map.of("rows", claimRows.get(true), "now", now)).consume();
        }
        if (!claimRows.get(false).isEmpty()) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (s:Source {id: row.props.source})
                    MERGE (c:Claim {id: row.id})
                    WITH s, c, row, c.at AS at
                    SET c = row.props
                    SET c.at = coalesce(at, $now)
                    MERGE (c)-[:FROM]->(s)""", Map.of("rows", claimRows.get(false), "now", now)).consume();
        }
        return new Written(changed.size(), stale.size(), touched);
    }

    /** Removes every claim of the batch and the sources it defined that nothing cites any more; returns the facts touched. */
    static Written removeBatch(TransactionContext tx, String batch) {
        List<String> touched = tx.run("""
                MATCH (c:Claim {batch: $batch})
                WITH c, c.record AS record
                DETACH DELETE c
                RETURN DISTINCT record""", Map.of("batch", batch)).list(r -> r.get("record").asString());
        tx.run("""
                MATCH (s:Source {batch: $batch}) WHERE NOT EXISTS { (s)<-[:FROM]-(:Claim) }
                DETACH DELETE s""", Map.of("batch", batch)).consume();
        return new Written(0, touched.size(), new LinkedHashSet<>(touched));
    }

    /**
     * Reconciles the facts from all of their claims and writes those whose state changed: properties, labels,
     * the relationships they own, a new version and the time of the change.
     */
    static Changes reconcile(TransactionContext tx, Collection<String> factIds, ZonedDateTime now, Caller by, String batch) {
        if (factIds.isEmpty()) {
            return new Changes(0, 0, 0);
        }
        List<Reconciled> changed = new ArrayList<>();
        tx.run("""
                UNWIND $ids AS id
                OPTIONAL MATCH (n:Entity {id: id})
                CALL (id) {
                    OPTIONAL MATCH (c:Claim {record: id})
                    RETURN collect(c {.*}) AS claims
                }
                RETURN id, n.stateHash AS hash, claims""", Map.of("ids", List.copyOf(factIds))).forEachRemaining(row -> {
                    List<Map<String, Object>> claims = row.get("claims").asList(v -> v.asMap());
                    String type = claims.isEmpty() ? null : (String) claims.get(0).get("type");
                    if (type == null) {
                        type = typeOfRemoved(tx, row.get("id").asString());
                    }
                    if (type == null) {
                        return; // neither claims nor a fact: nothing to do
                    }
                    Reconciled reconciled = Reconciler.reconcile(row.get("id").asString(), type, claims);
                    if (!reconciled.stateHash().equals(row.get("hash").asString(null))) {
                        changed.add(reconciled);
                    }
                });
        writeNodes(tx, changed, now, by, batch);
        int relationships = writeRelationships(tx, changed);
        return new Changes((int) changed.stream().filter(Reconciled::live).count(), (int) changed.stream().filter(r -> !r.live()).count(),
                relationships);
    }

    private static String typeOfRemoved(TransactionContext tx, String id) {
        List<String> types = tx.run("MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l IN $types][0] AS type",
                Map.of("id", id, "types", RecordSchema.typeNames())).list(r -> r.get("type").asString(null));
        if (!types.isEmpty() && types.get(0) != null) {
            return types.get(0);
        }
        // a relationship-shaped fact (Supply) has no node; its relationship carries its id
        List<Record> supplies = tx.run("MATCH ()-[r:SUPPLIES {record: $id}]->() RETURN r LIMIT 1", Map.of("id", id)).list();
        return supplies.isEmpty() ? null : "Supply";
    }

    private static void writeNodes(TransactionContext tx, List<Reconciled> changed, ZonedDateTime now, Caller by, String batch) {
        Map<String, List<Map<String, Object>>> byLabels = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (Reconciled fact : changed) {
            if (RecordSchema.spec(fact.type()).shape() != Shape.NODE) {
                continue;
            }
            if (!fact.live()) {
                removed.add(fact.id());
                continue;
            }
            byLabels.computeIfAbsent(String.join(":", fact.labels()), k -> new ArrayList<>())
                    .add(Map.of("id", fact.id(), "props", fact.props(), "hash", fact.stateHash()));
        }
        byLabels.forEach((labels, rows) -> tx.run("""
                UNWIND $rows AS row
                MATCH (n:Entity {id: row.id})
                REMOVE n:%s
                SET n:%s
                WITH n, row, n.createdAt AS created, n.version AS version
                SET n = row.props
                SET n.createdAt = coalesce(created, $now), n.updatedAt = $now, n.version = coalesce(version, 0) + 1,
                    n.stateHash = row.hash, n.updatedBy = $by, n.updatedBatch = $batch""".formatted(TYPE_LABELS, labels),
                Map.of("rows", rows, "now", now, "by", by.name(), "batch", batch)).consume());
        if (!removed.isEmpty()) {
            // no claim is left: the fact goes, its node stays as a tombstone for the change feed and for references
            tx.run("""
                    UNWIND $ids AS id
                    MATCH (n:Entity {id: id})
                    REMOVE n:%s
                    WITH n, n.createdAt AS created, n.version AS version
                    SET n = {id: n.id, createdAt: created, version: coalesce(version, 0) + 1, removedAt: $now, updatedAt: $now,
                             stateHash: 'removed', updatedBy: $by, updatedBatch: $batch}""".formatted(TYPE_LABELS),
                    Map.of("ids", removed, "now", now, "by", by.name(), "batch", batch)).consume();
        }
    }

    /** Drops the relationships the changed facts own and writes the reconciled ones. */
    private static int writeRelationships(TransactionContext tx, List<Reconciled> changed) {
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        changed.forEach(fact -> idsByType.computeIfAbsent(fact.type(), t -> new ArrayList<>()).add(fact.id()));
        idsByType.forEach((type, ids) -> {
            TypeSpec spec = RecordSchema.spec(type);
            if (spec.shape() == Shape.RELATIONSHIP) {
                tx.run("UNWIND $ids AS id MATCH ()-[r:SUPPLIES {record: id}]->() DELETE r", Map.of("ids", ids)).consume();
                return;
            }
            String outgoing = spec.references().stream().filter(r -> r.outgoing() && r.relationship() != null).map(Reference::relationship)
                    .distinct().collect(Collectors.joining("|"));
            String incoming = spec.references().stream().filter(r -> !r.outgoing() && r.relationship() != null).map(Reference::relationship)
                    .distinct().collect(Collectors.joining("|"));
            if (!outgoing.isEmpty()) {
                tx.run("UNWIND $ids AS id MATCH (:Entity {id: id})-[r:%s]->() DELETE r".formatted(outgoing), Map.of("ids", ids)).consume();
            }
            if (!incoming.isEmpty()) {
                tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id})<-[r:%s]-() DELETE r".formatted(incoming), Map.of("ids", ids)).consume();
            }
        });
        Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (Reconciled fact : changed) {
            for (Relationship relationship : fact.relationships()) {
                Map<String, Object> props = new LinkedHashMap<>(relationship.props());
                if (relationship.type().equals("SUPPLIES")) {
                    props.put("record", fact.id());
                }
                byType.computeIfAbsent(relationship.type(), t -> new ArrayList<>())
                        .add(Map.of("from", relationship.from(), "to", relationship.to(), "props", props));
            }
        }
        int written = 0;
        for (Map.Entry<String, List<Map<String, Object>>> entry : byType.entrySet()) {
            if (!RecordSchema.relationshipTypes().contains(entry.getKey())) {
                throw new IllegalStateException("not a relationship of the record schema: " + entry.getKey());
            }
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from})
                    MATCH (b:Entity {id: row.to})
                    CREATE (a)-[r:%s]->(b)
                    SET r = row.props""".formatted(entry.getKey()), Map.of("rows", entry.getValue())).consume();
            written += entry.getValue().size();
        }
        return written;
    }

    private static List<String> allTypeLabels() {
        List<String> labels = new ArrayList<>(RecordSchema.types().stream().filter(t -> t.shape() == Shape.NODE).map(TypeSpec::type).toList());
        labels.addAll(RecordSchema.ORGANIZATION_KINDS);
        return labels;
    }
}
