package org.criticalminerals.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    List<Map<String, Object>> frameworksBinding(@Argument List<String> countries, @Argument LocalDate asOf) {
        return questions.frameworksBinding(countries, asOf);
    }
}
