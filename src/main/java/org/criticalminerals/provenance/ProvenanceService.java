package org.criticalminerals.provenance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.Records;
import org.criticalminerals.model.Evidenced;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.model.Source;
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

    public Optional<Source> source(String id) {
        return reader.byId(Source.class, id);
    }

    public Connection<Source> sources(SourceFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.when("kind", filter.kind(), "n.kind = $kind").name(filter.name()).in("kind", filter.kindIn());
        }
        return reader.page(Source.class, more, page);
    }

    /** Claims of each fact, by fact id; one statement for all facts. */
    public Map<String, List<Claim>> claims(Collection<String> factIds) {
        Map<String, List<Claim>> byFact = new HashMap<>();
        reader.rows("""
                UNWIND $ids AS factId
                MATCH (:Entity {id: factId})-[:CLAIMED_BY]->(c:Claim)
                WITH factId, c ORDER BY c.source, c.line, c.id
                RETURN factId, collect(c {.*}) AS claims""", Map.of("ids", List.copyOf(factIds))).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> claims = (List<Map<String, Object>>) row.get("claims");
                    byFact.put((String) row.get("factId"), claims.stream().map(Claim::of).toList());
                });
        return byFact;
    }

    /** Sources of the given claims; one statement for all. */
    public Map<Claim, Source> sourceOf(List<Claim> claims) {
        Map<String, Source> sources = new HashMap<>();
        reader.rows("MATCH (n:Source) WHERE n.id IN $ids RETURN " + GraphReader.ENTITY + " AS source",
                Map.of("ids", claims.stream().map(Claim::sourceId).distinct().toList())).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    Source source = Records.read(Source.class, (Map<String, Object>) row.get("source"));
                    sources.put(source.id(), source);
                });
        Map<Claim, Source> result = new LinkedHashMap<>();
        claims.forEach(claim -> result.put(claim, sources.get(claim.sourceId())));
        return result;
    }

    /**
     * The disagreements of a fact, contradictions first, each with its kind and the claims that give a figure
     * (or a reference) for the field.
     */
    public static List<Dispute> disputes(Evidenced fact, List<Claim> claims) {
        List<Dispute> disputes = new ArrayList<>();
        for (int i = 0; i < fact.disputed().size(); i++) {
            String field = fact.disputed().get(i);
            disputes.add(new Dispute(field, fact.disputeKinds().get(i), claims.stream().filter(c -> c.gives(field)).toList()));
        }
        return disputes;
    }

    /** The amounts of an investment: each claim that gives one, with its currency. */
    public static List<MonetaryFigure> amounts(List<Claim> claims) {
        return figures(claims, "amount").stream().map(claim -> new MonetaryFigure(decimal(claim.values().get("amount")),
                (String) claim.values().get("currency"), "ABOUT".equals(claim.values().get("qualifier")), claim)).toList();
    }

    /** The volumes of an offtake: each claim that gives one, with its unit and qualifier. */
    public static List<VolumeFigure> volumes(List<Claim> claims) {
        return figures(claims, "volume").stream().map(claim -> {
            Object qualifier = claim.values().get("volumeQualifier") != null ? claim.values().get("volumeQualifier") : claim.values().get("qualifier");
            return new VolumeFigure(decimal(claim.values().get("volume")), (String) claim.values().get("unit"),
                    qualifier == null ? null : qualifier.toString(), claim);
        }).toList();
    }

    /** The claims that give a figure for the field. */
    private static List<Claim> figures(List<Claim> claims, String field) {
        return claims.stream().filter(claim -> claim.gives(field) && claim.values().get(field) != null).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    /** The figures a claim gives, as field/value text pairs. */
    public static List<Figure> figures(Claim claim) {
        List<Figure> figures = new ArrayList<>();
        if (claim.values().get("fields") instanceof List<?> fields) {
            for (Object field : fields) {
                Object value = claim.values().get(field.toString());
                if (value instanceof PartialDate partial) {
                    value = partial.start(); // claims arrive shaped: dates with their precision
                }
                String text = value instanceof LocalDate date ? text(date, (String) claim.values().get(field + "Precision")) : String.valueOf(value);
                figures.add(new Figure(field.toString(), text));
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
