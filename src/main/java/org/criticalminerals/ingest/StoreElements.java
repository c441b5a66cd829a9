package org.criticalminerals.ingest;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.criticalminerals.ingest.ImportPlanner.ClaimRow;
import org.criticalminerals.ingest.ImportPlanner.Plan;
import org.criticalminerals.ingest.ImportPlanner.SourceRow;
import org.criticalminerals.ingest.Reconciler.ClaimView;
import org.criticalminerals.ingest.Reconciler.Reconciled;
import org.criticalminerals.ingest.Reconciler.Relationship;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What a first load into a new store writes, as nodes and relationships: every fact reconciled from its claims
 * and created with them, its relationships and sources, and the batch, exactly as an import run writes new facts
 * through transactions ({@link GraphWriter#writeNew}, {@link KnowledgeImporter}); a data test compares the two
 * stores. Facts come plan by plan; one that several records assert is held until its last record has come. The
 * work on one plan ({@link #prepare}: reconciling, encoding) needs no other plan and runs on any thread; adding the
 * prepared plans ({@link #add(Prepared)}) keeps the import's order and numbers the claims.
 */
final class StoreElements {

    /** @param id the node's id in the new store: facts and sources by their number in the import, then the claims, then the batch */
    record StoreNode(long id, List<String> labels, Map<String, Object> properties) {
    }

    record StoreRelationship(String type, long start, long end, Map<String, Object> properties) {
    }

    private final ZonedDateTime now;

    private final String run;

    private final Caller by;

    private final String batch;

    private final ToIntFunction<String> recordsAbout;

    private final ToLongFunction<String> numbers;

    private final StoreSpool spool;

    /** Encodes what is made in the import's order: the facts of several plans, the provenance relationships. */
    private final StoreSpool.Encoder own;

    /** The node id of the next claim. */
    private long nextClaim;

    /** Facts some of whose records are still to come, with their claims so far and the records seen. */
    private final Map<String, List<ClaimView>> pending = new HashMap<>();

    private final Map<String, Integer> seen = new HashMap<>();

    private final Map<String, SourceRow> sources = new LinkedHashMap<>();

    private long facts;

    private long claims;

    private long links;

    /**
     * @param recordsAbout how many records of the import are about an id ({@link ImportIndex#recordsAbout})
     * @param numbers the node id of a fact or source: its number in the import ({@link ImportIndex#number}), from 0
     * @param ids how many numbers there are: the claims' node ids follow them, so that Neo4j's importer takes the ids
     *        as they are instead of looking each relationship's ends up by name
     */
    StoreElements(ZonedDateTime now, String run, Caller by, String batch, ToIntFunction<String> recordsAbout, ToLongFunction<String> numbers,
            long ids, StoreSpool spool) {
        this.now = now;
        this.run = run;
        this.by = by;
        this.batch = batch;
        this.recordsAbout = recordsAbout;
        this.numbers = numbers;
        this.nextClaim = ids;
        this.spool = spool;
        this.own = spool.encoder();
    }

    /** A fact reconciled and encoded with its claims, waiting for the claims' node ids. */
    private record Encoded(long node, byte @Nullable [] body, List<byte[]> claims, long[] claimSources, int links) {
    }

    /** Claims of a fact some of whose records are in other chunks: its type, its claims here, its records here. */
    private record Part(String type, List<ClaimView> claims, int records) {
    }

    /** A plan's facts: encoded where the plan holds all of a fact's records (their relationships too), the others in parts. */
    static final class Prepared {

        private final List<SourceRow> sources;

        private final List<Encoded> whole = new ArrayList<>();

        private final Map<String, Part> parts = new LinkedHashMap<>();

        private final StoreSpool.Encoder relationships;

        private Prepared(List<SourceRow> sources, StoreSpool.Encoder relationships) {
            this.sources = sources;
            this.relationships = relationships;
        }
    }

    /** The work on a chunk's plan that needs no other chunk: every fact that its records alone assert is reconciled and encoded. */
    Prepared prepare(List<CheckedRecord> records, Plan plan) {
        // the claims as an import run stores them, read as reconciling reads stored claims, their references as planned;
        // the plan is this load's own and read no more, so its claims are stamped in place
        Map<String, List<ClaimView>> claimsByFact = new HashMap<>();
        for (ClaimRow claim : plan.claims()) {
            claimsByFact.computeIfAbsent(claim.fact(), f -> new ArrayList<>())
                    .add(ClaimView.of(GraphWriter.stamped(claim.props(), now, run), claim.references()));
        }
        Map<String, Integer> inChunk = new HashMap<>();
        records.forEach(record -> inChunk.merge(record.id(), 1, Integer::sum));
        Prepared prepared = new Prepared(plan.sources(), spool.encoder());
        plan.facts().forEach((id, type) -> {
            List<ClaimView> factClaims = claimsByFact.getOrDefault(id, List.of());
            int here = inChunk.getOrDefault(id, 0);
            if (recordsAbout.applyAsInt(id) <= here) {
                Encoded encoded = encode(Reconciler.reconcileViews(id, type, factClaims), factClaims, prepared.relationships);
                if (encoded != null) {
                    prepared.whole.add(encoded);
                }
            }
            else {
                prepared.parts.put(id, new Part(type, factClaims, here));
            }
        });
        return prepared;
    }

    /** A prepared chunk, in the order of the import: its whole facts are written, the others held until their last record. */
    void add(Prepared prepared) {
        prepared.sources.forEach(source -> sources.put(source.id(), source));
        prepared.whole.forEach(this::write);
        spool.relationships(prepared.relationships);
        prepared.parts.forEach((id, part) -> {
            pending.computeIfAbsent(id, k -> new ArrayList<>()).addAll(part.claims());
            if (seen.merge(id, part.records(), Integer::sum) >= recordsAbout.applyAsInt(id)) {
                List<ClaimView> factClaims = pending.remove(id);
                seen.remove(id);
                Encoded encoded = encode(Reconciler.reconcileViews(id, part.type(), factClaims), factClaims, own);
                if (encoded != null) {
                    write(encoded);
                }
            }
        });
        spool.relationships(own);
    }

    /** After the last plan: the sources and the batch, with the number of claims written. */
    void finish() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("facts whose records did not all come: " + pending.keySet().stream().limit(5).toList());
        }
        sources.values().forEach(source -> {
            Map<String, Object> props = new LinkedHashMap<>(source.props());
            props.put("createdAt", now);
            props.put("updatedAt", now);
            spool.node(new StoreNode(number(source.id()), List.of("Entity", "Source"), props));
        });
        KnowledgeImporter.BatchState state = KnowledgeImporter.BatchState.of(by, now, null, claims);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", batch);
        props.putAll(state.created());
        props.putAll(state.imported()); // no checksum: the spool leaves absent values out
        spool.node(new StoreNode(nextClaim, List.of("ImportBatch"), props));
    }

    long facts() {
        return facts;
    }

    long claims() {
        return claims;
    }

    /** The relationships between facts written (not those of the provenance). */
    long links() {
        return links;
    }

    private long number(String id) {
        long number = numbers.applyAsLong(id);
        if (number < 0) {
            throw new IllegalStateException("not an id of the import: " + id); // the checks refuse a reference to one
        }
        return number;
    }

    /** The fact's node and claims encoded, its relationships to other facts appended to {@code relationships}; null when nothing is written. */
    private @Nullable Encoded encode(Reconciled fact, List<ClaimView> factClaims, StoreSpool.Encoder relationships) {
        if (!fact.live()) {
            return null; // only retirements, which the checks refuse for a fact the graph does not hold
        }
        long factNode = number(fact.id()); // a relationship-shaped fact has a number too, and no node
        byte[] body = null;
        if (RecordSchema.spec(fact.type()).shape() == Shape.NODE) {
            List<String> labels = new ArrayList<>(fact.labels().size() + 1);
            labels.add("Entity");
            labels.addAll(fact.labels());
            body = relationships.node(labels, GraphWriter.newFactProperties(fact, now, by, batch));
        }
        List<byte[]> claimBodies = new ArrayList<>(factClaims.size());
        long[] claimSources = new long[factClaims.size()];
        for (int i = 0; i < factClaims.size(); i++) {
            Map<String, Object> claim = factClaims.get(i).stored();
            claimBodies.add(relationships.node(CLAIM, claim));
            claimSources[i] = number((String) claim.get("source"));
        }
        for (Relationship relationship : fact.relationships()) {
            relationships.relationship(relationship.type(), number(relationship.from()), number(relationship.to()),
                    GraphWriter.relationshipProperties(fact, relationship));
        }
        return new Encoded(factNode, body, claimBodies, claimSources, fact.relationships().size());
    }

    private static final List<String> CLAIM = List.of("Claim");

    /** In the import's order: the claims get their node ids, and with them the provenance relationships. */
    private void write(Encoded fact) {
        if (fact.body() != null) {
            spool.node(fact.node(), fact.body());
        }
        for (int i = 0; i < fact.claims().size(); i++) {
            long claimNode = nextClaim++;
            spool.node(claimNode, fact.claims().get(i));
            if (fact.body() != null) {
                own.relationship("CLAIMED_BY", fact.node(), claimNode, Map.of());
            }
            own.relationship("FROM", claimNode, fact.claimSources()[i], Map.of());
        }
        facts++;
        claims += fact.claims().size();
        links += fact.links();
    }
}
