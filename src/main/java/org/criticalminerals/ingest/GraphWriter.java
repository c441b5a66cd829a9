package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.criticalminerals.ingest.ImportPlanner.ClaimRow;
import org.criticalminerals.ingest.ImportPlanner.NodeRow;
import org.criticalminerals.ingest.ImportPlanner.Plan;
import org.criticalminerals.ingest.ImportPlanner.RelationshipRow;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a validated plan inside the caller's transaction: first removes what the same records asserted in
 * an earlier import of the same batch, then writes nodes, evidence and relationships. Re-importing the same
 * content therefore changes nothing and duplicates nothing. Labels and relationship types come from
 * {@link RecordSchema} only; every value is a parameter.
 */
final class GraphWriter {

    private GraphWriter() {
    }

    static void write(TransactionContext tx, String batch, Plan plan) {
        tx.run("""
                UNWIND $ids AS id
                MATCH (c:Claim {record: id}) WHERE c.batch = $batch
                DETACH DELETE c""", Map.of("ids", allRecordIds(plan), "batch", batch)).consume();
        tx.run("""
                UNWIND $ids AS id
                MATCH (n:Entity {id: id})-[r]-()
                WHERE r.record = id AND r.batch = $batch
                DELETE r""", Map.of("ids", plan.nodeRecordIds(), "batch", batch)).consume();
        tx.run("""
                MATCH ()-[r:SUPPLIES]->() WHERE r.record IN $ids AND r.batch = $batch
                DELETE r""", Map.of("ids", plan.relationshipRecordIds(), "batch", batch)).consume();

        Map<String, List<NodeRow>> nodesByLabels = plan.nodes().stream()
                .collect(Collectors.groupingBy(n -> n.kindLabel() == null ? n.type() : n.type() + ":" + n.kindLabel(),
                        LinkedHashMap::new, Collectors.toList()));
        nodesByLabels.forEach((labels, rows) -> tx.run("""
                UNWIND $rows AS row
                MERGE (n:Entity {id: row.id})
                REMOVE n:Company:Agency:InternationalBody:NonProfit
                SET n:%s
                SET n = row.props""".formatted(labels), Map.of("rows", rows.stream().map(n -> Map.of("id", n.id(), "props", n.props())).toList())).consume());

        tx.run("""
                UNWIND $claims AS claim
                MATCH (s:Source {id: claim.source})
                CREATE (c:Claim)-[:FROM]->(s)
                SET c = claim.props
                WITH c, claim WHERE claim.node IS NOT NULL
                MATCH (n:Entity {id: claim.node})
                CREATE (n)-[:CLAIMED_BY]->(c)""", Map.of("claims", plan.claims().stream().map(GraphWriter::claimParameter).toList()))
                .consume();

        Map<String, List<RelationshipRow>> relationshipsByType = plan.relationships().stream()
                .collect(Collectors.groupingBy(RelationshipRow::type, LinkedHashMap::new, Collectors.toList()));
        relationshipsByType.forEach((type, rows) -> tx.run("""
                UNWIND $rows AS row
                MATCH (a:Entity {id: row.from})
                MATCH (b:Entity {id: row.to})
                CREATE (a)-[r:%s]->(b)
                SET r = row.props""".formatted(type), Map.of("rows", rows.stream().map(GraphWriter::relationshipParameter).toList()))
                .consume());
    }

    /**
     * Removes what an earlier import of the batch asserted and this one no longer does: entities (with their
     * evidence and relationships), evidence and material flows of records that are gone.
     */
    static void removeStale(TransactionContext tx, String batch, Plan plan) {
        List<String> ids = allRecordIds(plan);
        tx.run("""
                MATCH (n:Entity {batch: $batch}) WHERE NOT n.id IN $ids
                OPTIONAL MATCH (n)-[:CLAIMED_BY]->(c:Claim)
                DETACH DELETE c, n""", Map.of("batch", batch, "ids", ids)).consume();
        tx.run("""
                MATCH (c:Claim {batch: $batch}) WHERE NOT c.record IN $ids
                DETACH DELETE c""", Map.of("batch", batch, "ids", ids)).consume();
        tx.run("""
                MATCH ()-[r:SUPPLIES {batch: $batch}]->() WHERE NOT r.record IN $ids
                DELETE r""", Map.of("batch", batch, "ids", ids)).consume();
    }

    private static List<String> allRecordIds(Plan plan) {
        List<String> ids = new ArrayList<>(plan.nodeRecordIds());
        ids.addAll(plan.relationshipRecordIds());
        return ids;
    }

    private static Map<String, Object> claimParameter(ClaimRow claim) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("source", claim.source());
        parameter.put("node", claim.node());
        parameter.put("props", claim.props());
        return parameter;
    }

    private static Map<String, Object> relationshipParameter(RelationshipRow row) {
        return Map.of("from", row.from(), "to", row.to(), "props", row.props());
    }
}
