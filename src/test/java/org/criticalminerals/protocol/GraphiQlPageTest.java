package org.criticalminerals.protocol;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
