package org.criticalminerals.agreement;

import java.util.List;
import java.util.Map;

import org.criticalminerals.agreement.AgreementService.AgreementFilter;
import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Mineral;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AgreementController {

    private final AgreementService agreements;

    AgreementController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @QueryMapping
    Agreement agreement(@Argument String id) {
        return agreements.agreement(id).orElseThrow(() -> new NotFoundException("No agreement with id " + id));
    }

    @QueryMapping(name = "agreements")
    Connection<Agreement> agreementList(@Argument @Nullable AgreementFilter filter, @Arguments PageRequest page) {
        return agreements.agreements(filter, page);
    }

    @BatchMapping(typeName = "Agreement")
    Map<Agreement, List<AgreementParty>> parties(List<Agreement> parents) {
        return agreements.parties(parents);
    }

    @BatchMapping(typeName = "Agreement")
    Map<Agreement, List<Mineral>> minerals(List<Agreement> parents) {
        return agreements.minerals(parents);
    }

    @BatchMapping(typeName = "Agreement")
    Map<Agreement, Agreement> successor(List<Agreement> parents) {
        return agreements.successor(parents);
    }
}
