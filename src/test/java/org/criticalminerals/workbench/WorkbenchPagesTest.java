package org.criticalminerals.workbench;

import java.time.Duration;

import org.criticalminerals.database.GraphProperties;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as served: the explorer in every mode, from the service's own files (no other host named);
 * Neo4j Browser only in embedded mode and only when enabled (the embedded Browser itself is tried in
 * EmbeddedModeRestartTest).
 */
class WorkbenchPagesTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void theExplorerIsServedFromTheJarAndNamesNoOtherHost() {
        Http.Response page = Http.get(port, "/explorer/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Route explorer").doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        assertThat(Http.get(port, "/explorer", null).status()).isEqualTo(302);
        assertThat(Http.get(port, "/explorer/explorer.js", null).body()).doesNotContain("http://").doesNotContain("https://");
        Http.Response cytoscape = Http.get(port, "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", null);
        assertThat(cytoscape.status()).as("the WebJar version in index.html must match the pom's").isEqualTo(200);
    }

    @Test
    void theBrowserIsNotServedInServerMode() {
        assertThat(Http.get(port, "/browser/", null).status()).isEqualTo(404);
        assertThat(Http.get(port, "/browser/index.html", null).status()).isEqualTo(404);
    }

    @Test
    void theBrowserIsOnlyInEmbeddedModeAndOnlyWhenEnabled() {
        GraphProperties properties = new GraphProperties(GraphProperties.Mode.EMBEDDED, new GraphProperties.Embedded("data", "localhost", 7687,
                "16m", "", false, false, Duration.ofMinutes(5)), new GraphProperties.KnowledgeBase(false, "classpath:knowledge-base/"));
        WebApplicationContextRunner runner = new WebApplicationContextRunner().withBean(GraphProperties.class, () -> properties)
                .withUserConfiguration(Neo4jBrowser.class);
        runner.withPropertyValues("cmg.mode=embedded", "cmg.workbench.browser.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(Neo4jBrowser.class));
        runner.withPropertyValues("cmg.mode=embedded", "cmg.workbench.browser.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Neo4jBrowser.class));
        runner.withPropertyValues("cmg.mode=server", "cmg.workbench.browser.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(Neo4jBrowser.class));
    }
}
