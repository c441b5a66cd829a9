package org.criticalminerals.investment;

import java.util.List;

import org.criticalminerals.model.Investment;
import org.criticalminerals.model.InvestmentTarget;
import org.criticalminerals.model.Investor;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.provenance.Claim;
import org.jspecify.annotations.Nullable;

/** The GraphQL type MoneyFlow. */
public record MoneyFlow(
        Investment investment,
        List<Investor> investors,
        @Nullable InvestmentTarget target,
        @Nullable String hostCountry,
        List<Mineral> minerals,
        List<Claim> figures,
        String cursor) {
}
