package org.criticalminerals.provenance;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProvenanceQuestionsController {

    private final ProvenanceQuestions questions;

    ProvenanceQuestionsController(ProvenanceQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<Map<String, Object>> disagreements() {
        return questions.disagreements();
    }
}
