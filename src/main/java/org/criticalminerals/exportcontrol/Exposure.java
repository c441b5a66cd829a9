package org.criticalminerals.exportcontrol;

import java.util.List;

import org.criticalminerals.model.Node;

/** The GraphQL type Exposure. */
public record Exposure(
        String kind,
        Node fact,
        List<String> organizations,
        String cursor) {
}
