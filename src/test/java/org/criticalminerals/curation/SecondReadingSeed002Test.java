package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 002 (the trade ministry's slides on critical minerals after the 6th Strategic
 * Energy Plan), pinned through GraphQL: the document's own proposals, the JOGMEC equity rules of two budget
 * years as two facts, the Mining Act apart from the proposal to change it, validity periods and reference
 * years, qualifiers, the meeting's parties and the groups the document defines.
 */
class SecondReadingSeed002Test extends GraphTestSupport {

    @Test
    void theSlidesProposalsArePolicyProposalsOfTheMinistry() {
        graphQl().document("""
                { direction: policy(id: "meti-mineral-policy-direction-after-6th-strategic-energy-plan") {
                    kind issuer { ... on Organization { id } } pillars }
                  equity: policy(id: "jogmec-risk-money-strengthening-direction") {
                    kind rate qualifier issuer { ... on Organization { id } } claims { line } }
                  smelting: policy(id: "jogmec-risk-money-domestic-smelting-proposal") { kind rate claims { line } }
                  act: policy(id: "japan-mining-act") { kind issuer { ... on Country { code } } }
                  actProposal: policy(id: "japan-mining-act-rare-earth-proposal") { kind issuer { ... on Organization { id } } claims { line } }
                  survey: policy(id: "meti-nonferrous-material-flow-survey") { kind }
                  chile: policy(id: "chile-mining-royalty-bill-2021") { kind } }""")
                .execute()
                .path("direction.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("direction.issuer.id").entity(String.class).isEqualTo("meti")
                .path("direction.pillars").entityList(String.class).hasSizeGreaterThan(7)
                // 50％を超えて (line 325): more than 50 %, a bound, not 50 %
                .path("equity.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("equity.rate").entity(Double.class).isEqualTo(50.0)
                .path("equity.qualifier").entity(String.class).isEqualTo("MORE_THAN")
                .path("equity.issuer.id").entity(String.class).isEqualTo("meti")
                .path("equity.claims[*].line").entityList(Integer.class).contains(325).doesNotContain(417)
                // the second proposal (domestic beneficiation and smelting) is a fact of its own
                .path("smelting.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("smelting.rate").valueIsNull()
                .path("smelting.claims[*].line").entityList(Integer.class).contains(417, 444)
                // the law as it stands, and the proposal to change it for rare earths
                .path("act.kind").entity(String.class).isEqualTo("LAW")
                .path("act.issuer.code").entity(String.class).isEqualTo("JP")
                .path("actProposal.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("actProposal.issuer.id").entity(String.class).isEqualTo("meti")
                .path("actProposal.claims[*].line").entityList(Integer.class).contains(540)
                .path("survey.kind").entity(String.class).isEqualTo("PROPOSAL")
                // a bill under deliberation is not a law
                .path("chile.kind").entity(String.class).isEqualTo("PROPOSAL");
    }

    @Test
    void jogmecEquityCeilingsOfTwoBudgetYearsAreTwoFacts() {
        graphQl().document("""
                { fy2010: policy(id: "jogmec-overseas-mining-fund-equity-supply-risk") { year rate qualifier }
                  fy2019: policy(id: "jogmec-overseas-mining-fund-equity-supply-risk-fy2019") { year rate qualifier claims { line } }
                  standard: policy(id: "jogmec-overseas-mining-fund-equity") { rate qualifier disputes { field } } }""")
                .execute()
                .path("fy2010.year").entity(Integer.class).isEqualTo(2010)
                .path("fy2010.rate").entity(Double.class).isEqualTo(100.0)
                .path("fy2010.qualifier").entity(String.class).isEqualTo("LESS_THAN")
                .path("fy2019.year").entity(Integer.class).isEqualTo(2019)
                .path("fy2019.qualifier").entity(String.class).isEqualTo("LESS_THAN")
                .path("fy2019.claims[*].line").entityList(Integer.class).contains(291)
                .path("standard.rate").entity(Double.class).isEqualTo(50.0)
                .path("standard.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("standard.disputes").entityList(Object.class).hasSize(0);
    }

    @Test
    void figuresCarryTheirPeriodsAndQualifiers() {
        graphQl().document("""
                { fy2018: statistic(id: "jp-base-metal-self-sufficiency-fy2018") {
                    value year validFrom { value precision } validTo { value end } }
                  target: target(id: "japan-base-metal-self-sufficiency-2030") { quantity qualifier year baseYear validTo { end } }
                  lfp: statistic(id: "cn-lfp-ev-battery-market-share-2021") { value qualifier validFrom { value } validTo { end precision } }
                  growth: statistic(id: "cn-lfp-ev-battery-growth-2021") { value baseYear validTo { end } }
                  copper: statistic(id: "jp-copper-import-share-chile-peru") { value qualifier }
                  cobalt: statistic(id: "iea-steps-cobalt-demand-2040-vs-2020") { value disputes { field kind claims { source { id } } } } }""")
                .execute()
                // 2018年度: the Japanese fiscal year, April 2018 to March 2019
                .path("fy2018.value").entity(Double.class).isEqualTo(50.1)
                .path("fy2018.year").entity(Integer.class).isEqualTo(2018)
                .path("fy2018.validFrom.value").entity(String.class).isEqualTo("2018-04-01")
                .path("fy2018.validFrom.precision").entity(String.class).isEqualTo("MONTH")
                .path("fy2018.validTo.end").entity(String.class).isEqualTo("2019-03-31")
                // ８０％以上: at least 80 % by 2030, an absolute level without a base year
                .path("target.quantity").entity(Double.class).isEqualTo(80.0)
                .path("target.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("target.year").entity(Integer.class).isEqualTo(2030)
                .path("target.baseYear").valueIsNull()
                .path("target.validTo.end").entity(String.class).isEqualTo("2030-12-31")
                // 2021年1～9月, 約49％
                .path("lfp.value").entity(Double.class).isEqualTo(49.0)
                .path("lfp.qualifier").entity(String.class).isEqualTo("ABOUT")
                .path("lfp.validFrom.value").entity(String.class).isEqualTo("2021-01-01")
                .path("lfp.validTo.end").entity(String.class).isEqualTo("2021-09-30")
                .path("lfp.validTo.precision").entity(String.class).isEqualTo("MONTH")
                .path("growth.value").entity(Double.class).isEqualTo(4.3)
                .path("growth.baseYear").entity(Integer.class).isEqualTo(2020)
                .path("growth.validTo.end").entity(String.class).isEqualTo("2021-09-30")
                .path("copper.value").entity(Double.class).isEqualTo(60.0)
                .path("copper.qualifier").entity(String.class).isEqualTo("ABOUT")
                // "6 倍以上" (seed 001) and 6.4 (seed 002): compatible bounds, the fact holds 6.4
                .path("cobalt.value").entity(Double.class).isEqualTo(6.4)
                .path("cobalt.disputes[0].kind").entity(String.class).isEqualTo("COMPATIBLE_BOUNDS")
                .path("cobalt.disputes[0].claims[*].source.id").entityList(String.class)
                .satisfies(sources -> assertThat(sources).contains("seed-001", "seed-002"));
    }

    @Test
    void theMeetingItsPartiesAndTheTwelfthMeetingsTwoDays() {
        graphQl().document("""
                { meeting: agreement(id: "critical-materials-and-minerals-meeting") {
                    status validFrom { value } parties { role since { text } party { ... on Country { code } ... on Organization { id } } } }
                  twelfth: event(id: "critical-materials-minerals-meeting-12th-2021") { validFrom { value } validTo { value end } }
                  us: agreement(id: "japan-us-resilient-supply-chain-cooperation") { kind parties { role party { ... on Country { code } } } } }""")
                .execute()
                .path("meeting.status").entity(String.class).isEqualTo("IN_FORCE")
                // started 2011 (seed 002); seed 003's workshop record says 2011-10: nested, the more precise wins
                .path("meeting.validFrom.value").entity(String.class).satisfies(from -> assertThat(from).startsWith("2011-"))
                // JP since 2011 (seed 002) and since 2011-10 (seed 003's first workshop, the same series): nested, the month wins
                .path("meeting.parties[?(@.party.code == 'JP')].since.text").entityList(String.class).containsExactly("2011-10")
                .path("meeting.parties[?(@.party.id == 'european-union')].role").entityList(String.class).containsExactly("PARTY")
                .path("meeting.parties[*].party.code").entityList(String.class).contains("JP", "US", "AU", "CA")
                .path("twelfth.validFrom.value").entity(String.class).isEqualTo("2021-12-06")
                .path("twelfth.validTo.end").entity(String.class).isEqualTo("2021-12-08")
                .path("us.kind").entity(String.class).isEqualTo("BILATERAL")
                .path("us.parties[*].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("JP", "US"));
    }

    @Test
    void associationsAndTheGroupsTheDocumentDefines() {
        graphQl().document("""
                { steel: organization(id: "japan-iron-and-steel-federation") { kind roles }
                  mining: organization(id: "japan-mining-industry-association") { kind }
                  marine: mineral(id: "domestic-marine-mineral-resources") { kind members { id } }
                  lithium: mineral(id: "lithium") { partOf { id } } }""")
                .execute()
                .path("steel.kind").entity(String.class).isEqualTo("Association")
                .path("steel.roles").entityList(String.class).contains("INDUSTRY_ASSOCIATION")
                .path("mining.kind").entity(String.class).isEqualTo("Association")
                .path("marine.kind").entity(String.class).isEqualTo("GROUP")
                .path("marine.members[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).contains("seafloor-hydrothermal-deposits", "cobalt-rich-crusts", "manganese-nodules", "rare-earth-mud"))
                .path("lithium.partOf[*].id").entityList(String.class).contains("battery-metals", "rare-metals");
    }
}
