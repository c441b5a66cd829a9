package org.criticalminerals.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Investment, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Investment(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        List<String> instruments,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable Double stake,
        @Nullable PartialDate date,
        @Nullable String purpose,
        @Nullable String description,
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
