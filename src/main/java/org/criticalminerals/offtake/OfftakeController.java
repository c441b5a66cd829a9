package org.criticalminerals.offtake;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.offtake.OfftakeService.OfftakeFilter;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Offtake;
import org.criticalminerals.model.Organization;
import org.criticalminerals.model.Site;
import org.jspecify.annotations.Nullable;
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
    Offtake offtake(@Argument String id) {
        return offtakes.offtake(id).orElseThrow(() -> new NotFoundException("No offtake with id " + id));
    }

    @QueryMapping(name = "offtakes")
    Connection<Offtake> offtakeList(@Argument @Nullable OfftakeFilter filter, @Arguments PageRequest page) {
        return offtakes.offtakes(filter, page);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, SupplyRoute> route(List<Offtake> parents) {
        return offtakes.route(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Organization>> buyers(List<Offtake> parents) {
        return offtakes.buyers(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Organization>> sellers(List<Offtake> parents) {
        return offtakes.sellers(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Mineral>> minerals(List<Offtake> parents) {
        return offtakes.minerals(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Country>> origins(List<Offtake> parents) {
        return offtakes.origins(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Country>> processedIn(List<Offtake> parents) {
        return offtakes.processedIn(parents);
    }

    @BatchMapping(typeName = "Offtake")
    Map<Offtake, List<Site>> suppliedFrom(List<Offtake> parents) {
        return offtakes.suppliedFrom(parents);
    }
}
