package org.criticalminerals.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record-type tables of {@code docs/knowledge-base.md} are the record schema's own: rendered by
 * {@link RecordSchemaDocs}. Run with {@code -Dcmg.regenerate=true} to rewrite the section.
 */
class RecordSchemaDocsTest {

    private static final Path DOC = Path.of("docs/knowledge-base.md");

    @Test
    void theDocumentedRecordTypesAreTheRecordSchema() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(RecordSchemaDocs.BEGIN);
        int end = doc.indexOf(RecordSchemaDocs.END);
        assertThat(begin).as("the generated section's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String rendered = RecordSchemaDocs.render();
        String current = doc.substring(begin, end + RecordSchemaDocs.END.length());
        if (Boolean.getBoolean("cmg.regenerate")) {
            Files.writeString(DOC, doc.substring(0, begin) + rendered + doc.substring(end + RecordSchemaDocs.END.length()));
            current = rendered;
        }
        assertThat(current).as("docs/knowledge-base.md is stale: run ./mvnw -q test -Dtest=RecordSchemaDocsTest -Dcmg.regenerate=true")
                .isEqualTo(rendered);
        for (RecordSchema.TypeSpec type : RecordSchema.types()) {
            assertThat(rendered).contains("### `" + type.type() + "`");
            type.values().keySet().forEach(field -> assertThat(rendered).contains("| `" + field + "` |"));
        }
    }
}
