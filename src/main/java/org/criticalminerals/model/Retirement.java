package org.criticalminerals.model;

import java.time.OffsetDateTime;

/** The GraphQL type Retirement. */
public record Retirement(
        OffsetDateTime at,
        String by,
        String reason) {
}
