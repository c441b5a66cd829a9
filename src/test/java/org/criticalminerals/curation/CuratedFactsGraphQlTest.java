package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of the facts curated from each of the five seed documents, pinned through GraphQL over HTTP:
 * exact amounts, dates, parties and the citing line.
 */
class CuratedFactsGraphQlTest extends GraphTestSupport {

    @Test
    void seed000JapanRareEarthDependencyTheMolycorpBankruptcyAndTheCrmaRecyclingBenchmark() {
        graphQl().document("""
                { dependency: statistic(id: "japan-ree-import-dependency-processing") {
                    measure value country { code } mineral { id } claims { source { id } line } }
                  molycorp: event(id: "molycorp-chapter-11-2015") { kind date { value precision } organizations { id } claims { source { id } line } }
                  recycling: target(id: "eu-crma-recycling-benchmark-2030") {
                    quantity year disputes { field kind } claims { source { id } line figures { field value } } } }""")
                .execute()
                .path("dependency.measure").entity(String.class).isEqualTo("IMPORT_DEPENDENCY")
                .path("dependency.value").entity(Double.class).isEqualTo(93.0)
                .path("dependency.country.code").entity(String.class).isEqualTo("JP")
                .path("dependency.mineral.id").entity(String.class).isEqualTo("rare-earth-elements")
                .path("dependency.claims[*].line").entityList(Integer.class).contains(82)
                .path("molycorp.kind").entity(String.class).isEqualTo("BANKRUPTCY")
                .path("molycorp.date.value").entity(String.class).isEqualTo("2015-06-01")
                .path("molycorp.date.precision").entity(String.class).isEqualTo("MONTH")
                .path("molycorp.organizations[*].id").entityList(String.class).contains("molycorp")
                .path("molycorp.claims[*].source.id").entityList(String.class).contains("seed-000")
                // seed 000 gives the adopted act's benchmark, at least 25 % (line 172) and 25 % (line 246); seed 004's
                // "at least 15 %" is the Commission's 2023 proposal, a different thing (second reading, issue 12)
                .path("recycling.quantity").entity(Double.class).isEqualTo(25.0)
                .path("recycling.year").entity(Integer.class).isEqualTo(2030)
                .path("recycling.disputes[*].kind").entityList(String.class).satisfies(kinds -> assertThat(kinds).doesNotContain("CONTRADICTION"))
                .path("recycling.claims[?(@.source.id == 'seed-000')].figures[?(@.field == 'quantity')].value").entityList(String.class)
                .satisfies(values -> assertThat(values).containsOnly("25"));
    }

    @Test
    void seed001ChinasGalliumAndGermaniumLicensingAndTheWaterbergInvestment() {
        graphQl().document("""
                { controls: exportControls(first: 100, filter: {imposer: CN, since: "2023-01-01"}) { edges { node { id } } }
                  inForce2012: exportControls(first: 100, filter: {imposer: CN, inForceOn: "2012-06-30", measure: TAX}) { edges { node { id } } }
                  gallium: exportControl(id: "china-gallium-germanium-export-licensing-2023") {
                    measure effective { value precision } imposer { code } minerals { id } claims { source { id } line quote } }
                  waterberg: investment(id: "jogmec-hanwa-waterberg-2023") {
                    amount currency date { value precision } investors { ... on Organization { id } } claims { source { id } line } } }""")
                .execute()
                .path("controls.edges[*].node.id").entityList(String.class)
                .contains("china-gallium-germanium-export-licensing-2023", "china-graphite-export-licensing",
                        "china-tungsten-tellurium-bismuth-molybdenum-indium-export-licensing-2025")
                .path("inForce2012.edges[*].node.id").entityList(String.class).contains("china-rare-earth-export-tax")
                .doesNotContain("china-gallium-germanium-export-licensing-2023")
                .path("gallium.measure").entity(String.class).isEqualTo("LICENSING")
                .path("gallium.effective.value").entity(String.class).isEqualTo("2023-01-01")
                .path("gallium.effective.precision").entity(String.class).isEqualTo("YEAR")
                .path("gallium.imposer.code").entity(String.class).isEqualTo("CN")
                .path("gallium.minerals[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("gallium", "germanium"))
                .path("gallium.claims[0].line").entity(Integer.class).isEqualTo(76)
                .path("waterberg.amount").entity(Double.class).isEqualTo(9_600_000.0)
                .path("waterberg.currency").entity(String.class).isEqualTo("USD")
                .path("waterberg.date.value").entity(String.class).isEqualTo("2023-06-01")
                .path("waterberg.investors[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("jogmec", "hanwa"))
                .path("waterberg.claims[*].line").entityList(Integer.class).contains(177);
    }

    @Test
    void seed002UsgsLithiumReservesAndTheIeaNickelMultiplierThatSeedsDisagreeOn() {
        graphQl().document("""
                { reserves: statistic(id: "world-lithium-reserves-usgs-2020") { value unit year mineral { id } claims { source { id } line quote } }
                  nickel: statistic(id: "iea-steps-nickel-demand-2040-vs-2020") {
                    value unit disputes { field kind claims { source { id } line figures { field value } } } } }""")
                .execute()
                .path("reserves.value").entity(Double.class).isEqualTo(17_000_000.0)
                .path("reserves.unit").entity(String.class).isEqualTo("TONNES")
                .path("reserves.year").entity(Integer.class).isEqualTo(2020)
                .path("reserves.mineral.id").entity(String.class).isEqualTo("lithium")
                .path("reserves.claims[?(@.line == 348)].quote").entityList(String.class).contains("【計】1700万t")
                // "6 times or more" (seed 001) and 6.5 (seed 002): compatible, 6.5 is the only figure both allow
                .path("nickel.value").entity(Double.class).isEqualTo(6.5)
                .path("nickel.disputes[0].field").entity(String.class).isEqualTo("value")
                .path("nickel.disputes[0].kind").entity(String.class).isEqualTo("COMPATIBLE_BOUNDS")
                .path("nickel.disputes[0].claims[*].source.id").entityList(String.class)
                .satisfies(sources -> assertThat(sources).containsExactlyInAnyOrder("seed-001", "seed-002"));
    }

    @Test
    void seed003ChinasRareEarthExportTaxAndJapansThirtyOneRareMetals() {
        graphQl().document("""
                { tax: exportControl(id: "china-rare-earth-export-tax") { measure rate effective { value precision } claims { source { id } line } }
                  rareMetals: policy(id: "japan-rare-metals-list") { kind listSize issuer { ... on Organization { id } } }
                  indonesia: exportControl(id: "indonesia-ore-export-ban-2014") { measure effective { value } imposer { code } minerals { id } } }""")
                .execute()
                .path("tax.measure").entity(String.class).isEqualTo("TAX")
                .path("tax.rate").entity(Double.class).isEqualTo(10.0)
                .path("tax.effective.value").entity(String.class).isEqualTo("2006-01-01")
                .path("tax.claims[*].line").entityList(Integer.class).contains(147)
                .path("rareMetals.kind").entity(String.class).isEqualTo("CRITICAL_MINERAL_LIST")
                .path("rareMetals.listSize").entity(Integer.class).isEqualTo(31)
                .path("indonesia.measure").entity(String.class).isEqualTo("BAN")
                .path("indonesia.effective.value").entity(String.class).isEqualTo("2014-01-01")
                .path("indonesia.imposer.code").entity(String.class).isEqualTo("ID")
                .path("indonesia.minerals[*].id").entityList(String.class).contains("nickel-ore");
    }

    @Test
    void seed004CriticalMineralListSizesAndTheDefenseProductionActAwardToLynas() {
        graphQl().document("""
                { us: policy(id: "us-critical-minerals-list-2022") { listSize issuer { ... on Organization { id } } claims { line quote } }
                  canada: policy(id: "canada-critical-minerals-list-2022") { listSize issuer { ... on Country { code } } }
                  australia: policy(id: "australia-critical-minerals-list-2022") { listSize }
                  eu: policy(id: "eu-critical-raw-materials-list-2020") { listSize }
                  dpa: investment(id: "dod-dpa-lynas-texas-2021") {
                    amount currency date { value precision } target { ... on Organization { id } } investors { ... on Organization { id } } } }""")
                .execute()
                .path("us.listSize").entity(Integer.class).isEqualTo(50)
                .path("us.issuer.id").entity(String.class).isEqualTo("usgs")
                .path("us.claims[*].quote").entityList(String.class).contains("（50鉱種）")
                .path("canada.listSize").entity(Integer.class).isEqualTo(31)
                .path("canada.issuer.code").entity(String.class).isEqualTo("CA")
                .path("australia.listSize").entity(Integer.class).isEqualTo(26)
                .path("eu.listSize").entity(Integer.class).isEqualTo(30)
                .path("dpa.amount").entity(Double.class).isEqualTo(30_400_000.0)
                .path("dpa.currency").entity(String.class).isEqualTo("USD")
                .path("dpa.date.value").entity(String.class).isEqualTo("2021-01-01")
                .path("dpa.target.id").entity(String.class).isEqualTo("lynas-rare-earths")
                .path("dpa.investors[*].id").entityList(String.class).contains("us-department-of-defense");
    }
}
