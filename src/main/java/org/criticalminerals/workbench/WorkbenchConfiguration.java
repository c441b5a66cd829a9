package org.criticalminerals.workbench;

import org.criticalminerals.limits.BudgetedPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analysts' tools that every run mode serves. */
@Configuration(proxyBeanMethods = false)
class WorkbenchConfiguration {

    /**
     * {@code POST /cypher} runs under the read budget like GraphQL; not probed for a vanished client, since
     * a CSV answer cannot start with white space (its transaction still ends at the timeout).
     */
    @Bean
    BudgetedPath cypherBudget() {
        return new BudgetedPath(CypherController.PATH, false);
    }
}
