package org.criticalminerals.changes;

import java.util.List;

import org.criticalminerals.api.Connection;

/** A page of the change feed (GraphQL {@code ChangeConnection}). */
public record ChangeConnection(List<ChangeEdge> edges, Connection.PageInfo pageInfo) {

    /** A change with its cursor. */
    public record ChangeEdge(String cursor, Change node) {
    }
}
