package org.criticalminerals.site;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Deposit;
import org.criticalminerals.model.Facility;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Organization;
import org.criticalminerals.api.Records;
import org.springframework.stereotype.Service;

/** Deposits, mines and processing facilities, and the material flows between them. */
@Service
public class SiteService {

    private static final String LOCATED_IN = "(n)-[:LOCATED_IN]->(:Country {id: $country})";



    private static final String SUPPLY_LINKS = """
            UNWIND $ids AS parentId
            MATCH (parent:Entity {id: parentId})
            MATCH %s
            WITH parentId, r, a, b ORDER BY r.id
            RETURN parentId, collect({id: r.id, mineral: r.mineral, form: r.form, from: a {.*, labels: labels(a)},
                   to: b {.*, labels: labels(b)}, validFrom: r.validFrom, validFromPrecision: r.validFromPrecision,
                   validTo: r.validTo, validToPrecision: r.validToPrecision}) AS links""";

    private final GraphReader reader;

    SiteService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Deposit> deposit(String id) {
        return reader.byId(Deposit.class, id);
    }

    public Optional<Facility> facility(String id) {
        return reader.byId(Facility.class, id);
    }

    public Connection<Deposit> deposits(SiteFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("country", filter.country(), LOCATED_IN).linked("mineral", filter.mineral(), "(n)-[:PRODUCES]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .when("status", filter.status(), "n.status = $status")
                    .name(filter.name()).in("status", filter.statusIn()).linked("countryIn", filter.countryIn(), "(n)-[:LOCATED_IN]->(c:Country)", "c.id IN $countryIn");
        }
        return reader.page(Deposit.class, more, page);
    }

    public Connection<Facility> facilities(FacilityFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("country", filter.country(), LOCATED_IN).linked("mineral", filter.mineral(), "(n)-[:PRODUCES]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .when("stage", filter.stage(), "n.stage = $stage")
                    .name(filter.name()).in("stage", filter.stageIn()).linked("countryIn", filter.countryIn(), "(n)-[:LOCATED_IN]->(c:Country)", "c.id IN $countryIn");
        }
        return reader.page(Facility.class, more, page);
    }

    <K extends Node> Map<K, Country> country(List<K> sites) {
        return reader.relatedOne(sites, "(parent)-[r:LOCATED_IN]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, List<Organization>> operators(List<K> sites) {
        return reader.related(sites, "(parent)<-[:OPERATES]-(n:Organization)", Organization.class);
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> sites) {
        return reader.related(sites, "(parent)-[:PRODUCES]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, List<SupplyLink>> suppliesTo(List<K> sites) {
        return links(sites, "(parent)-[r:SUPPLIES]->(b:Facility) WITH parentId, r, parent AS a, b");
    }

    <K extends Node> Map<K, List<SupplyLink>> suppliedBy(List<K> sites) {
        return links(sites, "(a)-[r:SUPPLIES]->(parent) WITH parentId, r, a, parent AS b");
    }

    private <K extends Node> Map<K, List<SupplyLink>> links(List<K> sites, String pattern) {
        Map<String, List<Map<String, Object>>> byId = new HashMap<>();
        reader.rows(SUPPLY_LINKS.formatted(pattern),
                Map.of("ids", sites.stream().map(Node::id).toList())).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> links = (List<Map<String, Object>>) row.get("links");
                    byId.put((String) row.get("parentId"), links);
                });
        Map<K, List<SupplyLink>> result = new LinkedHashMap<>();
        sites.forEach(site -> result.put(site, Records.readAll(SupplyLink.class, byId.getOrDefault(site.id(), List.of()))));
        return result;
    }

    /** Filter of the deposits list. */
    public record SiteFilter(String country, String mineral, String status, NameMatch name, List<String> countryIn,
            List<String> statusIn) {
    }

    /** Filter of the facilities list. */
    public record FacilityFilter(String country, String mineral, String stage, NameMatch name, List<String> countryIn,
            List<String> stageIn) {
    }
}
