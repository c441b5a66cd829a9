package org.criticalminerals.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Deposit, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Deposit(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String region,
        @Nullable String status,
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
        List<String> disputeKinds) implements Node, Site, InvestmentTarget, Evidenced {
}
