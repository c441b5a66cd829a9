package org.criticalminerals.workbench;

import org.criticalminerals.limits.BudgetedPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The analysts' tools that every run mode serves: {@code POST /cypher}, and the route explorer at
 * {@code /explorer/} (static files in {@code static/explorer/}, cytoscape from its WebJar; it reads through
 * GraphQL only).
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchConfiguration implements WebMvcConfigurer {

    static final String EXPLORER = "/explorer/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/explorer", EXPLORER);
        registry.addViewController(EXPLORER).setViewName("forward:" + EXPLORER + "index.html");
    }

    /**
     * {@code POST /cypher} runs under the read budget like GraphQL; not probed for a vanished client, since
     * a CSV answer cannot start with white space (its transaction still ends at the timeout).
     */
    @Bean
    BudgetedPath cypherBudget() {
        return new BudgetedPath(ReadOnlyCypher.PATH, false);
    }
}
