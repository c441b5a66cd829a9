package org.criticalminerals.exportcontrol;

import java.util.List;

import org.criticalminerals.model.ExportControl;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Policy;

/** The GraphQL type Restriction. */
public record Restriction(
        Mineral mineral,
        ExportControl control,
        boolean designated,
        List<Policy> designatedBy) {
}
