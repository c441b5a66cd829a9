package org.criticalminerals.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Offtake, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Offtake(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable BigDecimal volume,
        @Nullable String unit,
        @Nullable PartialDate start,
        @Nullable PartialDate end,
        @Nullable Double durationYears,
        @Nullable Boolean exclusive,
        @Nullable String volumeQualifier,
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
        List<String> disputeKinds,
        @Nullable LocalDate routeAsOf) implements Node, Evidenced {

    /**
     * This offtake with its supply route read as of a date (an offtakes list filtered by date shows the routes of that
     * date); {@code routeAsOf} is no GraphQL field.
     */
    public Offtake withRouteAsOf(LocalDate date) {
        return new Offtake(id, name, nameJa, aliases, volume, unit, start, end, durationYears, exclusive, volumeQualifier, description,
                validFrom, validTo, qualifier, version, createdAt, updatedAt, retired, sourceKinds, disputed, disputeKinds, date);
    }
}
