package org.criticalminerals.api;

import java.util.Map;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads run in read transactions (so that a cluster routes them to secondaries): a write slipped into the
 * read path is refused by the database. The tests connect through a neo4j:// routing URI.
 */
class ReadTransactionsTest extends GraphTestSupport {

    @Autowired
    GraphReader reader;

    @Test
    void theReadPathCannotWrite() {
        assertThatThrownBy(() -> reader.rows("CREATE (:ReadPathProbe)", Map.of()))
                .hasMessageContaining("read access mode");
        assertThat(reader.rows("MATCH (n:ReadPathProbe) RETURN count(n) AS n", Map.of())).first()
                .satisfies(row -> assertThat(((Number) row.get("n")).longValue()).isZero());
    }
}
