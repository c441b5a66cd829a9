package org.criticalminerals.agreement;

import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.PartyEntity;
import org.jspecify.annotations.Nullable;

/** The GraphQL type AgreementParty. */
public record AgreementParty(
        PartyEntity party,
        @Nullable PartialDate since,
        @Nullable PartialDate until,
        String role) {
}
