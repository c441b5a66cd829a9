package org.criticalminerals.mineral;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.mineral.MineralService.MineralFilter;
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
    Map<String, Object> mineral(@Argument String id) {
        return minerals.mineral(id).orElseThrow(() -> new NotFoundException("No mineral with id " + id));
    }

    @QueryMapping(name = "minerals")
    Connection mineralList(@Argument MineralFilter filter, @Arguments PageRequest page) {
        return minerals.minerals(filter, page);
    }

    @BatchMapping(typeName = "Mineral")
    Map<Map<String, Object>, List<Map<String, Object>>> partOf(List<Map<String, Object>> parents) {
        return minerals.partOf(parents);
    }

    @BatchMapping(typeName = "Mineral")
    Map<Map<String, Object>, List<Map<String, Object>>> members(List<Map<String, Object>> parents) {
        return minerals.members(parents);
    }
}
