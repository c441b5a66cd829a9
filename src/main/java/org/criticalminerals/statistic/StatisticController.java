package org.criticalminerals.statistic;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.statistic.StatisticService.StatisticFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class StatisticController {

    private final StatisticService statistics;

    StatisticController(StatisticService statistics) {
        this.statistics = statistics;
    }

    @QueryMapping
    Map<String, Object> statistic(@Argument String id) {
        return statistics.statistic(id).orElseThrow(() -> new NotFoundException("No statistic with id " + id));
    }

    @QueryMapping(name = "statistics")
    Connection statisticList(@Argument StatisticFilter filter, @Arguments PageRequest page) {
        return statistics.statistics(filter, page);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Map<String, Object>, Map<String, Object>> country(List<Map<String, Object>> parents) {
        return statistics.country(parents);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Map<String, Object>, Map<String, Object>> partner(List<Map<String, Object>> parents) {
        return statistics.partner(parents);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Map<String, Object>, Map<String, Object>> mineral(List<Map<String, Object>> parents) {
        return statistics.mineral(parents);
    }
}
