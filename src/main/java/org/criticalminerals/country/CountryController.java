package org.criticalminerals.country;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NotFoundException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CountryController {

    private final CountryService countries;

    CountryController(CountryService countries) {
        this.countries = countries;
    }

    @QueryMapping
    Map<String, Object> country(@Argument String code) {
        return countries.country(code).orElseThrow(() -> new NotFoundException("No country with code " + code));
    }

    @QueryMapping(name = "countries")
    Connection countryList(@Arguments PageRequest page) {
        return countries.countries(page);
    }

    @BatchMapping(typeName = "Country")
    Map<Map<String, Object>, List<Map<String, Object>>> organizations(List<Map<String, Object>> parents) {
        return countries.organizations(parents);
    }
}
