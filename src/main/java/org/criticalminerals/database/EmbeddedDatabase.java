package org.criticalminerals.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j of this process, which can be restarted in place. Neo4j "panics" its database when a write
 * fails underneath it (typically: no space left on the data disk); a panicked database refuses every transaction,
 * reads too, until it is restarted, and the community edition cannot restart one database alone. So this restarts
 * the whole embedded DBMS on the same store ({@link #restart()}); the application's driver reconnects to the Bolt
 * port by itself. Stopping is bounded: on a full disk Neo4j's page cache retries its final flush for ever, which
 * would hang SIGTERM; after the bound the process goes on without it, like a crash that the next start recovers
 * from the transaction log (nothing committed is lost).
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path home;

    private final Starter starter;

    private final Duration stopTimeout;

    private final List<Runnable> panicListeners = new CopyOnWriteArrayList<>();

    /** The running DBMS; null after a restart that stopped the old one and could not start the new one. */
    private volatile @Nullable DatabaseManagementService service;

    private volatile boolean panicked;

    /** A stop that has not finished yet: waited for again, never started twice. */
    private @Nullable Thread stopping;

    /** Builds and starts the DBMS. */
    interface Starter {

        /**
         * @param afterPanic the database panicked in this process: the end of its transaction log is the append that
         *        failed, which never committed; recovery may cut it off instead of refusing to start, as it rightly does
         *        for a log damaged anywhere else
         */
        DatabaseManagementService start(boolean afterPanic);
    }

    EmbeddedDatabase(Path home, Starter starter, Duration stopTimeout) {
        this.home = home;
        this.starter = starter;
        this.stopTimeout = stopTimeout;
        this.service = started(false);
    }

    /** The data directory (the store, its transaction logs and Neo4j's logs are under it). */
    public Path home() {
        return home;
    }

    /**
     * Why the default database refuses every transaction until it is restarted, if it does: Neo4j's cause of the
     * panic (for a full disk an IOException "No space left on device").
     */
    public Optional<Throwable> panic() {
        DatabaseManagementService running = service;
        if (running == null) {
            return Optional.of(new IllegalStateException("the embedded Neo4j is not running (its restart failed; it is tried again)"));
        }
        if (!panicked) {
            return Optional.empty();
        }
        try {
            GraphDatabaseAPI database = (GraphDatabaseAPI) running.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Throwable cause = database.getDependencyResolver().resolveDependency(DatabaseHealth.class).causeOfPanic();
            return Optional.of(cause == null ? new IllegalStateException("the database panicked") : cause);
        }
        catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** Called (on Neo4j's thread: keep it short) when the default database panics. */
    public void onPanic(Runnable listener) {
        panicListeners.add(listener);
    }

    /**
     * Stops the DBMS and starts it again on the same store; Neo4j recovers the store from its transaction log.
     *
     * @throws DatabaseUnavailableException when the old one does not stop in time or the new one does not start
     */
    public synchronized void restart() {
        boolean afterPanic = panicked;
        if (service != null) {
            if (!stop()) {
                throw new DatabaseUnavailableException("The embedded Neo4j did not stop within " + stopTimeout.toSeconds() + " s",
                        "Free space on the data disk " + home + "; the restart is tried again.", null);
            }
            service = null;
        }
        service = started(afterPanic);
    }

    /** Stops the DBMS, waiting at most the stop timeout (the bean's destroy method). */
    synchronized void close() {
        if (service != null && !stop()) {
            log.error("The embedded Neo4j did not stop within {} s (it keeps trying to flush its page cache: is the data disk {} full?). "
                    + "Stopping without it: nothing committed is lost, the next start recovers the store from the transaction log.",
                    stopTimeout.toSeconds(), home);
        }
    }

    private DatabaseManagementService started(boolean afterPanic) {
        DatabaseManagementService started = starter.start(afterPanic);
        panicked = false;
        started.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
            @Override
            public void databasePanic(DatabaseEventContext event) {
                if (GraphDatabaseSettings.DEFAULT_DATABASE_NAME.equals(event.getDatabaseName())) {
                    panicked = true;
                    panicListeners.forEach(Runnable::run);
                }
            }
        });
        return started;
    }

    /** Whether the DBMS stopped within the timeout (a stop still running from an earlier call is waited for again). */
    private boolean stop() {
        if (stopping == null) {
            DatabaseManagementService stopped = service;
            stopping = new Thread(() -> {
                if (stopped != null) {
                    stopped.shutdown();
                }
            }, "embedded-neo4j-stop");
            stopping.setDaemon(true); // a stop that never ends must not keep the JVM alive
            stopping.start();
        }
        try {
            stopping.join(stopTimeout.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            return false;
        }
        stopping = null;
        return true;
    }
}
