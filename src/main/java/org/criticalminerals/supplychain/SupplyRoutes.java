package org.criticalminerals.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.criticalminerals.api.GraphReader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Supply routes: the deposit and every processing stage an offtake is supplied from, in order. The route
 * of an offtake bound to {@code n} is computed by {@link #ROUTE_OF_N}, a subquery that the offtake queries
 * embed, so that a filtered list and its routes come from one statement.
 */
@Service
public class SupplyRoutes {

    /**
     * Subquery over {@code n} (an Offtake) returning {@code stages}: for each site it is supplied from, the
     * site, its country, its stage (MINING for deposits) and its depth on the route (the longest chain of
     * SUPPLIES links from a deposit of the same route). With {@code $asOf}, links must be valid on that
     * date, and a facility whose every incoming link on the route has expired drops out of the route.
     */
    public static final String ROUTE_OF_N = """
            CALL (n) {
              OPTIONAL MATCH (n)-[:SUPPLIED_FROM]->(site)
              WITH collect(site) AS sites
              UNWIND (CASE WHEN size(sites) = 0 THEN [null] ELSE sites END) AS site
              OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
              OPTIONAL MATCH path = (deposit:Deposit)-[:SUPPLIES*0..6]->(site)
                WHERE deposit IN sites AND all(x IN nodes(path) WHERE x IN sites)
                  AND all(link IN relationships(path) WHERE $asOf IS NULL
                        OR ((link.validFrom IS NULL OR link.validFrom <= $asOf) AND (link.validTo IS NULL OR link.validTo >= $asOf)))
              WITH sites, site, country, max(length(path)) AS depth
              WITH site, country, depth, [(x)-[link:SUPPLIES]->(site) WHERE x IN sites | link] AS incoming
              WHERE site IS NULL OR $asOf IS NULL OR size(incoming) = 0
                 OR any(link IN incoming WHERE (link.validFrom IS NULL OR link.validFrom <= $asOf)
                                          AND (link.validTo IS NULL OR link.validTo >= $asOf))
              WITH site AS s, country, depth ORDER BY coalesce(depth, 99), s.id
              RETURN collect(CASE WHEN s IS NULL THEN null ELSE
                       {country: country.id, depth: depth, stage: CASE WHEN s:Deposit THEN 'MINING' ELSE s.stage END,
                        site: s {.*, labels: labels(s)}} END) AS stages
            }""";

    /** A route avoids the countries when it is known down to a deposit and no stage lies in them. */
    public static final String AVOIDS_COUNTRIES = """
            ($avoid IS NULL OR (any(stage IN stages WHERE stage.stage = 'MINING')
                                AND none(stage IN stages WHERE stage.country IN $avoid)))""";

    private final GraphReader reader;

    SupplyRoutes(GraphReader reader) {
        this.reader = reader;
    }

    /** Routes of the given offtakes (with links valid on {@code asOf}, or all links), one statement for all. */
    public Map<String, Map<String, Object>> routes(List<String> offtakeIds, @Nullable LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ids", offtakeIds);
        parameters.put("asOf", asOf);
        Map<String, Map<String, Object>> routes = new HashMap<>();
        reader.rows("UNWIND $ids AS offtakeId\nMATCH (n:Offtake {id: offtakeId})\n" + ROUTE_OF_N + "\nRETURN offtakeId, stages",
                parameters).forEach(row -> routes.put((String) row.get("offtakeId"), route(row.get("stages"))));
        return routes;
    }

    /** Shapes the stages a route subquery returned into the GraphQL SupplyRoute. */
    public static Map<String, Object> route(Object stagesValue) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = stagesValue == null ? List.of() : (List<Map<String, Object>>) stagesValue;
        List<Map<String, Object>> ordered = new ArrayList<>();
        Set<String> countries = new LinkedHashSet<>();
        for (Map<String, Object> stage : stages) {
            Map<String, Object> shaped = new LinkedHashMap<>(stage);
            shaped.put("order", ordered.size() + 1);
            ordered.add(shaped);
            if (stage.get("country") != null) {
                countries.add((String) stage.get("country"));
            }
        }
        return Map.of("stages", ordered, "countries", List.copyOf(countries), "known", !ordered.isEmpty());
    }
}
