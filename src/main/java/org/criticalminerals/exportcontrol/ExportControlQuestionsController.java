package org.criticalminerals.exportcontrol;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ExportControlQuestionsController {

    private final ExportControlQuestions questions;

    ExportControlQuestionsController(ExportControlQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    Map<String, Object> exportControlExposure(@Argument String imposer, @Argument String designator, @Argument LocalDate from, @Argument LocalDate to) {
        return questions.exposure(imposer, designator, from, to);
    }
}
