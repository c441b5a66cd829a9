package org.criticalminerals.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.FloatRange;
import org.criticalminerals.api.ListConditions.IntRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.springframework.stereotype.Service;

/** Policies, laws, strategies, programmes, funds and critical-mineral lists, and the targets they set. */
@Service
public class PolicyService {

    private final GraphReader reader;

    PolicyService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Map<String, Object>> policy(String id) {
        return reader.byId("Policy", id);
    }

    public Optional<Map<String, Object>> target(String id) {
        return reader.byId("Target", id);
    }

    public Connection policies(PolicyFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("issuer", filter == null ? null : filter.issuer());
        parameters.put("kind", filter == null ? null : filter.kind());
        parameters.put("designates", filter == null ? null : filter.designates());
        ListConditions more = ListConditions.with(parameters);
        if (filter != null) {
            more.name(filter.name()).in("kind", filter.kindIn()).dates("date", filter.date());
        }
        return reader.page("Policy", more.and("""
                ($issuer IS NULL OR EXISTS { (n)-[:ISSUED_BY]->(:Entity {id: $issuer}) })
                  AND ($kind IS NULL OR n.kind = $kind)
                  AND ($designates IS NULL OR EXISTS { (n)-[:DESIGNATES]->(:Mineral {id: $designates}) })"""), more.parameters(), page);
    }

    public Connection targets(TargetFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("country", filter == null ? null : filter.country());
        parameters.put("mineral", filter == null ? null : filter.mineral());
        parameters.put("year", filter == null ? null : filter.year());
        ListConditions more = ListConditions.with(parameters);
        if (filter != null) {
            more.name(filter.name()).range("year", filter.years()).range("quantity", filter.quantity())
                    .anyOf("countryIn", filter.countryIn(), """
                            (EXISTS { (n)-[:OF_COUNTRY]->(c:Country) WHERE c.id IN $countryIn }
                             OR EXISTS { (n)<-[:SETS]-(:Policy)-[:ISSUED_BY]->(c:Country) WHERE c.id IN $countryIn })""");
        }
        return reader.page("Target", more.and("""
                ($country IS NULL OR EXISTS { (n)-[:OF_COUNTRY]->(:Country {id: $country}) }
                       OR EXISTS { (n)<-[:SETS]-(:Policy)-[:ISSUED_BY]->(:Country {id: $country}) })
                  AND ($year IS NULL OR n.year = $year)
                  AND ($mineral IS NULL OR EXISTS { (n)-[:FOR]->(m:Mineral)
                        WHERE %s })""".formatted(MineralService.MINERAL_MATCHES)),
                more.parameters(), page);
    }

    <K extends Map<String, Object>> Map<K, Map<String, Object>> issuer(List<K> policies) {
        return reader.relatedOne(policies, "(parent)-[r:ISSUED_BY]->(n:Entity)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> designates(List<K> policies) {
        return reader.related(policies, "(parent)-[:DESIGNATES]->(n:Mineral)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> minerals(List<K> policies) {
        return reader.related(policies, "(parent)-[:CONCERNS]->(n:Mineral)");
    }

    <K extends Map<String, Object>> Map<K, Map<String, Object>> agreement(List<K> policies) {
        return reader.relatedOne(policies, "(parent)-[r:UNDER]->(n:Agreement)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> targets(List<K> policies) {
        return reader.related(policies, "(parent)-[:SETS]->(n:Target)");
    }

    <K extends Map<String, Object>> Map<K, Map<String, Object>> targetPolicy(List<K> targets) {
        return reader.relatedOne(targets, "(parent)<-[r:SETS]-(n:Policy)");
    }

    <K extends Map<String, Object>> Map<K, Map<String, Object>> targetMineral(List<K> targets) {
        return reader.relatedOne(targets, "(parent)-[r:FOR]->(n:Mineral)");
    }

    <K extends Map<String, Object>> Map<K, Map<String, Object>> targetCountry(List<K> targets) {
        return reader.relatedOne(targets, "(parent)-[r:OF_COUNTRY]->(n:Country)");
    }

    /** Filter of the targets list. */
    public record TargetFilter(String country, String mineral, Integer year, NameMatch name, List<String> countryIn, IntRange years,
            FloatRange quantity) {
    }

    /** Filter of the policies list. */
    public record PolicyFilter(String issuer, String kind, String designates, NameMatch name, List<String> kindIn, DateRange date) {
    }
}
