package org.criticalminerals.provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The evidence behind every fact: sources, and one claim per citation with the line, the exact quote and
 * the figures the source gives. Where sources give different figures for a field, each stays on its own
 * claim and the fact lists the field as disputed, with the kind of the disagreement.
 */
@Service
public class ProvenanceService {

    private final GraphReader reader;

    ProvenanceService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Map<String, Object>> source(String id) {
        return reader.byId("Source", id);
    }

    public Connection sources(SourceFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", filter == null ? null : filter.kind());
        ListConditions more = ListConditions.with(parameters);
        if (filter != null) {
            more.name(filter.name()).in("kind", filter.kindIn());
        }
        return reader.page("Source", more.and("$kind IS NULL OR n.kind = $kind"), more.parameters(), page);
    }

    /** Claims of each fact, by fact id; one statement for all facts. */
    public Map<String, List<Map<String, Object>>> claims(Collection<String> factIds) {
        Map<String, List<Map<String, Object>>> byFact = new HashMap<>();
        reader.rows("""
                UNWIND $ids AS factId
                MATCH (:Entity {id: factId})-[:CLAIMED_BY]->(c:Claim)
                WITH factId, c ORDER BY c.source, c.line, c.id
                RETURN factId, collect(c {.*}) AS claims""", Map.of("ids", List.copyOf(factIds))).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> claims = (List<Map<String, Object>>) row.get("claims");
                    byFact.put((String) row.get("factId"), claims);
                });
        return byFact;
    }

    /** Sources of the given claims; one statement for all. */
    public <K extends Map<String, Object>> Map<K, Map<String, Object>> sourceOf(List<K> claims) {
        Map<String, Map<String, Object>> sources = new HashMap<>();
        reader.rows("MATCH (n:Source) WHERE n.id IN $ids RETURN " + GraphReader.ENTITY + " AS source",
                Map.of("ids", claims.stream().map(c -> c.get("source")).distinct().toList())).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> source = (Map<String, Object>) row.get("source");
                    sources.put((String) source.get("id"), source);
                });
        Map<K, Map<String, Object>> result = new LinkedHashMap<>();
        claims.forEach(claim -> result.put(claim, sources.get((String) claim.get("source"))));
        return result;
    }

    /**
     * The disagreements of a fact, contradictions first, each with its kind and the claims that give a figure
     * (or a reference) for the field.
     */
    public static List<Map<String, Object>> disputes(Map<String, Object> fact, List<Map<String, Object>> claims) {
        if (!(fact.get("disputed") instanceof List<?> fields) || !(fact.get("disputeKinds") instanceof List<?> kinds)) {
            return List.of();
        }
        List<Map<String, Object>> disputes = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i).toString();
            List<Map<String, Object>> giving = claims.stream().filter(c -> gives(c, field)).toList();
            disputes.add(Map.of("field", field, "kind", kinds.get(i), "claims", giving));
        }
        return disputes;
    }

    /** Whether a claim gives a figure for the field, or asserts the reference of that name. */
    static boolean gives(Map<String, Object> claim, String field) {
        return claim.get("fields") instanceof List<?> fields && fields.contains(field)
                || claim.get("references") instanceof String references && references.contains("\"" + field + "\":");
    }

    /** Figures of one field across claims: each claim that gives the field, or the fact's own value. */
    public static List<Map<String, Object>> figures(Map<String, Object> fact, List<Map<String, Object>> claims, String field,
            Set<String> companions) {
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Map<String, Object> claim : claims) {
            if (gives(claim, field) && claim.get(field) != null) {
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put(field, claim.get(field));
                for (String companion : companions) {
                    figure.put(companion, claim.get(companion));
                }
                figure.put("qualifier", claim.get("qualifier"));
                figure.put("approximate", "ABOUT".equals(claim.get("qualifier")));
                figure.put("claim", claim);
                figures.add(figure);
            }
        }
        return figures;
    }

    /** The figures a claim gives, as field/value text pairs. */
    public static List<Map<String, Object>> figures(Map<String, Object> claim) {
        List<Map<String, Object>> figures = new ArrayList<>();
        if (claim.get("fields") instanceof List<?> fields) {
            for (Object field : fields) {
                Object value = claim.get(field.toString());
                if (value instanceof Map<?, ?> shapedDate && shapedDate.get("value") instanceof LocalDate date) {
                    value = date; // claims arrive shaped: dates as {value, precision}
                }
                String text = value instanceof LocalDate date ? text(date, (String) claim.get(field + "Precision")) : String.valueOf(value);
                figures.add(Map.of("field", field, "value", text));
            }
        }
        return figures;
    }

    private static String text(LocalDate date, String precision) {
        return switch (precision == null ? "DAY" : precision) {
            case "YEAR" -> String.valueOf(date.getYear());
            case "MONTH" -> date.toString().substring(0, 7);
            default -> date.toString();
        };
    }

    /** Filter of the sources list. */
    public record SourceFilter(String kind, NameMatch name, List<String> kindIn) {
    }
}
