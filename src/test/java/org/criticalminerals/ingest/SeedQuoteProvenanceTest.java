package org.criticalminerals.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.criticalminerals.support.SeedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provenance is checked against the documents themselves: every quote of the curated knowledge base must
 * stand verbatim on the cited line of the cited seed file ({@link SeedFiles}; skipped where the documents are absent).
 */
class SeedQuoteProvenanceTest {

    @Test
    void everyQuoteOfTheKnowledgeBaseIsOnItsCitedLine() {
        Path seeds = SeedFiles.required();
        SeedQuotes.Checked checked = SeedQuotes.check(KnowledgeBaseLoader.files("classpath:knowledge-base/"), seeds);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.quotes()).as("seed quotes checked").isGreaterThan(20);
    }

    @Test
    void aQuoteThatIsNotOnItsLineIsCaught() throws Exception {
        String kb = """
                - {type: Source, id: seed-001, kind: SEED, file: 001_2f401b2a2802835c.txt, title: t}
                - type: Organization
                  id: sojitz
                  name: Sojitz
                  kind: Company
                  cite:
                    - {source: seed-001, line: 171, quote: "双日とJOGMECは"}
                    - {source: seed-001, line: 170, quote: "双日とJOGMECは"}
                    - {source: seed-001, line: 171, quote: "双日とJOGMECが"}
                """;
        Path seeds = SeedFiles.required();
        assertThat(Files.exists(seeds.resolve("001_2f401b2a2802835c.txt"))).isTrue();
        SeedQuotes.Checked checked = SeedQuotes.check(List.of(new KnowledgeFile("tampered.yaml", kb)), seeds);
        assertThat(checked.quotes()).isEqualTo(3);
        assertThat(checked.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("quote not found verbatim"));
    }
}
