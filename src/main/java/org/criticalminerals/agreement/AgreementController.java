package org.criticalminerals.agreement;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

import org.criticalminerals.agreement.AgreementService.AgreementFilter;
import org.criticalminerals.api.Connection;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Mineral;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class AgreementController {

    /** The parties of an agreement shown unless {@code first} says otherwise. */
    private static final int PARTIES_PAGE = 100;

    private final AgreementService agreements;

    AgreementController(AgreementService agreements, BatchLoaderRegistry registry) {
        this.agreements = agreements;
        registry.<NestedPage, List<AgreementParty>>forName("agreementParties")
                .registerMappedBatchLoader((pages, env) -> Mono.fromSupplier(() -> agreements.parties(pages)));
    }

    @QueryMapping
    Agreement agreement(@Argument String id) {
        return agreements.agreement(id).orElseThrow(() -> new NotFoundException("No agreement with id " + id));
    }

    @QueryMapping(name = "agreements")
    Connection<Agreement> agreementList(@Argument @Nullable AgreementFilter filter, @Arguments PageRequest page) {
        return agreements.agreements(filter, page);
    }

    @SchemaMapping(typeName = "Agreement", field = "parties")
    CompletableFuture<List<AgreementParty>> parties(Agreement agreement, @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<NestedPage, List<AgreementParty>> agreementParties) {
        return agreementParties.load(NestedPage.of(agreement.id(), first, after, PARTIES_PAGE));
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
