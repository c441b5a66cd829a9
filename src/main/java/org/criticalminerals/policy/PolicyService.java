package org.criticalminerals.policy;

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
import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Policy;
import org.criticalminerals.model.Target;
import org.criticalminerals.model.PartyEntity;
import org.springframework.stereotype.Service;

/** Policies, laws, strategies, programmes, funds and critical-mineral lists, and the targets they set. */
@Service
public class PolicyService {

    private final GraphReader reader;

    PolicyService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Policy> policy(String id) {
        return reader.byId(Policy.class, id);
    }

    public Optional<Target> target(String id) {
        return reader.byId(Target.class, id);
    }

    public Connection<Policy> policies(PolicyFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("issuer", filter.issuer(), "(n)-[:ISSUED_BY]->(:Entity {id: $issuer})")
                    .when("kind", filter.kind(), "n.kind = $kind")
                    .linked("designates", filter.designates(), "(n)-[:DESIGNATES]->(:Mineral {id: $designates})")
                    .name(filter.name()).in("kind", filter.kindIn()).dates("date", filter.date());
        }
        return reader.page(Policy.class, more, page);
    }

    public Connection<Target> targets(TargetFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.when("country", filter.country(), """
                            (EXISTS { (n)-[:OF_COUNTRY]->(:Country {id: $country}) }
                             OR EXISTS { (n)<-[:SETS]-(:Policy)-[:ISSUED_BY]->(:Country {id: $country}) })""")
                    .when("year", filter.year(), "n.year = $year")
                    .linked("mineral", filter.mineral(), "(n)-[:FOR]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).range("year", filter.years()).range("quantity", filter.quantity())
                    .when("countryIn", filter.countryIn(), """
                            (EXISTS { (n)-[:OF_COUNTRY]->(c:Country) WHERE c.id IN $countryIn }
                             OR EXISTS { (n)<-[:SETS]-(:Policy)-[:ISSUED_BY]->(c:Country) WHERE c.id IN $countryIn })""");
        }
        return reader.page(Target.class, more, page);
    }

    <K extends Node> Map<K, PartyEntity> issuer(List<K> policies) {
        return reader.relatedOne(policies, "(parent)-[r:ISSUED_BY]->(n:Entity)", PartyEntity.class);
    }

    <K extends Node> Map<K, List<Mineral>> designates(List<K> policies) {
        return reader.related(policies, "(parent)-[:DESIGNATES]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> policies) {
        return reader.related(policies, "(parent)-[:CONCERNS]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, Agreement> agreement(List<K> policies) {
        return reader.relatedOne(policies, "(parent)-[r:UNDER]->(n:Agreement)", Agreement.class);
    }

    <K extends Node> Map<K, List<Target>> targets(List<K> policies) {
        return reader.related(policies, "(parent)-[:SETS]->(n:Target)", Target.class);
    }

    <K extends Node> Map<K, Policy> targetPolicy(List<K> targets) {
        return reader.relatedOne(targets, "(parent)<-[r:SETS]-(n:Policy)", Policy.class);
    }

    <K extends Node> Map<K, Mineral> targetMineral(List<K> targets) {
        return reader.relatedOne(targets, "(parent)-[r:FOR]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, Country> targetCountry(List<K> targets) {
        return reader.relatedOne(targets, "(parent)-[r:OF_COUNTRY]->(n:Country)", Country.class);
    }

    /** Filter of the targets list. */
    public record TargetFilter(String country, String mineral, Integer year, NameMatch name, List<String> countryIn, IntRange years,
            FloatRange quantity) {
    }

    /** Filter of the policies list. */
    public record PolicyFilter(String issuer, String kind, String designates, NameMatch name, List<String> kindIn, DateRange date) {
    }
}
