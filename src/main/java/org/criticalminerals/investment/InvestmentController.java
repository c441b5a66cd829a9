package org.criticalminerals.investment;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.investment.InvestmentService.InvestmentFilter;
import org.criticalminerals.model.Investment;
import org.criticalminerals.model.InvestmentTarget;
import org.criticalminerals.model.Investor;
import org.criticalminerals.model.Mineral;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentController {

    private final InvestmentService investments;

    InvestmentController(InvestmentService investments) {
        this.investments = investments;
    }

    @QueryMapping
    Investment investment(@Argument String id) {
        return investments.investment(id).orElseThrow(() -> new NotFoundException("No investment with id " + id));
    }

    @QueryMapping(name = "investments")
    Connection<Investment> investmentList(@Argument @Nullable InvestmentFilter filter, @Arguments PageRequest page) {
        return investments.investments(filter, page);
    }

    @BatchMapping(typeName = "Investment")
    Map<Investment, List<Investor>> investors(List<Investment> parents) {
        return investments.investors(parents);
    }

    @BatchMapping(typeName = "Investment")
    Map<Investment, InvestmentTarget> target(List<Investment> parents) {
        return investments.target(parents);
    }

    @BatchMapping(typeName = "Investment")
    Map<Investment, List<Mineral>> minerals(List<Investment> parents) {
        return investments.minerals(parents);
    }
}
