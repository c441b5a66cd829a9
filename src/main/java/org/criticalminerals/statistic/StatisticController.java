package org.criticalminerals.statistic;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.statistic.StatisticService.StatisticFilter;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Statistic;
import org.jspecify.annotations.Nullable;
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
    Statistic statistic(@Argument String id) {
        return statistics.statistic(id).orElseThrow(() -> new NotFoundException("No statistic with id " + id));
    }

    @QueryMapping(name = "statistics")
    Connection<Statistic> statisticList(@Argument @Nullable StatisticFilter filter, @Arguments PageRequest page) {
        return statistics.statistics(filter, page);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Statistic, Country> country(List<Statistic> parents) {
        return statistics.country(parents);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Statistic, Country> partner(List<Statistic> parents) {
        return statistics.partner(parents);
    }

    @BatchMapping(typeName = "Statistic")
    Map<Statistic, Mineral> mineral(List<Statistic> parents) {
        return statistics.mineral(parents);
    }
}
