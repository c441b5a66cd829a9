package org.criticalminerals.exportcontrol;

import java.time.LocalDate;

import graphql.schema.DataFetchingEnvironment;
import org.criticalminerals.api.RankedPage;
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
    ExportControlExposure exportControlExposure(@Argument String imposer, @Argument String designator, @Argument @Nullable LocalDate from,
            @Argument @Nullable LocalDate to, DataFetchingEnvironment environment) {
        // one statement for the whole answer: the page of exposures comes from the arguments of the selected exposures
        RankedPage exposures = RankedPage.ofSelected(environment, "exposures", "exportControlExposure", 100, 1_000);
        return Records.read(ExportControlExposure.class, questions.exposure(imposer, designator, from, to, exposures));
    }
}
