package org.criticalminerals.database;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, as this service last saw it. A check asks it for one value every
 * {@code cmg.database.check-interval}, and a request that fails because the database cannot be reached says so at
 * once ({@link #noteFailure}). While it is unreachable the data endpoints answer 503 {@code DATABASE_UNAVAILABLE}
 * at once (the readiness gate), instead of each caller waiting out the driver's retries; the check sees when it
 * answers again. Nothing else is kept: the driver opens new connections by itself.
 */
@Component
public class DatabaseAvailability implements SmartLifecycle {

    /** What an answer refused for an unreachable database tells the caller to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** What a request the database went away from is told. */
    public static final String LOST_DURING_REQUEST = "The database went away during this request; retry in " + RETRY_AFTER_SECONDS
            + " s. A write under way may or may not have been applied; an import can be sent again unchanged.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** Since when and why the database does not answer. */
    public record Outage(Instant since, String reason) {
    }

    private final Driver driver;

    private final Duration interval;

    private final String uri;

    private volatile @Nullable Outage outage;

    private @Nullable ScheduledExecutorService checks;

    /** @param uri the database's address, for the log */
    public DatabaseAvailability(Driver driver, Duration interval, String uri) {
        this.driver = driver;
        this.interval = interval;
        this.uri = uri;
    }

    @Autowired
    DatabaseAvailability(Driver driver, @Value("${cmg.database.check-interval:2s}") Duration interval, Neo4jConnectionDetails connection) {
        this(driver, interval, String.valueOf(connection.getUri()));
    }

    /** Empty while the database answers. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /**
     * A request failed: if because the database cannot be reached, the data endpoints refuse further requests
     * until the check finds it answering again.
     *
     * @return whether the failure was the database being unreachable
     */
    public boolean noteFailure(Throwable failure) {
        if (!isUnreachable(failure)) {
            return false;
        }
        unreachable(rootMessage(failure));
        return true;
    }

    /**
     * Whether a failure means the database cannot be reached or is not (yet) serving: no connection, a connection
     * lost, or the database starting or stopping. Not a query's own error.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof ServiceUnavailableException || at instanceof SessionExpiredException) {
                return true;
            }
            if (at instanceof Neo4jException e && e.code() != null && e.code().equals("Neo.TransientError.General.DatabaseUnavailable")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the database for one value. Unreachable, or refusing this service's credentials (which serve no request
     * either), counts as an outage; any other failure (a pool busy under load) changes nothing.
     */
    void check() {
        try (Session session = driver.session()) {
            session.run("RETURN 1").consume();
        }
        catch (RuntimeException e) {
            if (isUnreachable(e) || e instanceof SecurityException) {
                unreachable(rootMessage(e));
            }
            else {
                log.debug("The database check failed without an outage: {}", e.toString());
            }
            return;
        }
        answers();
    }

    private synchronized void answers() {
        Outage ended = outage;
        if (ended != null) {
            outage = null;
            log.info("Neo4j at {} answers again after {} s; the data endpoints are open", uri,
                    Duration.between(ended.since(), Instant.now()).toMillis() / 1000.0);
        }
    }

    private synchronized void unreachable(String reason) {
        if (outage == null) {
            outage = new Outage(Instant.now(), reason);
            log.warn("Neo4j at {} cannot be reached ({}): the data endpoints answer 503 until it can; checking every {} s", uri, reason,
                    interval.toMillis() / 1000.0);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-check");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        checks = executor;
    }

    /** Stops first (the highest phase), before the web server drains and the database or driver closes. */
    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
