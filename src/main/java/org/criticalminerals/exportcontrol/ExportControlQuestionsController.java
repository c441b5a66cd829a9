package org.criticalminerals.exportcontrol;

import java.time.LocalDate;

import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
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
    ExportControlExposure exportControlExposure(@Argument String imposer, @Argument String designator, @Argument @Nullable LocalDate from, @Argument @Nullable LocalDate to) {
        return Records.read(ExportControlExposure.class, questions.exposure(imposer, designator, from, to));
    }
}
