package org.criticalminerals.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The GraphQL type Source, as an entity is read from the graph; its related entities and evidence are fields of their own. */
public record Source(
        String id,
        String name,
        @Nullable String nameJa,
        List<String> aliases,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable PartialDate date,
        @Nullable String language,
        @Nullable String licence,
        String kind,
        @Nullable String file,
        @Nullable String url) implements Node {
}
