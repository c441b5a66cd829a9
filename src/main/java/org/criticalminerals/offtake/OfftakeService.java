package org.criticalminerals.offtake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.FloatRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.supplychain.SupplyRoutes;
import org.springframework.stereotype.Service;

/** Offtake and supply contracts, with their supply routes. */
@Service
public class OfftakeService {

    /**
     * The offtakes filter. The mineral filter matches the mineral itself, its groups and its members (an offtake
     * of light rare earths is an offtake of rare earths, and of neodymium).
     */
    private static final String OFFTAKES = """
            ($buyerCountry IS NULL OR EXISTS { (n)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry}) })
              AND ($buyer IS NULL OR EXISTS { (n)-[:BUYER]->(:Organization {id: $buyer}) })
              AND ($seller IS NULL OR EXISTS { (n)-[:SELLER]->(:Organization {id: $seller}) })
              AND ($mineral IS NULL OR EXISTS { (n)-[:OF]->(m:Mineral) WHERE %s })""".formatted(MineralService.MINERAL_MATCHES);

    /** Only with {@code avoidProcessingIn}: the route of each candidate, read in index order until the page is full. */
    private static final String AVOIDING = "WITH n, n AS o\n" + SupplyRoutes.ROUTE_OF_O + "\nWITH n, stages WHERE " + SupplyRoutes.AVOIDS_COUNTRIES;

    /** Marks an offtake of a list filtered by date, whose route is that of the date. */
    private static final String ROUTE_AS_OF = "routeAsOf";

    private final GraphReader reader;

    private final SupplyRoutes routes;

    OfftakeService(GraphReader reader, SupplyRoutes routes) {
        this.reader = reader;
        this.routes = routes;
    }

    public Optional<Map<String, Object>> offtake(String id) {
        return reader.byId("Offtake", id);
    }

    /** A page of offtakes; their routes are read only if the client selects them, and only for the page. */
    public Connection offtakes(OfftakeFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", filter == null ? null : filter.buyerCountry());
        parameters.put("buyer", filter == null ? null : filter.buyer());
        parameters.put("seller", filter == null ? null : filter.seller());
        parameters.put("mineral", filter == null ? null : filter.mineral());
        parameters.put("avoid", filter == null ? null : filter.avoidProcessingIn());
        parameters.put("asOf", filter == null ? null : filter.asOf());
        ListConditions more = ListConditions.with(parameters);
        if (filter != null) {
            more.name(filter.name()).range("volume", filter.volume()).dates("start", filter.start())
                    .anyOf("buyerCountryIn", filter.buyerCountryIn(),
                            "EXISTS { (n)-[:BUYER]->(:Organization)-[:BASED_IN]->(c:Country) WHERE c.id IN $buyerCountryIn }");
        }
        Connection offtakes = reader.page("Offtake", more.and(OFFTAKES), parameters.get("avoid") == null ? "" : AVOIDING, more.parameters(), page);
        if (parameters.get("asOf") != null) {
            // the routes of this page are those valid on the filter's date
            offtakes.edges().forEach(edge -> edge.node().put(ROUTE_AS_OF, parameters.get("asOf")));
        }
        return offtakes;
    }

    /** The routes of offtakes (a page, or offtakes nested elsewhere); one statement per date asked for. */
    <K extends Map<String, Object>> Map<K, Map<String, Object>> route(List<K> offtakes) {
        Map<Optional<Object>, List<String>> idsByDate = new LinkedHashMap<>();
        offtakes.forEach(o -> idsByDate.computeIfAbsent(Optional.ofNullable(o.get(ROUTE_AS_OF)), d -> new ArrayList<>()).add((String) o.get("id")));
        Map<Optional<Object>, Map<String, Map<String, Object>>> computed = new HashMap<>();
        idsByDate.forEach((date, ids) -> computed.put(date, routes.routes(ids, (LocalDate) date.orElse(null))));
        Map<K, Map<String, Object>> result = new LinkedHashMap<>();
        for (K offtake : offtakes) {
            result.put(offtake, computed.get(Optional.ofNullable(offtake.get(ROUTE_AS_OF))).getOrDefault((String) offtake.get("id"),
                    SupplyRoutes.route(null)));
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
    public record OfftakeFilter(String buyerCountry, String buyer, String seller, String mineral, List<String> avoidProcessingIn,
            LocalDate asOf, NameMatch name, List<String> buyerCountryIn, FloatRange volume, DateRange start) {
    }
}
