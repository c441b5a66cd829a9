package org.criticalminerals.provenance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** The GraphQL type MonetaryFigure. */
public record MonetaryFigure(
        BigDecimal amount,
        @Nullable String currency,
        boolean approximate,
        Claim claim) {
}
