package org.criticalminerals.investment;


import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
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
    MoneyFlows moneyFlows(@Argument @Nullable String investor, @Argument @Nullable String investorCountry) {
        return Records.read(MoneyFlows.class, questions.moneyFlows(investor, investorCountry));
    }
}
