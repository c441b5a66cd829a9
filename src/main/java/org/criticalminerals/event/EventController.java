package org.criticalminerals.event;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.event.EventService.EventFilter;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Event;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Organization;
import org.jspecify.annotations.Nullable;
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
    Event event(@Argument String id) {
        return events.event(id).orElseThrow(() -> new NotFoundException("No event with id " + id));
    }

    @QueryMapping(name = "events")
    Connection<Event> eventList(@Argument @Nullable EventFilter filter, @Arguments PageRequest page) {
        return events.events(filter, page);
    }

    @BatchMapping(typeName = "Event")
    Map<Event, List<Country>> countries(List<Event> parents) {
        return events.countries(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Event, List<Organization>> organizations(List<Event> parents) {
        return events.organizations(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Event, List<EventParticipant>> participants(List<Event> parents) {
        return events.participants(parents);
    }

    @BatchMapping(typeName = "Event")
    Map<Event, List<Mineral>> minerals(List<Event> parents) {
        return events.minerals(parents);
    }
}
