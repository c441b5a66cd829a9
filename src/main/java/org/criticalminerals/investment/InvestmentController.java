package org.criticalminerals.investment;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.investment.InvestmentService.InvestmentFilter;
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
    Map<String, Object> investment(@Argument String id) {
        return investments.investment(id).orElseThrow(() -> new NotFoundException("No investment with id " + id));
    }

    @QueryMapping(name = "investments")
    Connection investmentList(@Argument InvestmentFilter filter, @Arguments PageRequest page) {
        return investments.investments(filter, page);
    }

    @BatchMapping(typeName = "Investment")
    Map<Map<String, Object>, List<Map<String, Object>>> investors(List<Map<String, Object>> parents) {
        return investments.investors(parents);
    }

    @BatchMapping(typeName = "Investment")
    Map<Map<String, Object>, Map<String, Object>> target(List<Map<String, Object>> parents) {
        return investments.target(parents);
    }

    @BatchMapping(typeName = "Investment")
    Map<Map<String, Object>, List<Map<String, Object>>> minerals(List<Map<String, Object>> parents) {
        return investments.minerals(parents);
    }
}
