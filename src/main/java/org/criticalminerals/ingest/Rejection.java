package org.criticalminerals.ingest;

/**
 * Why a record (or a whole file) was rejected: where it is ({@code file#index}), which record and field,
 * and what is wrong, in words a curator can act on.
 */
public record Rejection(String location, String recordId, String field, String message) {

    @Override
    public String toString() {
        return location + (recordId == null ? "" : " [" + recordId + "]") + (field == null ? "" : " ." + field) + ": " + message;
    }
}
