package org.criticalminerals.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's files stand on their own (an empty graph can take them) and are the same for the same seed. */
class PartnerFileGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String generate(long seed, long records) throws IOException {
        StringWriter out = new StringWriter();
        PartnerFileGenerator.generate(seed, records, out);
        return out.toString();
    }

    @Test
    void everyCountryAFileNamesIsInTheFile() throws IOException {
        Set<String> countries = new HashSet<>();
        Map<String, String> named = new HashMap<>();
        for (String line : generate(3, 20_000).split("\n")) {
            JsonNode record = JSON.readTree(line);
            if (record.path("type").asString().equals("Country")) {
                countries.add(record.path("id").asString());
            }
            for (String field : List.of("country", "imposer", "countries", "hostCountry")) {
                JsonNode value = record.path(field);
                if (value.isString()) {
                    named.put(value.asString(), record.path("id").asString());
                }
                value.forEach(item -> named.put(item.asString(), record.path("id").asString()));
            }
        }
        assertThat(countries).hasSizeGreaterThan(50);
        assertThat(named.keySet()).as("countries named by records (and one record naming each)").isSubsetOf(countries);
    }

    @Test
    void theSameSeedGivesTheSameFile() throws IOException {
        assertThat(generate(42, 5_000)).isEqualTo(generate(42, 5_000)).isNotEqualTo(generate(43, 5_000));
    }
}
