package org.criticalminerals.organization;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.organization.OrganizationService.OrganizationFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
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

    @BatchMapping(typeName = "Organization")
    Map<Map<String, Object>, List<Map<String, Object>>> investments(List<Map<String, Object>> parents) {
        return organizations.investments(parents);
    }
}
