package org.criticalminerals.explore;

import java.util.List;

import org.criticalminerals.api.RankedPage;
import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Search as a frontend's entry point: typeahead by prefix in English and Japanese, ranked, by type. */
class SearchGraphQlTest extends GraphTestSupport {

    private static final String SEARCH = """
            query($text: String!, $types: [EntityType!], $first: Int) {
              search(text: $text, types: $types, first: $first) { type score entity { id name } }
            }""";

    @Test
    void aPrefixFindsTheEntityAsATypeaheadWould() {
        assertThat(firstHit("Soji", null)).isEqualTo("sojitz");
        assertThat(firstHit("neodym", null)).isEqualTo("neodymium");
        assertThat(hits("ネオ", List.of("Mineral"))).contains("neodymium");
    }

    @Test
    void theEntityItselfRanksAboveWhatMentionsIt() {
        assertThat(firstHit("rare earth", null)).isEqualTo("rare-earth-elements");
        assertThat(firstHit("Lithium", null)).isEqualTo("lithium");
    }

    @Test
    void typesKeepOnlyEntitiesOfThoseTypes() {
        graphQl().document(SEARCH).variable("text", "rare earth").variable("types", List.of("Mineral")).variable("first", 50).execute()
                .path("search[*].type").entityList(String.class).satisfies(types -> assertThat(types).isNotEmpty().containsOnly("Mineral"));
        graphQl().document(SEARCH).variable("text", "Japan").variable("types", List.of("Country", "Agreement")).variable("first", 50).execute()
                .path("search[*].type").entityList(String.class)
                .satisfies(types -> assertThat(types).contains("Country").isSubsetOf("Country", "Agreement"));
    }

    @Test
    void aPastedParagraphIsSearchedCleanly() {
        String paragraph = String.join(" ", java.util.Collections.nCopies(100, "lithium rare earth AND (graphite* OR \"cobalt\")~ [a TO z]"));
        assertThat(paragraph.split(" ").length).isGreaterThan(400);
        graphQl().document(SEARCH).variable("text", paragraph).execute().path("search[0].entity.id").entity(String.class)
                .satisfies(id -> assertThat(id).isNotBlank());
    }

    @Test
    void pagesFollowTheRankingFromTheLastHitsCursor() {
        String paged = """
                query($after: String) { search(text: "rare earth", first: 4, after: $after) { cursor entity { id } } }""";
        List<String> whole = graphQl().document(SEARCH).variable("text", "rare earth").variable("first", 12).execute()
                .path("search[*].entity.id").entityList(String.class).get();
        assertThat(whole).hasSize(12).doesNotHaveDuplicates();
        List<String> walked = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            GraphQlTester.Response response = graphQl().document(paged).variable("after", after).execute();
            walked.addAll(response.path("search[*].entity.id").entityList(String.class).get());
            after = response.path("search[3].cursor").entity(String.class).get();
        }
        assertThat(walked).isEqualTo(whole);
    }

    @Test
    void aCursorThatIsNotASearchCursorOrTooDeepIsABadRequest() {
        for (String after : List.of("bm90LWEtY3Vyc29y", "%%%", RankedPage.cursor("search", ExploreService.MAX_DEPTH))) {
            graphQl().document("query($after: String) { search(text: \"lithium\", after: $after) { cursor } }").variable("after", after).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).as(after).isEqualTo("BAD_REQUEST")));
        }
    }

    private String firstHit(String text, List<String> types) {
        return graphQl().document(SEARCH).variable("text", text).variable("types", types).execute().path("search[0].entity.id")
                .entity(String.class).get();
    }

    private List<String> hits(String text, List<String> types) {
        return graphQl().document(SEARCH).variable("text", text).variable("types", types).variable("first", 20).execute()
                .path("search[*].entity.id").entityList(String.class).get();
    }
}
