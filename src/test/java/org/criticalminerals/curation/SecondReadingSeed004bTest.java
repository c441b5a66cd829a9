package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 004, lines 2301–4551 (Australia's and China's strategies, end-of-life batteries,
 * data platforms, standards): a sample of the facts it corrected, split, merged or added, pinned through GraphQL.
 */
class SecondReadingSeed004bTest extends GraphTestSupport {

    @Test
    void theCommissionsBatteryProposalOf2020IsNotTheRegulationAgreedIn2022() {
        graphQl().document("""
                { proposal: policy(id: "eu-battery-regulation-proposal-2020") {
                    kind issuer { ... on Organization { id } } date { value precision } validTo { value end precision }
                    targets { id } }
                  regulation: policy(id: "eu-battery-regulation") { kind date { value precision } targets { id } minerals { id } designates { id } }
                  cobalt2030: target(id: "eu-battery-recycled-content-cobalt-2030") { quantity year policy { id } }
                  cobaltAgreed: target(id: "eu-battery-recycled-content-cobalt-initial") { quantity policy { id } disputes { field } } }""")
                .execute()
                .path("proposal.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("proposal.issuer.id").entity(String.class).isEqualTo("european-commission")
                .path("proposal.date.value").entity(String.class).isEqualTo("2020-12-01")
                .path("proposal.date.precision").entity(String.class).isEqualTo("MONTH")
                // it held until the regulation was agreed in 2022
                .path("proposal.validTo.end").entity(String.class).isEqualTo("2022-12-31")
                .path("proposal.targets[*].id").entityList(String.class)
                .contains("eu-battery-recycled-content-cobalt-2030", "eu-battery-recycled-content-nickel-2035")
                .doesNotContain("eu-battery-recycled-content-cobalt-initial")
                .path("regulation.kind").entity(String.class).isEqualTo("LAW")
                .path("regulation.date.value").entity(String.class).isEqualTo("2022-01-01")
                .path("regulation.targets[*].id").entityList(String.class)
                .contains("eu-battery-recycled-content-cobalt-initial", "eu-portable-battery-collection-2027")
                .doesNotContain("eu-battery-recycled-content-cobalt-2030")
                // a law concerns minerals; only lists designate them
                .path("regulation.designates").entityList(Object.class).hasSize(0)
                .path("regulation.minerals[*].id").entityList(String.class).contains("cobalt", "lithium", "nickel", "lead")
                // 12 % (proposal, from 2030) and 16 % (agreed) are two facts, not a disagreement
                .path("cobalt2030.quantity").entity(Double.class).isEqualTo(12.0)
                .path("cobalt2030.year").entity(Integer.class).isEqualTo(2030)
                .path("cobalt2030.policy.id").entity(String.class).isEqualTo("eu-battery-regulation-proposal-2020")
                .path("cobaltAgreed.quantity").entity(Double.class).isEqualTo(16.0)
                .path("cobaltAgreed.policy.id").entity(String.class).isEqualTo("eu-battery-regulation")
                .path("cobaltAgreed.disputes").entityList(Object.class).hasSize(0);
    }

    @Test
    void qualifiersAndTheCompatibleBoundsOfChinasRecoveryRates() {
        graphQl().document("""
                { grants: policy(id: "us-battery-materials-processing-grants") { amount currency qualifier minerals { id } }
                  nickel: target(id: "china-nev-battery-recycling-nickel-recovery-rate") {
                    quantity disputes { field kind claims { line figures { field value } } } }
                  copper: statistic(id: "cn-copper-metal-consumption-share") { value qualifier year rank }
                  mmi: policy(id: "australia-modern-manufacturing-initiative") { amount currency qualifier } }""")
                .execute()
                // 30億ドル以上: at least, not about
                .path("grants.amount").entity(Double.class).isEqualTo(3_000_000_000.0)
                .path("grants.currency").entity(String.class).isEqualTo("USD")
                .path("grants.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                // 98%以上 (lines 3417, 3710) and 98% (line 3540) of the same 2020 norms: compatible
                .path("nickel.quantity").entity(Double.class).isEqualTo(98.0)
                .path("nickel.disputes[0].field").entity(String.class).isEqualTo("quantity")
                .path("nickel.disputes[0].kind").entity(String.class).isEqualTo("COMPATIBLE_BOUNDS")
                .path("nickel.disputes[0].claims[*].line").entityList(Integer.class).contains(3417, 3540, 3710)
                .path("copper.value").entity(Double.class).isEqualTo(50.0)
                .path("copper.qualifier").entity(String.class).isEqualTo("ABOUT")
                .path("copper.year").entity(Integer.class).isEqualTo(2020)
                .path("copper.rank").entity(Integer.class).isEqualTo(1)
                .path("mmi.amount").entity(Double.class).isEqualTo(1_300_000_000.0)
                .path("mmi.currency").entity(String.class).isEqualTo("AUD")
                .path("mmi.qualifier").entity(String.class).isEqualTo("ABOUT");
    }

    @Test
    void validityPeriodsFromTheTextsDates() {
        graphQl().document("""
                { plan: policy(id: "china-national-mineral-resources-plan-2016-2020") {
                    validFrom { value precision } validTo { value end precision } }
                  exploration: statistic(id: "cn-geological-exploration-investment-since-2008") {
                    value qualifier validFrom { value } validTo { end } }
                  land: statistic(id: "cn-land-occupied-by-mining") { year validFrom { value } validTo { end } }
                  jmei: policy(id: "australia-junior-minerals-exploration-incentive") {
                    amount currency start { value } validTo { value end precision } }
                  strategy2019: policy(id: "australia-critical-minerals-strategy-2019") { validFrom { value } validTo { end } } }""")
                .execute()
                .path("plan.validFrom.value").entity(String.class).isEqualTo("2016-01-01")
                .path("plan.validFrom.precision").entity(String.class).isEqualTo("YEAR")
                .path("plan.validTo.end").entity(String.class).isEqualTo("2020-12-31")
                .path("exploration.value").entity(Double.class).isEqualTo(800_000_000_000.0)
                .path("exploration.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("exploration.validFrom.value").entity(String.class).isEqualTo("2008-01-01")
                .path("exploration.validTo.end").entity(String.class).isEqualTo("2015-12-31")
                .path("land.year").entity(Integer.class).isEqualTo(2016)
                .path("land.validTo.end").entity(String.class).isEqualTo("2016-12-31")
                // extended to the end of June 2025 with a further A$100 million from 2021
                .path("jmei.amount").entity(Double.class).isEqualTo(100_000_000.0)
                .path("jmei.currency").entity(String.class).isEqualTo("AUD")
                .path("jmei.start.value").entity(String.class).isEqualTo("2021-01-01")
                .path("jmei.validTo.value").entity(String.class).isEqualTo("2025-06-01")
                .path("jmei.validTo.end").entity(String.class).isEqualTo("2025-06-30")
                .path("jmei.validTo.precision").entity(String.class).isEqualTo("MONTH")
                // updated by the 2022 strategy
                .path("strategy2019.validFrom.value").entity(String.class).isEqualTo("2019-01-01")
                .path("strategy2019.validTo.end").entity(String.class).isEqualTo("2022-12-31");
    }

    @Test
    void kindsRolesAndOneThingOneNode() {
        graphQl().document("""
                { basc: organization(id: "basc") { kind roles }
                  mobi: organization(id: "mobi") { kind }
                  foundation: organization(id: "responsible-mining-foundation") { kind }
                  gba: organization(id: "global-battery-alliance") { date { value } }
                  indices: policy(id: "gba-battery-passport-human-rights-child-labour-indices-2022") {
                    date { value precision } issuer { ... on Organization { id } } }
                  blackMass: policy(id: "basc-black-mass-market-measures") { kind issuer { ... on Organization { id } } minerals { id } }
                  korea: agreement(id: "australia-korea-critical-minerals-mou") { status parties { role party { ... on Country { code } } } }
                  sasac: event(id: "china-rare-earth-group-establishment-announcement") {
                    date { value } participants { role party { ... on Organization { id } } } }
                  merger: event(id: "china-rare-earth-three-group-merger-announcement-2021") { organizations { id } }
                  reserves: statistic(id: "china-rare-earth-reserve-share-2020") { value rank year claims { source { id } line } }
                  nedoLithium: target(id: "nedo-battery-recycling-lithium-recovery-target") { quantity qualifier aliases }
                  ceap: policy(id: "european-green-deal-circular-economy-action-plan") { aliases claims { line } } }""")
                .execute()
                .path("basc.kind").entity(String.class).isEqualTo("Association")
                .path("basc.roles").entityList(String.class).containsExactly("INDUSTRY_ASSOCIATION")
                .path("mobi.kind").entity(String.class).isEqualTo("Association")
                .path("foundation.kind").entity(String.class).isEqualTo("NonProfit")
                // 10 December 2022 is when the GBA published its indices, not when it was founded
                .path("gba.date").valueIsNull()
                .path("indices.date.value").entity(String.class).isEqualTo("2022-12-10")
                .path("indices.date.precision").entity(String.class).isEqualTo("DAY")
                .path("indices.issuer.id").entity(String.class).isEqualTo("global-battery-alliance")
                .path("blackMass.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("blackMass.issuer.id").entity(String.class).isEqualTo("basc")
                .path("blackMass.minerals[*].id").entityList(String.class).containsExactly("black-mass")
                .path("korea.status").entity(String.class).isEqualTo("SIGNED")
                .path("korea.parties[*].role").entityList(String.class).containsExactly("PARTY", "PARTY")
                .path("korea.parties[*].party.code").entityList(String.class).satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("AU", "KR"))
                // SASAC's announcement of China Rare Earth Group (undated) is not CMRE's September 2021 merger announcement
                .path("sasac.date").valueIsNull()
                .path("sasac.participants[?(@.party.id == 'china-sasac')].role").entityList(String.class).containsExactly("INVOLVED")
                .path("merger.organizations[*].id").entityList(String.class).doesNotContain("china-sasac")
                // China's 2020 rare-earth reserves: 34 % (seed 000) and rank 1 (seed 004) are one fact
                .path("reserves.value").entity(Double.class).isEqualTo(34.0)
                .path("reserves.rank").entity(Integer.class).isEqualTo(1)
                .path("reserves.year").entity(Integer.class).isEqualTo(2020)
                .path("reserves.claims[*].line").entityList(Integer.class).contains(108, 2810)
                .path("nedoLithium.quantity").entity(Double.class).isEqualTo(70.0)
                .path("nedoLithium.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("nedoLithium.aliases").entityList(String.class)
                .contains("NEDO target for battery recycling technology - recover at least 70% of lithium and 95% of nickel and cobalt")
                .path("ceap.aliases").entityList(String.class).contains("循環経済行動計画")
                .path("ceap.claims[*].line").entityList(Integer.class).contains(1825, 4004);
        // the duplicate NEDO target is gone: its name is an alias of the one kept
        graphQl().document("{ target(id: \"nedo-battery-recycling-recovery-rates\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }
}
