package org.criticalminerals.questions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.criticalminerals.ingest.KnowledgeFile;
import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ten analysts' questions, each answered twice on the curated knowledge base: through GraphQL over HTTP
 * (the example documents in graphql/examples) and by running the Cypher file of cypher/queries as an analyst
 * would, so that neither the API nor the query library can rot.
 */
class AnalystQuestionsTest extends GraphTestSupport {

    private static final Path QUERIES = Path.of("cypher/queries");

    @Autowired
    Driver driver;

    @Autowired
    KnowledgeImporter importer;

    @Test
    void q1JapaneseOfftakesAvoidingChinaAndWhereOthersFail() {
        graphQl().documentName("q01-routesAvoidingChina").execute()
                .path("routeCheck[0].offtake.id").entity(String.class).isEqualTo("lynas-japan-offtake")
                .path("routeCheck[0].qualifies").entity(Boolean.class).isEqualTo(true)
                .path("routeCheck[0].stages[*].country").entityList(String.class).containsExactly("AU", "MY")
                .path("routeCheck[?(@.qualifies == false)].reason").entityList(String.class)
                .satisfies(reasons -> assertThat(reasons).isNotEmpty().containsOnly("ROUTE_UNKNOWN"));
        graphQl().documentName("q01-routesAvoidingChina").variable("avoid", List.of("MY")).execute()
                .path("routeCheck[?(@.offtake.id == 'lynas-japan-offtake')].qualifies").entityList(Boolean.class).containsExactly(false)
                .path("routeCheck[?(@.offtake.id == 'lynas-japan-offtake')].reason").entityList(String.class)
                .containsExactly("PASSES_AVOIDED_COUNTRY")
                .path("routeCheck[?(@.offtake.id == 'lynas-japan-offtake')].failingStages[*].stage").entityList(String.class)
                .containsExactly("SEPARATION")
                .path("routeCheck[?(@.offtake.id == 'lynas-japan-offtake')].failingStages[*].site.id").entityList(String.class)
                .containsExactly("lynas-malaysia");

        List<Map<String, Object>> rows = cypher("routes-avoiding-countries", params("buyerCountry", "JP", "avoid", List.of("CN"), "mineral",
                "light-rare-earth-elements", "asOf", LocalDate.of(2025, 1, 1)));
        assertThat(rows).extracting(r -> id(r.get("offtake")), r -> r.get("qualifies"))
                .contains(org.assertj.core.groups.Tuple.tuple("lynas-japan-offtake", true));
    }

    @Test
    void q2WhatChinaRestrictedSince2023ThatJapanDesignatesAndJapanesExposure() {
        graphQl().documentName("q02-exportControlExposure").execute()
                .path("exportControlExposure.restrictions[?(@.designated == true)].mineral.id").entityList(String.class)
                .contains("gallium", "germanium", "graphite", "antimony", "tungsten")
                .path("exportControlExposure.restrictions[?(@.mineral.id == 'gallium')].designatedBy[*].id").entityList(String.class)
                .contains("japan-critical-minerals-specified-critical-materials-designation")
                .path("exportControlExposure.restrictions[?(@.mineral.id == 'gallium')].control.effective.value").entityList(String.class)
                .containsExactly("2023-01-01")
                .path("exportControlExposure.restrictions[*].control.id").entityList(String.class)
                .doesNotContain("china-rare-earth-export-tax") // 2006, before the period
                .path("exportControlExposure.exposures").entityList(Object.class).hasSize(0);

        // A Japanese offtake routed through a Chinese refinery shows up as exposure, and only while it exists.
        String batch = "partner:exposure-test";
        importer.importFiles(batch, List.of(new KnowledgeFile("exposure.yaml", """
                - {type: Source, id: test-exposure-feed, kind: PARTNER, title: Test feed}
                - {type: Facility, id: test-chinese-graphite-refinery, name: Test refinery, country: CN, stage: REFINING,
                   cite: [{source: test-exposure-feed, statement: s}]}
                - {type: Offtake, id: test-japanese-graphite-offtake, name: Test offtake, buyers: [sojitz], minerals: [graphite],
                   suppliedFrom: [test-chinese-graphite-refinery], cite: [{source: test-exposure-feed, statement: s}]}
                """)), false, TestKeys.PARTNER_CALLER);
        try {
            List<Map<String, Object>> rows = cypher("export-control-exposure",
                    params("imposer", "CN", "designator", "JP", "from", LocalDate.of(2023, 1, 1), "to", null));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> exposures = (List<Map<String, Object>>) rows.get(0).get("exposures");
            assertThat(exposures).extracting(e -> e.get("kind"), e -> id(e.get("fact")), e -> e.get("organizations"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OFFTAKE", "test-japanese-graphite-offtake", List.of("sojitz")));
        }
        finally {
            removeBatch(batch);
        }
    }

    /** The exposures page through offtakes, investments and facilities in that order, each by id; the restrictions stay whole. */
    @Test
    void q2ExposuresComeAPageAtATime() {
        String batch = "partner:exposure-paging-test";
        importer.importFiles(batch, List.of(new KnowledgeFile("exposures.yaml", """
                - {type: Source, id: test-exposure-paging-feed, kind: PARTNER, title: Test feed}
                - {type: Facility, id: test-paging-refinery, name: Test refinery, country: CN, stage: REFINING, operators: [sojitz],
                   cite: [{source: test-exposure-paging-feed, statement: s}]}
                - {type: Offtake, id: test-paging-offtake-a, name: Test offtake A, buyers: [sojitz], minerals: [graphite],
                   suppliedFrom: [test-paging-refinery], cite: [{source: test-exposure-paging-feed, statement: s}]}
                - {type: Offtake, id: test-paging-offtake-b, name: Test offtake B, buyers: [jogmec], minerals: [graphite],
                   suppliedFrom: [test-paging-refinery], cite: [{source: test-exposure-paging-feed, statement: s}]}
                """)), false, TestKeys.PARTNER_CALLER);
        try {
            List<String> all = graphQl().documentName("q02-exportControlExposure").execute()
                    .path("exportControlExposure.exposures[*].fact.id").entityList(String.class).get();
            assertThat(all).containsExactly("test-paging-offtake-a", "test-paging-offtake-b", "test-paging-refinery");
            int restrictions = graphQl().documentName("q02-exportControlExposure").execute()
                    .path("exportControlExposure.restrictions").entityList(Object.class).get().size();

            var first = graphQl().documentName("q02-exportControlExposure").variable("first", 2).execute();
            first.path("exportControlExposure.exposures[*].fact.id").entityList(String.class).containsExactly(all.get(0), all.get(1))
                    .path("exportControlExposure.restrictions").entityList(Object.class).hasSize(restrictions);
            String after = first.path("exportControlExposure.exposures[1].cursor").entity(String.class).get();
            graphQl().documentName("q02-exportControlExposure").variable("first", 2).variable("after", after).execute()
                    .path("exportControlExposure.exposures[*].fact.id").entityList(String.class).containsExactly(all.get(2))
                    .path("exportControlExposure.exposures[0].kind").entity(String.class).isEqualTo("FACILITY");
        }
        finally {
            removeBatch(batch);
        }
    }

    @Test
    void q3FrameworksBindingJapanAndAustralia() {
        List<String> expected = List.of("critical-materials-and-minerals-meeting", "japan-australia-critical-minerals-partnership-2022",
                "joint-statement-cooperation-global-supply-chains-2022", "minerals-security-partnership",
                "sustainable-critical-minerals-alliance");
        graphQl().documentName("q03-frameworksBindingJapanAndAustralia").execute()
                .path("frameworksBinding[*].agreement.id").entityList(String.class).containsExactly(expected.toArray(String[]::new))
                .path("frameworksBinding[?(@.agreement.id == 'minerals-security-partnership')].successors[*].id").entityList(String.class)
                .containsExactly("forge")
                .path("frameworksBinding[?(@.agreement.id == 'japan-australia-critical-minerals-partnership-2022')].minerals[*].id")
                .entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("lithium", "nickel"));
        assertThat(cypher("frameworks-binding-countries", params("countries", List.of("JP", "AU"), "asOf", LocalDate.of(2024, 1, 1))))
                .extracting(r -> id(r.get("agreement"))).containsExactlyElementsOf(expected);
        // without a date the 2025 Quad initiative binds them too
        assertThat(cypher("frameworks-binding-countries", params("countries", List.of("JP", "AU"), "asOf", null)))
                .extracting(r -> id(r.get("agreement"))).contains("quad-critical-minerals-initiative");
    }

    @Test
    void q4MoneyFlowsFromJapan() {
        graphQl().documentName("q04-moneyFlowsFromJapan").execute()
                .path("moneyFlows.totals[?(@.currency == 'JPY' && @.year == 2023)].total").entityList(Double.class).containsExactly(1.8e10)
                .path("moneyFlows.totals[?(@.currency == 'USD' && @.year == 2023)].total").entityList(Double.class).containsExactly(5.96e7)
                .path("moneyFlows.disputed[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("sojitz-jogmec-lynas-2011", "sojitz-jogmec-lynas-2022"))
                .path("moneyFlows.flows[?(@.investment.id == 'sojitz-jogmec-lynas-2011')].hostCountry").entityList(String.class)
                .containsExactly("AU");
        Map<String, Object> row = cypher("money-flows", params("investor", "jogmec", "investorCountry", null)).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> totals = (List<Map<String, Object>>) row.get("totals");
        assertThat(totals).extracting(t -> t.get("currency"), t -> t.get("year"), t -> ((Number) t.get("total")).doubleValue())
                .contains(org.assertj.core.groups.Tuple.tuple("JPY", 2023L, 1.8e10), org.assertj.core.groups.Tuple.tuple("USD", 2023L, 9.6e6));
    }

    /** The flows page by investment id; the totals and the disputed investments stay those of all the flows. */
    @Test
    void q4FlowsComeAPageAtATimeWithTheTotalsOfAll() {
        List<String> all = graphQl().documentName("q04-moneyFlowsFromJapan").variable("first", 300).execute()
                .path("moneyFlows.flows[*].investment.id").entityList(String.class).get();
        assertThat(all).hasSizeGreaterThan(3).isSorted().doesNotHaveDuplicates();
        Object totals = graphQl().documentName("q04-moneyFlowsFromJapan").variable("first", 300).execute().path("moneyFlows.totals").entity(Object.class).get();

        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            var response = graphQl().documentName("q04-moneyFlowsFromJapan").variable("first", 3).variable("after", after).execute();
            List<String> page = response.path("moneyFlows.flows[*].investment.id").entityList(String.class).get();
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            response.path("moneyFlows.totals").entity(Object.class).isEqualTo(totals);
            paged.addAll(page);
            after = page.size() < 3 ? null : response.path("moneyFlows.flows[2].cursor").entity(String.class).get();
        } while (after != null);
        assertThat(paged).isEqualTo(all);

        graphQl().document("{ moneyFlows(investorCountry: JP) { flows(first: 0) { cursor } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("first must be between 1 and 1000")));
        graphQl().document("{ moneyFlows(investorCountry: JP) { a: flows(first: 1) { cursor } b: flows(first: 2) { cursor } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("one page of flows")));
    }

    @Test
    void q5RareEarthRoutesToJapanAndTheirConcentration() {
        graphQl().documentName("q05-supplyConcentration").execute()
                .path("supplyConcentration.routes[*].offtake.id").entityList(String.class).contains("lynas-japan-offtake")
                .path("supplyConcentration.stages[*].stage").entityList(String.class).containsExactly("MINING", "SEPARATION")
                .path("supplyConcentration.stages[0].countries[0].country").entity(String.class).isEqualTo("AU")
                .path("supplyConcentration.stages[0].countries[0].routeShare").entity(Double.class).isEqualTo(100.0)
                .path("supplyConcentration.stages[1].countries[0].country").entity(String.class).isEqualTo("MY")
                // the two seeds disagree on the volume, so no volume share is claimed
                .path("supplyConcentration.stages[1].countries[0].volumeShare").valueIsNull();
        // an offtake of a group that contains neodymium counts as a neodymium route; only Lynas' route is known
        Map<String, Object> row = cypher("supply-concentration", params("mineral", "neodymium", "buyerCountry", "JP", "asOf", null)).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> routes = (List<Map<String, Object>>) row.get("routes");
        assertThat(routes).filteredOn(r -> !((List<?>) r.get("stages")).isEmpty()).extracting(r -> id(r.get("offtake")))
                .containsExactly("lynas-japan-offtake");
        assertThat(routes).hasSize(3);
    }

    @Test
    void q6JapansRareEarthDependencyOverTime() {
        graphQl().documentName("q06-dependencyOverTime").execute()
                .path("dependencyOverTime[?(@.year == 2009)].value").entityList(Double.class).containsExactly(85.0)
                .path("dependencyOverTime[?(@.year == 2011 && @.partner == 'CN')].value").entityList(Double.class).containsExactly(68.7)
                // seed 000 says 58.5 %, seed 001 says 58 %: one fact, disputed, both figures kept
                .path("dependencyOverTime[?(@.year == 2020)].disputed").entityList(Boolean.class).containsExactly(true)
                .path("dependencyOverTime[?(@.year == 2020)].claims[*].figures[?(@.field == 'value')].value").entityList(String.class)
                .satisfies(values -> assertThat(values).containsExactlyInAnyOrder("58.5", "58"))
                .path("dependencyOverTime[?(@.year == 2021)].measure").entityList(String.class).containsExactly("IMPORT_DEPENDENCY")
                .path("dependencyOverTime[?(@.year == 2021)].value").entityList(Double.class).containsExactly(93.0);
        assertThat(cypher("dependency-over-time", params("country", "JP", "mineral", "rare-earth-elements")))
                .filteredOn(r -> Long.valueOf(2020).equals(r.get("year"))).extracting(r -> r.get("disputed")).containsExactly(true);
    }

    @Test
    void q7JapansTargetsAgainstWhatIsSecured() {
        graphQl().documentName("q07-targetsVersusSecured").execute()
                .path("targetsVersusSecured[?(@.target.id == 'japan-light-rare-earth-ndpr-supply-target-2030')].quantity")
                .entityList(Double.class).containsExactly(13000.0)
                .path("targetsVersusSecured[?(@.target.id == 'japan-light-rare-earth-ndpr-supply-target-2030')].offtakes[*].id")
                .entityList(String.class).containsExactly("lynas-japan-offtake")
                .path("targetsVersusSecured[?(@.target.id == 'japan-light-rare-earth-ndpr-supply-target-2030')].securedLow")
                .entityList(Double.class).containsExactly(8500.0)
                .path("targetsVersusSecured[?(@.target.id == 'japan-light-rare-earth-ndpr-supply-target-2030')].gapHigh")
                .entityList(Double.class).containsExactly(4500.0)
                .path("targetsVersusSecured[?(@.target.id == 'japan-lithium-supply-target-2030')].gapLow").entityList(Double.class)
                .containsExactly(100000.0);
        assertThat(cypher("targets-versus-secured", params("country", "JP")))
                .filteredOn(r -> "japan-light-rare-earth-ndpr-supply-target-2030".equals(id(r.get("target"))))
                .extracting(r -> ((Number) r.get("securedHigh")).doubleValue(), r -> ((Number) r.get("gapLow")).doubleValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9000.0, 4000.0));
    }

    @Test
    void q8HowSojitzIsConnectedToMalaysia() {
        graphQl().documentName("q08-connections").execute()
                .path("connections[0].nodes[*].id").entityList(String.class)
                .containsExactly("sojitz", "lynas-japan-offtake", "lynas-malaysia", "MY")
                .path("connections[0].hops[*].type").entityList(String.class).containsExactly("BUYER", "SUPPLIED_FROM", "LOCATED_IN");
        assertThat(cypher("connections", params("from", "sojitz", "to", "MY", "maxHops", 2))).isEmpty();
        graphQl().document("{ connections(from: \"sojitz\", to: \"MY\", maxHops: 9) { hops { type } } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        graphQl().document("{ connections(from: \"sojitz\", to: \"sojitz\") { hops { type } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
                    assertThat(error.getMessage()).contains("the same entity");
                }));
    }

    @Test
    void q9SearchInEnglishAndJapanese() {
        graphQl().documentName("q09-search").execute().path("search[0].entity.id").entity(String.class).isEqualTo("sojitz");
        graphQl().documentName("q09-search").variable("text", "JOGMEC").execute().path("search[0].entity.id").entity(String.class).isEqualTo("jogmec");
        graphQl().documentName("q09-search").variable("text", "エネルギー・金属鉱物資源機構").execute()
                .path("search[0].entity.id").entity(String.class).isEqualTo("jogmec");
        graphQl().documentName("q09-search").variable("text", "rare earths").execute()
                .path("search[0].entity.id").entity(String.class).isEqualTo("rare-earth-elements");
        // query syntax typed by a user is searched for, not executed
        graphQl().documentName("q09-search").variable("text", "lithium AND (\"").execute()
                .path("search[0].entity.id").entity(String.class).isEqualTo("lithium");
        assertThat(cypher("search", params("query", "ライナス", "text", "ライナス", "types", List.of("Organization"), "skip", 0, "limit", 5))).extracting(r -> id(r.get("entity")))
                .first().isEqualTo("lynas-rare-earths");
    }

    @Test
    void q10EveryDisagreementWithItsSources() {
        graphQl().documentName("q10-disagreements").execute()
                .path("disagreements[?(@.fact.id == 'sojitz-jogmec-lynas-2011' && @.field == 'amount')].claims[*].source.id")
                .entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("seed-000", "seed-001"))
                .path("disagreements[?(@.fact.id == 'lynas-japan-offtake')].field").entityList(String.class).contains("volume");
        List<Map<String, Object>> rows = cypher("disagreements", Map.of());
        assertThat(rows).extracting(r -> id(r.get("fact")) + "." + r.get("field"))
                .contains("sojitz-jogmec-lynas-2011.amount", "eu-crma-recycling-benchmark-2030.quantity", "japan-ree-import-share-china-2020.value");
    }

    @Test
    void everyQueryFileDocumentsItselfAndBacksAGraphQlField() throws IOException {
        String schema = Files.readString(Path.of("graphql/schema.graphqls"), StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> listing = Files.list(QUERIES)) {
            files = listing.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).hasSize(11); // the ten questions and the chokepoints
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(file.toString()).contains("// Purpose:").contains("// Parameters:").contains("// Example:");
            assertThat(schema).as("a GraphQL field backed by " + file.getFileName()).contains("(" + file.getFileName() + ")");
        }
    }

    @Test
    void questionsAnchoredOnIdsSeekIndexesInsteadOfScanningLabels() {
        Map<String, Map<String, Object>> anchored = Map.of(
                "routes-avoiding-countries", params("buyerCountry", "JP", "avoid", List.of("CN"), "mineral", null, "asOf", null),
                "export-control-exposure", params("imposer", "CN", "designator", "JP", "from", null, "to", null),
                "frameworks-binding-countries", params("countries", List.of("JP", "AU"), "asOf", null),
                "money-flows", params("investor", "jogmec", "investorCountry", null),
                "supply-concentration", params("mineral", "rare-earth-elements", "buyerCountry", "JP", "asOf", null),
                "dependency-over-time", params("country", "JP", "mineral", "rare-earth-elements"),
                "targets-versus-secured", params("country", "JP"),
                "connections", params("from", "sojitz", "to", "MY", "maxHops", 4));
        anchored.forEach((name, parameters) -> {
            List<String> operators = new ArrayList<>();
            try (Session session = driver.session()) {
                Map<String, Object> paged = new HashMap<>(parameters);
                paged.put("skip", 0);
                paged.put("limit", 1000);
                collect(session.run("EXPLAIN " + statement(name), paged).consume().plan(), operators);
            }
            assertThat(operators).as(name + " plan").noneMatch(op -> op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan"))
                    .anyMatch(op -> op.contains("IndexSeek"));
        });
    }

    /** Q10 is not anchored: it reads the disputed facts from their index (V008), not every entity. */
    @Test
    void disagreementsReadTheDisputedFactsFromTheirIndex() {
        List<String> operators = new ArrayList<>();
        try (Session session = driver.session()) {
            collect(session.run("EXPLAIN " + statement("disagreements"), params("skip", 0, "limit", 1000)).consume().plan(), operators);
        }
        assertThat(operators).as("disagreements plan").noneMatch(op -> op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan"))
                .anyMatch(op -> op.startsWith("NodeIndexScan"));
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    private static String statement(String name) {
        try {
            String text = Files.readString(QUERIES.resolve(name + ".cypher"), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a question as an analyst would, the paged ones with the page of their parameter files (0, 1000). */
    private List<Map<String, Object>> cypher(String name, Map<String, Object> parameters) {
        String statement = statement(name);
        Map<String, Object> paged = new HashMap<>(parameters);
        paged.putIfAbsent("skip", 0);
        paged.putIfAbsent("limit", 1000);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(statement, paged).list(r -> r.asMap()));
        }
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String id(Object entity) {
        return entity instanceof Map<?, ?> map ? (String) map.get("id") : null;
    }
}
