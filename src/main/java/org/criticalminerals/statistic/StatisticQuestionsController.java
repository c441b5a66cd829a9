package org.criticalminerals.statistic;

import java.util.List;

import org.criticalminerals.api.Records;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class StatisticQuestionsController {

    private final StatisticQuestions questions;

    StatisticQuestionsController(StatisticQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<DependencyPoint> dependencyOverTime(@Argument String country, @Argument String mineral) {
        return Records.readAll(DependencyPoint.class, questions.dependencyOverTime(country, mineral));
    }
}
