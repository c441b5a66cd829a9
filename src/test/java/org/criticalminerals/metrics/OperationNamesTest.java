package org.criticalminerals.metrics;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers choose operation names; the tags they become stay few. */
class OperationNamesTest {

    @Test
    void theFirstNamesKeepTheirOwnTagLaterOnesAreOther() {
        OperationNames names = new OperationNames(3);
        assertThat(names.tag("RouteCheck")).isEqualTo("RouteCheck");
        assertThat(names.tag("Search")).isEqualTo("Search");
        assertThat(names.tag("Offtakes")).isEqualTo("Offtakes");
        assertThat(names.tag("Fourth")).isEqualTo(OperationNames.OTHER);
        // names already kept stay themselves, however many others came after
        assertThat(names.tag("Search")).isEqualTo("Search");
    }

    @Test
    void tenThousandDistinctNamesMakeAtMostTheCapPlusTwoTags() {
        OperationNames names = new OperationNames(100);
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tags.add(names.tag("Op" + i));
        }
        tags.add(names.tag(null));
        tags.add(names.tag(""));
        assertThat(tags).hasSize(102).contains(OperationNames.OTHER, OperationNames.ANONYMOUS, "Op0", "Op99").doesNotContain("Op100");
    }

    @Test
    void anonymousAndInvalidNamesTakeNoPlace() {
        OperationNames names = new OperationNames(1);
        assertThat(names.tag(null)).isEqualTo(OperationNames.ANONYMOUS);
        assertThat(names.tag("")).isEqualTo(OperationNames.ANONYMOUS);
        // operationName is sent by the client as any string: only GraphQL names become tags
        assertThat(names.tag("drop table; --")).isEqualTo(OperationNames.OTHER);
        assertThat(names.tag("名前")).isEqualTo(OperationNames.OTHER);
        assertThat(names.tag("A".repeat(OperationNames.LONGEST + 1))).isEqualTo(OperationNames.OTHER);
        assertThat(names.tag("Valid_1")).isEqualTo("Valid_1");
    }
}
