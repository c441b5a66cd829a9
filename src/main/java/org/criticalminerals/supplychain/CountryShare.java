package org.criticalminerals.supplychain;

import org.jspecify.annotations.Nullable;

/** The GraphQL type CountryShare. */
public record CountryShare(
        String country,
        int routes,
        double routeShare,
        @Nullable Double volume,
        @Nullable Double volumeShare) {
}
