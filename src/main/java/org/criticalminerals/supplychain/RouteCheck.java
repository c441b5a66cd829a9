package org.criticalminerals.supplychain;

import java.util.List;

import org.criticalminerals.model.Offtake;
import org.criticalminerals.offtake.RouteStage;
import org.jspecify.annotations.Nullable;

/** The GraphQL type RouteCheck. */
public record RouteCheck(
        String cursor,
        Offtake offtake,
        boolean qualifies,
        @Nullable String reason,
        List<RouteStage> stages,
        List<RouteStage> failingStages) {
}
