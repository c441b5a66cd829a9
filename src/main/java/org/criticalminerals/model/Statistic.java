package org.criticalminerals.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Statistic, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Statistic(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String measure,
        @Nullable Integer year,
        @Nullable Double value,
        @Nullable Double valueLow,
        @Nullable Double valueHigh,
        @Nullable String unit,
        @Nullable String scope,
        @Nullable Integer rank,
        @Nullable String scenario,
        @Nullable String qualifier,
        @Nullable String description,
        @Nullable PartialDate date,
        @Nullable Integer rankWithin,
        @Nullable Integer baseYear,
        @Nullable String indicator,
        @Nullable String dataSource,
        @Nullable PartialDate validFrom,
        @Nullable PartialDate validTo,
        int version,
        @Nullable OffsetDateTime createdAt,
        @Nullable OffsetDateTime updatedAt,
        @Nullable Retirement retired,
        List<String> sourceKinds,
        List<String> disputed,
        List<String> disputeKinds) implements Node, Evidenced {
}
