package org.criticalminerals.event;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.event.EventService.EventFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @QueryMapping
    Map<String, Object> event(@Argument String id) {
        return events.event(id).orElseThrow(() -> new NotFoundException("No event with id " + id));
    }

    @QueryMapping(name = "events")
    Connection eventList(@Argument EventFilter filter, @Arguments PageRequest page) {
        return events.events(filter, page);
    }

    @BatchMapping(typeName = "Event")
    Map<Map<String, Object>, List<Map<String, Object>>> countries(List<Map<String, Object>> parents) {
        return events.countries(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Map<String, Object>, List<Map<String, Object>>> organizations(List<Map<String, Object>> parents) {
        return events.organizations(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Map<String, Object>, List<Map<String, Object>>> participants(List<Map<String, Object>> parents) {
        return events.participants(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Map<String, Object>, List<Map<String, Object>>> minerals(List<Map<String, Object>> parents) {
        return events.minerals(parents);
    }
}
