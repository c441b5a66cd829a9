package org.criticalminerals.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Country, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Country(
        String id,
        String code,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String description,
        int version,
        @Nullable OffsetDateTime createdAt,
        @Nullable OffsetDateTime updatedAt,
        @Nullable Retirement retired,
        List<String> sourceKinds,
        List<String> disputed,
        List<String> disputeKinds) implements Node, Investor, PartyEntity, Evidenced {
}
