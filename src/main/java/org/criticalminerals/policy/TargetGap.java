package org.criticalminerals.policy;

import java.util.List;

import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Offtake;
import org.criticalminerals.model.Target;
import org.jspecify.annotations.Nullable;

/** The GraphQL type TargetGap. */
public record TargetGap(
        Target target,
        Mineral mineral,
        @Nullable Integer year,
        @Nullable Double quantity,
        @Nullable String unit,
        List<Offtake> offtakes,
        double securedLow,
        double securedHigh,
        @Nullable Double gapLow,
        @Nullable Double gapHigh) {
}
