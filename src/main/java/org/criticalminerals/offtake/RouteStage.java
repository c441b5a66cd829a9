package org.criticalminerals.offtake;

import org.criticalminerals.model.Site;

/** The GraphQL type RouteStage. */
public record RouteStage(
        int order,
        String stage,
        Site site,
        String country) {
}
