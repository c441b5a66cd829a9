package org.criticalminerals.country;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.NotFoundException;
import org.dataloader.DataLoader;
import org.criticalminerals.model.Country;
import org.jspecify.annotations.Nullable;
import org.criticalminerals.model.Organization;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class CountryController {

    /** The organizations of a country shown unless {@code first} says otherwise. */
    private static final int ORGANIZATIONS_PAGE = 50;

    private final CountryService countries;

    CountryController(CountryService countries, BatchLoaderRegistry registry) {
        this.countries = countries;
        registry.<NestedPage, List<Organization>>forName("countryOrganizations")
                .registerMappedBatchLoader((pages, env) -> Mono.fromSupplier(() -> countries.organizations(pages)));
    }

    @QueryMapping
    Country country(@Argument String code) {
        return countries.country(code).orElseThrow(() -> new NotFoundException("No country with code " + code));
    }

    @QueryMapping(name = "countries")
    Connection<Country> countryList(@Argument CountryService.@Nullable CountryFilter filter, @Arguments PageRequest page) {
        return countries.countries(filter, page);
    }

    @SchemaMapping(typeName = "Country", field = "organizations")
    CompletableFuture<List<Organization>> organizations(Country country, @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<NestedPage, List<Organization>> countryOrganizations) {
        return countryOrganizations.load(NestedPage.of(country.id(), first, after, ORGANIZATIONS_PAGE));
    }
}
