package org.criticalminerals.investment;


import graphql.schema.DataFetchingEnvironment;
import org.criticalminerals.api.RankedPage;
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

    /** One statement for the whole answer: the page of flows comes from the arguments of the selected {@code flows}. */
    @QueryMapping
    MoneyFlows moneyFlows(@Argument @Nullable String investor, @Argument @Nullable String investorCountry, DataFetchingEnvironment environment) {
        RankedPage flows = RankedPage.ofSelected(environment, "flows", "moneyFlows", 100, 1_000);
        return Records.read(MoneyFlows.class, questions.moneyFlows(investor, investorCountry, flows));
    }
}
