package org.criticalminerals.api;

/** A request argument is invalid (a malformed cursor, a page size out of range …). */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}
