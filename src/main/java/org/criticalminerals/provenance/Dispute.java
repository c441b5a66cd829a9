package org.criticalminerals.provenance;

import java.util.List;

/** The GraphQL type Dispute. */
public record Dispute(
        String field,
        String kind,
        List<Claim> claims) {
}
