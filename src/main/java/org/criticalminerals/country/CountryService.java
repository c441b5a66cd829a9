package org.criticalminerals.country;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.PageRequest;
import org.springframework.stereotype.Service;

/** Countries (ISO 3166-1 reference data) and what is based in them. */
@Service
public class CountryService {

    private final GraphReader reader;

    CountryService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Map<String, Object>> country(String code) {
        return reader.byId("Country", code);
    }

    public Connection countries(PageRequest page) {
        return reader.page("Country", "true", Map.of(), page);
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> organizations(List<K> countries) {
        return reader.related(countries, "(parent)<-[:BASED_IN]-(n:Organization)");
    }
}
