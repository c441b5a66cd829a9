package org.criticalminerals.ingest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Claim ids and state hashes are made of this text: it must stay what a sorted map prints, or every stored hash would change. */
class SortedTextTest {

    @Test
    void isWhatASortedMapPrints() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("record", "org-1");
        props.put("aliases", List.of("SMM", "住友金属鉱山"));
        props.put("Zeta", 1L);
        props.put("share", 0.25);
        props.put("retires", true);
        props.put("validFrom", LocalDate.of(2023, 4, 1));
        props.put("at", ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, ZoneId.of("UTC")));
        props.put("empty", List.of());
        props.put("note", null);
        props.put("a-b", "x, y=z");
        assertThat(ImportPlanner.sortedText(props)).isEqualTo(new TreeMap<>(props).toString());
        assertThat(ImportPlanner.sortedText(new HashMap<>())).isEqualTo("{}");
        assertThat(ImportPlanner.sortedText(Map.of("b", 2, "a", 1))).isEqualTo("{a=1, b=2}");
    }
}
