package org.criticalminerals.curation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --cmg.curation-report=true}: prints the curation report after the knowledge base is loaded and
 * exits (non-zero when a fact has no source). {@code tools/curation-report} runs it on a throw-away store.
 */
@Component
@Order(Integer.MAX_VALUE) // after the knowledge base has loaded
@ConditionalOnProperty(name = "cmg.curation-report", havingValue = "true")
class CurationReportCommand implements ApplicationRunner {

    private final CurationReport report;

    private final ApplicationContext context;

    CurationReportCommand(CurationReport report, ApplicationContext context) {
        this.report = report;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.println(report.render());
        boolean sound = report.facts() > 0 && report.unsourcedFacts() == 0;
        System.exit(SpringApplication.exit(context, () -> sound ? 0 : 2));
    }
}
