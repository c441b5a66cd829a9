package org.criticalminerals.provenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL type Claim: one source's citation of a fact. {@code values} holds every stored property of the claim
 * (its source's id, the figures it gives by field name, the references it asserts), from which the fields
 * {@code source} and {@code figures}, the fact's disputes and figure lists are read; it is no GraphQL field.
 */
public record Claim(
        String id,
        @Nullable Integer line,
        @Nullable String quote,
        @Nullable String statement,
        String batch,
        String by,
        OffsetDateTime at,
        Map<String, Object> values) {

    /** The claim of a stored claim's properties (shaped); {@link Records} builds nested claims with it. */
    public static Claim of(Map<String, Object> stored) {
        Map<String, Object> withValues = new HashMap<>(stored);
        withValues.put("values", stored);
        return Records.read(Claim.class, withValues);
    }

    /** The id of the source it cites. */
    String sourceId() {
        return (String) values.get("source");
    }

    /** Whether it gives a figure for the field, or asserts the reference of that name. */
    boolean gives(String field) {
        return values.get("fields") instanceof List<?> fields && fields.contains(field)
                || values.get("references") instanceof String references && references.contains("\"" + field + "\":");
    }
}
