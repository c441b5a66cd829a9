package org.criticalminerals.explore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneTermsTest {

    @Test
    void eachWordAsTypedAndAsAPrefix() {
        assertThat(ExploreService.luceneTerms("  Soji  ネオ ")).isEqualTo("soji soji* ネオ ネオ*");
    }

    @Test
    void queryOperatorsAndSyntaxAreEscapedAndSingleCharactersAreNoPrefix() {
        assertThat(ExploreService.luceneTerms("a AND (b*")).isEqualTo("a \\and \\and* \\(b\\* \\(b\\**");
        assertThat(ExploreService.luceneTerms("*** ~ \"")).isEmpty();
    }

    @Test
    void onlyTheFirstWordsCount() {
        String terms = ExploreService.luceneTerms("w ".repeat(500));
        assertThat(terms.split(" ")).hasSize(ExploreService.MAX_WORDS);
    }
}
