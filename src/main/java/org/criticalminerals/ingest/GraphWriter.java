package org.criticalminerals.ingest;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.neo4j.driver.TransactionContext;

/**
 * Writes inside the caller's transaction: the claims of a plan (only those that are new or changed, and
 * removing the batch's claims the plan no longer holds), then reconciles every fact whose claims changed
 * from all of its claims, whatever their batch. A fact whose state did not change is not written, so an
 * import of the same content changes nothing. Labels and relationship types come from
 * {@link RecordSchema} only; every value is a parameter.
 */
final class GraphWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);

    /** Every label a fact can carry besides Entity; removed before its current ones are set. */
    private static final String TYPE_LABELS = String.join(":", allTypeLabels());

    /** What a write did: the claims it created and the facts whose claims changed. */
    record Written(int claimsWritten, Set<String> touched) {
    }

    /**
     * What reconciliation did.
     *
     * @param dangling facts some of whose relationships were not written: their other end is not in the graph yet (a
     *        later chunk of an import run writes it, and the run links them then, {@link #relink})
     */
    record Changes(int factsChanged, int factsRemoved, int relationshipsWritten, Set<String> dangling) {

        static final Changes NONE = new Changes(0, 0, 0, Set.of());
    }

    /** Relationships written, and the facts that own the ones whose other end is missing. */
    private record Links(int written, Set<String> dangling) {
    }

    private GraphWriter() {
    }

    /**
     * Writes the plan's sources, and those of its claims that are not stored yet (a claim's id covers what it
     * says, so a stored claim is already exactly this one), each marked with the import run that wrote it;
     * the claims of {@code newFacts} are left to {@link #writeNew}.
     */
    static Written writeClaims(TransactionContext tx, Plan plan, ZonedDateTime now, String run, Set<String> newFacts) {
        long started = System.nanoTime();
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
        List<ClaimRow> old = plan.claims().stream().filter(c -> !newFacts.contains(c.fact())).toList();
        Set<String> stored = old.isEmpty() ? Set.of() : new HashSet<>(tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN id",
                Map.of("ids", old.stream().map(ClaimRow::id).toList())).list(r -> r.get("id").asString()));
        List<ClaimRow> missing = old.stream().filter(c -> !stored.contains(c.id())).toList();
        Set<String> touched = new LinkedHashSet<>();
        missing.forEach(c -> touched.add(c.fact()));
        List<String> nodeFacts = touched.stream().filter(id -> RecordSchema.spec(plan.facts().get(id)).shape() == Shape.NODE).toList();
        if (!nodeFacts.isEmpty()) {
            tx.run("UNWIND $ids AS id MERGE (:Entity {id: id})", Map.of("ids", nodeFacts)).consume();
        }
        Map<Boolean, List<Map<String, Object>>> rows = missing.stream().collect(Collectors.partitioningBy(
                c -> RecordSchema.spec(c.type()).shape() == Shape.NODE,
                Collectors.mapping(c -> Map.of("fact", c.fact(), "props", c.props()), Collectors.toList())));
        if (!rows.get(true).isEmpty()) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (f:Entity {id: row.fact})
                    MATCH (s:Source {id: row.props.source})
                    CREATE (f)-[:CLAIMED_BY]->(c:Claim)-[:FROM]->(s)
                    SET c = row.props, c.at = coalesce(row.props.at, $now), c.run = $run""", Map.of("rows", rows.get(true), "now", now, "run", run))
                    .consume();
        }
        if (!rows.get(false).isEmpty()) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (s:Source {id: row.props.source})
                    CREATE (c:Claim)-[:FROM]->(s)
                    SET c = row.props, c.at = coalesce(row.props.at, $now), c.run = $run""", Map.of("rows", rows.get(false), "now", now, "run", run))
                    .consume();
        }
        if (log.isDebugEnabled()) {
            log.debug("Wrote {} of {} claims of known facts in {} ms", missing.size(), old.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return new Written(missing.size(), touched);
    }

    /**
     * Facts that no claim asserted before this import (and that have no node, not even a tombstone): each is
     * reconciled from the plan's claims alone and created whole — node, claims, relationships — without
     * reading anything back. The claims carry the run and the time.
     */
    static Changes writeNew(TransactionContext tx, Plan plan, Set<String> newFacts, ZonedDateTime now, String run, Caller by, String batch) {
        if (newFacts.isEmpty()) {
            return Changes.NONE;
        }
        long started = System.nanoTime();
        Map<String, List<Map<String, Object>>> claimsByFact = claimsOfNewFacts(plan, newFacts::contains, now, run);
        List<Reconciled> facts = new ArrayList<>();
        claimsByFact.forEach((id, claims) -> facts.add(Reconciler.reconcile(id, plan.facts().get(id), claims)));
        Map<String, List<Map<String, Object>>> nodesByLabels = new LinkedHashMap<>();
        for (Reconciled fact : facts) {
            if (RecordSchema.spec(fact.type()).shape() == Shape.NODE) {
                nodesByLabels.computeIfAbsent(String.join(":", fact.labels()), k -> new ArrayList<>())
                        .add(Map.of("props", newFactProperties(fact, now, by, batch)));
            }
        }
        nodesByLabels.forEach((labels, rows) -> tx.run("""
                UNWIND $rows AS row
                CREATE (n:Entity:%s)
                SET n = row.props""".formatted(labels), Map.of("rows", rows)).consume());
        long nodes = System.nanoTime();
        Map<Boolean, List<Map<String, Object>>> claimRows = new LinkedHashMap<>();
        claimsByFact.forEach((id, claims) -> claims.forEach(props -> claimRows.computeIfAbsent(
                RecordSchema.spec(plan.facts().get(id)).shape() == Shape.NODE, k -> new ArrayList<>()).add(Map.of("fact", id, "props", props))));
        if (claimRows.containsKey(true)) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (f:Entity {id: row.fact})
                    MATCH (s:Source {id: row.props.source})
                    CREATE (f)-[:CLAIMED_BY]->(c:Claim)-[:FROM]->(s)
                    SET c = row.props""", Map.of("rows", claimRows.get(true))).consume();
        }
        if (claimRows.containsKey(false)) {
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (s:Source {id: row.props.source})
                    CREATE (c:Claim)-[:FROM]->(s)
                    SET c = row.props""", Map.of("rows", claimRows.get(false))).consume();
        }
        long claims = System.nanoTime();
        Links links = createRelationships(tx, facts);
        if (log.isDebugEnabled()) {
            log.debug("Created {} new facts: nodes {} ms, claims {} ms, {} relationships {} ms", facts.size(), (nodes - started) / 1_000_000,
                    (claims - nodes) / 1_000_000, links.written(), (System.nanoTime() - claims) / 1_000_000);
        }
        return new Changes(facts.size(), 0, links.written(), links.dangling());
    }

    /** The properties of a new fact's node: its reconciled state, the first version, and when, by whom and in which batch. */
    static Map<String, Object> newFactProperties(Reconciled fact, ZonedDateTime now, Caller by, String batch) {
        Map<String, Object> props = new LinkedHashMap<>(fact.props());
        props.put("createdAt", now);
        props.put("updatedAt", now);
        props.put("version", 1L);
        props.put("stateHash", fact.stateHash());
        props.put("updatedBy", by.name());
        props.put("updatedBatch", batch);
        return props;
    }

    /** The claims of the plan's new facts as they are stored, by fact: each with its time and the import run that wrote it. */
    static Map<String, List<Map<String, Object>>> claimsOfNewFacts(Plan plan, java.util.function.Predicate<String> isNew, ZonedDateTime now,
            String run) {
        Map<String, List<Map<String, Object>>> claimsByFact = new LinkedHashMap<>();
        for (ClaimRow claim : plan.claims()) {
            if (isNew.test(claim.fact())) {
                claimsByFact.computeIfAbsent(claim.fact(), f -> new ArrayList<>()).add(storedClaim(claim, now, run));
            }
        }
        return claimsByFact;
    }

    /** A new claim as it is stored: with its time and the import run that wrote it. */
    static Map<String, Object> storedClaim(ClaimRow claim, ZonedDateTime now, String run) {
        return stamped(new LinkedHashMap<>(claim.props()), now, run);
    }

    /** Adds to a claim's properties its time (unless restored with one) and the import run that wrote it. */
    static Map<String, Object> stamped(Map<String, Object> claim, ZonedDateTime now, String run) {
        claim.putIfAbsent("at", now);
        claim.put("run", run);
        return claim;
    }

    /** A relationship's stored properties: a supply link also names the fact it is. */
    static Map<String, Object> relationshipProperties(Reconciled fact, Relationship relationship) {
        Map<String, Object> props = new LinkedHashMap<>(relationship.props());
        if (relationship.type().equals("SUPPLIES")) {
            props.put("record", fact.id());
        }
        return props;
    }

    /** The stored claims of a batch (for these facts, or all of them): id and fact. */
    static Map<String, String> claimsOf(TransactionContext tx, String batch, Collection<String> facts) {
        Map<String, String> claims = new LinkedHashMap<>();
        tx.run("""
                UNWIND $facts AS fact
                MATCH (c:Claim {record: fact}) WHERE c.batch = $batch
                RETURN c.id AS id, c.record AS record""", Map.of("facts", List.copyOf(facts), "batch", batch))
                .forEachRemaining(r -> claims.put(r.get("id").asString(), r.get("record").asString()));
        return claims;
    }

    /** Deletes claims; returns the facts they belonged to. */
    static Set<String> removeClaims(TransactionContext tx, Collection<String> ids) {
        return new LinkedHashSet<>(tx.run("""
                UNWIND $ids AS id
                MATCH (c:Claim {id: id})
                WITH c, c.record AS record
                DETACH DELETE c
                RETURN DISTINCT record""", Map.of("ids", List.copyOf(ids))).list(r -> r.get("record").asString()));
    }

    /**
     * Removes up to {@code limit} claims of the batch (or of an import run, with {@code run}); returns the facts
     * they belonged to, empty when none is left.
     */
    static Set<String> removeSome(TransactionContext tx, ClaimsOf which, String value, int limit) {
        return new LinkedHashSet<>(tx.run("""
                MATCH (c:Claim {%s: $value})
                WITH c LIMIT $limit
                WITH c, c.record AS record
                DETACH DELETE c
                RETURN DISTINCT record""".formatted(which == ClaimsOf.BATCH ? "batch" : "run"), Map.of("value", value, "limit", limit))
                .list(r -> r.get("record").asString()));
    }

    /** Whose claims: a batch's, or an import run's. */
    enum ClaimsOf {
        BATCH, RUN
    }

    /** Removes the sources a batch defined that nothing cites any more. */
    /**
     * Removes the sources that no claim cites and whose batch is gone: one batch defined it, another's claims cited
     * it, and both were removed. Nothing could reach or restore them.
     */
    static void removeStrandedSources(TransactionContext tx) {
        tx.run("""
                MATCH (s:Source) WHERE NOT EXISTS { (s)<-[:FROM]-(:Claim) } AND NOT EXISTS { MATCH (b:ImportBatch) WHERE b.name = s.batch }
                DETACH DELETE s""").consume();
    }

    static void removeUncitedSources(TransactionContext tx, String batch) {
        tx.run("""
                MATCH (s:Source {batch: $batch}) WHERE NOT EXISTS { (s)<-[:FROM]-(:Claim) }
                DETACH DELETE s""", Map.of("batch", batch)).consume();
    }

    /**
     * Reconciles the facts from all of their claims and writes those whose state changed: properties, labels,
     * the relationships they own, a new version and the time of the change.
     */
    static Changes reconcile(TransactionContext tx, Collection<String> factIds, ZonedDateTime now, Caller by, String batch) {
        if (factIds.isEmpty()) {
            return Changes.NONE;
        }
        long started = System.nanoTime();
        List<Reconciled> changed = new ArrayList<>();
        load(tx, factIds, (reconciled, storedHash) -> {
            if (!reconciled.stateHash().equals(storedHash)) {
                changed.add(reconciled);
            }
        });
        long loaded = System.nanoTime();
        writeNodes(tx, changed, now, by, batch);
        long nodes = System.nanoTime();
        Links links = writeRelationships(tx, changed);
        if (log.isDebugEnabled()) {
            log.debug("Reconciled {} facts ({} changed): load and compute {} ms, nodes {} ms, {} relationships {} ms", factIds.size(),
                    changed.size(), (loaded - started) / 1_000_000, (nodes - loaded) / 1_000_000, links.written(),
                    (System.nanoTime() - nodes) / 1_000_000);
        }
        return new Changes((int) changed.stream().filter(Reconciled::live).count(), (int) changed.stream().filter(r -> !r.live()).count(),
                links.written(), links.dangling());
    }

    /**
     * Writes again the relationships the facts own, as their claims say, leaving the facts themselves (and their
     * versions) as they are: for facts an import run wrote before the other ends of some of their relationships.
     */
    static Changes relink(TransactionContext tx, Collection<String> factIds) {
        List<Reconciled> live = new ArrayList<>();
        load(tx, factIds, (reconciled, storedHash) -> {
            if (reconciled.live()) {
                live.add(reconciled);
            }
        });
        Links links = writeRelationships(tx, live);
        return new Changes(0, 0, links.written(), links.dangling());
    }

    /** Each fact reconciled from all of its claims, with the state hash its node holds now. */
    private static void load(TransactionContext tx, Collection<String> factIds, java.util.function.BiConsumer<Reconciled, String> each) {
        tx.run("""
                UNWIND $ids AS id
                OPTIONAL MATCH (n:Entity {id: id})
                CALL (id) {
                    OPTIONAL MATCH (c:Claim {record: id})
                    RETURN collect(c {.*}) AS claims
                }
                // the type of a fact whose last claim went: its node's label, or a supply link's (it has no node)
                RETURN id, n.stateHash AS hash, claims, [l IN labels(n) WHERE l IN $types][0] AS nodeType,
                       CASE WHEN n IS NULL AND size(claims) = 0 AND EXISTS { ()-[:SUPPLIES {record: id}]->() } THEN 'Supply' END AS linkType""",
                Map.of("ids", List.copyOf(factIds), "types", RecordSchema.typeNames())).forEachRemaining(row -> {
                    List<Map<String, Object>> claims = row.get("claims").asList(v -> v.asMap());
                    String type = claims.isEmpty() ? row.get("nodeType").asString(row.get("linkType").asString(null))
                            : (String) claims.get(0).get("type");
                    if (type == null) {
                        return; // neither claims nor a fact: nothing to do
                    }
                    each.accept(Reconciler.reconcile(row.get("id").asString(), type, claims), row.get("hash").asString(null));
                });
    }

    private static void writeNodes(TransactionContext tx, List<Reconciled> changed, ZonedDateTime now, Caller by, String batch) {
        Map<String, List<Map<String, Object>>> byLabels = new LinkedHashMap<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        for (Reconciled fact : changed) {
            if (RecordSchema.spec(fact.type()).shape() != Shape.NODE) {
                continue;
            }
            if (!fact.live()) {
                removed.add(Map.of("id", fact.id(), "type", fact.type()));
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
                    UNWIND $rows AS row
                    MATCH (n:Entity {id: row.id})
                    REMOVE n:%s
                    WITH n, row, n.createdAt AS created, n.version AS version
                    SET n = {id: n.id, type: row.type, createdAt: created, version: coalesce(version, 0) + 1, removedAt: $now, updatedAt: $now,
                             stateHash: 'removed', updatedBy: $by, updatedBatch: $batch}""".formatted(TYPE_LABELS),
                    Map.of("rows", removed, "now", now, "by", by.name(), "batch", batch)).consume();
        }
    }

    /** Drops the relationships the changed facts own and writes the reconciled ones. */
    private static Links writeRelationships(TransactionContext tx, List<Reconciled> changed) {
        dropOwnedRelationships(tx, changed);
        return createRelationships(tx, changed);
    }

    private static void dropOwnedRelationships(TransactionContext tx, List<Reconciled> changed) {
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
    }

    private static Links createRelationships(TransactionContext tx, List<Reconciled> changed) {
        Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (Reconciled fact : changed) {
            for (Relationship relationship : fact.relationships()) {
                byType.computeIfAbsent(relationship.type(), t -> new ArrayList<>()).add(Map.of("from", relationship.from(), "to",
                        relationship.to(), "props", relationshipProperties(fact, relationship), "owner", fact.id()));
            }
        }
        int written = 0;
        Set<String> dangling = new LinkedHashSet<>();
        for (Map.Entry<String, List<Map<String, Object>>> entry : byType.entrySet()) {
            if (!RecordSchema.relationshipTypes().contains(entry.getKey())) {
                throw new IllegalStateException("not a relationship of the record schema: " + entry.getKey());
            }
            int created = tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from})
                    MATCH (b:Entity {id: row.to})
                    CREATE (a)-[r:%s]->(b)
                    SET r = row.props
                    RETURN count(r) AS created""".formatted(entry.getKey()), Map.of("rows", entry.getValue())).single().get("created").asInt();
            written += created;
            if (created < entry.getValue().size()) {
                // an end that is not there yet: a later chunk of the import run writes it (the run links them at its end)
                dangling.addAll(tx.run("""
                        UNWIND $rows AS row
                        WITH row WHERE NOT EXISTS { MATCH (:Entity {id: row.from}) } OR NOT EXISTS { MATCH (:Entity {id: row.to}) }
                        RETURN DISTINCT row.owner AS owner""", Map.of("rows", entry.getValue())).list(r -> r.get("owner").asString()));
            }
        }
        return new Links(written, dangling);
    }

    private static List<String> allTypeLabels() {
        List<String> labels = new ArrayList<>(RecordSchema.types().stream().filter(t -> t.shape() == Shape.NODE).map(TypeSpec::type).toList());
        labels.addAll(RecordSchema.ORGANIZATION_KINDS);
        return labels;
    }
}
