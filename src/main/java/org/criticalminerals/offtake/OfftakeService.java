package org.criticalminerals.offtake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.supplychain.SupplyRoutes;
import org.springframework.stereotype.Service;

/** Offtake and supply contracts, with their supply routes. */
@Service
public class OfftakeService {

    /** The filters of the offtakes list that need no route: buyer, buyer country, mineral (itself, its groups, its members). */
    private static final String MATCH_FILTERED = """
            MATCH (n:Offtake)
            WHERE ($buyerCountry IS NULL OR EXISTS { (n)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry}) })
              AND ($buyer IS NULL OR EXISTS { (n)-[:BUYER]->(:Organization {id: $buyer}) })
              AND ($mineral IS NULL OR EXISTS { (n)-[:OF]->(m:Mineral)
                    WHERE %s
                       OR EXISTS { (m)<-[:PART_OF*1..3]-(:Mineral {id: $mineral}) } })""".formatted(MineralService.MINERAL_OR_MEMBER);

    /**
     * Offtakes whose route avoids countries, with each route and the total, in one statement: every route of
     * the filtered offtakes is computed, since the route decides whether an offtake is in the list.
     */
    private static final String OFFTAKES_AVOIDING = MATCH_FILTERED + """

            %s
            WITH n, stages WHERE %s
            WITH n, stages ORDER BY n.id
            WITH collect({n: n, stages: stages}) AS matching
            WITH size(matching) AS total, [row IN matching WHERE $after IS NULL OR row.n.id > $after][0..$limit] AS pageRows
            RETURN total, [row IN pageRows | head([n IN [row.n] | {entity: %s, stages: row.stages}])] AS page"""
            .formatted(SupplyRoutes.ROUTE_OF_N, SupplyRoutes.AVOIDS_COUNTRIES, GraphReader.ENTITY);

    /**
     * Offtakes without a route filter, in one statement: the routes of the page's offtakes only (a route costs
     * a walk over the supply links; computing it for every offtake made a page of 20 take seconds on 100k records).
     */
    private static final String OFFTAKES = MATCH_FILTERED + """

            WITH n ORDER BY n.id
            WITH collect(n) AS matching
            WITH size(matching) AS total, [x IN matching WHERE $after IS NULL OR x.id > $after][0..$limit] AS pageNodes
            CALL (pageNodes) {
              UNWIND pageNodes AS n
              %s
              WITH n, stages ORDER BY n.id
              RETURN collect({entity: %s, stages: stages}) AS page
            }
            RETURN total, page""".formatted(SupplyRoutes.ROUTE_OF_N, GraphReader.ENTITY);

    private final GraphReader reader;

    private final SupplyRoutes routes;

    OfftakeService(GraphReader reader, SupplyRoutes routes) {
        this.reader = reader;
        this.routes = routes;
    }

    public Optional<Map<String, Object>> offtake(String id) {
        return reader.byId("Offtake", id);
    }

    public Connection offtakes(OfftakeFilter filter, Integer first, String after) {
        int size = Connection.pageSize(first);
        String afterId = Connection.decode(after);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", filter == null ? null : filter.buyerCountry());
        parameters.put("buyer", filter == null ? null : filter.buyer());
        parameters.put("mineral", filter == null ? null : filter.mineral());
        parameters.put("avoid", filter == null || filter.avoidProcessingIn() == null ? null : filter.avoidProcessingIn());
        parameters.put("asOf", filter == null ? null : filter.asOf());
        parameters.put("after", afterId);
        parameters.put("limit", size + 1);
        Map<String, Object> result = reader.rows(parameters.get("avoid") == null ? OFFTAKES : OFFTAKES_AVOIDING, parameters).iterator().next();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("page");
        List<Map<String, Object>> page = rows.stream().map(row -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> offtake = new LinkedHashMap<>((Map<String, Object>) row.get("entity"));
            offtake.put("route", SupplyRoutes.route(row.get("stages")));
            return (Map<String, Object>) offtake;
        }).toList();
        return Connection.of(page, size, afterId != null, ((Number) result.get("total")).intValue());
    }

    /** Routes for offtakes read without one (by id, or nested elsewhere); one statement for all. */
    <K extends Map<String, Object>> Map<K, Map<String, Object>> route(List<K> offtakes) {
        List<String> missing = offtakes.stream().filter(o -> o.get("route") == null).map(o -> (String) o.get("id")).toList();
        Map<String, Map<String, Object>> computed = missing.isEmpty() ? Map.of() : routes.routes(missing);
        Map<K, Map<String, Object>> result = new LinkedHashMap<>();
        for (K offtake : offtakes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> route = offtake.get("route") != null ? (Map<String, Object>) offtake.get("route")
                    : computed.getOrDefault((String) offtake.get("id"), SupplyRoutes.route(null));
            result.put(offtake, route);
        }
        return result;
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> buyers(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:BUYER]->(n:Organization)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> sellers(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:SELLER]->(n:Organization)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> minerals(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:OF]->(n:Mineral)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> origins(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:ORIGIN]->(n:Country)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> processedIn(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:PROCESSED_IN]->(n:Country)");
    }

    <K extends Map<String, Object>> Map<K, List<Map<String, Object>>> suppliedFrom(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:SUPPLIED_FROM]->(n:Entity)");
    }

    /** Filter of the offtakes list. */
    public record OfftakeFilter(String buyerCountry, String buyer, String mineral, List<String> avoidProcessingIn, LocalDate asOf) {
    }
}
