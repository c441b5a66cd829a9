package org.criticalminerals.database;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver logs through SLF4J, in both run modes. Its default (System.Logger) formats every Bolt message it
 * sends, parameters included, before the level is checked: on a 5,000-record import chunk that was a large
 * share of the CPU (see docs/performance.md). SLF4J's logger checks the level first.
 */
@Configuration(proxyBeanMethods = false)
class DriverLoggingConfiguration {

    @Bean
    ConfigBuilderCustomizer slf4jDriverLogging() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
