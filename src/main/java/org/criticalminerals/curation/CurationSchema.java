package org.criticalminerals.curation;

import java.util.Locale;
import java.util.function.BiFunction;

import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;

/**
 * The GraphQL inputs and mutations of curation ({@code graphql/curation.graphqls}), derived from
 * {@link RecordSchema}: for every record type a {@code <Type>Fields} input with its fields and references,
 * and {@code create<Type>} and {@code update<Type>}; one {@code retireFact}; one {@code removeBatch}. A test
 * keeps the file equal to what this renders, so the record schema and the mutations cannot drift apart.
 */
public final class CurationSchema {

    /** The enum type of an enum field, as the hand-written schema names it for the output type. */
    public interface EnumNames extends BiFunction<String, String, String> {
    }

    private CurationSchema() {
    }

    public static String render(EnumNames enumNames) {
        StringBuilder sdl = new StringBuilder("""
                # Generated from the record schema (org.criticalminerals.model.RecordSchema) by CurationSchema: do not edit.
                # Regenerate: ./mvnw -q test -Dtest=CurationSchemaTest -Dcmg.regenerate=true

                extend type Mutation {
                """);
        for (TypeSpec spec : RecordSchema.types()) {
            String type = spec.type();
            String what = article(spec.description());
            sdl.append("    \"\"\"\n    Creates ").append(what).append(spec.shape() == Shape.SOURCE
                    ? ", to be cited (a partner registers its own, of kind PARTNER).\n"
                    : " as a curator's statement with its sources (batch curation:<key name>; curators only).\n")
                    .append("    Fails with ALREADY_EXISTS if the id is taken.\n    \"\"\"\n")
                    .append("    create").append(type).append("(input: Create").append(type).append("Input!): CurationPayload!\n");
            sdl.append("    \"\"\"\n    Replaces this curator's statement about ").append(what).append(" with the given one; other sources' claims stay.\n")
                    .append(spec.shape() == Shape.NODE ? "    Fails with VERSION_CONFLICT when the fact changed since the version read.\n" : "")
                    .append("    \"\"\"\n    update").append(type).append("(input: Update").append(type).append("Input!): CurationPayload!\n");
        }
        sdl.append("""
                    "Retires a fact: it no longer holds. It keeps its history (who, when, why, the evidence); nothing is deleted."
                    retireFact(input: RetireFactInput!): CurationPayload!
                    "Removes a batch: its claims go and every fact they touched is recomputed from the claims that remain. Partners remove only their own batches."
                    removeBatch(input: RemoveBatchInput!): RemoveBatchPayload!
                }

                "Where a curator's statement comes from: a seed document (line and exact quote) or a public document (what was taken from it)."
                input CitationInput {
                    "The id of a Source."
                    source: ID!
                    "For a seed document: the line (1-based)."
                    line: Int
                    "For a seed document: the exact words on that line."
                    quote: String
                    "For a public document: what was taken from it, in English."
                    statement: String
                    "A curator's note."
                    note: String
                }

                "A fact to retire."
                input RetireFactInput {
                    "The fact."
                    id: ID!
                    "The version read; a newer one is a VERSION_CONFLICT."
                    version: Int!
                    "Why it no longer holds."
                    reason: String!
                    "The evidence that it no longer holds."
                    cite: [CitationInput!]!
                }

                "A batch to remove."
                input RemoveBatchInput {
                    "The batch name."
                    batch: String!
                }

                "The outcome of a curation mutation."
                type CurationPayload {
                    "The fact as it is now; null when the mutation was refused."
                    fact: Entity
                    "Its id."
                    id: ID
                    "Its version now."
                    version: Int
                    "Why it was refused; empty when it succeeded."
                    errors: [MutationError!]!
                }

                "The outcome of removing a batch."
                type RemoveBatchPayload {
                    "The batch."
                    batch: String!
                    "Facts that changed (recomputed or removed)."
                    factsChanged: Int!
                    "Why it was refused; empty when it succeeded."
                    errors: [MutationError!]!
                }

                "Why a mutation was refused; nothing was written."
                type MutationError {
                    "What kind of refusal."
                    code: MutationErrorCode!
                    "What is wrong, in words to act on."
                    message: String!
                    "The input field at fault, if one."
                    field: String
                }

                "Kinds of refusal."
                enum MutationErrorCode {
                    "the input breaks a rule of the record schema"
                    INVALID
                    "no such fact or batch"
                    NOT_FOUND
                    "the id is taken"
                    ALREADY_EXISTS
                    "the fact changed since the version read: read it again"
                    VERSION_CONFLICT
                    "the key's role may not do this"
                    FORBIDDEN
                    "another write into the same batch is running; nothing was written: retry in a few seconds"
                    CONFLICT
                }
                """);
        for (TypeSpec spec : RecordSchema.types()) {
            String type = spec.type();
            sdl.append("\n\"The fields of ").append(article(spec.description())).append(" (knowledge-base format; required ones when creating).\"\n")
                    .append("input ").append(type).append("Fields {\n");
            if (spec.shape() != Shape.RELATIONSHIP) {
                sdl.append("    \"English name (required when creating).\"\n    name: String\n")
                        .append("    \"Japanese name.\"\n    nameJa: String\n")
                        .append("    \"Other names and spellings.\"\n    aliases: [String!]\n");
            }
            for (ValueField field : spec.values().values()) {
                if (field.name().equals("approximate")) {
                    continue; // qualifier ABOUT says it
                }
                sdl.append("    \"").append(escape(field.description())).append(field.kind() == RecordSchema.ValueKind.DATE ? " As YYYY, YYYY-MM or YYYY-MM-DD." : "")
                        .append(field.required() ? " Required when creating." : "").append("\"\n")
                        .append("    ").append(field.name()).append(": ").append(inputType(type, field, enumNames)).append("\n");
            }
            for (Reference reference : spec.references()) {
                String item = reference.itemFields().isEmpty() ? "ID" : type + capitalized(reference.field()) + "Item";
                sdl.append("    \"").append(escape(reference.description().replaceAll("\\.$", ""))).append(" (")
                        .append(String.join(" or ", reference.targetTypes())).append(reference.itemFields().isEmpty() ? reference.many() ? " ids" : " id" : "")
                        .append(")").append(reference.required() ? ". Required when creating." : ".").append("\"\n    ").append(reference.field()).append(": ").append(reference.many() ? "[" + item + "!]" : item).append("\n");
            }
            sdl.append("}\n");
            for (Reference reference : spec.references()) {
                if (!reference.itemFields().isEmpty()) {
                    sdl.append("\n\"").append(escape(reference.description())).append("\"\ninput ").append(type).append(capitalized(reference.field()))
                            .append("Item {\n    \"The id.\"\n    party: ID!\n");
                    for (ValueField detail : reference.itemFields()) {
                        sdl.append("    \"").append(escape(detail.description()))
                                .append(detail.kind() == RecordSchema.ValueKind.DATE ? " As YYYY, YYYY-MM or YYYY-MM-DD." : "").append("\"\n    ").append(detail.name()).append(": ")
                                .append(detail.kind() == RecordSchema.ValueKind.DATE ? "String" : enumNames.apply(type + "." + reference.field(),
                                        detail.name())).append("\n");
                    }
                    sdl.append("}\n");
                }
            }
            boolean evidenced = spec.shape() != Shape.SOURCE;
            boolean versioned = spec.shape() == Shape.NODE;
            sdl.append("\n\"Creates ").append(article(spec.description())).append(".\"\ninput Create").append(type).append("Input {\n")
                    .append("    \"The stable id: ").append(type.equals("Country") ? "the ISO 3166-1 alpha-2 code" : "a lower-case slug like mount-weld")
                    .append(".\"\n    id: ID!\n    \"The fields.\"\n    fields: ").append(type).append("Fields!\n");
            if (evidenced) {
                sdl.append("    \"Its sources (at least one).\"\n    cite: [CitationInput!]!\n");
            }
            sdl.append("}\n\n\"Replaces this curator's statement about ").append(article(spec.description())).append(".\"\ninput Update").append(type)
                    .append("Input {\n    \"The id.\"\n    id: ID!\n");
            if (versioned) {
                sdl.append("    \"The version read; a newer one is a VERSION_CONFLICT.\"\n    version: Int!\n");
            }
            sdl.append("    \"The fields, as the curator states them now.\"\n    fields: ").append(type).append("Fields!\n");
            if (evidenced) {
                sdl.append("    \"Its sources (at least one).\"\n    cite: [CitationInput!]!\n");
            }
            sdl.append("}\n");
        }
        return sdl.toString();
    }

    private static String inputType(String type, ValueField field, EnumNames enumNames) {
        return switch (field.kind()) {
            case TEXT -> "String";
            case TEXT_LIST -> "[String!]";
            case NUMBER, SIGNED_NUMBER, PERCENT -> "Float";
            case INTEGER -> "Int";
            case BOOLEAN -> "Boolean";
            case DATE -> "String";
            case CURRENCY -> "Currency";
            case ENUM -> enumNames.apply(type, field.name());
            case ENUM_LIST -> "[" + enumNames.apply(type, field.name()) + "!]";
        };
    }

    private static String article(String description) {
        String first = description.split("[:;.]")[0];
        return first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    }

    private static String capitalized(String field) {
        return field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
