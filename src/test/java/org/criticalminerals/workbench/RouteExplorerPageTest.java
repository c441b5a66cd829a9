package org.criticalminerals.workbench;

import java.util.List;
import java.util.Map;

import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The route explorer in headless Chromium, as an analyst uses it: search "Lynas", pick Lynas Rare Earths,
 * see its supply route (Mount Weld in Australia → the Malaysian separation plant → the Japanese offtake),
 * the investments in it and who buys, with countries coloured; mark Malaysia as avoided; click the offtake
 * and read its sources, line and quote. Everything the page loads comes from the service.
 */
class RouteExplorerPageTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void lynasRouteIsDrawnWithItsSources() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            String origin = "http://localhost:" + port;
            page.get(origin + "/explorer/");
            page.findElement(By.id("search-text")).sendKeys("Lynas", Keys.ENTER);
            chromium.waitUntil("a search hit for Lynas Rare Earths", d -> d.findElements(By.cssSelector("#results button[data-id='lynas-rare-earths']")).stream().findFirst()
                    .orElse(null)).click();
            chromium.waitUntil("the graph of Lynas", d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));

            List<Map<String, Object>> edges = script(page, "return window.cmgExplorer.edges()");
            assertThat(edges).extracting(e -> e.get("source"), e -> e.get("target"), e -> e.get("label")).contains(
                    tuple("mount-weld", "lynas-malaysia", "supplies"), tuple("lynas-malaysia", "lynas-japan-offtake", "route"),
                    tuple("lynas-rare-earths", "lynas-japan-offtake", "sells"), tuple("lynas-japan-offtake", "sojitz", "buys"),
                    tuple("sojitz-jogmec-lynas-2011", "lynas-rare-earths", "in"));
            List<Map<String, Object>> nodes = script(page, "return window.cmgExplorer.nodes()");
            assertThat(nodes).extracting(n -> n.get("id"), n -> n.get("country"))
                    .contains(tuple("mount-weld", "AU"), tuple("lynas-malaysia", "MY"), tuple("sojitz", "JP"));
            assertThat(nodes).noneMatch(n -> Boolean.TRUE.equals(n.get("avoided"))); // avoiding China: none of this lies there

            WebElement avoid = page.findElement(By.id("avoid"));
            avoid.clear();
            avoid.sendKeys("MY");
            chromium.waitUntil("Lynas Malaysia marked as avoided", d -> RouteExplorerPageTest.<List<Map<String, Object>>>script(d, "return window.cmgExplorer.nodes()").stream()
                    .anyMatch(n -> n.get("id").equals("lynas-malaysia") && Boolean.TRUE.equals(n.get("avoided"))));
            assertThat(page.findElement(By.id("legend")).getText()).contains("MY (avoided)").contains("AU");

            click(page, "lynas-japan-offtake");
            WebElement details = chromium.waitUntil("the offtake's sources", d -> {
                WebElement panel = d.findElement(By.id("details"));
                return "ready".equals(panel.getDomAttribute("data-state")) ? panel : null;
            });
            assertThat(details.getText()).contains("Lynas rare-earth supply to the Japanese market").contains("seed-000, line 148")
                    .contains("10年間に亘り年間8,500トン以上のレアアース製品を供給する長期契約を締結した").contains("seed-001, line 171");
            chromium.screenshot("route-explorer-lynas");

            List<String> resources = script(page, "return performance.getEntriesByType('resource').map(r => r.name)");
            assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith(origin), "loaded from the service itself");
        }
    }

    /** Every kind of entity the explorer knows opens, each drawn with what surrounds it. */
    @Test
    void everyKindOfEntityOpens() {
        Map<String, String> entities = Map.of("MY", "Country", "rare-earth-elements", "Mineral", "lynas-malaysia", "Facility",
                "mount-weld", "Deposit", "lynas-japan-offtake", "Offtake", "sojitz-jogmec-lynas-2011", "Investment",
                "minerals-security-partnership", "Agreement");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            entities.forEach((id, kind) -> {
                page.get("http://localhost:" + port + "/explorer/?id=" + id);
                String state = chromium.waitUntil(kind + " " + id, d -> {
                    String now = d.findElement(By.tagName("body")).getDomAttribute("data-state");
                    return "ready".equals(now) || "error".equals(now) ? now : null;
                });
                assertThat(state).as(id + ": " + page.findElement(By.id("status")).getText()).isEqualTo("ready");
                List<Map<String, Object>> nodes = script(page, "return window.cmgExplorer.nodes()");
                assertThat(nodes).as(id).hasSizeGreaterThan(1).anyMatch(n -> n.get("id").equals(id) && n.get("kind").equals(kind));
            });
        }
    }

    /** A real click on the node where the canvas draws it. */
    private static void click(WebDriver page, String nodeId) {
        Map<String, Object> at = script(page, "return window.cmgExplorer.position(arguments[0])", nodeId);
        WebElement canvas = page.findElement(By.id("graph"));
        int x = (int) Math.round(((Number) at.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int y = (int) Math.round(((Number) at.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(page).moveToElement(canvas, x, y).click().perform();
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(WebDriver page, String script, Object... arguments) {
        return (T) ((JavascriptExecutor) page).executeScript(script, arguments);
    }
}
