package org.criticalminerals.investment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** The GraphQL type MoneyTotal. */
public record MoneyTotal(
        String currency,
        @Nullable Integer year,
        BigDecimal total,
        int investments) {
}
