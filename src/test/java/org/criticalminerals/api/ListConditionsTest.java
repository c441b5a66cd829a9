package org.criticalminerals.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements a list's filters turn into: only the filters given, and counts that start where they can. */
class ListConditionsTest {

    @Test
    void aFilterLeftOutLeavesNoTraceInTheStatementOrItsParameters() {
        ListConditions conditions = ListConditions.with(Map.of()).when("kind", null, "n.kind = $kind")
                .linked("country", null, "(n)-[:BASED_IN]->(:Country {id: $country})").in("kind", null);

        assertThat(conditions.where()).isEqualTo("true");
        assertThat(conditions.parameters()).isEmpty();
        assertThat(conditions.anchor()).isNull();
    }

    @Test
    void anUnfilteredCountIsTheCountStoresOwn() {
        assertThat(GraphReader.countStatement("Organization", ListConditions.with(Map.of()), ""))
                .isEqualTo("MATCH (n:Organization)\nRETURN count(n) AS total");
    }

    @Test
    void aLinkedFilterIsTestedPerItemInAPageAndStartsTheCount() {
        ListConditions conditions = ListConditions.with(Map.of()).when("kind", "COMPANY", "n.kind = $kind")
                .linked("country", "JP", "(n)-[:BASED_IN]->(:Country {id: $country})")
                .linked("parent", "sojitz", "(n)-[:SUBSIDIARY_OF]->(:Organization {id: $parent})");

        assertThat(conditions.where()).isEqualTo("""
                n.kind = $kind
                  AND EXISTS { (n)-[:BASED_IN]->(:Country {id: $country}) }
                  AND EXISTS { (n)-[:SUBSIDIARY_OF]->(:Organization {id: $parent}) }""");
        assertThat(conditions.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("kind", "COMPANY", "country", "JP", "parent", "sojitz"));
        // the first link is where the count starts; the others stay conditions
        assertThat(GraphReader.countStatement("Organization", conditions, "")).isEqualTo("""
                MATCH (n:Organization), (n)-[:BASED_IN]->(:Country {id: $country})
                WHERE (n.kind = $kind
                  AND EXISTS { (n)-[:SUBSIDIARY_OF]->(:Organization {id: $parent}) })

                RETURN count(DISTINCT n) AS total""");
    }

    @Test
    void aLinkToAnyOfSeveralNodesStartsTheCountFromThoseNodes() {
        ListConditions conditions = ListConditions.with(Map.of())
                .linked("buyerCountryIn", List.of("JP", "KR", "JP"), "(n)-[:BUYER]->(:Organization)-[:BASED_IN]->(c:Country)", "c.id IN $buyerCountryIn")
                .range("volume", new ListConditions.FloatRange(1.0, null));

        assertThat(conditions.where()).isEqualTo("""
                EXISTS { (n)-[:BUYER]->(:Organization)-[:BASED_IN]->(c:Country) WHERE c.id IN $buyerCountryIn }
                  AND n.volume >= $volumeMin""");
        assertThat(conditions.parameters()).containsEntry("buyerCountryIn", List.of("JP", "KR"));
        assertThat(GraphReader.countStatement("Offtake", conditions, "")).isEqualTo("""
                MATCH (n:Offtake), (n)-[:BUYER]->(:Organization)-[:BASED_IN]->(c:Country)
                WHERE ((c.id IN $buyerCountryIn)
                  AND n.volume >= $volumeMin)

                RETURN count(DISTINCT n) AS total""");
    }

    @Test
    void aFilterOnlyOfValuesCountsOverTheLabel() {
        ListConditions conditions = ListConditions.with(Map.of()).in("kind", List.of("COMPANY", "AGENCY", "COMPANY"));

        assertThat(conditions.parameters()).containsEntry("kindIn", List.of("COMPANY", "AGENCY"));
        assertThat(GraphReader.countStatement("Organization", conditions, "")).isEqualTo("""
                MATCH (n:Organization)
                WHERE (n.kind IN $kindIn)

                RETURN count(n) AS total""");
    }

    @Test
    void aRangeTheWrongWayRoundIsTheClientsMistake() {
        assertThatThrownBy(() -> ListConditions.with(Map.of()).range("amount", new ListConditions.FloatRange(10.0, 1.0)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("amount: min (10.0) is greater than max (1.0)");
    }
}
