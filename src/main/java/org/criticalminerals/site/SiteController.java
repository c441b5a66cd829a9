package org.criticalminerals.site;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.site.SiteService.FacilityFilter;
import org.criticalminerals.site.SiteService.SiteFilter;
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
    Map<String, Object> deposit(@Argument String id) {
        return sites.deposit(id).orElseThrow(() -> new NotFoundException("No deposit with id " + id));
    }

    @QueryMapping
    Map<String, Object> facility(@Argument String id) {
        return sites.facility(id).orElseThrow(() -> new NotFoundException("No facility with id " + id));
    }

    @QueryMapping(name = "deposits")
    Connection depositList(@Argument SiteFilter filter, @Arguments PageRequest page) {
        return sites.deposits(filter, page);
    }

    @QueryMapping(name = "facilities")
    Connection facilityList(@Argument FacilityFilter filter, @Arguments PageRequest page) {
        return sites.facilities(filter, page);
    }

    @BatchMapping(typeName = "Deposit", field = "country")
    Map<Map<String, Object>, Map<String, Object>> depositCountry(List<Map<String, Object>> parents) {
        return sites.country(parents);
    }

    @BatchMapping(typeName = "Facility", field = "country")
    Map<Map<String, Object>, Map<String, Object>> facilityCountry(List<Map<String, Object>> parents) {
        return sites.country(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "operators")
    Map<Map<String, Object>, List<Map<String, Object>>> depositOperators(List<Map<String, Object>> parents) {
        return sites.operators(parents);
    }

    @BatchMapping(typeName = "Facility", field = "operators")
    Map<Map<String, Object>, List<Map<String, Object>>> facilityOperators(List<Map<String, Object>> parents) {
        return sites.operators(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "minerals")
    Map<Map<String, Object>, List<Map<String, Object>>> depositMinerals(List<Map<String, Object>> parents) {
        return sites.minerals(parents);
    }

    @BatchMapping(typeName = "Facility", field = "minerals")
    Map<Map<String, Object>, List<Map<String, Object>>> facilityMinerals(List<Map<String, Object>> parents) {
        return sites.minerals(parents);
    }

    @BatchMapping(typeName = "Deposit", field = "suppliesTo")
    Map<Map<String, Object>, List<Map<String, Object>>> depositSuppliesTo(List<Map<String, Object>> parents) {
        return sites.suppliesTo(parents);
    }

    @BatchMapping(typeName = "Facility", field = "suppliesTo")
    Map<Map<String, Object>, List<Map<String, Object>>> facilitySuppliesTo(List<Map<String, Object>> parents) {
        return sites.suppliesTo(parents);
    }

    @BatchMapping(typeName = "Facility")
    Map<Map<String, Object>, List<Map<String, Object>>> suppliedBy(List<Map<String, Object>> parents) {
        return sites.suppliedBy(parents);
    }
}
