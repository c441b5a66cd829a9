package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 000 (the EU-Japan Critical Raw Materials Alliance paper, issue 12), pinned through
 * GraphQL over HTTP: the proposed alliance and its proposals, the Commission's CRMA proposal apart from the
 * adopted act, the origins of Sumitomo's rare earths, the WTO case's roles, the JOGMEC equity caps of two
 * periods, the merged import share and the validity periods the paper gives.
 */
class SecondReadingSeed000Test extends GraphTestSupport {

    @Test
    void thePaperProposesAnEuJapanAllianceWhoseMeasuresAreProposalsUnderIt() {
        graphQl().document("""
                { alliance: agreement(id: "eu-japan-critical-raw-materials-alliance") {
                    status kind date { value precision }
                    parties { role party { ... on Country { code } ... on Organization { id } } } }
                  tariff: policy(id: "proposal-critical-raw-materials-club-common-external-tariff") {
                    kind issuer { ... on Organization { id } } agreement { id } claims { line } }
                  embargo: policy(id: "proposal-eu-japan-embargo-stockpile-allocation") { kind agreement { id } claims { line } }
                  quotas: policy(id: "proposal-eu-procurement-quota-ceilings") { kind agreement { id } validFrom { value precision } }
                  agency: policy(id: "proposal-european-raw-materials-agency") { kind nameJa agreement { id } } }""")
                .execute()
                .path("alliance.status").entity(String.class).isEqualTo("PROPOSED")
                .path("alliance.kind").entity(String.class).isEqualTo("BILATERAL")
                .path("alliance.date.value").entity(String.class).isEqualTo("2024-01-01")
                .path("alliance.parties[?(@.role == 'PROPOSER')].party.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("konrad-adenauer-stiftung", "nakasone-peace-institute"))
                .path("alliance.parties[?(@.role == 'PARTY')].party.code").entityList(String.class).containsExactly("JP")
                .path("alliance.parties[?(@.role == 'PARTY')].party.id").entityList(String.class).containsExactly("european-union")
                .path("tariff.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("tariff.issuer.id").entity(String.class).isEqualTo("konrad-adenauer-stiftung")
                .path("tariff.agreement.id").entity(String.class).isEqualTo("eu-japan-critical-raw-materials-alliance")
                .path("tariff.claims[*].line").entityList(Integer.class).contains(256)
                .path("embargo.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("embargo.agreement.id").entity(String.class).isEqualTo("eu-japan-critical-raw-materials-alliance")
                .path("embargo.claims[*].line").entityList(Integer.class).contains(226)
                .path("quotas.agreement.id").entity(String.class).isEqualTo("eu-japan-critical-raw-materials-alliance")
                .path("quotas.validFrom.value").entity(String.class).isEqualTo("2024-01-01")
                .path("agency.nameJa").entity(String.class).isEqualTo("欧州原材料局");
    }

    @Test
    void theCrmaProposalIsApartFromTheActWhoseBenchmarksHoldFromEntryIntoForceTo2030() {
        graphQl().document("""
                { proposal: policy(id: "eu-crma-proposal-2023") {
                    kind issuer { ... on Organization { id } } claims { source { id } line } disputes { field kind } }
                  act: policy(id: "eu-critical-raw-materials-act") { effective { value precision } }
                  recycling: target(id: "eu-crma-recycling-benchmark-2030") {
                    quantity year validFrom { value precision } validTo { end }
                    claims { source { id } line figures { field value } } } }""")
                .execute()
                .path("proposal.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("proposal.issuer.id").entity(String.class).isEqualTo("european-commission")
                // one node with seed 004's proposal (eu-crma-proposal-2023): seed 000 cites it on line 361 (2023); seed 004 dates
                // it both February and March 2023, so its date stays disputed
                .path("proposal.claims[?(@.source.id == 'seed-000')].line").entityList(Integer.class).contains(361)
                .path("proposal.claims[*].source.id").entityList(String.class).contains("seed-000", "seed-004")
                .path("proposal.disputes[?(@.field == 'date')].kind").entityList(String.class).containsExactly("CONTRADICTION")
                .path("act.effective.value").entity(String.class).isEqualTo("2024-05-24")
                .path("recycling.quantity").entity(Double.class).isEqualTo(25.0)
                .path("recycling.year").entity(Integer.class).isEqualTo(2030)
                .path("recycling.validFrom.value").entity(String.class).isEqualTo("2024-05-24")
                .path("recycling.validTo.end").entity(String.class).isEqualTo("2030-12-31")
                // "リサイクルは同25%以上": at least 25 %
                .path("recycling.claims[?(@.source.id == 'seed-000' && @.line == 172)].figures[?(@.field == 'qualifier')].value")
                .entityList(String.class).containsExactly("AT_LEAST");
    }

    @Test
    void sumitomosRareEarthsComeFromKazakhstanVietnamAndTheUnitedStates() {
        graphQl().document("""
                { kzvn: offtake(id: "sumitomo-kazakhstan-vietnam-rare-earth-procurement") { buyers { id } origins { code } }
                  mp: offtake(id: "sumitomo-mp-materials-japan-distribution-2023") {
                    sellers { id } origins { code } processedIn { code } exclusive start { value precision } } }""")
                .execute()
                .path("kzvn.buyers[*].id").entityList(String.class).containsExactly("sumitomo-corporation")
                .path("kzvn.origins[*].code").entityList(String.class).satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("KZ", "VN"))
                .path("mp.sellers[*].id").entityList(String.class).containsExactly("mp-materials")
                .path("mp.origins[*].code").entityList(String.class).containsExactly("US")
                .path("mp.processedIn[*].code").entityList(String.class).containsExactly("US")
                .path("mp.exclusive").entity(Boolean.class).isEqualTo(true)
                .path("mp.start.value").entity(String.class).isEqualTo("2023-02-22");
    }

    @Test
    void theWtoCaseHasComplainantsAndARespondentAndChinasMeasuresEndIn2014() {
        graphQl().document("""
                { wto: event(id: "wto-china-rare-earths-dispute-2012") {
                    validFrom { value precision } validTo { end }
                    participants { role party { ... on Country { code } ... on Organization { id } } } }
                  quotas: exportControl(id: "china-rare-earth-export-quotas") { lifted { value precision } validTo { end } }
                  h2: exportControl(id: "china-rare-earth-export-quota-2010-h2") {
                    reductionPercent qualifier validFrom { value } validTo { end } } }""")
                .execute()
                .path("wto.validFrom.value").entity(String.class).isEqualTo("2012-03-01")
                .path("wto.validFrom.precision").entity(String.class).isEqualTo("MONTH")
                .path("wto.validTo.end").entity(String.class).isEqualTo("2014-12-31")
                .path("wto.participants[?(@.role == 'COMPLAINANT')].party.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("JP", "US"))
                .path("wto.participants[?(@.role == 'COMPLAINANT')].party.id").entityList(String.class).containsExactly("european-union")
                .path("wto.participants[?(@.role == 'RESPONDENT')].party.code").entityList(String.class).containsExactly("CN")
                .path("quotas.lifted.value").entity(String.class).isEqualTo("2014-01-01")
                .path("quotas.lifted.precision").entity(String.class).isEqualTo("YEAR")
                .path("quotas.validTo.end").entity(String.class).isEqualTo("2014-12-31")
                // the second-half 2010 quota, cut by about 72 %, holds from July to December 2010
                .path("h2.reductionPercent").entity(Double.class).isEqualTo(72.0)
                .path("h2.qualifier").entity(String.class).isEqualTo("ABOUT")
                .path("h2.validFrom.value").entity(String.class).isEqualTo("2010-07-01")
                .path("h2.validTo.end").entity(String.class).isEqualTo("2010-12-31");
    }

    @Test
    void jogmecsEquityCapsOfTwoPeriodsAreTwoFacts() {
        graphQl().document("""
                { before: policy(id: "jogmec-equity-cap-50-percent") { rate qualifier validFrom { value } validTo { end } }
                  after: policy(id: "jogmec-equity-cap-75-percent-2022") {
                    rate qualifier effective { value precision } validFrom { value } validTo { end } minerals { id } }
                  programme: policy(id: "jogmec-risk-money-support") { quantity date { value } } }""")
                .execute()
                .path("before.rate").entity(Double.class).isEqualTo(50.0)
                .path("before.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("before.validTo.end").entity(String.class).isEqualTo("2022-04-30")
                .path("after.rate").entity(Double.class).isEqualTo(75.0)
                .path("after.qualifier").entity(String.class).isEqualTo("UP_TO")
                .path("after.effective.value").entity(String.class).isEqualTo("2022-04-01")
                .path("after.validFrom.value").entity(String.class).isEqualTo("2022-04-01")
                .path("after.validTo").valueIsNull()
                .path("after.minerals[*].id").entityList(String.class).contains("rare-earth-elements", "platinum-group-metals")
                .path("programme.quantity").valueIsNull()
                .path("programme.date").valueIsNull();
    }

    @Test
    void importSharesPricesAndDisagreementsCarryTheirYearsQualifiersAndKinds() {
        graphQl().document("""
                { share: statistic(id: "japan-ree-import-share-china-2020") {
                    value year disputes { field kind } claims { source { id } line } }
                  category: statistic(id: "japan-rare-earths-category-import-share-china") { value year mineral { id } }
                  prices: statistic(id: "lynas-mp-materials-rare-earth-price-fall-2023-h2") {
                    value qualifier validFrom { value } validTo { end } }
                  recyclingRate: statistic(id: "eu-lree-recycling-rate") { value qualifier year }
                  lynas2011: investment(id: "sojitz-jogmec-lynas-2011") { disputes { field kind } } }""")
                .execute()
                // 58.5 % (2020, line 154) and the same JOGMEC figure rounded, 58 % (Figure 1 and line 68; seed 001)
                .path("share.value").entity(Double.class).isEqualTo(58.5)
                .path("share.year").entity(Integer.class).isEqualTo(2020)
                .path("share.disputes[?(@.field == 'value')].kind").entityList(String.class).containsExactly("ROUNDING")
                .path("share.claims[?(@.source.id == 'seed-000')].line").entityList(Integer.class)
                .satisfies(lines -> assertThat(lines).contains(154, 82, 68))
                .path("category.value").entity(Double.class).isEqualTo(49.0)
                // note j dates none of its breakdown (only note i's 93 % has a year): no year
                .path("category.year").valueIsNull()
                .path("category.mineral.id").entity(String.class).isEqualTo("rare-earths-material-category")
                .path("prices.value").entity(Double.class).isEqualTo(30.0)
                .path("prices.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("prices.validFrom.value").entity(String.class).isEqualTo("2023-07-01")
                .path("prices.validTo.end").entity(String.class).isEqualTo("2023-12-31")
                .path("recyclingRate.value").entity(Double.class).isEqualTo(1.0)
                .path("recyclingRate.qualifier").entity(String.class).isEqualTo("ABOUT")
                .path("recyclingRate.year").entity(Integer.class).isEqualTo(2023)
                // USD 250 million (seed 000) and about JPY 20 billion (seed 001): the same sum in two currencies
                .path("lynas2011.disputes[?(@.field == 'amount')].kind").entityList(String.class).containsExactly("DIFFERENT_CURRENCIES");
    }
}
