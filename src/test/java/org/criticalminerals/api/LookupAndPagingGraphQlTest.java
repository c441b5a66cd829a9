package org.criticalminerals.api;

import java.util.ArrayList;
import java.util.List;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups by id, cursor pages, nested fields and typed errors, over HTTP. */
class LookupAndPagingGraphQlTest extends GraphTestSupport {

    @Test
    void mineralGroupsFormAHierarchy() {
        graphQl().documentName("mineralGroups").execute()
                .path("mineral.nameJa").entity(String.class).isEqualTo("ネオジム")
                .path("mineral.partOf[*].id").entityList(String.class).containsExactly("light-rare-earth-elements")
                .path("mineral.partOf[0].partOf[*].id").entityList(String.class).containsExactly("rare-earth-elements")
                .path("mineral.claims[*].source.id").entityList(String.class).contains("seed-000");
    }

    @Test
    void aDepositWithItsOperatorCountryAndOutflow() {
        graphQl().documentName("depositChain").execute()
                .path("deposit.country.code").entity(String.class).isEqualTo("AU")
                .path("deposit.operators[*].id").entityList(String.class).containsExactly("lynas-rare-earths")
                .path("deposit.suppliesTo[*].to.id").entityList(String.class).containsExactly("lynas-malaysia")
                .path("deposit.suppliesTo[0].to.country.code").entity(String.class).isEqualTo("MY");
    }

    @Test
    void pagesFollowCursorsWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int total = -1;
        for (int page = 0; page < 100; page++) {
            var response = graphQl().documentName("organizationsPage").variable("first", 1).variable("after", after).execute();
            total = response.path("organizations.totalCount").entity(Integer.class).get();
            seen.addAll(response.path("organizations.edges[*].node.id").entityList(String.class).get());
            if (!response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            after = response.path("organizations.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted().contains("jogmec", "sojitz");
        assertThat(total).isGreaterThanOrEqualTo(2);
    }

    @Test
    void filtersNarrowLists() {
        graphQl().document("{ organizations(first: 500, filter: {country: AU}) { edges { node { id country { code } } } } }").execute()
                .path("organizations.edges[*].node.country.code").entityList(String.class).satisfies(list -> assertThat(list).containsOnly("AU"))
                .path("organizations.edges[*].node.id").entityList(String.class).contains("lynas-rare-earths");
    }

    @Test
    void aMineralFilterFindsWhatIsStatedForItsGroups() {
        // a control on rare earths restricts neodymium: filtering on the member finds it, as filtering on the group does
        List<String> onRareEarths = graphQl().document("{ exportControls(first: 500, filter: {mineral: \"rare-earth-elements\"}) { edges { node { id minerals { id } } } } }")
                .execute().path("exportControls.edges[?(@.node.minerals[*].id contains 'rare-earth-elements')].node.id").entityList(String.class).get();
        assertThat(onRareEarths).isNotEmpty();
        graphQl().document("{ exportControls(first: 500, filter: {mineral: \"neodymium\"}) { edges { node { id } } } }").execute()
                .path("exportControls.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsAll(onRareEarths));
    }

    @Test
    void targetsForACountryAndYear() {
        graphQl().document("{ targets(first: 50, filter: {country: JP, year: 2030, mineral: \"rare-earth-elements\"}) { totalCount edges { node { id quantity unit mineral { id } } } } }")
                .execute()
                .path("targets.edges[*].node.id").entityList(String.class)
                .contains("japan-light-rare-earth-ndpr-supply-target-2030", "japan-heavy-rare-earth-dytb-supply-target-2030")
                .path("targets.edges[?(@.node.id == 'japan-light-rare-earth-ndpr-supply-target-2030')].node.quantity").entityList(Double.class)
                .containsExactly(13000.0);
    }

    @Test
    void anyEntityByIdThroughNode() {
        graphQl().document("{ node(id: \"sojitz\") { __typename id name ... on Organization { kind nameJa } } }").execute()
                .path("node.__typename").entity(String.class).isEqualTo("Organization")
                .path("node.kind").entity(String.class).isEqualTo("Company")
                .path("node.nameJa").entity(String.class).isEqualTo("双日");
    }

    @Test
    void unknownIdsAreTypedNotFoundErrors() {
        graphQl().document("{ organization(id: \"no-such-company\") { id } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(errors.get(0).getMessage()).contains("no-such-company");
                });
        // in a list filter and in a question's arguments, as in a lookup
        for (String document : List.of("{ offtakes(filter: {buyer: \"no-such-company\"}) { edges { node { id } } } }",
                "{ investments(filter: {mineral: \"no-such-company\"}) { totalCount } }",
                "{ supplyConcentration(mineral: \"no-such-company\", buyerCountry: JP) { routes { offtake { id } } } }",
                "{ connections(from: \"sojitz\", to: \"no-such-company\") { nodes { id } } }")) {
            graphQl().document(document).execute().errors().satisfy(errors -> {
                assertThat(errors).as(document).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(error.getMessage()).contains("no-such-company");
                });
            });
        }
        // a known id still answers
        graphQl().document("{ offtakes(filter: {buyer: \"sojitz\"}) { edges { node { id } } } }").execute().errors().verify();
    }

    @Test
    void badCursorsAndPageSizesAreTypedBadRequestErrors() {
        graphQl().document("{ minerals(after: \"not-a-cursor\") { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        graphQl().document("{ minerals(first: 100000) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("at org.");
                });
    }

    @Test
    void schemaValidationErrorsAreReportedWithoutStackTraces() {
        graphQl().document("{ offtakes(filter: {buyerCountry: \"Japan\"}) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).isNotEmpty();
                    assertThat(errors.get(0).getMessage()).doesNotContain("at org.");
                });
    }
}
