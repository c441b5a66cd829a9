package org.criticalminerals.provenance;

import java.util.List;

import org.criticalminerals.api.RankedPage;
import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProvenanceQuestionsController {

    private final ProvenanceQuestions questions;

    ProvenanceQuestionsController(ProvenanceQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<Disagreement> disagreements(@Argument @Nullable Integer first, @Argument @Nullable String after) {
        return Records.readAll(Disagreement.class,
                questions.disagreements(RankedPage.of("disagreements", first, after, 100, 1_000, Integer.MAX_VALUE)));
    }
}
