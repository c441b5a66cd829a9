package org.criticalminerals.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.ingest.StoreElements.StoreNode;
import org.criticalminerals.ingest.StoreElements.StoreRelationship;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spool gives back what was written, value by value, with lists as the arrays Neo4j's importer takes. */
class StoreSpoolTest {

    @TempDir
    Path temp;

    @Test
    void nodesAndRelationshipsComeBackAsWrittenInOrder() throws IOException {
        ZonedDateTime at = ZonedDateTime.of(2026, 12, 2, 5, 30, 1, 123_456_789, ZoneId.of("Asia/Tokyo"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", "org-1");
        props.put("name", "住友金属鉱山 " + "x".repeat(70_000)); // longer than DataOutput.writeUTF allows
        props.put("year", 2024);
        props.put("value", 12.5);
        props.put("retired", true);
        props.put("validFrom", LocalDate.of(2023, 4, 1));
        props.put("createdAt", at);
        props.put("aliases", List.of("SMM", "Sumitomo"));
        props.put("empty", List.of());
        props.put("years", List.of(2020L, 2021L));
        props.put("shares", List.of(0.5, 0.25));
        props.put("flags", List.of(true, false));
        props.put("absent", null);
        StoreSpool spool = new StoreSpool(temp.resolve("spool"));
        spool.node(new StoreNode(7, List.of("Entity", "Organization", "Company"), props));
        spool.node(new StoreNode(1L << 40, List.of("Claim"), Map.of("id", "claim-1", "record", "org-1")));
        spool.relationship(new StoreRelationship("CLAIMED_BY", 7, 1L << 40, Map.of()));
        spool.relationship(new StoreRelationship("SUPPLIES", 8, 9, Map.of("record", "supply-1")));
        spool.close();
        assertThat(spool.nodes()).isEqualTo(2);
        assertThat(spool.relationships()).isEqualTo(2);

        try (StoreSpool.Reader nodes = spool.readNodes()) {
            StoreNode first = nodes.nextNode();
            assertThat(first.id()).isEqualTo(7);
            assertThat(first.labels()).containsExactly("Entity", "Organization", "Company");
            Map<String, Object> read = first.properties();
            assertThat(read).doesNotContainKey("absent");
            assertThat(read.get("name")).isEqualTo(props.get("name"));
            assertThat(read.get("year")).isEqualTo(2024L);
            assertThat(read.get("value")).isEqualTo(12.5);
            assertThat(read.get("retired")).isEqualTo(true);
            assertThat(read.get("validFrom")).isEqualTo(LocalDate.of(2023, 4, 1));
            assertThat(read.get("createdAt")).isEqualTo(at);
            assertThat((String[]) read.get("aliases")).containsExactly("SMM", "Sumitomo");
            assertThat((String[]) read.get("empty")).isEmpty();
            assertThat((long[]) read.get("years")).containsExactly(2020L, 2021L);
            assertThat((double[]) read.get("shares")).containsExactly(0.5, 0.25);
            assertThat((boolean[]) read.get("flags")).containsExactly(true, false);
            StoreNode second = nodes.nextNode();
            assertThat(second.id()).isEqualTo(1L << 40);
            assertThat(second.properties()).containsEntry("record", "org-1");
            assertThat(nodes.nextNode()).isNull();
        }
        try (StoreSpool.Reader relationships = spool.readRelationships()) {
            assertThat(relationships.nextRelationship()).isEqualTo(new StoreRelationship("CLAIMED_BY", 7, 1L << 40, Map.of()));
            StoreRelationship supply = relationships.nextRelationship();
            assertThat(supply.type()).isEqualTo("SUPPLIES");
            assertThat(supply.properties()).containsEntry("record", "supply-1");
            assertThat(relationships.nextRelationship()).isNull();
        }
        spool.delete();
        assertThat(Files.exists(temp.resolve("spool"))).isFalse();
    }

    @Test
    void aValueTheStoreCannotHoldIsRefused() {
        StoreSpool spool = new StoreSpool(temp.resolve("spool"));
        assertThatThrownBy(() -> spool.node(new StoreNode(0, List.of("Entity"), Map.of("parties", Map.of("a", 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parties");
        spool.close();
        spool.delete();
    }
}
