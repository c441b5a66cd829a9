package org.criticalminerals.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's progress line, from the service's NDJSON progress records. */
class ImportCommandTest {

    @Test
    void progressShowsRecordsDoneRateAndTimeLeft() {
        assertThat(ImportCommand.progress("{\"phase\":\"writing\",\"done\":5000,\"total\":20000,\"seconds\":2.5}"))
                .contains("writing").contains("5,000 / 20,000 records").contains("2,000 records/s").contains("8 s left");
    }

    @Test
    void whileTheFileIsStillBeingCountedThereIsNoTotalAndNoTimeLeft() {
        assertThat(ImportCommand.progress("{\"phase\":\"checking\",\"done\":5000,\"total\":0,\"seconds\":1}"))
                .contains("5,000 records").doesNotContain("/ 0").doesNotContain("left");
    }

    @Test
    void theContentTypeFollowsTheFileName() {
        assertThat(ImportCommand.contentType(java.nio.file.Path.of("feed.JSONL"))).isEqualTo("application/x-ndjson");
        assertThat(ImportCommand.contentType(java.nio.file.Path.of("orgs.csv"))).isEqualTo("text/csv");
        assertThat(ImportCommand.contentType(java.nio.file.Path.of("kb.yaml"))).isEqualTo("application/yaml");
    }
}
