package org.criticalminerals.database;

/**
 * A piece of the start-up work against the database ({@link StartupWork}), run in the order of its
 * {@code @Order}. It must be safe to run again after a failure part-way (the work is retried when the
 * database went away) and to find another instance's finished work.
 */
public interface StartupStep {

    void run();

    /** Thrown by a step that cannot finish yet for a reason that passes (another process holds what it needs). */
    class RetryLater extends RuntimeException {

        public RetryLater(String message) {
            super(message);
        }
    }
}
