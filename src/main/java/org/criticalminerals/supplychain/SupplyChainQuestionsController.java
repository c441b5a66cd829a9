package org.criticalminerals.supplychain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SupplyChainQuestionsController {

    private final SupplyChainQuestions questions;

    SupplyChainQuestionsController(SupplyChainQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    List<Map<String, Object>> routeCheck(@Argument String buyerCountry, @Argument List<String> avoid, @Argument String mineral,
            @Argument LocalDate asOf) {
        return questions.routeCheck(buyerCountry, avoid, mineral, asOf);
    }

    @QueryMapping
    Map<String, Object> supplyConcentration(@Argument String mineral, @Argument String buyerCountry) {
        return questions.supplyConcentration(mineral, buyerCountry);
    }
}
