package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 004, lines 1-2300 (issue 12), pinned through GraphQL over HTTP: the survey's own
 * proposal, the Commission's 2023 CRMA proposal split from the adopted act with its own benchmarks, the
 * qualifiers restored (以上, 最大, 少なくとも), one node for the US infrastructure law, Canada's bilateral
 * partnerships and Australia's state mining acts split, the Republic of the Congo, roles and validity periods.
 */
class SecondReadingSeed004aTest extends GraphTestSupport {

    @Test
    void theSurveysProposalAndTheCommissionsCrmaProposalAreTheirOwnNodes() {
        graphQl().document("""
                { japan: policy(id: "seed004-japan-mineral-resource-strategy-proposal") {
                    kind issuer { ... on Organization { id } } claims { line } }
                  proposal: policy(id: "eu-crma-proposal-2023") {
                    kind issuer { ... on Organization { id } } targets { id } disputes { field kind claims { line } } }
                  recycling: target(id: "eu-crma-proposal-recycling-benchmark-2030") {
                    quantity qualifier year policy { id } validTo { end } }
                  processing: target(id: "eu-crma-proposal-processing-benchmark-2030") { quantity qualifier }
                  permit: target(id: "eu-crma-extraction-permit-24-months") { policy { id } disputes { field kind } }
                  permitting: statistic(id: "eu-mining-permitting-duration") { value unit qualifier } }""")
                .execute()
                .path("japan.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("japan.issuer.id").entity(String.class).isEqualTo("jfe-techno-research")
                .path("japan.claims[*].line").entityList(Integer.class).contains(24, 25)
                .path("proposal.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("proposal.issuer.id").entity(String.class).isEqualTo("european-commission")
                .path("proposal.targets[*].id").entityList(String.class)
                .contains("eu-crma-proposal-recycling-benchmark-2030", "eu-crma-extraction-permit-24-months")
                .doesNotContain("eu-crma-recycling-benchmark-2030")
                // the survey dates the proposal both February (lines 2125, 2131) and March 2023 (1749, 2159): a true disagreement
                .path("proposal.disputes[?(@.field == 'date')].kind").entityList(String.class).containsExactly("CONTRADICTION")
                // the proposal's 15 % is not the adopted act's 25 %: its own target, no longer a dispute with seeds 000 and 001
                .path("recycling.quantity").entity(Double.class).isEqualTo(15.0)
                .path("recycling.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("recycling.year").entity(Integer.class).isEqualTo(2030)
                .path("recycling.policy.id").entity(String.class).isEqualTo("eu-crma-proposal-2023")
                .path("recycling.validTo.end").entity(String.class).isEqualTo("2030-12-31")
                .path("processing.quantity").entity(Double.class).isEqualTo(40.0)
                .path("processing.qualifier").entity(String.class).isEqualTo("UP_TO")
                // 24 months (line 2186) and 2 years (line 2132): the same limit in two units
                .path("permit.policy.id").entity(String.class).isEqualTo("eu-crma-proposal-2023")
                .path("permit.disputes[?(@.field == 'quantity')].kind").entityList(String.class).containsExactly("DIFFERENT_UNITS")
                .path("permitting.value").entity(Double.class).isEqualTo(15.0)
                .path("permitting.qualifier").entity(String.class).isEqualTo("UP_TO");
    }

    @Test
    void qualifiersAndReferenceYearsOfUsAndCanadianFigures() {
        graphQl().document("""
                { loans: policy(id: "doe-loan-guarantee-program") { amount currency qualifier }
                  demo: policy(id: "doe-rare-earth-elements-demonstration-facility") { amount qualifier }
                  nsf: policy(id: "nsf-critical-minerals-mining-recycling-research") { rate qualifier }
                  lithium: statistic(id: "us-lithium-import-dependency") { value qualifier year validFrom { value } validTo { end } }
                  leadTime: statistic(id: "us-critical-mineral-supply-chain-lead-time") { value unit qualifier }
                  package: policy(id: "canada-critical-minerals-funding-package-2023") { amount currency qualifier date { value precision } }
                  china: statistic(id: "eu-critical-raw-materials-supply-share-cn-2012-2016") {
                    value validFrom { value precision } validTo { end } }
                  chinaList: policy(id: "china-strategic-minerals-list-2016") {
                    kind listSize designates { id } validFrom { value } validTo { end } } }""")
                .execute()
                .path("loans.amount").entity(Double.class).isEqualTo(3_000_000_000.0)
                .path("loans.currency").entity(String.class).isEqualTo("USD")
                .path("loans.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("demo.amount").entity(Double.class).isEqualTo(156_000_000.0)
                .path("demo.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("nsf.rate").entity(Double.class).isEqualTo(30.0)
                .path("nsf.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("lithium.value").entity(Double.class).isEqualTo(25.0)
                .path("lithium.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("lithium.year").entity(Integer.class).isEqualTo(2021)
                .path("lithium.validFrom.value").entity(String.class).isEqualTo("2021-01-01")
                .path("lithium.validTo.end").entity(String.class).isEqualTo("2021-12-31")
                .path("leadTime.value").entity(Double.class).isEqualTo(10.0)
                .path("leadTime.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("package.amount").entity(Double.class).isEqualTo(344_000_000.0)
                .path("package.currency").entity(String.class).isEqualTo("CAD")
                .path("package.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("package.date.value").entity(String.class).isEqualTo("2023-03-07")
                .path("package.date.precision").entity(String.class).isEqualTo("DAY")
                .path("china.value").entity(Double.class).isEqualTo(44.0)
                .path("china.validFrom.value").entity(String.class).isEqualTo("2012-01-01")
                .path("china.validTo.end").entity(String.class).isEqualTo("2016-12-31")
                .path("chinaList.kind").entity(String.class).isEqualTo("CRITICAL_MINERAL_LIST")
                .path("chinaList.listSize").entity(Integer.class).isEqualTo(24)
                .path("chinaList.designates[*].id").entityList(String.class).contains("uranium", "coal", "shale-gas")
                .path("chinaList.validFrom.value").entity(String.class).isEqualTo("2016-01-01")
                .path("chinaList.validTo.end").entity(String.class).isEqualTo("2020-12-31");
    }

    @Test
    void oneThingOneNodeBothWays() {
        graphQl().document("""
                { law: policy(id: "us-infrastructure-investment-and-jobs-act") { aliases claims { source { id } line } }
                  korea: agreement(id: "canada-korea-critical-minerals-partnership") { kind parties { role party { ... on Country { code } } } }
                  wa: policy(id: "wa-mining-act-1978") { kind date { value } issuer { ... on Organization { id country { code } } } } }""")
                .execute()
                .path("law.aliases").entityList(String.class).contains("BIL", "超党派インフラ法", "インフラ法")
                .path("law.claims[?(@.source.id == 'seed-004')].line").entityList(Integer.class).contains(676, 684, 1014)
                .path("korea.kind").entity(String.class).isEqualTo("BILATERAL")
                .path("korea.parties[*].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("CA", "KR"))
                .path("wa.kind").entity(String.class).isEqualTo("LAW")
                .path("wa.date.value").entity(String.class).isEqualTo("1978-01-01")
                .path("wa.issuer.id").entity(String.class).isEqualTo("state-of-western-australia")
                .path("wa.issuer.country.code").entity(String.class).isEqualTo("AU");
        // the merged and the split records are gone
        graphQl().document("""
                { gone: policy(id: "us-bipartisan-infrastructure-law") { id }
                  merged: agreement(id: "canada-bilateral-critical-minerals-partnerships") { id } }""")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getPath() + " " + e.getExtensions().get("code"))
                        .containsExactlyInAnyOrder("gone NOT_FOUND", "merged NOT_FOUND"))
                .path("gone").valueIsNull()
                .path("merged").valueIsNull();
        graphQl().document("""
                { japan: frameworksBinding(countries: [CA, JP]) { agreement { id } } }""")
                .execute()
                .path("japan[*].agreement.id").entityList(String.class).contains("canada-japan-critical-minerals-partnership")
                .doesNotContain("canada-korea-critical-minerals-partnership");
    }

    @Test
    void partiesRolesAndKinds() {
        graphQl().document("""
                { statement: agreement(id: "joint-statement-cooperation-global-supply-chains-2022") {
                    parties { party { ... on Country { code } } } disputes { field kind } }
                  msp: agreement(id: "minerals-security-partnership") {
                    parties { role since { value } party { ... on Country { code } } } } }""")
                .execute()
                // コンゴ共和国 (line 1530) is the Republic of the Congo
                .path("statement.parties[*].party.code").entityList(String.class).contains("CG").doesNotContain("CD")
                .path("statement.disputes[?(@.field == 'partyCount')].kind").entityList(String.class).containsExactly("CONTRADICTION")
                .path("msp.parties[?(@.party.code == 'JP')].role").entityList(String.class).containsExactly("PARTY")
                .path("msp.parties[?(@.party.code == 'SE')].since.value").entityList(String.class).containsExactly("2022-06-01");
        graphQl().document("""
                { club: agreement(id: "eu-critical-raw-materials-club") { status parties { role party { ... on Organization { id } } } }
                  mac: organization(id: "mining-association-of-canada") { kind }
                  stGallen: organization(id: "st-gallen-endowment") { kind } }""")
                .execute()
                .path("club.status").entity(String.class).isEqualTo("PROPOSED")
                .path("club.parties[?(@.party.id == 'european-union')].role").entityList(String.class).containsExactly("PROPOSER")
                .path("mac.kind").entity(String.class).isEqualTo("Association")
                .path("stGallen.kind").entity(String.class).isEqualTo("NonProfit");
    }
}
