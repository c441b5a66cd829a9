package org.criticalminerals.supplychain;

import java.time.LocalDate;
import java.util.List;

import org.criticalminerals.api.RankedPage;
import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
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
    List<RouteCheck> routeCheck(@Argument String buyerCountry, @Argument List<String> avoid, @Argument @Nullable String mineral,
            @Argument @Nullable LocalDate asOf, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return Records.readAll(RouteCheck.class,
                questions.routeCheck(buyerCountry, avoid, mineral, asOf, RankedPage.of("routeCheck", first, after, 100, 1_000, Integer.MAX_VALUE)));
    }

    @QueryMapping
    SupplyConcentration supplyConcentration(@Argument String mineral, @Argument String buyerCountry, @Argument @Nullable LocalDate asOf) {
        return Records.read(SupplyConcentration.class, questions.supplyConcentration(mineral, buyerCountry, asOf));
    }
}
