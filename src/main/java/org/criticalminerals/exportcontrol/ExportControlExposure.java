package org.criticalminerals.exportcontrol;

import java.util.List;

/** The GraphQL type ExportControlExposure. */
public record ExportControlExposure(
        List<Restriction> restrictions,
        List<Exposure> exposures) {
}
