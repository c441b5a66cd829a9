package org.criticalminerals.provenance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** The GraphQL type VolumeFigure. */
public record VolumeFigure(
        BigDecimal volume,
        @Nullable String unit,
        @Nullable String qualifier,
        Claim claim) {
}
