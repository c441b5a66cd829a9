package org.criticalminerals.supplychain;

import java.util.List;

import org.criticalminerals.model.Offtake;
import org.criticalminerals.offtake.RouteStage;
import org.jspecify.annotations.Nullable;

/** The GraphQL type OfftakeRoute. */
public record OfftakeRoute(
        Offtake offtake,
        @Nullable Double volume,
        @Nullable String unit,
        List<RouteStage> stages) {
}
