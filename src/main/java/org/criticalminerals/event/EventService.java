package org.criticalminerals.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Event;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Organization;
import org.criticalminerals.api.Records;
import org.springframework.stereotype.Service;

/** Events the sources treat as turning points. */
@Service
public class EventService {

    private final GraphReader reader;

    EventService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Event> event(String id) {
        return reader.byId(Event.class, id);
    }

    public Connection<Event> events(EventFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("country", filter.country(), "(n)-[:INVOLVES]->(:Country {id: $country})")
                    .when("kind", filter.kind(), "n.kind = $kind")
                    .linked("mineral", filter.mineral(), "(n)-[:CONCERNS]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).in("kind", filter.kindIn()).dates("date", filter.date())
                    .linked("countryIn", filter.countryIn(), "(n)-[:INVOLVES]->(c:Country)", "c.id IN $countryIn");
        }
        return reader.page(Event.class, more, page);
    }

    <K extends Node> Map<K, List<Country>> countries(List<K> events) {
        return reader.related(events, "(parent)-[:INVOLVES]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, List<Organization>> organizations(List<K> events) {
        return reader.related(events, "(parent)-[:INVOLVES]->(n:Organization)", Organization.class);
    }

    /** Countries and organizations involved, each with its role; one statement for all events. */
    <K extends Node> Map<K, List<EventParticipant>> participants(List<K> events) {
        Map<String, List<Map<String, Object>>> byId = new java.util.HashMap<>();
        reader.rows("""
                UNWIND $ids AS parentId
                MATCH (:Event {id: parentId})-[r:INVOLVES]->(n:Entity)
                WITH parentId, r, n ORDER BY n.id
                RETURN parentId, collect({party: n {.*, labels: labels(n)}, role: coalesce(r.role, 'INVOLVED')}) AS participants""",
                Map.of("ids", events.stream().map(Node::id).toList())).forEach(row -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> participants = (List<Map<String, Object>>) row.get("participants");
                    byId.put((String) row.get("parentId"), participants);
                });
        Map<K, List<EventParticipant>> result = new java.util.LinkedHashMap<>();
        events.forEach(e -> result.put(e, Records.readAll(EventParticipant.class, byId.getOrDefault(e.id(), List.of()))));
        return result;
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> events) {
        return reader.related(events, "(parent)-[:CONCERNS]->(n:Mineral)", Mineral.class);
    }

    /** Filter of the events list. */
    public record EventFilter(String country, String mineral, String kind, NameMatch name, List<String> countryIn, List<String> kindIn,
            DateRange date) {
    }
}
