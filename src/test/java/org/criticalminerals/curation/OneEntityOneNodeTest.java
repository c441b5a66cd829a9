package org.criticalminerals.curation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One entity, one node: no two nodes of a type share a normalised name, Japanese name or alias (so the same
 * company or agreement named differently across documents has been resolved into one node with aliases).
 */
class OneEntityOneNodeTest extends GraphTestSupport {

    @Autowired
    Driver driver;

    @Test
    void noTwoNodesOfATypeShareANormalisedName() {
        List<Map<String, Object>> rows;
        try (Session session = driver.session()) {
            rows = session.executeRead(tx -> tx.run("""
                    MATCH (n:Entity) WHERE NOT n:Source
                    RETURN [label IN labels(n) WHERE label IN ['Mineral', 'Country', 'Organization', 'Deposit', 'Facility',
                            'Investment', 'Offtake', 'Agreement', 'ExportControl', 'Policy', 'Target', 'Statistic', 'Event']][0] AS type,
                           n.id AS id, [name IN [n.name, n.nameJa] + coalesce(n.aliases, []) WHERE name IS NOT NULL] AS names""")
                    .list(r -> r.asMap()));
        }
        assertThat(rows).hasSizeGreaterThan(1000);
        Map<String, Set<String>> idsByName = new HashMap<>();
        for (Map<String, Object> row : rows) {
            for (Object name : (List<?>) row.get("names")) {
                idsByName.computeIfAbsent(row.get("type") + " " + normalise(name.toString()), k -> new TreeSet<>()).add((String) row.get("id"));
            }
        }
        List<String> collisions = new ArrayList<>();
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                collisions.add(name + " -> " + ids);
            }
        });
        assertThat(collisions).isEmpty();
    }

    @Test
    void normalisingIgnoresCaseWidthSpacesAndPunctuation() {
        assertThat(normalise("Sojitz  Corporation")).isEqualTo(normalise("SOJITZ CORPORATION"));
        assertThat(normalise("ＪＯＧＭＥＣ")).isEqualTo(normalise("JOGMEC"));
        assertThat(normalise("輸出管理法（2020）")).isEqualTo(normalise("輸出管理法 (2020)"));
        assertThat(normalise("Ministry of Finance (China)")).isNotEqualTo(normalise("Ministry of Finance (Japan)"));
    }

    static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
