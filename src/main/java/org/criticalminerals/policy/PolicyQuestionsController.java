package org.criticalminerals.policy;

import java.util.List;

import org.criticalminerals.api.Records;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PolicyQuestionsController {

    private final PolicyQuestions questions;

    PolicyQuestionsController(PolicyQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<TargetGap> targetsVersusSecured(@Argument String country) {
        return Records.readAll(TargetGap.class, questions.targetsVersusSecured(country));
    }
}
