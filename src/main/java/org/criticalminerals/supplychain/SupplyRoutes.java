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
import org.criticalminerals.api.QueryLibrary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Supply routes: the deposit and every processing stage an offtake is supplied from, in order. The route
 * of an offtake bound to {@code o} is computed by {@link #ROUTE_OF_O}, a subquery that the offtake queries
 * embed, so that a filtered list and its routes come from one statement.
 */
@Service
public class SupplyRoutes {

    /**
     * Subquery over {@code o} (an Offtake) returning {@code stages}: the block {@code supply route} of question 1's
     * file, so that the question analysts run, the route of a list page and question 5 share one copy.
     */
    public static final String ROUTE_OF_O = QueryLibrary.block("routes-avoiding-countries", "supply route");

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
        reader.rows("UNWIND $ids AS offtakeId\nMATCH (o:Offtake {id: offtakeId})\n" + ROUTE_OF_O + "\nRETURN offtakeId, stages",
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
