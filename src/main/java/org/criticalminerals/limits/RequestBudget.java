package org.criticalminerals.limits;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The time budget of one request, and the tag its database transactions carry ({@code metaData.request})
 * so that they can be found and terminated. It is bound to the thread that serves the request, and
 * propagated by Spring for GraphQL to any thread a data fetcher runs on.
 */
public final class RequestBudget {

    private static final ThreadLocal<RequestBudget> CURRENT = new ThreadLocal<>();

    /** Why a request's work was stopped. */
    public enum Stop {
        TIMEOUT, CLIENT_GONE, SHUTDOWN
    }

    private final String id = UUID.randomUUID().toString();

    private final long deadline;

    private final Duration limit;

    private volatile @Nullable Stop stopped;

    RequestBudget(Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    public static @Nullable RequestBudget current() {
        return CURRENT.get();
    }

    static void bind(@Nullable RequestBudget budget) {
        if (budget == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(budget);
        }
    }

    public String id() {
        return id;
    }

    public Duration limit() {
        return limit;
    }

    /** Time left; zero or negative once the deadline has passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /** Why the work was stopped, or null while it may go on. */
    public @Nullable Stop stopped() {
        Stop stop = stopped;
        if (stop == null && remaining().isNegative()) {
            return Stop.TIMEOUT;
        }
        return stop;
    }

    void stop(Stop reason) {
        if (stopped == null) {
            stopped = reason;
        }
    }

    /** Thrown when work would start after the request was stopped. */
    public static final class StoppedException extends RuntimeException {

        private final Stop reason;

        StoppedException(RequestBudget budget, Stop reason) {
            super(budget.stoppedMessage());
            this.reason = reason;
        }

        public Stop reason() {
            return reason;
        }
    }

    /** Why the request was stopped, in words for its caller. */
    public String stoppedMessage() {
        Stop stop = stopped();
        return stop == null ? "The request is running." : switch (stop) {
            case TIMEOUT -> "The request took longer than its limit of " + limit.toSeconds() + " s and was stopped.";
            case CLIENT_GONE -> "The client went away; the request was stopped.";
            case SHUTDOWN -> "The service is shutting down; the request was stopped.";
        };
    }

    /** Throws if the work of this request must not go on. */
    void check() {
        Stop stop = stopped();
        if (stop != null) {
            throw new StoppedException(this, stop);
        }
    }
}
