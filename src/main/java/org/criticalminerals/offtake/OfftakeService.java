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
import org.criticalminerals.api.Records;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.FloatRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.supplychain.SupplyRoutes;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Offtake;
import org.criticalminerals.model.Organization;
import org.criticalminerals.model.Site;
import org.springframework.stereotype.Service;

/** Offtake and supply contracts, with their supply routes. */
@Service
public class OfftakeService {

    /**
     * The offtakes filter. The mineral filter matches the mineral itself, its groups and its members (an offtake
     * of light rare earths is an offtake of rare earths, and of neodymium).
     */

    /** Only with {@code avoidProcessingIn}: the route of each candidate, read in index order until the page is full. */
    private static final String AVOIDING = "WITH n, n AS o\n" + SupplyRoutes.ROUTE_OF_O + "\nWITH n, stages WHERE " + SupplyRoutes.AVOIDS_COUNTRIES;

    private final GraphReader reader;

    private final SupplyRoutes routes;

    OfftakeService(GraphReader reader, SupplyRoutes routes) {
        this.reader = reader;
        this.routes = routes;
    }

    public Optional<Offtake> offtake(String id) {
        return reader.byId(Offtake.class, id);
    }

    /** A page of offtakes; their routes are read only if the client selects them, and only for the page. */
    public Connection<Offtake> offtakes(OfftakeFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        // the route filter's own parameters (its clauses come after the match, AVOIDING)
        parameters.put("avoid", filter == null ? null : filter.avoidProcessingIn());
        parameters.put("asOf", filter == null ? null : filter.asOf());
        ListConditions more = ListConditions.with(parameters);
        if (filter != null) {
            more.linked("buyerCountry", filter.buyerCountry(), "(n)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry})")
                    .linked("buyer", filter.buyer(), "(n)-[:BUYER]->(:Organization {id: $buyer})")
                    .linked("seller", filter.seller(), "(n)-[:SELLER]->(:Organization {id: $seller})")
                    .linked("mineral", filter.mineral(), "(n)-[:OF]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).range("volume", filter.volume()).dates("start", filter.start())
                    .linked("buyerCountryIn", filter.buyerCountryIn(), "(n)-[:BUYER]->(:Organization)-[:BASED_IN]->(c:Country)",
                            "c.id IN $buyerCountryIn");
        }
        Connection<Offtake> offtakes = reader.page(Offtake.class, more, parameters.get("avoid") == null ? "" : AVOIDING, page);
        // the routes of a page filtered by date are those valid on that date
        return filter == null || filter.asOf() == null ? offtakes : offtakes.map(offtake -> offtake.withRouteAsOf(filter.asOf()));
    }

    /** The routes of offtakes (a page, or offtakes nested elsewhere); one statement per date asked for. */
    Map<Offtake, SupplyRoute> route(List<Offtake> offtakes) {
        Map<Optional<LocalDate>, List<String>> idsByDate = new LinkedHashMap<>();
        offtakes.forEach(o -> idsByDate.computeIfAbsent(Optional.ofNullable(o.routeAsOf()), d -> new ArrayList<>()).add(o.id()));
        Map<Optional<LocalDate>, Map<String, Map<String, Object>>> computed = new HashMap<>();
        idsByDate.forEach((date, ids) -> computed.put(date, routes.routes(ids, date.orElse(null))));
        Map<Offtake, SupplyRoute> result = new LinkedHashMap<>();
        for (Offtake offtake : offtakes) {
            result.put(offtake, Records.read(SupplyRoute.class, computed.get(Optional.ofNullable(offtake.routeAsOf()))
                    .getOrDefault(offtake.id(), SupplyRoutes.route(null))));
        }
        return result;
    }

    <K extends Node> Map<K, List<Organization>> buyers(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:BUYER]->(n:Organization)", Organization.class);
    }

    <K extends Node> Map<K, List<Organization>> sellers(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:SELLER]->(n:Organization)", Organization.class);
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:OF]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, List<Country>> origins(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:ORIGIN]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, List<Country>> processedIn(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:PROCESSED_IN]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, List<Site>> suppliedFrom(List<K> offtakes) {
        return reader.related(offtakes, "(parent)-[:SUPPLIED_FROM]->(n:Entity)", Site.class);
    }

    /** Filter of the offtakes list. */
    public record OfftakeFilter(String buyerCountry, String buyer, String seller, String mineral, List<String> avoidProcessingIn,
            LocalDate asOf, NameMatch name, List<String> buyerCountryIn, FloatRange volume, DateRange start) {
    }
}
