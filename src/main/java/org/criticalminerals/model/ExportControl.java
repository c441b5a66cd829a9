package org.criticalminerals.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type ExportControl, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record ExportControl(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String measure,
        @Nullable PartialDate announced,
        @Nullable PartialDate effective,
        @Nullable PartialDate lifted,
        @Nullable Double rate,
        @Nullable String description,
        @Nullable BigDecimal quantity,
        @Nullable String unit,
        @Nullable Integer year,
        @Nullable Double reductionPercent,
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
