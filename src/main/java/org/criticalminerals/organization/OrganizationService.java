package org.criticalminerals.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Deposit;
import org.criticalminerals.model.Facility;
import org.criticalminerals.model.Investment;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Organization;
import org.criticalminerals.model.Investment;
import org.springframework.stereotype.Service;

/** Companies, agencies and international bodies. */
@Service
public class OrganizationService {

    private final GraphReader reader;

    OrganizationService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Organization> organization(String id) {
        return reader.byId(Organization.class, id);
    }

    public Connection<Organization> organizations(OrganizationFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.when("kind", filter.kind(), "n.kind = $kind")
                    .linked("country", filter.country(), "(n)-[:BASED_IN]->(:Country {id: $country})")
                    .when("role", filter.role(), "$role IN n.roles")
                    .name(filter.name()).in("kind", filter.kindIn())
                    .linked("countryIn", filter.countryIn(), "(n)-[:BASED_IN]->(c:Country)", "c.id IN $countryIn")
                    .when("roleIn", filter.roleIn(), "any(role IN n.roles WHERE role IN $roleIn)");
        }
        return reader.page(Organization.class, more, page);
    }

    <K extends Node> Map<K, Country> country(List<K> organizations) {
        return reader.relatedOne(organizations, "(parent)-[r:BASED_IN]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, Organization> parent(List<K> organizations) {
        return reader.relatedOne(organizations, "(parent)-[r:SUBSIDIARY_OF]->(n:Organization)", Organization.class);
    }

    <K extends Node> Map<K, List<Deposit>> operatedDeposits(List<K> organizations) {
        return reader.related(organizations, "(parent)-[:OPERATES]->(n:Deposit)", Deposit.class);
    }

    <K extends Node> Map<K, List<Facility>> operatedFacilities(List<K> organizations) {
        return reader.related(organizations, "(parent)-[:OPERATES]->(n:Facility)", Facility.class);
    }

    /** Pages of the investments organizations made, one statement for all organizations asking for the same page. */
    Map<NestedPage, List<Investment>> investments(Set<NestedPage> pages) {
        return reader.relatedPages(pages, "(parent)-[:INVESTED]->(n:Investment)", Investment.class);
    }

    /** Filter of the organizations list. */
    public record OrganizationFilter(String kind, String country, String role, NameMatch name, List<String> kindIn,
            List<String> countryIn, List<String> roleIn) {
    }
}
