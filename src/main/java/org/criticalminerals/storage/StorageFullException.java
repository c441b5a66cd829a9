package org.criticalminerals.storage;

/**
 * The database cannot write: its data disk is (nearly) full, or Neo4j stopped the database after a write failed
 * underneath it. Nothing was written. HTTP answers 507, GraphQL an error with code STORAGE_FULL.
 */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
