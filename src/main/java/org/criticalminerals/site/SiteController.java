package org.criticalminerals.site;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.site.SiteService.FacilityFilter;
import org.criticalminerals.site.SiteService.SiteFilter;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Deposit;
import org.criticalminerals.model.Facility;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SiteController {

    private final SiteService sites;

    SiteController(SiteService sites) {
        this.sites = sites;
    }

    @QueryMapping
    Deposit deposit(@Argument String id) {
        return sites.deposit(id).orElseThrow(() -> new NotFoundException("No deposit with id " + id));
    }

    @QueryMapping
    Facility facility(@Argument String id) {
        return sites.facility(id).orElseThrow(() -> new NotFoundException("No facility with id " + id));
    }

    @QueryMapping(name = "deposits")
    Connection<Deposit> depositList(@Argument @Nullable SiteFilter filter, @Arguments PageRequest page) {
        return sites.deposits(filter, page);
    }

    @QueryMapping(name = "facilities")
    Connection<Facility> facilityList(@Argument @Nullable FacilityFilter filter, @Arguments PageRequest page) {
        return sites.facilities(filter, page);
    }

    @BatchMapping(typeName = "Deposit", field = "country")
    Map<Deposit, Country> depositCountry(List<Deposit> parents) {
        return sites.country(parents);
    }

    @BatchMapping(typeName = "Facility", field = "country")
    Map<Facility, Country> facilityCountry(List<Facility> parents) {
        return sites.country(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "operators")
    Map<Deposit, List<Organization>> depositOperators(List<Deposit> parents) {
        return sites.operators(parents);
    }

    @BatchMapping(typeName = "Facility", field = "operators")
    Map<Facility, List<Organization>> facilityOperators(List<Facility> parents) {
        return sites.operators(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "minerals")
    Map<Deposit, List<Mineral>> depositMinerals(List<Deposit> parents) {
        return sites.minerals(parents);
    }

    @BatchMapping(typeName = "Facility", field = "minerals")
    Map<Facility, List<Mineral>> facilityMinerals(List<Facility> parents) {
        return sites.minerals(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "suppliesTo")
    Map<Deposit, List<SupplyLink>> depositSuppliesTo(List<Deposit> parents) {
        return sites.suppliesTo(parents);
    }

    @BatchMapping(typeName = "Facility", field = "suppliesTo")
    Map<Facility, List<SupplyLink>> facilitySuppliesTo(List<Facility> parents) {
        return sites.suppliesTo(parents);
    }

    @BatchMapping(typeName = "Facility")
    Map<Facility, List<SupplyLink>> suppliedBy(List<Facility> parents) {
        return sites.suppliedBy(parents);
    }
}
