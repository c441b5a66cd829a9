package org.criticalminerals.offtake;

import java.util.List;

/** The GraphQL type SupplyRoute. */
public record SupplyRoute(
        List<RouteStage> stages,
        List<String> countries,
        boolean known) {
}
