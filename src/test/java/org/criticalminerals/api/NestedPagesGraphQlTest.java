package org.criticalminerals.api;

import java.util.ArrayList;
import java.util.List;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested lists that grow with the graph (a country's organizations, an agency's investments, an agreement's parties) page by
 * id with first/after.
 */
class NestedPagesGraphQlTest extends GraphTestSupport {

    private static final String PAGE = """
            query($first: Int, $after: ID) { country(code: JP) { organizations(first: $first, after: $after) { id } } }""";

    @Test
    void walkingTheNestedListPageByPageGivesTheWholeListById() {
        List<String> whole = ids(500, null);
        assertThat(whole).hasSizeGreaterThan(7).isSorted().doesNotHaveDuplicates();
        List<String> walked = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = ids(3, after);
            walked.addAll(page);
            if (page.size() < 3) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        assertThat(walked).isEqualTo(whole);
        assertThat(graphQl().document("{ country(code: JP) { organizations { id } } }").execute()
                .path("country.organizations[*].id").entityList(String.class).get()).isEqualTo(whole.subList(0, Math.min(50, whole.size())));
    }

    @Test
    void anOrganizationsInvestmentsPageTheSameWay() {
        String page = "query($first: Int, $after: ID) { organization(id: \"jogmec\") { investments(first: $first, after: $after) { id } } }";
        List<String> whole = graphQl().document(page).variable("first", 500).execute()
                .path("organization.investments[*].id").entityList(String.class).get();
        assertThat(whole).hasSizeGreaterThan(2).isSorted();
        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            List<String> ids = graphQl().document(page).variable("first", 2).variable("after", after).execute()
                    .path("organization.investments[*].id").entityList(String.class).get();
            walked.addAll(ids);
            after = ids.size() < 2 ? null : ids.get(1);
        } while (after != null);
        assertThat(walked).isEqualTo(whole);
    }

    @Test
    void anAgreementsPartiesPageByPartyIdWithTheirRoles() {
        String page = """
                query($first: Int, $after: ID) { agreement(id: "minerals-security-partnership") {
                  parties(first: $first, after: $after) { role party { ... on Country { id } ... on Organization { id } } } } }""";
        List<String> whole = graphQl().document(page).variable("first", 500).execute()
                .path("agreement.parties[*].party.id").entityList(String.class).get();
        assertThat(whole).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            List<String> ids = graphQl().document(page).variable("first", 4).variable("after", after).execute()
                    .path("agreement.parties[*].party.id").entityList(String.class).get();
            walked.addAll(ids);
            after = ids.size() < 4 ? null : ids.get(3);
        } while (after != null);
        assertThat(walked).isEqualTo(whole);
    }

    @Test
    void aliasesWithOtherPagesGetTheirOwnAndAPageTooLargeIsABadRequest() {
        GraphQlTester.Response response = graphQl().document("""
                { country(code: JP) { a: organizations(first: 2) { id } b: organizations(first: 4) { id } } }""").execute();
        List<String> a = response.path("country.a[*].id").entityList(String.class).get();
        List<String> b = response.path("country.b[*].id").entityList(String.class).get();
        assertThat(a).hasSize(2);
        assertThat(b).hasSize(4).startsWith(a.toArray(String[]::new));
        graphQl().document("{ country(code: JP) { organizations(first: 501) { id } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private List<String> ids(int first, String after) {
        return graphQl().document(PAGE).variable("first", first).variable("after", after).execute()
                .path("country.organizations[*].id").entityList(String.class).get();
    }
}
