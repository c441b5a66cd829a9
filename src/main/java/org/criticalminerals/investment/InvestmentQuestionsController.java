package org.criticalminerals.investment;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentQuestionsController {

    private final InvestmentQuestions questions;

    InvestmentQuestionsController(InvestmentQuestions questions) {
        this.questions = questions;
    }

    @QueryMapping
    Map<String, Object> moneyFlows(@Argument String investor, @Argument String investorCountry) {
        return questions.moneyFlows(investor, investorCountry);
    }
}
