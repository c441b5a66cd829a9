package org.criticalminerals.protocol;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.HeadlessChromium;
import org.criticalminerals.support.TestKeys;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * GraphiQL in headless Chromium where reads need a key, as a frontend developer without internet uses it: the
 * page loads from the service alone (every request the browser makes goes to the service), a query run without a
 * key is refused, and after the user types the key into the headers editor the result pane shows the data. There
 * every list of {@code Query} is built sorted, filtered and paged both ways, and the example documents of a company
 * page and a mineral page ({@code graphql/examples/companyPage.graphql}, {@code mineralPage.graphql}) answer with
 * the curated knowledge base's facts.
 *
 * <p>Everything after the first test runs in one browser on one page with the key typed in once (Chromium costs
 * seconds to start on a busy machine): hence one test instance for the class.
 */
@TestPropertySource(properties = { "cmg.security.read-access=reader", ProtectedProtocolTest.CORS })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlPageTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    /** GraphiQL with the reader key in its headers editor, shared by the tests after the first; started on first use. */
    private @Nullable ReaderPage readerPage;

    @AfterAll
    void closeTheBrowser() {
        if (readerPage != null) {
            readerPage.chromium.close();
        }
    }

    @Test
    void aQueryRunsFromThePageWithTheKeyInTheHeadersEditor() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            String origin = "http://localhost:" + port;
            String query = "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id route { countries } } } } }";
            page.get(origin + "/graphiql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            WebElement run = findRunButton(chromium);

            run.click();
            chromium.waitUntil("the refusal of a query without a key", d -> result(d).contains("UNAUTHENTICATED"));

            WebElement headers = typeTheKey(chromium);
            assertThat(script(page, "return arguments[0].CodeMirror.getValue()", headers).toString().replaceAll("\\s", ""))
                    .isEqualTo("{\"Authorization\":\"" + TestKeys.bearer(Role.READER).replace(" ", "") + "\"}");

            run.click();
            String result = chromium.waitUntil("the offtakes in the result pane", d -> result(d).contains("lynas-japan-offtake") ? result(d) : null);
            assertThat(result).contains("\"totalCount\": 1").contains("\"AU\"").contains("\"MY\"").doesNotContain("errors");
            chromium.screenshot("graphiql-offtakes");

            List<String> requested = chromium.requestedUrls();
            assertThat(requested).as("what the browser asked for").anyMatch(url -> url.endsWith("/graphiql.min.js"))
                    .anyMatch(url -> url.endsWith("/graphql"));
            assertThat(requested).as("every request goes to the service itself").allMatch(url -> fromTheService(url, port));
        }
    }

    /**
     * Each list with {@code first/after/last/before/filter/orderBy}, as a frontend builds it in the page: a filter
     * that narrows the curated knowledge base, a sort other than the default, a small first page, the next one
     * {@code after} its end cursor, and back {@code last} N {@code before} the second page's start cursor, which
     * gives the first page again.
     */
    static Stream<PagedList> lists() {
        return Stream.of(
                new PagedList("minerals", "{partOf: \"rare-earth-elements\", kind: ELEMENT}", Sort.descending("NAME", node -> node.get("name")), 5,
                        "name kind partOf { id partOf { id } }", "an element of the rare earths, directly or through a subgroup",
                        node -> "ELEMENT".equals(node.get("kind")) && groups(node).contains("rare-earth-elements")),
                new PagedList("countries", "{name: {contains: \"land\"}}", Sort.descending("NAME", node -> node.get("name")), 3,
                        "name nameJa aliases", "a name containing \"land\"", node -> names(node).anyMatch(name -> name.contains("land"))),
                new PagedList("organizations", "{name: {startsWith: \"j\"}, countryIn: [JP, AU]}", Sort.descending("NAME", node -> node.get("name")), 3,
                        "name nameJa aliases country { code }", "in Japan or Australia, a name starting with \"j\"",
                        node -> Set.of("JP", "AU").contains(at(node, "country", "code")) && names(node).anyMatch(name -> name.startsWith("j"))),
                new PagedList("deposits", "{statusIn: [EXPLORATION], country: JP}", Sort.descending("NAME", node -> node.get("name")), 2,
                        "name status country { code }", "under exploration in Japan",
                        node -> "EXPLORATION".equals(node.get("status")) && "JP".equals(at(node, "country", "code"))),
                new PagedList("facilities", "{stageIn: [RECYCLING, SEPARATION, MAGNET]}", Sort.ascending("NAME", node -> node.get("name")), 2,
                        "name stage", "recycling, separation or magnet making", node -> Set.of("RECYCLING", "SEPARATION", "MAGNET").contains(node.get("stage"))),
                new PagedList("investments", "{investorCountry: JP}", Sort.descending("DATE", node -> at(node, "date", "value")), 3,
                        "date { value } investors { ... on Country { code } ... on Organization { country { code } } }",
                        "by Japan or an organization based there", node -> maps(node, "investors").anyMatch(
                                investor -> "JP".equals(investor.get("code")) || "JP".equals(at(investor, "country", "code")))),
                new PagedList("offtakes", "{buyerCountry: JP}", Sort.descending("START", node -> at(node, "start", "value")), 2,
                        "start { value } buyers { country { code } }", "a buyer based in Japan",
                        node -> maps(node, "buyers").anyMatch(buyer -> "JP".equals(at(buyer, "country", "code")))),
                new PagedList("agreements", "{party: \"JP\", kind: BILATERAL}", Sort.descending("DATE", node -> at(node, "date", "value")), 3,
                        "kind date { value } parties { party { ... on Country { code } } }", "bilateral, Japan a party",
                        node -> "BILATERAL".equals(node.get("kind")) && maps(node, "parties").anyMatch(party -> "JP".equals(at(party, "party", "code")))),
                new PagedList("exportControls", "{imposer: CN, measureIn: [LICENSING, TAX, TECHNOLOGY_EXPORT_BAN]}",
                        Sort.descending("EFFECTIVE", node -> at(node, "effective", "value")), 3, "measure imposer { code } effective { value }",
                        "China's licensing, taxes and technology bans", node -> "CN".equals(at(node, "imposer", "code"))
                                && Set.of("LICENSING", "TAX", "TECHNOLOGY_EXPORT_BAN").contains(node.get("measure"))),
                new PagedList("policies", "{kind: CRITICAL_MINERAL_LIST}", Sort.descending("DATE", node -> at(node, "date", "value")), 4,
                        "kind date { value }", "critical-mineral lists", node -> "CRITICAL_MINERAL_LIST".equals(node.get("kind"))),
                new PagedList("targets", "{country: JP, year: 2030}", Sort.descending("QUANTITY", node -> node.get("quantity")), 3,
                        "country { code } year quantity", "Japan's for 2030",
                        node -> "JP".equals(at(node, "country", "code")) && Objects.equals(node.get("year"), 2030)),
                new PagedList("statistics", "{measure: PRODUCTION_SHARE, country: CN, value: {min: 60}}", Sort.descending("VALUE", node -> node.get("value")), 4,
                        "measure country { code } value", "China's production shares of 60 % or more",
                        node -> "PRODUCTION_SHARE".equals(node.get("measure")) && "CN".equals(at(node, "country", "code"))
                                && node.get("value") instanceof Number value && value.doubleValue() >= 60),
                new PagedList("events", "{country: CN, kind: MARKET}", Sort.ascending("DATE", node -> at(node, "date", "value")), 3,
                        "kind countries { code } date { value }", "market events involving China",
                        node -> "MARKET".equals(node.get("kind")) && maps(node, "countries").anyMatch(country -> "CN".equals(country.get("code")))),
                new PagedList("sources", "{kind: PUBLIC}", Sort.descending("DATE", node -> at(node, "date", "value")), 2,
                        "kind date { value }", "public documents", node -> "PUBLIC".equals(node.get("kind"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aSortedFilteredListIsPagedBothWaysFromThePage(PagedList list) {
        ReaderPage page = readerPage();
        Map<String, Object> firstAnswer = page.run(list.queryWithTheUnfilteredCount("first: " + list.pageSize()));
        Map<String, Object> first = map(firstAnswer, "page");
        int totalCount = (Integer) first.get("totalCount");
        assertThat(totalCount).as("%s: the filter (%s) narrows the knowledge base to more than one page", list.field(), list.filter())
                .isGreaterThan(list.pageSize()).isLessThan((Integer) map(firstAnswer, "unfiltered").get("totalCount"));
        assertThat(nodes(first)).as("%s: the first page", list.field()).hasSize(list.pageSize());
        assertThat(pageInfo(first)).as("%s: the first page's page info", list.field()).containsEntry("hasNextPage", true)
                .containsEntry("hasPreviousPage", false);

        Map<String, Object> second = map(page.run(list.query("first: " + list.pageSize() + ", after: \"" + pageInfo(first).get("endCursor") + "\"")), "page");
        assertThat(ids(second)).as("%s: the second page", list.field()).hasSize(Math.min(list.pageSize(), totalCount - list.pageSize()))
                .doesNotContainAnyElementsOf(ids(first));
        assertThat(pageInfo(second)).as("%s: the second page's page info", list.field()).containsEntry("hasPreviousPage", true)
                .containsEntry("hasNextPage", totalCount > 2 * list.pageSize());

        List<Map<String, Object>> both = new ArrayList<>(nodes(first));
        both.addAll(nodes(second));
        assertThat(both).as("%s: both pages by %s %s, then by id", list.field(), list.sort().field(), list.sort().direction())
                .isSortedAccordingTo(list.sort().comparator());
        assertThat(both).as("%s: every item %s", list.field(), list.filterSays()).allMatch(list.filterHolds());

        Map<String, Object> back = map(page.run(list.query("last: " + list.pageSize() + ", before: \"" + pageInfo(second).get("startCursor") + "\"")), "page");
        assertThat(ids(back)).as("%s: back before the second page", list.field()).isEqualTo(ids(first));
        assertThat(pageInfo(back)).as("%s: the page info paging back", list.field()).containsEntry("hasPreviousPage", false)
                .containsEntry("hasNextPage", true).containsEntry("startCursor", pageInfo(first).get("startCursor"))
                .containsEntry("endCursor", pageInfo(first).get("endCursor"));
        page.chromium.screenshot("graphiql-" + list.field() + "-paged-back");
    }

    /**
     * The company page example as written (Lynas: the sites it operates, the investments it received, its offtakes
     * as seller), then for Sojitz with variables typed in (the investments it made, a page of two and the next, with
     * the figures its sources disagree on; its offtakes as buyer).
     */
    @Test
    void theCompanyPageExampleAnswersFromThePage() {
        ReaderPage page = readerPage();
        String companyPage = example("companyPage");

        Map<String, Object> lynasPage = page.run(companyPage);
        Map<String, Object> lynas = map(lynasPage, "organization");
        assertThat(lynas).containsEntry("id", "lynas-rare-earths").containsEntry("name", "Lynas Rare Earths").containsEntry("nameJa", "ライナス")
                .containsEntry("kind", "Company").containsEntry("roles", List.of("MINER", "PROCESSOR")).containsEntry("parent", null)
                .containsEntry("investments", List.of()).containsEntry("disputes", List.of());
        assertThat(map(lynas, "country")).containsEntry("code", "AU").containsEntry("name", "Australia");
        assertThat(maps(lynas, "operatedDeposits")).extracting(d -> d.get("id"), d -> at(d, "country", "code")).containsExactly(tuple("mount-weld", "AU"));
        assertThat(maps(lynas, "operatedFacilities")).extracting(f -> f.get("id"), f -> f.get("stage"), f -> at(f, "country", "code"))
                .containsExactly(tuple("lynas-malaysia", "SEPARATION", "MY"), tuple("lynas-texas", "PROCESSING", "US"));
        assertThat(maps(lynas, "claims")).allMatch(claim -> at(claim, "source", "id") != null, "every claim names its source")
                .extracting(c -> at(c, "source", "id"), c -> at(c, "source", "kind"), c -> c.get("line"), c -> c.get("quote"))
                .contains(tuple("seed-000", "SEED", 148, "レアアース資源開発を行なう豪州ライナス社"), tuple("seed-004", "SEED", 2725, "豪州のLynas Rare"));
        assertThat(map(lynasPage, "investmentsReceived")).containsEntry("totalCount", 5);
        assertThat(ids(map(lynasPage, "investmentsReceived"))).as("the investments in Lynas, latest first, the undated last").containsExactly(
                "sojitz-jogmec-lynas-2023", "sojitz-jogmec-lynas-2022", "dod-dpa-lynas-texas-2021", "sojitz-jogmec-lynas-2011", "japan-lynas-equity-stake");
        assertThat(nodes(map(lynasPage, "offtakesAsSeller"))).extracting(o -> o.get("id"), o -> ids(maps(o, "buyers")))
                .containsExactly(tuple("lynas-japan-offtake", List.of("jogmec", "sojitz")),
                        tuple("lynas-japan-heavy-rare-earth-offtake", List.of("jogmec", "sojitz")));
        assertThat(map(lynasPage, "offtakesAsBuyer")).containsEntry("totalCount", 0);
        page.chromium.screenshot("graphiql-company-page-lynas");

        Map<String, Object> sojitzPage = page.run(companyPage, "{\"id\": \"sojitz\", \"investmentsFirst\": 2}");
        Map<String, Object> sojitz = map(sojitzPage, "organization");
        assertThat(sojitz).containsEntry("name", "Sojitz Corporation").containsEntry("nameJa", "双日").containsEntry("kind", "Company")
                .containsEntry("roles", List.of("TRADING_HOUSE", "FINANCIER")).containsEntry("operatedDeposits", List.of())
                .containsEntry("operatedFacilities", List.of());
        assertThat(map(sojitz, "country")).containsEntry("code", "JP").containsEntry("nameJa", "日本");
        assertThat(maps(sojitz, "investments")).as("the first page of Sojitz's investments, by id")
                .extracting(i -> i.get("id"), i -> at(i, "target", "id")).containsExactly(tuple("japan-lynas-equity-stake", "lynas-rare-earths"),
                        tuple("sojitz-jogmec-lynas-2011", "lynas-rare-earths"));
        assertThat(maps(maps(sojitz, "investments").toList().get(1), "disputes")).as("the 2011 financing: USD and JPY figures, a month and a day")
                .extracting(d -> d.get("field"), d -> d.get("kind")).containsExactly(tuple("amount", "DIFFERENT_CURRENCIES"), tuple("date", "NESTED_PERIODS"));
        assertThat(maps(sojitz, "claims")).extracting(c -> at(c, "source", "id"), c -> c.get("line"), c -> c.get("quote"))
                .contains(tuple("seed-000", 148, "日本の双日株式会社"));
        assertThat(nodes(map(sojitzPage, "offtakesAsBuyer"))).extracting(o -> o.get("id"), o -> ids(maps(o, "sellers")))
                .containsExactly(tuple("lynas-japan-offtake", List.of("lynas-rare-earths")),
                        tuple("lynas-japan-heavy-rare-earth-offtake", List.of("lynas-rare-earths")));
        assertThat(map(sojitzPage, "offtakesAsSeller")).containsEntry("totalCount", 0);
        assertThat(map(sojitzPage, "investmentsReceived")).containsEntry("totalCount", 0);

        Map<String, Object> sojitzNext = page.run(companyPage, "{\"id\": \"sojitz\", \"investmentsFirst\": 2, \"investmentsAfter\": \"sojitz-jogmec-lynas-2011\"}");
        assertThat(ids(maps(map(sojitzNext, "organization"), "investments"))).as("the next page of Sojitz's investments")
                .containsExactly("sojitz-jogmec-lynas-2022", "sojitz-jogmec-lynas-2023");
        page.chromium.screenshot("graphiql-company-page-sojitz");
    }

    /**
     * The mineral page example as written (neodymium: its groups, the sites producing it, what restricts it, the
     * figures and the route to Japan, its evidence), then for the light rare earths with its members.
     */
    @Test
    void theMineralPageExampleAnswersFromThePage() {
        ReaderPage page = readerPage();
        String mineralPage = example("mineralPage");

        Map<String, Object> neodymiumPage = page.run(mineralPage);
        Map<String, Object> neodymium = map(neodymiumPage, "mineral");
        assertThat(neodymium).containsEntry("id", "neodymium").containsEntry("name", "Neodymium").containsEntry("nameJa", "ネオジム")
                .containsEntry("kind", "ELEMENT").containsEntry("symbol", "Nd").containsEntry("members", List.of());
        assertThat(maps(neodymium, "partOf")).extracting(g -> g.get("id"), g -> ids(maps(g, "partOf")))
                .containsExactly(tuple("light-rare-earth-elements", List.of("rare-earth-elements")));
        assertThat(maps(neodymium, "claims")).extracting(c -> at(c, "source", "id"), c -> at(c, "source", "kind"), c -> c.get("line"),
                c -> c.get("quote"), c -> c.get("statement")).contains(tuple("iupac-periodic-table", "PUBLIC", null, null, "chemical element Neodymium (Nd)"),
                        tuple("seed-000", "SEED", 92, "ネオジウム", null));

        // the sites state the rare earths, or neodymium itself (the Bitterfeld recycling plant): both produce it
        assertThat(ids(map(neodymiumPage, "deposits"))).containsExactly("dong-pao", "lkab-kiruna-rare-earth-deposit", "mount-weld", "mountain-pass",
                "minamitorishima-rare-earth-mud");
        assertThat(ids(map(neodymiumPage, "facilities"))).containsExactly("heraeus-remloy-bitterfeld-recycling-plant", "lynas-malaysia", "lynas-texas");

        // a group's controls cover its members: China's rare-earth quotas and taxes restrict neodymium, which they do not name
        Map<String, Object> controls = map(neodymiumPage, "exportControls");
        assertThat(controls).containsEntry("totalCount", 22);
        assertThat(nodes(controls)).allMatch(control -> "CN".equals(at(control, "imposer", "code")), "imposed by China")
                .noneMatch(control -> ids(maps(control, "minerals")).contains("neodymium"))
                .extracting(control -> control.get("id"), control -> ids(maps(control, "minerals")))
                .contains(tuple("china-rare-earth-export-tax", List.of("rare-earth-elements")),
                        tuple("china-rare-earth-export-quota-2010", List.of("rare-earth-elements")));

        Map<String, Object> statistics = map(neodymiumPage, "statistics");
        assertThat(statistics).containsEntry("totalCount", 51);
        assertThat(nodes(statistics)).as("the statistics, latest year first").isSortedAccordingTo(Sort.descending("YEAR", s -> s.get("year")).comparator())
                .extracting(s -> s.get("id"), s -> s.get("measure"), s -> at(s, "country", "code"), s -> s.get("year"), s -> s.get("value"))
                .contains(tuple("china-neodymium-mining-share", "PRODUCTION_SHARE", "CN", 2023, 68.3),
                        tuple("china-lree-mining-share", "PRODUCTION_SHARE", "CN", 2023, 68.3));

        Map<String, Object> concentration = map(neodymiumPage, "supplyConcentration");
        assertThat(maps(concentration, "routes")).filteredOn(route -> "lynas-japan-offtake".equals(at(route, "offtake", "id"))).singleElement()
                .satisfies(route -> assertThat(maps(route, "stages")).extracting(s -> s.get("stage"), s -> s.get("country"), s -> at(s, "site", "id"))
                        .containsExactly(tuple("MINING", "AU", "mount-weld"), tuple("SEPARATION", "MY", "lynas-malaysia")));
        assertThat(maps(concentration, "stages")).extracting(s -> s.get("stage"),
                s -> maps(s, "countries").map(c -> c.get("country") + " " + ((Number) c.get("routeShare")).doubleValue()).toList())
                .containsExactly(tuple("MINING", List.of("AU 100.0")), tuple("SEPARATION", List.of("MY 100.0")));
        page.chromium.screenshot("graphiql-mineral-page-neodymium");

        Map<String, Object> lightRareEarths = map(page.run(mineralPage, "{\"id\": \"light-rare-earth-elements\"}"), "mineral");
        assertThat(lightRareEarths).containsEntry("kind", "GROUP").containsEntry("nameJa", "軽希土類");
        assertThat(ids(maps(lightRareEarths, "members"))).containsExactly("cerium", "lanthanum", "neodymium", "praseodymium", "samarium");
        assertThat(ids(maps(lightRareEarths, "partOf"))).containsExactly("rare-earth-elements");
    }

    /** A list field of Query, how the test filters and sorts it, the page size and what every item must show. */
    record PagedList(String field, String filter, Sort sort, int pageSize, String nodeFields, String filterSays,
            Predicate<Map<String, Object>> filterHolds) {

        /** The list with the paging arguments, its filter and order, aliased {@code page}. */
        String query(String paging) {
            return "{ " + page(paging) + " }";
        }

        /** As {@link #query}, with the count of the whole list beside it, to show that the filter narrows it. */
        String queryWithTheUnfilteredCount(String paging) {
            return "{ " + page(paging) + " unfiltered: " + field + " { totalCount } }";
        }

        private String page(String paging) {
            return "page: " + field + "(" + paging + ", filter: " + filter + ", orderBy: {field: " + sort.field() + ", direction: " + sort.direction()
                    + "}) { totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { node { id " + nodeFields + " } } }";
        }

        @Override
        public String toString() {
            return field;
        }
    }

    /**
     * An order as the schema defines it: by a value of each item, then by id, in one direction; items without the
     * value last either way.
     */
    record Sort(String field, boolean descending, Function<Map<String, Object>, @Nullable Object> value) {

        static Sort ascending(String field, Function<Map<String, Object>, @Nullable Object> value) {
            return new Sort(field, false, value);
        }

        static Sort descending(String field, Function<Map<String, Object>, @Nullable Object> value) {
            return new Sort(field, true, value);
        }

        String direction() {
            return descending ? "DESC" : "ASC";
        }

        Comparator<Map<String, Object>> comparator() {
            Comparator<Object> inDirection = descending ? (a, b) -> compare(b, a) : Sort::compare;
            return Comparator.comparing(value, Comparator.nullsLast(inDirection)).thenComparing(node -> node.get("id"), inDirection);
        }

        /** Numbers by value (JSON gives whole numbers as Integer or Long), text and ISO dates as text. */
        private static int compare(Object a, Object b) {
            return a instanceof Number x && b instanceof Number y ? Double.compare(x.doubleValue(), y.doubleValue()) : a.toString().compareTo(b.toString());
        }
    }

    /** GraphiQL in the shared browser, the reader key typed into its headers editor, and its run button. */
    private record ReaderPage(HeadlessChromium chromium, WebElement runButton) {

        Map<String, Object> run(String query) {
            return run(query, "");
        }

        /**
         * Puts the query and the variables (JSON, or empty) into their editors, runs it and reads the answer's data
         * from the result pane, failing on any error.
         */
        Map<String, Object> run(String query, String variables) {
            WebDriver page = chromium.driver();
            script(page, "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])", query);
            // the variables editor is the one the headers tab hides
            script(page, "document.querySelector('.graphiql-editor-tool .graphiql-editor.hidden .CodeMirror').CodeMirror.setValue(arguments[0])", variables);
            script(page, "document.querySelector('.result-window .CodeMirror').CodeMirror.setValue('')");
            // GraphiQL sends the operation name it last read from the editor, 100 ms after a change: wait for this one's
            String operationName = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0).getName();
            chromium.waitUntil("GraphiQL reading the operation's name", d -> Objects.equals(operationName, script(d,
                    "return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.operationName ?? null")));
            runButton.click();
            String json = chromium.waitUntil("the answer in the result pane",
                    d -> result(d).contains("\"data\"") || result(d).contains("\"errors\"") ? result(d) : null);
            assertThat(json).as("the answer to %s", query).doesNotContain("\"errors\"");
            return map(JSON.readValue(json, MAP), "data");
        }
    }

    /** The shared page, opened (and the key typed in) by the first test that needs it. */
    private ReaderPage readerPage() {
        if (readerPage == null) {
            HeadlessChromium chromium = HeadlessChromium.start();
            chromium.driver().get("http://localhost:" + port + "/graphiql");
            WebElement run = findRunButton(chromium);
            typeTheKey(chromium);
            readerPage = new ReaderPage(chromium, run);
        }
        return readerPage;
    }

    private static WebElement findRunButton(HeadlessChromium chromium) {
        return chromium.waitUntil("GraphiQL's run button", d -> d.findElements(By.cssSelector(".graphiql-execute-button")).stream().findFirst().orElse(null));
    }

    /** The user clicks into the headers editor and types the key, as JSON. */
    private static WebElement typeTheKey(HeadlessChromium chromium) {
        WebElement headers = chromium.waitUntil("the headers editor", d -> d.findElements(By.cssSelector(
                ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")).stream().findFirst().orElse(null));
        new Actions(chromium.driver()).click(headers).sendKeys("{\"Authorization\": \"" + TestKeys.bearer(Role.READER) + "\"}").perform();
        return headers;
    }

    /** An example document of graphql/examples, as frontend teams read it. */
    private static String example(String name) {
        return Objects.requireNonNull(EXAMPLES.getDocument(name).block(), name);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() { };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> object, String field) {
        return (Map<String, Object>) Objects.requireNonNull(object.get(field), field);
    }

    /** The objects of a list field. */
    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> maps(Map<String, Object> object, String field) {
        return ((List<Map<String, Object>>) Objects.requireNonNull(object.get(field), field)).stream();
    }

    /** The value at a path of fields, null where any of them is. */
    @SuppressWarnings("unchecked")
    private static @Nullable Object at(Map<String, Object> object, String... path) {
        Object value = object;
        for (String field : path) {
            value = value == null ? null : ((Map<String, Object>) value).get(field);
        }
        return value;
    }

    private static Map<String, Object> pageInfo(Map<String, Object> connection) {
        return map(connection, "pageInfo");
    }

    private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
        return maps(connection, "edges").map(edge -> map(edge, "node")).toList();
    }

    private static List<Object> ids(Map<String, Object> connection) {
        return ids(nodes(connection).stream());
    }

    private static List<Object> ids(Stream<Map<String, Object>> objects) {
        return objects.map(object -> object.get("id")).toList();
    }

    /** The groups a mineral belongs to, directly and through them. */
    private static List<Object> groups(Map<String, Object> mineral) {
        return maps(mineral, "partOf").flatMap(group -> Stream.concat(Stream.of(group.get("id")), ids(maps(group, "partOf")).stream())).toList();
    }

    /** Its name, Japanese name and aliases, in lower case: what a name filter matches. */
    private static Stream<String> names(Map<String, Object> entity) {
        Stream<Object> names = Stream.concat(Stream.of(entity.get("name"), entity.get("nameJa")), entity.get("aliases") instanceof List<?> aliases
                ? aliases.stream().map(Object.class::cast) : Stream.empty());
        return names.filter(Objects::nonNull).map(name -> name.toString().toLowerCase(Locale.ROOT));
    }

    private static boolean fromTheService(String url, int port) {
        if (url.startsWith("data:") || url.startsWith("blob:")) {
            return true; // inline, nothing leaves the page
        }
        if (url.startsWith("chrome://") || url.startsWith("chrome-untrusted://")) {
            return true; // the fresh profile's new-tab page, served by the browser itself (Chromium 150 also asks chrome-untrusted://)
        }
        URI uri = URI.create(url);
        return ("http".equals(uri.getScheme()) || "ws".equals(uri.getScheme())) && "localhost".equals(uri.getHost()) && uri.getPort() == port;
    }

    private static String result(WebDriver page) {
        return page.findElements(By.cssSelector(".result-window .CodeMirror")).stream().findFirst()
                .map(editor -> String.valueOf(script(page, "return arguments[0].CodeMirror.getValue()", editor))).orElse("");
    }

    private static @Nullable Object script(WebDriver page, String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }
}
