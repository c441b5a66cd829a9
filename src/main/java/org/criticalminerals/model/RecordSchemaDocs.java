package org.criticalminerals.model;

import java.util.ArrayList;
import java.util.List;

import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;

/**
 * The field tables of {@code docs/knowledge-base.md}, rendered from {@link RecordSchema} (a test keeps the
 * document's generated section equal to this).
 */
public final class RecordSchemaDocs {

    public static final String BEGIN = "<!-- record types: generated from RecordSchema by RecordSchemaDocs; do not edit by hand -->";

    public static final String END = "<!-- end of record types -->";

    private RecordSchemaDocs() {
    }

    public static String render() {
        StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
        for (TypeSpec spec : RecordSchema.types()) {
            md.append("### `").append(spec.type()).append("`\n\n").append(spec.description()).append(' ').append(shape(spec)).append("\n\n");
            md.append("| field | kind | required | meaning |\n|---|---|---|---|\n");
            if (spec.shape() != Shape.RELATIONSHIP) {
                md.append("| `name` | text | when creating | English name |\n| `nameJa` | text | | Japanese name |\n")
                        .append("| `aliases` | list of texts | | other names and spellings, in either language |\n");
            }
            for (ValueField field : spec.values().values()) {
                md.append("| `").append(field.name()).append("` | ").append(kind(field)).append(" | ").append(field.required() ? "yes" : "")
                        .append(" | ").append(cell(field.description())).append(field.unitField() == null ? "" : " (unit: `" + field.unitField() + "`)")
                        .append(" |\n");
            }
            for (Reference reference : spec.references()) {
                md.append("| `").append(reference.field()).append("` | ").append(reference.many() ? "ids of " : "id of ")
                        .append(String.join(" or ", reference.targetTypes()));
                if (!reference.itemFields().isEmpty()) {
                    List<String> details = new ArrayList<>();
                    reference.itemFields().forEach(f -> details.add("`" + f.name() + "` (" + kind(f) + ")"));
                    md.append(", each an id or `{party: id, ").append(String.join(", ", reference.itemFields().stream().map(ValueField::name).toList()))
                            .append("}` with ").append(String.join(", ", details));
                }
                md.append(" | ").append(reference.required() ? "yes" : "").append(" | ").append(cell(reference.description()))
                        .append(reference.relationship() == null ? "" : " → `" + relationship(spec, reference) + "`").append(" |\n");
            }
            if (!spec.validity().from().isEmpty() || !spec.validity().to().isEmpty()) {
                md.append("\nValidity when no `validFrom`/`validTo` is given: from ").append(list(spec.validity().from()))
                        .append(", to ").append(list(spec.validity().to())).append(".\n");
            }
            if (!spec.orderedDates().isEmpty()) {
                md.append("\nDates in order: ").append(String.join("; ", spec.orderedDates().stream()
                        .map(p -> "`" + p.get(0) + "` not after `" + p.get(1) + "`").toList())).append(".\n");
            }
            md.append('\n');
        }
        return md.append(END).toString();
    }

    private static String shape(TypeSpec spec) {
        return switch (spec.shape()) {
            case SOURCE -> "Becomes a `(:Source)` node; it is cited and cites nothing.";
            case NODE -> "Becomes a `(:" + spec.type() + ")` node" + (spec.labelsByKind().isEmpty() ? "" : " with its kind as a second label")
                    + ", with one `(:Claim)` per citation.";
            case RELATIONSHIP -> "Becomes a relationship `(from)-[:SUPPLIES]->(to)` carrying its id and claims.";
        };
    }

    private static String relationship(TypeSpec spec, Reference reference) {
        return reference.outgoing() ? "(:" + spec.type() + ")-[:" + reference.relationship() + "]->"
                : "()-[:" + reference.relationship() + "]->(:" + spec.type() + ")";
    }

    private static String kind(ValueField field) {
        return switch (field.kind()) {
            case TEXT -> field.commentary() ? "text (commentary)" : "text";
            case TEXT_LIST -> "list of texts";
            case NUMBER -> "number ≥ 0";
            case SIGNED_NUMBER -> "number";
            case PERCENT -> "percent (0–100)";
            case INTEGER -> "whole number";
            case BOOLEAN -> "true/false";
            case DATE -> "date (YYYY, YYYY-MM or YYYY-MM-DD)";
            case CURRENCY -> "ISO 4217 code";
            case ENUM -> "one of " + codes(field.allowed());
            case ENUM_LIST -> "list of " + codes(field.allowed());
        };
    }

    private static String codes(List<String> values) {
        return String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
    }

    private static String list(List<String> fields) {
        return fields.isEmpty() ? "nothing" : "the first of " + String.join(", ", fields.stream().map(f -> "`" + f + "`").toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
