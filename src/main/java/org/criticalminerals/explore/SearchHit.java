package org.criticalminerals.explore;

import org.criticalminerals.model.Node;

/** The GraphQL type SearchHit. */
public record SearchHit(
        Node entity,
        String type,
        double score,
        String cursor) {
}
