package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 001 (電気自動車、蓄電池、重要鉱物におけるサプライチェーンの強靱化, K. Shinoda, 2026), pinned
 * through GraphQL over HTTP: the document's own proposals, the buyers and origins of the Lynas heavy rare-earth
 * offtake, qualifiers, validity periods, parties' roles, and the splits, merges and disagreements of the second
 * reading (docs/curation/second-reading-seed-001.md).
 */
class SecondReadingSeed001Test extends GraphTestSupport {

    @Test
    void theDocumentsProposalsTheTrinityStrategyAndTheGlobalAllianceWithItsInstruments() {
        graphQl().document("""
                { trinity: policy(id: "seed-001-trinity-strategy-proposal") { kind pillars claims { line } }
                  alliance: agreement(id: "seed-001-global-alliance-proposal") {
                    status date { value precision } parties { role party { ... on Country { code } ... on Organization { id } } } }
                  upstream: policy(id: "seed-001-like-minded-upstream-cooperation-proposal") { kind agreement { id status } }
                  zone: agreement(id: "critical-minerals-preferential-trade-zone-proposal") {
                    status parties { role party { ... on Country { code } } } } }""")
                .execute()
                .path("trinity.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("trinity.pillars").entityList(String.class).hasSize(4)
                .path("trinity.claims[*].line").entityList(Integer.class).contains(22, 236, 240)
                .path("alliance.status").entity(String.class).isEqualTo("PROPOSED")
                .path("alliance.date.precision").entity(String.class).isEqualTo("YEAR")
                .path("alliance.parties[*].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("JP", "CA", "AU", "US"))
                .path("alliance.parties[*].party.id").entityList(String.class).containsExactly("european-union")
                .path("upstream.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("upstream.agreement.id").entity(String.class).isEqualTo("seed-001-global-alliance-proposal")
                // the US proposed the preferential trade zone: a proposer, and the zone is not agreed
                .path("zone.status").entity(String.class).isEqualTo("PROPOSED")
                .path("zone.parties[0].role").entity(String.class).isEqualTo("PROPOSER")
                .path("zone.parties[0].party.code").entity(String.class).isEqualTo("US");
    }

    @Test
    void theLynasHeavyRareEarthOfftakeHasItsBuyersOriginAndProcessingCountry() {
        graphQl().document("""
                { heavy: offtake(id: "lynas-japan-heavy-rare-earth-offtake") {
                    volume unit volumeQualifier buyers { id } sellers { id } minerals { id }
                    origins { code } processedIn { code } claims { source { id } line } } }""")
                .execute()
                .path("heavy.volume").entity(Double.class).isEqualTo(30.0)
                .path("heavy.volumeQualifier").entity(String.class).isEqualTo("ABOUT")
                .path("heavy.buyers[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("sojitz", "jogmec"))
                .path("heavy.sellers[*].id").entityList(String.class).containsExactly("lynas-rare-earths")
                .path("heavy.minerals[*].id").entityList(String.class).containsExactly("heavy-rare-earth-elements")
                .path("heavy.origins[*].code").entityList(String.class).containsExactly("AU")
                .path("heavy.processedIn[*].code").entityList(String.class).containsExactly("MY")
                .path("heavy.claims[*].source.id").entityList(String.class).contains("seed-001", "seaisi-2024-06-28-lynas");
    }

    @Test
    void partiesObserversProposersComplainantsAndRespondents() {
        graphQl().document("""
                { rise: agreement(id: "rise-partnership") { parties { role party { ... on Country { code } ... on Organization { id } } } }
                  g7: agreement(id: "g7-five-point-plan-critical-minerals") { parties { role party { ... on Country { code } } } }
                  wto: event(id: "wto-china-rare-earths-dispute-2012") { participants { role party { ... on Country { code } } } } }""")
                .execute()
                // the World Bank co-founded RISE; the six countries take part and pledge
                .path("rise.parties[?(@.party.id == 'world-bank')].role").entityList(String.class).containsExactly("PROPOSER")
                .path("rise.parties[?(@.role == 'PARTY')].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("JP", "CA", "DE", "IT", "KR", "GB"))
                .path("g7.parties[*].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("JP", "US", "CA", "FR", "DE", "IT", "GB"))
                .path("wto.participants[?(@.party.code == 'JP')].role").entityList(String.class).containsExactly("COMPLAINANT")
                .path("wto.participants[?(@.party.code == 'CN')].role").entityList(String.class).containsExactly("RESPONDENT");
    }

    @Test
    void qualifiersAndTheDisagreementsThatRemain() {
        graphQl().document("""
                { pledges: investment(id: "rise-partnership-pledges-2023") { amount currency qualifier }
                  single: target(id: "eu-crma-single-third-country-benchmark-2030") { claims { source { id } line figures { field value } } }
                  cobalt: statistic(id: "iea-steps-cobalt-demand-2040-vs-2020") { value disputes { field kind } }
                  lithium: statistic(id: "iea-steps-lithium-demand-2040-vs-2020") { value unit disputes { field kind } }
                  issuer: policy(id: "japan-critical-minerals-stable-supply-policy") {
                    disputes { field kind claims { source { id } line } } } }""")
                .execute()
                .path("pledges.amount").entity(Double.class).isEqualTo(50_000_000.0)
                .path("pledges.currency").entity(String.class).isEqualTo("USD")
                .path("pledges.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                // 65%以下: seed 001's claim is up to 65 (as seeds 000 and 004 say)
                .path("single.claims[?(@.line == 110)].figures[?(@.field == 'quantity')].value").entityList(String.class).containsExactly("65")
                .path("single.claims[?(@.line == 110)].figures[?(@.field == 'qualifier')].value").entityList(String.class)
                .containsExactly("UP_TO")
                // "6 倍以上" (seed 001) and 6.4 (seed 002): compatible
                .path("cobalt.value").entity(Double.class).isEqualTo(6.4)
                .path("cobalt.disputes[*].kind").entityList(String.class).containsExactly("COMPATIBLE_BOUNDS")
                // "約 13 倍" in both seeds, now with the same unit: no disagreement left
                .path("lithium.value").entity(Double.class).isEqualTo(13.0)
                .path("lithium.disputes").matchesJson("[]")
                // METI (seed 001) or JOGMEC (seed 000): a true disagreement on the issuer
                .path("issuer.disputes[?(@.field == 'issuer')].kind").entityList(String.class).containsExactly("CONTRADICTION")
                .path("issuer.disputes[?(@.field == 'issuer')].claims[*].source.id").entityList(String.class)
                .satisfies(sources -> assertThat(sources).contains("seed-000", "seed-001"));
    }

    @Test
    void validityPeriodsOfTargetsSubsidiesMeasuresAndEvents() {
        graphQl().document("""
                { battery: target(id: "japan-domestic-battery-manufacturing-150gwh-2030") {
                    quantity unit disputes { field } validFrom { value precision } validTo { end } }
                  lithium: target(id: "japan-lithium-supply-target-2030") { validTo { value end precision } }
                  msp: agreement(id: "minerals-security-partnership") { successor { id } validTo { value end precision } } }""")
                .execute()
                .path("battery.quantity").entity(Double.class).isEqualTo(150.0)
                .path("battery.unit").entity(String.class).isEqualTo("GWh/yr")
                .path("battery.disputes").matchesJson("[]")
                .path("battery.validFrom.value").entity(String.class).isEqualTo("2022-08-01")
                .path("battery.validFrom.precision").entity(String.class).isEqualTo("MONTH")
                .path("battery.validTo.end").entity(String.class).isEqualTo("2030-12-31")
                .path("lithium.validTo.value").entity(String.class).isEqualTo("2030-01-01")
                .path("lithium.validTo.end").entity(String.class).isEqualTo("2030-12-31")
                .path("lithium.validTo.precision").entity(String.class).isEqualTo("YEAR")
                .path("msp.successor.id").entity(String.class).isEqualTo("forge")
                .path("msp.validTo.value").entity(String.class).isEqualTo("2026-02-01")
                .path("msp.validTo.end").entity(String.class).isEqualTo("2026-02-28")
                .path("msp.validTo.precision").entity(String.class).isEqualTo("MONTH");
        graphQl().document("""
                { trade: policy(id: "china-vehicle-trade-in-subsidy-2024") { amount qualifier validFrom { value } validTo { end } }
                  prices: event(id: "critical-mineral-price-decline-2023-2024") { validFrom { value } validTo { end } }
                  crma: policy(id: "eu-critical-raw-materials-act") { validFrom { value precision } } }""")
                .execute()
                .path("trade.amount").entity(Double.class).isEqualTo(220_000.0)
                .path("trade.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("trade.validFrom.value").entity(String.class).isEqualTo("2024-01-01")
                .path("trade.validTo.end").entity(String.class).isEqualTo("2024-12-31")
                .path("prices.validFrom.value").entity(String.class).isEqualTo("2023-01-01")
                .path("prices.validTo.end").entity(String.class).isEqualTo("2024-12-31")
                // promulgated in May 2024: the act holds from then (not claimed as its adoption date)
                .path("crma.validFrom.value").entity(String.class).isEqualTo("2024-05-01")
                .path("crma.validFrom.precision").entity(String.class).isEqualTo("MONTH");
    }

    @Test
    void splitsAndMergesOfTheSecondReading() {
        graphQl().document("""
                { before: policy(id: "france-ev-purchase-bonus") { amount qualifier validTo { end } }
                  after: policy(id: "france-ev-purchase-bonus-reduced-2024") { amount qualifier date { value precision } }
                  budget: policy(id: "japan-fy2022-second-supplementary-budget-critical-minerals") { kind amount currency }
                  subsidies: policy(id: "japan-esp-act-critical-minerals-subsidies") { amount }
                  iija: policy(id: "us-infrastructure-investment-and-jobs-act") { aliases claims { source { id } line } }
                  us: policies(first: 500, filter: {issuer: "US"}) { edges { node { id } } }
                  chile: exportControl(id: "chile-lithium-state-majority-and-local-value-adding-2023") {
                    measure announced { value precision } imposer { code } minerals { id } } }""")
                .execute()
                .path("before.amount").entity(Double.class).isEqualTo(7_000.0)
                .path("before.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("before.validTo.end").entity(String.class).isEqualTo("2024-12-31")
                .path("after.amount").entity(Double.class).isEqualTo(4_000.0)
                .path("after.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("after.date.value").entity(String.class).isEqualTo("2024-01-01")
                // 2,158 億円 covers JOGMEC risk money and subsidies together: its own fund, not the subsidies' budget
                .path("budget.kind").entity(String.class).isEqualTo("FUND")
                .path("budget.amount").entity(Double.class).isEqualTo(215_800_000_000.0)
                .path("budget.currency").entity(String.class).isEqualTo("JPY")
                .path("subsidies.amount").valueIsNull()
                .path("iija.aliases").entityList(String.class).contains("IIJA", "BIL", "超党派インフラ法")
                .path("iija.claims[*].source.id").entityList(String.class).contains("seed-001", "seed-004")
                .path("us.edges[*].node.id").entityList(String.class).contains("us-infrastructure-investment-and-jobs-act")
                .doesNotContain("us-bipartisan-infrastructure-law")
                .path("chile.measure").entity(String.class).isEqualTo("OTHER")
                .path("chile.announced.value").entity(String.class).isEqualTo("2023-04-01")
                .path("chile.imposer.code").entity(String.class).isEqualTo("CL")
                .path("chile.minerals[*].id").entityList(String.class).containsExactly("lithium");
    }
}
