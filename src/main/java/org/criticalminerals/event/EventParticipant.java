package org.criticalminerals.event;

import org.criticalminerals.model.PartyEntity;

/** The GraphQL type EventParticipant. */
public record EventParticipant(
        PartyEntity party,
        String role) {
}
