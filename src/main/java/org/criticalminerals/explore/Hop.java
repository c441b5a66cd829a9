package org.criticalminerals.explore;


/** The GraphQL type Hop. */
public record Hop(
        String type,
        String from,
        String to) {
}
