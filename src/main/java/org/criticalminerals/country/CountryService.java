package org.criticalminerals.country;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Organization;
import org.criticalminerals.model.Organization;
import org.springframework.stereotype.Service;

/** Countries (ISO 3166-1 reference data) and what is based in them. */
@Service
public class CountryService {

    private final GraphReader reader;

    CountryService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Country> country(String code) {
        return reader.byId(Country.class, code);
    }

    public Connection<Country> countries(CountryFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of()).name(filter == null ? null : filter.name());
        return reader.page(Country.class, more, page);
    }

    /** Pages of the organizations based in countries, one statement for all countries asking for the same page. */
    Map<NestedPage, List<Organization>> organizations(Set<NestedPage> pages) {
        return reader.relatedPages(pages, "(parent)<-[:BASED_IN]-(n:Organization)", Organization.class);
    }

    /** Filter of the countries list. */
    public record CountryFilter(NameMatch name) {
    }
}
