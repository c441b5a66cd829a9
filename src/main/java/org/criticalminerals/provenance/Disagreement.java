package org.criticalminerals.provenance;

import java.util.List;

import org.criticalminerals.model.Node;

/** The GraphQL type Disagreement. */
public record Disagreement(
        String cursor,
        Node fact,
        String field,
        String kind,
        List<Claim> claims) {
}
