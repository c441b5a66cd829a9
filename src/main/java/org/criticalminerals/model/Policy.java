package org.criticalminerals.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Policy, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Policy(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String kind,
        @Nullable PartialDate date,
        @Nullable Integer listSize,
        @Nullable String description,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        List<String> pillars,
        @Nullable BigDecimal quantity,
        @Nullable String unit,
        @Nullable Integer year,
        @Nullable PartialDate start,
        @Nullable PartialDate end,
        @Nullable PartialDate effective,
        @Nullable Double rate,
        @Nullable Double durationYears,
        @Nullable PartialDate validFrom,
        @Nullable PartialDate validTo,
        @Nullable String qualifier,
        int version,
        @Nullable OffsetDateTime createdAt,
        @Nullable OffsetDateTime updatedAt,
        @Nullable Retirement retired,
        List<String> sourceKinds,
        List<String> disputed,
        List<String> disputeKinds) implements Node, Evidenced {
}
