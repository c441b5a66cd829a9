package org.criticalminerals.supplychain;

import java.util.List;

/** The GraphQL type SupplyConcentration. */
public record SupplyConcentration(
        List<OfftakeRoute> routes,
        List<StageConcentration> stages) {
}
