package org.criticalminerals.provenance;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where seeds disagree, both figures are shown, each with its source, and the field is flagged. */
class DisputedFiguresGraphQlTest extends GraphTestSupport {

    @Test
    void the2011LynasFinancingShowsBothSeedsFigures() {
        graphQl().documentName("investmentWithConflictingFigures").execute()
                .path("investment.amount").valueIsNull()
                .path("investment.currency").valueIsNull()
                .path("investment.amounts[*].currency").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("USD", "JPY"))
                .path("investment.amounts[*].amount").entityList(Double.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder(250_000_000.0, 20_000_000_000.0))
                .path("investment.amounts[*].claim.source.id").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("seed-000", "seed-001"))
                // the same sum in two currencies: kept side by side, compatible, not summed; no exchange rate is invented
                .path("investment.disputes[?(@.field == 'amount')].kind").entityList(String.class).containsExactly("DIFFERENT_CURRENCIES")
                // 2011, 2011-03 and 2011-03-30 nest: a compatible disagreement, and the fact takes the most precise date
                .path("investment.disputes[?(@.field == 'date')].kind").entityList(String.class).containsExactly("NESTED_PERIODS")
                .path("investment.date.value").entity(String.class).isEqualTo("2011-03-30")
                .path("investment.date.precision").entity(String.class).isEqualTo("DAY")
                .path("investment.investors[*].id").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("sojitz", "jogmec"))
                .path("investment.sourceKinds").entityList(String.class).containsExactly("SEED");
    }

    @Test
    void the2022And2023InvestmentsCarryTheirFigures() {
        graphQl().document("""
                { a: investment(id: "sojitz-jogmec-lynas-2022") { amounts { amount currency } disputes { field } }
                  b: investment(id: "sojitz-jogmec-lynas-2023") { amount currency date { value precision } disputes { field } } }""")
                .execute()
                .path("a.amounts[*].currency").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("USD", "JPY"))
                .path("a.amounts[*].amount").entityList(Double.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder(9_000_000.0, 1_300_000_000.0))
                .path("b.amount").entity(Double.class).isEqualTo(18_000_000_000.0)
                .path("b.currency").entity(String.class).isEqualTo("JPY")
                .path("b.date.value").entity(String.class).isEqualTo("2023-03-01")
                .path("b.date.precision").entity(String.class).isEqualTo("MONTH")
                .path("b.disputes").entityList(Object.class).hasSize(0);
    }

    @Test
    void factsFromPublicSourcesAreMarkedAsSuch() {
        graphQl().document("{ facility(id: \"lynas-malaysia\") { sourceKinds country { code } stage claims { source { kind url } statement } } }")
                .execute()
                .path("facility.sourceKinds").entityList(String.class).containsExactly("PUBLIC")
                .path("facility.country.code").entity(String.class).isEqualTo("MY")
                .path("facility.stage").entity(String.class).isEqualTo("SEPARATION")
                .path("facility.claims[*].source.kind").entityList(String.class).satisfies(list -> assertThat(list).containsOnly("PUBLIC"))
                .path("facility.claims[*].statement").entityList(String.class).hasSizeGreaterThan(0);
    }
}
