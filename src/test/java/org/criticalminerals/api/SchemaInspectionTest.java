package org.criticalminerals.api;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring for GraphQL's schema inspection over the running schema: every field of every type the API returns maps to
 * a controller method, a typed data fetcher or a component of the record returned, nullability included. A field
 * added to the SDL without a record component, or a record read as an untyped map, fails here (and logs at start-up).
 */
class SchemaInspectionTest extends GraphTestSupport {

    @Autowired
    SchemaInspection inspection;

    @Test
    void everyFieldOfTheSchemaIsMappedToATypedRecordOrDataFetcher() {
        assertThat(inspection.report()).as("the start-up inspection ran").isPresent();
        SchemaReport report = inspection.report().orElseThrow();
        assertThat(report.unmappedFields()).as("unmapped fields").isEmpty();
        assertThat(report.unmappedRegistrations()).as("registrations of no schema field").isEmpty();
        assertThat(report.unmappedArguments()).as("arguments of no schema field").isEmpty();
        assertThat(report.skippedTypes()).as("types the inspection could not see into").isEmpty();
        assertThat(report.fieldNullnessErrors()).as("fields whose nullability differs from the schema's").isEmpty();
        assertThat(report.argumentNullnessErrors()).as("arguments whose nullability differs from the schema's").isEmpty();
    }
}
