package org.criticalminerals.statistic;

import java.util.List;

import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Statistic;
import org.criticalminerals.provenance.Claim;
import org.jspecify.annotations.Nullable;

/** The GraphQL type DependencyPoint. */
public record DependencyPoint(
        @Nullable Integer year,
        String measure,
        @Nullable String partner,
        @Nullable Double value,
        boolean disputed,
        Statistic statistic,
        @Nullable Mineral mineral,
        List<Claim> claims) {
}
