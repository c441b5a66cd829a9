package org.criticalminerals.agreement;

import java.time.LocalDate;
import java.util.List;

import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AgreementQuestionsController {

    private final AgreementQuestions questions;

    AgreementQuestionsController(AgreementQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<FrameworkBinding> frameworksBinding(@Argument List<String> countries, @Argument @Nullable LocalDate asOf) {
        return Records.readAll(FrameworkBinding.class, questions.frameworksBinding(countries, asOf));
    }
}
