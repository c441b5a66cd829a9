package org.criticalminerals.curation;

import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --cmg.curation-report=true}: prints the curation report after the knowledge base is loaded and
 * exits (non-zero when a fact has no source). {@code tools/curation-report [REVISION]} runs it on a throw-away
 * store, comparing facts per document with the files of an earlier git revision when given one.
 */
@Component
@Order(Integer.MAX_VALUE) // after the knowledge base has loaded
@ConditionalOnProperty(name = "cmg.curation-report", havingValue = "true")
class CurationReportCommand implements ApplicationRunner {

    private final CurationReport report;

    private final ApplicationContext context;

    private final Environment environment;

    CurationReportCommand(CurationReport report, ApplicationContext context, Environment environment) {
        this.report = report;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String previous = environment.getProperty("cmg.curation-report.previous");
        System.out.println(report.render(previous == null ? null
                : new CurationReport.Revisions(Path.of(environment.getProperty("cmg.curation-report.current", "knowledge-base")), Path.of(previous),
                        environment.getProperty("cmg.curation-report.previous-name", previous))));
        boolean sound = report.facts() > 0 && report.unsourcedFacts() == 0;
        System.exit(SpringApplication.exit(context, () -> sound ? 0 : 2));
    }
}
