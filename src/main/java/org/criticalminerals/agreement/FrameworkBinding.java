package org.criticalminerals.agreement;

import java.util.List;

import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Mineral;

/** The GraphQL type FrameworkBinding. */
public record FrameworkBinding(
        Agreement agreement,
        List<AgreementParty> parties,
        List<Mineral> minerals,
        List<Agreement> successors) {
}
