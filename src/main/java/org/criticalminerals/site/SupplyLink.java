package org.criticalminerals.site;

import org.criticalminerals.model.Facility;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.Site;
import org.jspecify.annotations.Nullable;

/** The GraphQL type SupplyLink. */
public record SupplyLink(
        String id,
        Site from,
        Facility to,
        @Nullable String mineral,
        @Nullable String form,
        @Nullable PartialDate validFrom,
        @Nullable PartialDate validTo) {
}
