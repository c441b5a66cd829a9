package org.criticalminerals.supplychain;

import java.util.List;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first multi-hop question end to end, over HTTP, on the curated knowledge base. */
class OfftakeRouteGraphQlTest extends GraphTestSupport {

    @Test
    void japaneseOfftakesAvoidingChinaIncludeLynasWithItsNonChineseRoute() {
        var response = graphQl().documentName("japaneseOfftakesAvoidingChina").execute();
        List<String> ids = response.path("offtakes.edges[*].node.id").entityList(String.class).get();
        assertThat(ids).contains("lynas-japan-offtake");
        int lynas = ids.indexOf("lynas-japan-offtake");
        String node = "offtakes.edges[" + lynas + "].node";
        response.path(node + ".route.countries").entityList(String.class).containsExactly("AU", "MY");
        response.path(node + ".route.stages[*].stage").entityList(String.class).containsExactly("MINING", "SEPARATION");
        response.path(node + ".route.stages[*].site.id").entityList(String.class).containsExactly("mount-weld", "lynas-malaysia");
        response.path(node + ".buyers[*].id").entityList(String.class).contains("sojitz");
        // the two seeds' volumes side by side, each with its source
        response.path(node + ".volumes[*].volume").entityList(Double.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder(8500.0, 9000.0));
        response.path(node + ".volumes[*].qualifier").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("AT_LEAST", "UP_TO"));
        // every qualifying route avoids China at every stage
        response.path("offtakes.edges[*].node.route.countries[*]").entityList(String.class).get()
                .forEach(country -> assertThat(country).isNotEqualTo("CN"));
    }

    @Test
    void avoidingTheSeparationCountryExcludesTheLynasOfftake() {
        graphQl().documentName("japaneseOfftakesAvoidingChina").variable("avoid", List.of("MY")).execute()
                .path("offtakes.edges[*].node.id").entityList(String.class).doesNotContain("lynas-japan-offtake");
    }

    @Test
    void buyersFromAnotherCountryDoNotSeeTheJapaneseOfftake() {
        graphQl().documentName("japaneseOfftakesAvoidingChina").variable("buyerCountry", "AU").execute()
                .path("offtakes.edges[*].node.id").entityList(String.class).doesNotContain("lynas-japan-offtake");
    }

    @Test
    void aRouteIsAlsoResolvedWhenTheOfftakeIsLookedUpById() {
        graphQl().document("{ offtake(id: \"lynas-japan-offtake\") { route { known countries stages { order stage } } } }").execute()
                .path("offtake.route.known").entity(Boolean.class).isEqualTo(true)
                .path("offtake.route.countries").entityList(String.class).containsExactly("AU", "MY")
                .path("offtake.route.stages[*].order").entityList(Integer.class).containsExactly(1, 2);
    }
}
