package org.criticalminerals.api;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Spring for GraphQL's schema inspection at start-up ({@code spring.graphql.schema.inspection.enabled}), kept in place of
 * Boot's own log line: every schema field must map to a controller method, a
 * typed data fetcher or a component of the record returned. An incomplete report is logged as a warning (a clean one
 * at INFO), and {@code SchemaInspectionTest} fails on it.
 */
@Component
@ConditionalOnBooleanProperty("spring.graphql.schema.inspection.enabled")
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Log log = LogFactory.getLog(SchemaInspection.class);

    private volatile @Nullable SchemaReport report;

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(report -> {
            this.report = report;
            if (complete(report)) {
                log.info("GraphQL schema inspection: every field is mapped");
            }
            else {
                log.warn(report);
            }
        });
    }

    /** The report of the schema built at start-up; empty before it was built. */
    public java.util.Optional<SchemaReport> report() {
        return java.util.Optional.ofNullable(report);
    }

    private static boolean complete(SchemaReport report) {
        return report.unmappedFields().isEmpty() && report.unmappedRegistrations().isEmpty() && report.unmappedArguments().isEmpty()
                && report.skippedTypes().isEmpty() && report.fieldNullnessErrors().isEmpty() && report.argumentNullnessErrors().isEmpty();
    }
}
