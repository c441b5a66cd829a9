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
        registry.<NestedPage, List<Map<String, Object>>>forName("organizationInvestments")
                .registerMappedBatchLoader((pages, env) -> Mono.fromSupplier(() -> organizations.investments(pages)));
    }

    @QueryMapping
    Map<String, Object> organization(@Argument String id) {
        return organizations.organization(id).orElseThrow(() -> new NotFoundException("No organization with id " + id));
    }

    @QueryMapping(name = "organizations")
    Connection organizationList(@Argument OrganizationFilter filter, @Arguments PageRequest page) {
        return organizations.organizations(filter, page);
    }

    @BatchMapping(typeName = "Organization")
    Map<Map<String, Object>, Map<String, Object>> country(List<Map<String, Object>> parents) {
        return organizations.country(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Map<String, Object>, Map<String, Object>> parent(List<Map<String, Object>> parents) {
        return organizations.parent(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Map<String, Object>, List<Map<String, Object>>> operatedDeposits(List<Map<String, Object>> parents) {
        return organizations.operatedDeposits(parents);
    }

    @BatchMapping(typeName = "Organization")
    Map<Map<String, Object>, List<Map<String, Object>>> operatedFacilities(List<Map<String, Object>> parents) {
        return organizations.operatedFacilities(parents);
    }

    @SchemaMapping(typeName = "Organization", field = "investments")
    CompletableFuture<List<Map<String, Object>>> investments(Map<String, Object> organization, @Argument Integer first, @Argument String after,
            DataLoader<NestedPage, List<Map<String, Object>>> organizationInvestments) {
        return organizationInvestments.load(NestedPage.of((String) organization.get("id"), first, after, INVESTMENTS_PAGE));
    }
}
