package org.criticalminerals.investment;


import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.criticalminerals.api.BadInputException;
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
        List<SelectedField> selected = environment.getSelectionSet().getImmediateFields().stream().filter(f -> f.getName().equals("flows")).toList();
        if (selected.stream().map(SelectedField::getArguments).distinct().count() > 1) {
            throw new BadInputException("moneyFlows answers one page of flows: select flows with the same first and after everywhere");
        }
        Map<String, Object> arguments = selected.isEmpty() ? Map.of() : selected.get(0).getArguments();
        RankedPage flows = RankedPage.of("moneyFlows", (Integer) arguments.get("first"), (String) arguments.get("after"), 100, 1_000, Integer.MAX_VALUE);
        return Records.read(MoneyFlows.class, questions.moneyFlows(investor, investorCountry, flows));
    }
}
