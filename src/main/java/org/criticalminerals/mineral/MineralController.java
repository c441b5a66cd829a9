package org.criticalminerals.mineral;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.mineral.MineralService.MineralFilter;
import org.criticalminerals.model.Mineral;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MineralController {

    private final MineralService minerals;

    MineralController(MineralService minerals) {
        this.minerals = minerals;
    }

    @QueryMapping
    Mineral mineral(@Argument String id) {
        return minerals.mineral(id).orElseThrow(() -> new NotFoundException("No mineral with id " + id));
    }

    @QueryMapping(name = "minerals")
    Connection<Mineral> mineralList(@Argument @Nullable MineralFilter filter, @Arguments PageRequest page) {
        return minerals.minerals(filter, page);
    }

    @BatchMapping(typeName = "Mineral")
    Map<Mineral, List<Mineral>> partOf(List<Mineral> parents) {
        return minerals.partOf(parents);
    }

    @BatchMapping(typeName = "Mineral")
    Map<Mineral, List<Mineral>> members(List<Mineral> parents) {
        return minerals.members(parents);
    }
}
