package org.criticalminerals.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FactsPerSourceTest {

    @TempDir
    Path before;

    @TempDir
    Path after;

    @Test
    void oneFactPerTypeAndIdWhicheverFilesCiteItComparedPerSource() throws IOException {
        Files.writeString(before.resolve("a.yaml"), """
                - {type: Organization, id: sojitz, cite: [{source: seed-000, line: 1}, {source: seed-000, line: 2}]}
                - {type: Policy, id: iija, cite: [{source: seed-001, line: 3}]}
                - {type: Policy, id: bil, cite: [{source: seed-004, line: 4}]}
                """);
        Files.createDirectories(after.resolve("curation"));
        Files.writeString(after.resolve("curation/a.yaml"), """
                - {type: Organization, id: sojitz, cite: [{source: seed-000, line: 1}]}
                - {type: Policy, id: iija, cite: [{source: seed-001, line: 3}]}
                """);
        Files.writeString(after.resolve("curation/b.yaml"), """
                - {type: Policy, id: iija, cite: [{source: seed-004, line: 4}]}
                - {type: Organization, id: sojitz, cite: [{source: seed-004, line: 9}]}
                - {type: Agreement, id: sojitz, cite: [{source: seed-004, line: 9}]}
                """);
        Map<String, Integer> previous = FactsPerSource.count(before);
        Map<String, Integer> now = FactsPerSource.count(after);
        assertThat(previous).containsExactly(Map.entry("seed-000", 1), Map.entry("seed-001", 1), Map.entry("seed-004", 1));
        assertThat(now).containsExactly(Map.entry("seed-000", 1), Map.entry("seed-001", 1), Map.entry("seed-004", 3));
        assertThat(FactsPerSource.compare("v1", previous, now)).contains("| seed-004 | 1 | 3 | +2 |").contains("| seed-000 | 1 | 1 | +0 |");
    }
}
