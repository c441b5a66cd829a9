package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedProgressTest {

    @Test
    void aLineWhenAPhaseStartsAndOtherwiseAtMostEveryFewSeconds() {
        List<String> lines = new ArrayList<>();
        long[] now = { 0 };
        LoggedProgress progress = new LoggedProgress("Loading the knowledge base", lines::add, () -> now[0]);
        progress.update("checking", 500, 0);
        progress.update("checking", 1_000, 0); // too soon
        now[0] += LoggedProgress.EVERY_NANOS;
        progress.update("checking", 2_400, 0);
        progress.update("writing", 100, 2_400); // a new phase at once
        assertThat(lines).containsExactly("Loading the knowledge base: checking 500 records", "Loading the knowledge base: checking 2,400 records",
                "Loading the knowledge base: writing 100 / 2,400 records");
    }
}
