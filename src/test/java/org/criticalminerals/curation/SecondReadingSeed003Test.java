package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second reading of seed 003 (the METI Non-Ferrous Metals Division article on rare metals and rare earths,
 * c. 2012-2013), pinned through GraphQL over HTTP: the corrected qualifiers, the quota periods and their end,
 * Indonesia's dates, the roles in the WTO case and the trilateral workshops, the re-typed associations, the
 * article's own proposals and Japan's 31 rare metals. See docs/curation/second-reading-seed-003.md.
 */
class SecondReadingSeed003Test extends GraphTestSupport {

    @Test
    void chinasRareEarthQuotasHoldForTheirPeriodsAndEndWithTheAbolition() {
        graphQl().document("""
                { quotas: exportControl(id: "china-rare-earth-export-quotas") { lifted { value precision } validTo { end } }
                  y2010: exportControl(id: "china-rare-earth-export-quota-2010") {
                    quantity reductionPercent validFrom { value } validTo { end } disputes { field kind } }
                  h2: exportControl(id: "china-rare-earth-export-quota-2010-h2") {
                    quantity year reductionPercent validFrom { value precision } validTo { end } claims { source { id } line } }
                  y2012: exportControl(id: "china-rare-earth-export-quota-2012") { quantity reductionPercent } }""")
                .execute()
                // seed 000: China decided in 2014 to abolish the measures
                .path("quotas.lifted.value").entity(String.class).isEqualTo("2014-01-01")
                .path("quotas.lifted.precision").entity(String.class).isEqualTo("YEAR")
                .path("quotas.validTo.end").entity(String.class).isEqualTo("2014-12-31")
                // 約 bounds the 40 % cut, not the 30,259 t: no spurious ROUNDING dispute any more
                .path("y2010.quantity").entity(Double.class).isEqualTo(30_259.0)
                .path("y2010.reductionPercent").entity(Double.class).isEqualTo(40.0)
                .path("y2010.validFrom.value").entity(String.class).isEqualTo("2010-01-01")
                .path("y2010.validTo.end").entity(String.class).isEqualTo("2010-12-31")
                .path("y2010.disputes").entityList(Object.class).hasSize(0)
                // seed 003's table (7,976 t) and seed 000's second half of 2010 (announced July, about 72 % down): one fact
                .path("h2.quantity").entity(Double.class).isEqualTo(7_976.0)
                .path("h2.year").entity(Integer.class).isEqualTo(2010)
                .path("h2.reductionPercent").entity(Double.class).isEqualTo(72.0)
                .path("h2.validFrom.value").entity(String.class).isEqualTo("2010-07-01")
                .path("h2.validTo.end").entity(String.class).isEqualTo("2010-12-31")
                .path("h2.claims[*].source.id").entityList(String.class).contains("seed-000", "seed-003")
                // a 2.7 % increase is a negative reduction
                .path("y2012.quantity").entity(Double.class).isEqualTo(30_996.0)
                .path("y2012.reductionPercent").entity(Double.class).isEqualTo(-2.7);
    }

    @Test
    void qualifiersOnTheFiguresTheTextBoundsWithIjou() {
        graphQl().document("""
                { mine: target(id: "china-rare-earth-mine-minimum-output") { quantity qualifier validFrom { value precision } }
                  selfSufficiency: target(id: "japan-rare-metal-self-sufficiency-target-2030") { quantity year qualifier validFrom { value } }
                  china97: statistic(id: "jp-rare-earth-import-share-cn") { value qualifier partner { code } }
                  tungsten: statistic(id: "jp-tungsten-import-share-cn") { value qualifier rank partner { code } }
                  below20: statistic(id: "jp-rare-metal-self-sufficiency-ratio") { value qualifier unit } }""")
                .execute()
                .path("mine.quantity").entity(Double.class).isEqualTo(20_000.0)
                .path("mine.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("mine.validFrom.value").entity(String.class).isEqualTo("2012-08-01")
                .path("mine.validFrom.precision").entity(String.class).isEqualTo("MONTH")
                .path("selfSufficiency.quantity").entity(Double.class).isEqualTo(50.0)
                .path("selfSufficiency.year").entity(Integer.class).isEqualTo(2030)
                .path("selfSufficiency.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("selfSufficiency.validFrom.value").entity(String.class).isEqualTo("2010-06-01")
                .path("china97.value").entity(Double.class).isEqualTo(97.0)
                .path("china97.qualifier").entity(String.class).isEqualTo("AT_LEAST")
                .path("china97.partner.code").entity(String.class).isEqualTo("CN")
                // import dependency by mineral and top source country: more than 50 % on the first-ranked source
                .path("tungsten.value").entity(Double.class).isEqualTo(50.0)
                .path("tungsten.qualifier").entity(String.class).isEqualTo("MORE_THAN")
                .path("tungsten.rank").entity(Integer.class).isEqualTo(1)
                .path("tungsten.partner.code").entity(String.class).isEqualTo("CN")
                .path("below20.value").entity(Double.class).isEqualTo(20.0)
                .path("below20.qualifier").entity(String.class).isEqualTo("LESS_THAN");
    }

    @Test
    void referenceYearsAndDatesOnTheStatistics() {
        graphQl().document("""
                { titanium: statistic(id: "titanium-ore-price-rise-since-2011") { year baseYear valueLow valueHigh }
                  dysprosium: statistic(id: "cn-dysprosium-export-price-after-surge") { value date { value precision } validFrom { value } }
                  production: statistic(id: "cn-rare-earth-production-share") { year dataSource }
                  smelters: statistic(id: "cn-rare-earth-smelting-companies-2010") { value unit date { value precision } } }""")
                .execute()
                // 2011 is where the rise starts, not the year of the figure
                .path("titanium.year").valueIsNull()
                .path("titanium.baseYear").entity(Integer.class).isEqualTo(2011)
                .path("titanium.valueLow").entity(Double.class).isEqualTo(2.0)
                .path("titanium.valueHigh").entity(Double.class).isEqualTo(3.0)
                .path("dysprosium.value").entity(Double.class).isEqualTo(3_093.0)
                .path("dysprosium.date.value").entity(String.class).isEqualTo("2011-07-01")
                .path("dysprosium.date.precision").entity(String.class).isEqualTo("MONTH")
                .path("dysprosium.validFrom.value").entity(String.class).isEqualTo("2011-07-01")
                .path("production.year").entity(Integer.class).isEqualTo(2012)
                .path("production.dataSource").entity(String.class).isEqualTo("USGS Mineral Commodity Summaries 2013")
                .path("smelters.value").entity(Double.class).isEqualTo(99.0)
                .path("smelters.date.value").entity(String.class).isEqualTo("2010-12-01");
    }

    @Test
    void indonesiasOreExportMeasuresCarryTheirDates() {
        graphQl().document("""
                { ban: exportControl(id: "indonesia-ore-export-ban-2014") { announced { value } effective { value } validTo { end } }
                  tax: exportControl(id: "indonesia-ore-export-tax-2012") { measure effective { value precision } validFrom { value } validTo { end } }
                  advance: exportControl(id: "indonesia-ore-export-ban-advance-2012") { effective { value precision } } }""")
                .execute()
                .path("ban.announced.value").entity(String.class).isEqualTo("2009-01-01")
                .path("ban.effective.value").entity(String.class).isEqualTo("2014-01-01")
                .path("ban.validTo").valueIsNull()
                .path("tax.measure").entity(String.class).isEqualTo("TAX")
                .path("tax.effective.value").entity(String.class).isEqualTo("2012-05-01")
                .path("tax.effective.precision").entity(String.class).isEqualTo("MONTH")
                .path("tax.validFrom.value").entity(String.class).isEqualTo("2012-05-01")
                .path("tax.validTo.end").entity(String.class).isEqualTo("2013-12-31")
                .path("advance.effective.value").entity(String.class).isEqualTo("2012-05-01");
    }

    @Test
    void rolesComplainantsAndRespondentInTheWtoCase() {
        graphQl().document("""
                { wto: event(id: "wto-china-rare-earths-dispute-2012") {
                    date { value } participants { role party { ... on Country { code } ... on Organization { id } } } } }""")
                .execute()
                .path("wto.date.value").entity(String.class).isEqualTo("2012-03-01")
                .path("wto.participants[?(@.party.code == 'JP')].role").entityList(String.class).containsExactly("COMPLAINANT")
                .path("wto.participants[?(@.party.code == 'US')].role").entityList(String.class).containsExactly("COMPLAINANT")
                .path("wto.participants[?(@.party.id == 'european-union')].role").entityList(String.class).containsExactly("COMPLAINANT")
                .path("wto.participants[?(@.party.code == 'CN')].role").entityList(String.class).containsExactly("RESPONDENT");
    }

    @Test
    void observersAreNotPartiesOfTheTrilateralWorkshops() {
        graphQl().document("""
                { workshops: agreement(id: "critical-materials-and-minerals-meeting") {
                    parties { role since { value } party { ... on Country { code } } } disputes { field kind }
                    claims { source { id } line } } }""")
                .execute()
                // Canada and Australia were invited as observers (seed 003, line 992); by 2021 they hold the meeting jointly
                // (seed 002). One role per party: seed 002's PARTY is preferred, seed 003's observer claim stays as evidence,
                // and neither gets a start date that the other's role would inherit
                .path("workshops.claims[?(@.source.id == 'seed-003')].line").entityList(Integer.class).contains(992)
                .path("workshops.parties[?(@.party.code == 'AU')].role").entityList(String.class).containsExactly("PARTY")
                .path("workshops.parties[?(@.party.code == 'CA')].role").entityList(String.class).containsExactly("PARTY")
                .path("workshops.parties[?(@.party.code == 'AU')].since").entityList(Object.class)
                .satisfies(since -> assertThat(since).containsOnlyNulls())
                .path("workshops.parties[?(@.party.code == 'JP')].role").entityList(String.class).containsExactly("PARTY")
                .path("workshops.parties[?(@.party.code == 'JP')].since.value").entityList(String.class).containsExactly("2011-10-01")
                // seed 002 says 2011, seed 003 October 2011: compatible, the fact takes the month
                .path("workshops.disputes[?(@.field == 'date')].kind").entityList(String.class).containsExactly("NESTED_PERIODS");
    }

    @Test
    void associationsAreNotCompaniesOrFoundationsAndTheJapanChinaMeetingHasItsPeriod() {
        graphQl().document("""
                { newerMetals: organization(id: "japan-society-of-newer-metals") { kind roles }
                  chinaAssociation: organization(id: "association-of-china-rare-earth-industry") { kind } }""")
                .execute()
                .path("newerMetals.kind").entity(String.class).isEqualTo("Association")
                .path("newerMetals.roles").entityList(String.class).contains("INDUSTRY_ASSOCIATION")
                .path("chinaAssociation.kind").entity(String.class).isEqualTo("Association");
        graphQl().document("""
                { exchange: agreement(id: "japan-china-rare-earth-exchange-meeting") { validFrom { value } validTo { end } successor { id } } }""")
                .execute()
                .path("exchange.validFrom.value").entity(String.class).isEqualTo("1997-01-01")
                .path("exchange.validTo.end").entity(String.class).isEqualTo("2009-12-31")
                .path("exchange.successor.id").entity(String.class).isEqualTo("japan-china-rare-earth-public-private-exchange-meeting");
    }

    @Test
    void theArticlesProposalsAndTheRouteOrigins() {
        graphQl().document("""
                { proposal: policy(id: "rare-metal-supply-risk-response-recommendations") {
                    kind pillars issuer { ... on Organization { id } } claims { line } } }""")
                .execute()
                .path("proposal.kind").entity(String.class).isEqualTo("PROPOSAL")
                .path("proposal.issuer.id").entity(String.class).isEqualTo("meti-non-ferrous-metals-division")
                .path("proposal.pillars").entityList(String.class).hasSize(7)
                .path("proposal.claims[*].line").entityList(Integer.class).contains(947, 955, 959);
        graphQl().document("""
                { interests: offtake(id: "japanese-rare-earth-interests-export-potential-2013") {
                    volume volumeQualifier origins { code } suppliedFrom { ... on Deposit { id } } } }""")
                .execute()
                .path("interests.volume").entity(Double.class).isEqualTo(16_500.0)
                .path("interests.volumeQualifier").entity(String.class).isEqualTo("UP_TO")
                .path("interests.origins[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("AU", "VN", "IN", "KZ"))
                .path("interests.suppliedFrom[*].id").entityList(String.class).contains("mount-weld", "dong-pao");
    }

    @Test
    void japansThirtyOneRareMetals() {
        graphQl().document("""
                { list: policy(id: "japan-rare-metals-list") { listSize designates { id } } }""")
                .execute()
                .path("list.listSize").entity(Integer.class).isEqualTo(31)
                .path("list.designates[*].id").entityList(String.class).hasSize(31).contains("gallium", "thallium", "rare-earth-elements");
        graphQl().document("""
                { group: mineral(id: "rare-metals") { members { id } }
                  gallium: mineral(id: "gallium") { partOf { id } claims { source { kind } } } }""")
                .execute()
                .path("group.members[*].id").entityList(String.class).hasSize(31).contains("tungsten", "palladium", "platinum", "rare-earth-elements")
                .path("gallium.partOf[*].id").entityList(String.class).contains("rare-metals")
                .path("gallium.claims[*].source.kind").entityList(String.class).contains("PUBLIC");
    }
}
