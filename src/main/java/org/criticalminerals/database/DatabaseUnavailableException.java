package org.criticalminerals.database;

/** The database could not be started or reached; the service cannot run without it. */
public class DatabaseUnavailableException extends RuntimeException {

    private final String action;

    public DatabaseUnavailableException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
