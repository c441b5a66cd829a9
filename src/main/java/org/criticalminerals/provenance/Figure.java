package org.criticalminerals.provenance;


/** The GraphQL type Figure. */
public record Figure(
        String field,
        String value) {
}
