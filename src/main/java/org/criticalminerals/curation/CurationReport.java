package org.criticalminerals.curation;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.QueryLibrary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the knowledge base holds, measured in the graph: counts per label and relationship type, facts per
 * source document (and against an earlier revision of the files), the disagreements by kind, contradictions
 * first, and facts without a source (which must be none).
 */
@Service
public class CurationReport {

    private final GraphReader reader;

    private final QueryLibrary library;

    CurationReport(GraphReader reader, QueryLibrary library) {
        this.reader = reader;
        this.library = library;
    }

    public String render() {
        return render(null);
    }

    /** The report, with facts per source document against an earlier revision of the files when given. */
    public String render(@Nullable Revisions revisions) {
        StringBuilder out = new StringBuilder();
        out.append("## Nodes per label\n\n| label | nodes |\n|---|---:|\n");
        rows("""
                MATCH (n) UNWIND labels(n) AS label
                RETURN label, count(*) AS count ORDER BY label""").forEach(r -> out.append(row(r.get("label"), r.get("count"))));
        out.append("\n## Relationships per type\n\n| type | relationships |\n|---|---:|\n");
        rows("""
                MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type""")
                .forEach(r -> out.append(row(r.get("type"), r.get("count"))));
        out.append("\n## Facts per source document\n\n| source | kind | facts citing it | claims (citations) | distinct lines cited |\n|---|---|---:|---:|---:|\n");
        rows("""
                MATCH (s:Source)
                OPTIONAL MATCH (s)<-[:FROM]-(c:Claim)
                RETURN s.id AS source, s.kind AS kind, count(DISTINCT c.record) AS facts, count(c) AS claims,
                       count(DISTINCT c.line) AS lines ORDER BY s.kind DESC, s.id""")
                .forEach(r -> out.append("| %s | %s | %s | %s | %s |\n".formatted(r.get("source"), r.get("kind"), r.get("facts"),
                        r.get("claims"), r.get("lines"))));
        List<Map<String, Object>> disagreements = library.run("disagreements", Map.of("skip", 0, "limit", Integer.MAX_VALUE)); // contradictions first
        Map<Object, Long> byKind = disagreements.stream().collect(Collectors.groupingBy(r -> r.get("kind"), TreeMap::new, Collectors.counting()));
        out.append("\n## Disagreements (").append(disagreements.size()).append(" fields)\n\n| kind | fields |\n|---|---:|\n");
        byKind.forEach((kind, count) -> out.append(row(kind, count)));
        out.append("\n| kind | fact | field | figures (source:line = value) |\n|---|---|---|---|\n");
        disagreements.forEach(r -> out.append("| %s | %s | %s | %s |\n".formatted(r.get("kind"), ((Map<?, ?>) r.get("fact")).get("id"),
                r.get("field"), ((Collection<?>) r.get("figures")).stream().map(Object::toString).collect(Collectors.joining("; ")))));
        if (revisions != null) {
            out.append("\n## Facts per source document against ").append(revisions.previousName()).append(" (counted in the files)\n\n")
                    .append(FactsPerSource.compare(revisions.previousName(), FactsPerSource.count(revisions.previous()),
                            FactsPerSource.count(revisions.current())));
        }
        Map<String, Object> unsourced = unsourcedCounts();
        out.append("\n## Facts without a source\n\n| what | count |\n|---|---:|\n")
                .append(row("fact nodes without a claim", unsourced.get("nodes")))
                .append(row("fact relationships without claims", unsourced.get("relationships")))
                .append(row("claims without a source", unsourced.get("claims")));
        return out.toString();
    }

    /** The knowledge-base directories of this checkout and of an earlier revision, to compare. */
    public record Revisions(Path current, Path previous, String previousName) {
    }

    /** Fact nodes in the graph (everything but sources). */
    public long facts() {
        return ((Number) rows("RETURN COUNT { MATCH (n:Entity) WHERE NOT n:Source AND n.removedAt IS NULL } AS facts").get(0).get("facts"))
                .longValue();
    }

    /** Facts without a source: nodes, relationships and claims; zero when the knowledge base is sound. */
    public long unsourcedFacts() {
        return unsourcedCounts().values().stream().mapToLong(count -> ((Number) count).longValue()).sum();
    }

    private Map<String, Object> unsourcedCounts() {
        return rows("""
                RETURN COUNT { MATCH (n:Entity) WHERE NOT n:Source AND n.removedAt IS NULL AND NOT (n)-[:CLAIMED_BY]->(:Claim) } AS nodes,
                       COUNT { MATCH ()-[r]->() WHERE NOT type(r) IN ['CLAIMED_BY', 'FROM']
                               AND (r.claims IS NULL OR size(r.claims) = 0) } AS relationships,
                       COUNT { MATCH (c:Claim) WHERE NOT (c)-[:FROM]->(:Source) } AS claims""").get(0);
    }

    private List<Map<String, Object>> rows(String cypher) {
        return reader.rows(cypher, Map.of());
    }

    private static String row(Object key, Object value) {
        return "| " + key + " | " + value + " |\n";
    }
}
