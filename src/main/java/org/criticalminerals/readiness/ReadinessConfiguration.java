package org.criticalminerals.readiness;

import org.criticalminerals.api.HttpErrorBodies;
import org.criticalminerals.database.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReadinessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadinessConfiguration.class);

    /** First of all filters: a request that cannot be answered yet costs nothing further. */
    @Bean
    FilterRegistrationBean<StartupGate> startupGate(ApplicationAvailability availability, DatabaseAvailability database, HttpErrorBodies errors,
            GraphQlProperties graphQl) {
        var registration = new FilterRegistrationBean<>(new StartupGate(availability, database, errors, graphQl.getHttp().getPath()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** One line when the service is ready, with where to go. */
    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            Environment environment = event.getApplicationContext().getEnvironment();
            log.info(ReadyLine.of(environment, web.getWebServer().getPort()));
        }
    }
}
