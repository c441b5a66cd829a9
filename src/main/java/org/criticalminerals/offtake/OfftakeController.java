package org.criticalminerals.offtake;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.offtake.OfftakeService.OfftakeFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OfftakeController {

    private final OfftakeService offtakes;

    OfftakeController(OfftakeService offtakes) {
        this.offtakes = offtakes;
    }

    @QueryMapping
    Map<String, Object> offtake(@Argument String id) {
        return offtakes.offtake(id).orElseThrow(() -> new NotFoundException("No offtake with id " + id));
    }

    @QueryMapping(name = "offtakes")
    Connection offtakeList(@Argument OfftakeFilter filter, @Arguments PageRequest page) {
        return offtakes.offtakes(filter, page);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, Map<String, Object>> route(List<Map<String, Object>> parents) {
        return offtakes.route(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> buyers(List<Map<String, Object>> parents) {
        return offtakes.buyers(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> sellers(List<Map<String, Object>> parents) {
        return offtakes.sellers(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> minerals(List<Map<String, Object>> parents) {
        return offtakes.minerals(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> origins(List<Map<String, Object>> parents) {
        return offtakes.origins(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> processedIn(List<Map<String, Object>> parents) {
        return offtakes.processedIn(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Map<String, Object>, List<Map<String, Object>>> suppliedFrom(List<Map<String, Object>> parents) {
        return offtakes.suppliedFrom(parents);
    }
}
