package org.criticalminerals.investment;

import java.util.List;

import org.criticalminerals.model.Investment;

/** The GraphQL type MoneyFlows. */
public record MoneyFlows(
        List<MoneyFlow> flows,
        List<MoneyTotal> totals,
        List<Investment> disputed) {
}
