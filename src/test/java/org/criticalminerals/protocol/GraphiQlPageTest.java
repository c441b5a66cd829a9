package org.criticalminerals.protocol;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.HeadlessChromium;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in headless Chromium where reads need a key: the page loads from the service alone (every request
 * the browser makes goes to the service), a query run without a key is refused, and after the user types the
 * key into the headers editor the same query shows its data in the result pane.
 */
@TestPropertySource(properties = { "cmg.security.read-access=reader", ProtectedProtocolTest.CORS })
class GraphiQlPageTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aQueryRunsFromThePageWithTheKeyInTheHeadersEditor() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            String origin = "http://localhost:" + port;
            String query = "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id route { countries } } } } }";
            page.get(origin + "/graphiql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            WebElement run = chromium.waitUntil("GraphiQL's run button", d -> d.findElements(By.cssSelector(".graphiql-execute-button")).stream()
                    .findFirst().orElse(null));

            run.click();
            chromium.waitUntil("the refusal of a query without a key", d -> result(d).contains("UNAUTHENTICATED"));

            // the user clicks into the headers editor and types the key, as JSON
            WebElement headers = chromium.waitUntil("the headers editor", d -> d.findElements(By.cssSelector(
                    ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")).stream().findFirst().orElse(null));
            new Actions(page).click(headers).sendKeys("{\"Authorization\": \"" + TestKeys.bearer(Role.READER) + "\"}").perform();
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
     * A frontend builds a list in the page: organizations whose name starts with "j", in Japan or Australia, by
     * name descending, three at a time; forward with the end cursor of the first page, and back from there with the
     * start cursor of the second, which gives the first page again.
     */
    @Test
    void aSortedFilteredListIsPagedBothWaysFromThePage() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            page.get("http://localhost:" + port + "/graphiql");
            WebElement run = chromium.waitUntil("GraphiQL's run button", d -> d.findElements(By.cssSelector(".graphiql-execute-button")).stream()
                    .findFirst().orElse(null));
            WebElement headers = chromium.waitUntil("the headers editor", d -> d.findElements(By.cssSelector(
                    ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")).stream().findFirst().orElse(null));
            new Actions(page).click(headers).sendKeys("{\"Authorization\": \"" + TestKeys.bearer(Role.READER) + "\"}").perform();

            String list = "organizations(%s, filter: {name: {startsWith: \"j\"}, countryIn: [JP, AU]}, orderBy: {field: NAME, direction: DESC})"
                    + " { edges { node { id name } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } }";
            Map<String, Object> first = runInPage(chromium, run, "{ " + list.formatted("first: 3") + " }");
            String endCursor = (String) pageInfo(first).get("endCursor");
            assertThat(names(first)).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(pageInfo(first).get("hasNextPage")).isEqualTo(true);

            Map<String, Object> second = runInPage(chromium, run, "{ " + list.formatted("first: 3, after: \"" + endCursor + "\"") + " }");
            assertThat(names(second)).isNotEmpty().doesNotContainAnyElementsOf(names(first));
            assertThat(names(second).get(0)).isLessThanOrEqualTo(names(first).get(2));

            String startCursor = (String) pageInfo(second).get("startCursor");
            Map<String, Object> back = runInPage(chromium, run, "{ " + list.formatted("last: 3, before: \"" + startCursor + "\"") + " }");
            assertThat(names(back)).isEqualTo(names(first));
            chromium.screenshot("graphiql-organizations-paged-back");
        }
    }

    /** Puts the query into the editor, runs it and reads the answer from the result pane. */
    private Map<String, Object> runInPage(HeadlessChromium chromium, WebElement run, String query) {
        WebDriver page = chromium.driver();
        script(page, "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])", query);
        script(page, "document.querySelector('.result-window .CodeMirror').CodeMirror.setValue('')");
        run.click();
        String json = chromium.waitUntil("the organizations in the result pane", d -> result(d).contains("\"organizations\"") ? result(d) : null);
        assertThat(json).doesNotContain("\"errors\"");
        Map<String, Object> answer = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, MAP);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) answer.get("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> organizations = (Map<String, Object>) data.get("organizations");
        return organizations;
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() { };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> connection) {
        return (Map<String, Object>) connection.get("pageInfo");
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> connection) {
        return ((List<Map<String, Map<String, Object>>>) connection.get("edges")).stream().map(e -> (String) e.get("node").get("name")).toList();
    }

    private static boolean fromTheService(String url, int port) {
        if (url.startsWith("data:") || url.startsWith("blob:")) {
            return true; // inline, nothing leaves the page
        }
        if (url.startsWith("chrome://")) {
            return true; // the fresh profile's new-tab page, served by the browser itself before the test navigates
        }
        URI uri = URI.create(url);
        return ("http".equals(uri.getScheme()) || "ws".equals(uri.getScheme())) && "localhost".equals(uri.getHost()) && uri.getPort() == port;
    }

    private static String result(WebDriver page) {
        return page.findElements(By.cssSelector(".result-window .CodeMirror")).stream().findFirst()
                .map(editor -> String.valueOf(script(page, "return arguments[0].CodeMirror.getValue()", editor))).orElse("");
    }

    private static Object script(WebDriver page, String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }
}
