package org.criticalminerals.changes;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One fact's change since the time asked about: its stable id and type, what happened to it, when, by which
 * batch or curator, and its version now.
 */
public record Change(String id, String type, Kind change, OffsetDateTime at, long version, @Nullable String batch, @Nullable String by) {

    public enum Kind {
        CREATED, UPDATED, RETIRED, REMOVED
    }
}
