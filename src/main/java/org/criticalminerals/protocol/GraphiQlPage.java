package org.criticalminerals.protocol;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}: the page in {@code static/graphiql/}, GraphiQL and React from their WebJars in
 * the service's jar, so it works with no internet (Spring for GraphQL's own page loads them from a CDN and is
 * off). Where reads need a key, the user puts it in GraphiQL's headers editor.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlPage implements WebMvcConfigurer {

    static final String PATH = "/graphiql";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
        registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
    }
}
