package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.criticalminerals.security.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curated knowledge base passes the checks and the plan of the write path on its own, without a
 * database (the fast loop for curators: {@code ./mvnw test -Dtest=KnowledgeBaseCheckTest}), and every fact
 * reconciles. Prints the disagreements by kind.
 */
class KnowledgeBaseCheckTest {

    @Test
    void theCuratedKnowledgeBaseChecksPlansAndReconciles() {
        List<Rejection> rejections = new ArrayList<>();
        List<CheckedRecord> checked = new ArrayList<>();
        for (KnowledgeFile file : KnowledgeBaseLoader.files("classpath:knowledge-base/")) {
            YamlRecords.Parsed parsed = YamlRecords.read(file);
            rejections.addAll(parsed.rejections());
            for (RawRecord raw : parsed.records()) {
                RecordChecker.Result result = RecordChecker.check(raw);
                rejections.addAll(result.rejections());
                if (result.record() != null) {
                    checked.add(result.record());
                }
            }
        }
        ImportIndex index = new ImportIndex(Caller.SYSTEM);
        checked.forEach(index::add);
        rejections.addAll(index.finish(Map.of()));
        ImportPlanner.Outcome outcome = new ImportPlanner(KnowledgeBaseLoader.BATCH, Caller.SYSTEM, ImportPlanner.QuoteCheck.NONE)
                .plan(checked, index.resolver(Map.of()));
        rejections.addAll(outcome.rejections());
        assertThat(rejections).as("problems in the knowledge base").isEmpty();

        Map<String, List<Map<String, Object>>> claimsByFact = new LinkedHashMap<>();
        outcome.plan().claims().forEach(c -> claimsByFact.computeIfAbsent(c.fact(), f -> new ArrayList<>()).add(c.props()));
        Map<String, List<String>> byKind = new TreeMap<>();
        claimsByFact.forEach((fact, claims) -> {
            Reconciler.Reconciled reconciled = Reconciler.reconcile(fact, outcome.plan().facts().get(fact), claims);
            assertThat(reconciled.live()).isTrue();
            reconciled.disputes().forEach(d -> byKind.computeIfAbsent(d.kind().name(), k -> new ArrayList<>()).add(fact + "." + d.field()));
        });
        byKind.forEach((kind, facts) -> System.out.println("[knowledge base] " + kind + " (" + facts.size() + "): " + facts));
        assertThat(claimsByFact).hasSizeGreaterThan(1000);
    }
}
