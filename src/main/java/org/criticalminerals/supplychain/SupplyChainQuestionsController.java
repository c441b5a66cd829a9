package org.criticalminerals.supplychain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.RankedPage;
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
            @Argument LocalDate asOf, @Argument Integer first, @Argument String after) {
        return questions.routeCheck(buyerCountry, avoid, mineral, asOf, RankedPage.of("routeCheck", first, after, 100, 1_000, Integer.MAX_VALUE));
    }

    @QueryMapping
    Map<String, Object> supplyConcentration(@Argument String mineral, @Argument String buyerCountry, @Argument LocalDate asOf) {
        return questions.supplyConcentration(mineral, buyerCountry, asOf);
    }
}
