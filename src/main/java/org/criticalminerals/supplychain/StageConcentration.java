package org.criticalminerals.supplychain;

import java.util.List;

/** The GraphQL type StageConcentration. */
public record StageConcentration(
        String stage,
        int routes,
        List<CountryShare> countries) {
}
