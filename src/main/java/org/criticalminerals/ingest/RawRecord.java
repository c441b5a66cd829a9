package org.criticalminerals.ingest;

import java.util.Map;

/** A record as read from a file, before any check, with where it came from ({@code file#3} or {@code file:12}). */
record RawRecord(String location, Map<String, Object> fields) {
}
