package org.criticalminerals.workbench;

import jakarta.servlet.http.HttpServletRequest;
import org.criticalminerals.database.GraphProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Neo4j Browser at {@code /browser/}, from the {@code org.neo4j.client:neo4j-browser} jar (its files under
 * {@code browser/}, nothing from the internet), in embedded mode only: it connects from the analyst's web
 * browser to this process's Bolt port over WebSocket, as user neo4j with the Bolt password. Opening
 * {@code /browser/} fills in that address ({@code ?dbms=bolt://host:port}, user name and password method);
 * Browser's own link parameters pass through ({@code ?cmd=edit&arg=MATCH …} puts a statement in its editor).
 * Off with {@code CMG_BROWSER=false}.
 */
@Controller
@ConditionalOnProperty(name = "cmg.mode", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnBooleanProperty("cmg.workbench.browser.enabled")
class Neo4jBrowser implements WebMvcConfigurer {

    static final String PATH = "/browser/";

    private final GraphProperties.Embedded embedded;

    Neo4jBrowser(GraphProperties properties) {
        this.embedded = properties.embedded();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/browser/");
    }

    /** The page, with the Bolt address to connect to filled in unless the link already names one. */
    @GetMapping({ "/browser", PATH })
    String page(@RequestParam(name = "dbms", required = false) @Nullable String dbms, HttpServletRequest request) {
        if (dbms != null || request.getParameter("connectURL") != null) {
            return "forward:" + PATH + "index.html";
        }
        // keep what the link asks for (cmd=edit&arg=MATCH …, db=…)
        return "redirect:" + UriComponentsBuilder.fromPath(PATH).query(request.getQueryString()).queryParam("dbms", boltAddress(request))
                .queryParam("preselectAuthMethod", "NATIVE").build().toUriString();
    }

    /** Where the analyst's web browser reaches Bolt: this host when Bolt listens on every address. */
    private String boltAddress(HttpServletRequest request) {
        String host = embedded.boltAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = request.getServerName();
        }
        return "bolt://" + host + ":" + embedded.boltPort();
    }
}
