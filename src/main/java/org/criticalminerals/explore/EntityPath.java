package org.criticalminerals.explore;

import java.util.List;

import org.criticalminerals.model.Node;

/** The GraphQL type EntityPath. */
public record EntityPath(
        List<Node> nodes,
        List<Hop> hops) {
}
