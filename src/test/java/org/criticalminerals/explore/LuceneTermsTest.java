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

    @Test
    void onlyTheFirstCharactersCountEvenInOneWord() {
        // one word of 400 kanji was ~1,200 Lucene clauses (a pair of CJK characters is one, in three fields): INTERNAL_ERROR
        assertThat(ExploreService.luceneTerms("稀".repeat(400))).isEqualTo("稀".repeat(200) + " " + "稀".repeat(200) + "*");
        assertThat(ExploreService.luceneTerms("ab".repeat(90) + " " + "𠀀".repeat(30) + " c")).endsWith(" " + "𠀀".repeat(20) + "*");
    }
}
