package org.criticalminerals.model;

/**
 * An entity of the graph as the API returns it: the record of its GraphQL type (the class of the type's name in
 * this package), which the GraphQL type resolution and the schema inspection find by that name.
 */
public interface Node {

    String id();

    String name();
}
