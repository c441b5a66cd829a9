package org.criticalminerals.statistic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.FloatRange;
import org.criticalminerals.api.ListConditions.IntRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Statistic;
import org.springframework.stereotype.Service;

/** Dated figures (shares, dependency, volumes, projections) for a country, a mineral and a measure. */
@Service
public class StatisticService {

    private final GraphReader reader;

    StatisticService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Statistic> statistic(String id) {
        return reader.byId(Statistic.class, id);
    }

    public Connection<Statistic> statistics(StatisticFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("country", filter.country(), "(n)-[:OF_COUNTRY]->(:Country {id: $country})")
                    .linked("partner", filter.partner(), "(n)-[:FROM_PARTNER]->(:Country {id: $partner})")
                    .when("measure", filter.measure(), "n.measure = $measure")
                    .when("year", filter.year(), "n.year = $year")
                    .linked("mineral", filter.mineral(), "(n)-[:ABOUT]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).in("measure", filter.measureIn()).range("year", filter.years())
                    .range("value", filter.value())
                    .linked("countryIn", filter.countryIn(), "(n)-[:OF_COUNTRY]->(c:Country)", "c.id IN $countryIn");
        }
        return reader.page(Statistic.class, more, page);
    }

    <K extends Node> Map<K, Country> country(List<K> statistics) {
        return reader.relatedOne(statistics, "(parent)-[r:OF_COUNTRY]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, Country> partner(List<K> statistics) {
        return reader.relatedOne(statistics, "(parent)-[r:FROM_PARTNER]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, Mineral> mineral(List<K> statistics) {
        return reader.relatedOne(statistics, "(parent)-[r:ABOUT]->(n:Mineral)", Mineral.class);
    }

    /** Filter of the statistics list. */
    public record StatisticFilter(String country, String mineral, String measure, String partner, Integer year, NameMatch name,
            List<String> countryIn, List<String> measureIn, IntRange years, FloatRange value) {
    }
}
