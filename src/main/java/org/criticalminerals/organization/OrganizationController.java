package org.criticalminerals.organization;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.organization.OrganizationService.OrganizationFilter;
import org.dataloader.DataLoader;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Deposit;
import org.criticalminerals.model.Facility;
import org.criticalminerals.model.Organization;
import org.jspecify.annotations.Nullable;
import org.criticalminerals.model.Investment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

    /** The investments of an organization shown unless {@code first} says otherwise. */
    private static final int INVESTMENTS_PAGE = 20;

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations, BatchLoaderRegistry registry) {
        this.organizations = organizations;
        registry.<NestedPage, List<Investment>>forName("organizationInvestments")
                .registerMappedBatchLoader((pages, env) -> Mono.fromSupplier(() -> organizations.investments(pages)));
    }

    @QueryMapping
    Organization organization(@Argument String id) {
        return organizations.organization(id).orElseThrow(() -> new NotFoundException("No organization with id " + id));
    }

    @QueryMapping(name = "organizations")
    Connection<Organization> organizationList(@Argument @Nullable OrganizationFilter filter, @Arguments PageRequest page) {
        return organizations.organizations(filter, page);
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, Country> country(List<Organization> parents) {
        return organizations.country(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, Organization> parent(List<Organization> parents) {
        return organizations.parent(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<Deposit>> operatedDeposits(List<Organization> parents) {
        return organizations.operatedDeposits(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<Facility>> operatedFacilities(List<Organization> parents) {
        return organizations.operatedFacilities(parents);
    }

    @SchemaMapping(typeName = "Organization", field = "investments")
    CompletableFuture<List<Investment>> investments(Organization organization, @Argument @Nullable Integer first,
            @Argument @Nullable String after, DataLoader<NestedPage, List<Investment>> organizationInvestments) {
        return organizationInvestments.load(NestedPage.of(organization.id(), first, after, INVESTMENTS_PAGE));
    }
}
