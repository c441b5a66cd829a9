package org.criticalminerals.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.neo4j.common.DependencyResolver;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.DatabaseStateService;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.kernel.impl.transaction.log.LogPosition;
import org.neo4j.kernel.impl.transaction.log.files.LogFiles;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j of this process, which can be restarted in place. Neo4j "panics" its database when a write
 * fails underneath it (typically: no space left on the data disk); a panicked database refuses every transaction,
 * reads too, until it is restarted, and the community edition cannot restart one database alone. So this restarts
 * the whole embedded DBMS on the same store ({@link #restart()}); the application's driver reconnects to the Bolt
 * port by itself. Stopping is bounded: on a full disk Neo4j's page cache retries its final flush for ever, which
 * would hang SIGTERM; after the bound the process goes on without it, like a crash that the next start recovers
 * from the transaction log (nothing committed is lost). Where the log ended at the panic is kept on disk
 * ({@link TransactionLogCut}) and the log is cut there before the next start, in place or in a new process.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path home;

    private final Starter starter;

    private final Duration stopTimeout;

    private final TransactionLogCut logCut;

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
        this.logCut = new TransactionLogCut(home);
        this.service = started(cutTheLogWhereThePanicLeftIt());
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
            Throwable cause = defaultDatabaseDependencies(running).resolveDependency(DatabaseHealth.class).causeOfPanic();
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
        boolean cut = cutTheLogWhereThePanicLeftIt();
        service = started(afterPanic || cut);
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
        // the DBMS starts even when its default database does not (its recovery failed): then it must not pass for running
        if (!defaultDatabaseAvailable(started)) {
            String reason = causeOfFailure(started);
            started.shutdown();
            throw new DatabaseUnavailableException("The embedded Neo4j started on data directory " + home + ", but its database '"
                    + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "' did not: " + reason + " (more in " + home.resolve("logs/debug.log") + ")",
                    "Look for 'Failed to start' in that log; after a crash or a full disk, free space and start again.", null);
        }
        panicked = false;
        started.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
            @Override
            public void databasePanic(DatabaseEventContext event) {
                if (GraphDatabaseSettings.DEFAULT_DATABASE_NAME.equals(event.getDatabaseName())) {
                    panicked = true;
                    recordWhereTheLogEnds(started);
                    panicListeners.forEach(Runnable::run);
                }
            }
        });
        return started;
    }

    /**
     * The end of the last batch the log appended whole: what the panicked database committed ends there, and what
     * follows is the append that failed (and, after the stop, what the log writer still held).
     */
    private void recordWhereTheLogEnds(DatabaseManagementService running) {
        try {
            DependencyResolver resolver = defaultDatabaseDependencies(running);
            TransactionIdStore transactions = resolver.resolveDependency(TransactionIdStore.class);
            LogPosition appended = transactions.getLastCommittedBatch().logPositionAfter();
            LogPosition closed = transactions.getLastClosedTransaction().logPosition();
            LogPosition end = appended.getLogVersion() < 0 || appended.compareTo(closed) < 0 ? closed : appended;
            Path logFile = resolver.resolveDependency(LogFiles.class).getLogFile().getLogFileForVersion(end.getLogVersion());
            log.warn("The database panicked; its transaction log ends at byte {} of {} (last closed transaction {} at {}): the next start cuts "
                    + "it there", end.getByteOffset(), logFile, transactions.getLastClosedTransactionId(), closed);
            logCut.record(logFile, end.getByteOffset());
        }
        catch (RuntimeException e) {
            log.warn("Could not record where the transaction log of the panicked database ends: {}", e.toString());
        }
    }

    /**
     * Whether a cut recorded at a panic was made now: the start that follows is one after a panic. The record is
     * cleared at once, so that a later start never cuts what committed since.
     */
    private boolean cutTheLogWhereThePanicLeftIt() {
        boolean cut = logCut.recorded().map(this::cut).orElse(false);
        logCut.reset();
        return cut;
    }

    private boolean cut(TransactionLogCut.Cut cut) {
        try {
            long removed = logCut.apply(cut);
            log.warn("Cut the transaction log at byte {} of {}, where it ended when the database panicked: {} bytes after it removed "
                    + "(the append that failed; nothing committed)", cut.offset(), cut.logFile(), removed);
            return true;
        }
        catch (IOException e) {
            throw new DatabaseUnavailableException("The transaction log could not be cut where it ended at the panic (" + cut.logFile()
                    + " at byte " + cut.offset() + "): " + e, "Free space on the data disk " + home + " and check that its files are "
                    + "writable; the start is tried again.", e);
        }
    }

    /** Neo4j's components of the default database (its health, its transaction log). */
    private static DependencyResolver defaultDatabaseDependencies(DatabaseManagementService running) {
        return ((GraphDatabaseAPI) running.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).getDependencyResolver();
    }

    private static boolean defaultDatabaseAvailable(DatabaseManagementService service) {
        try {
            return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofSeconds(10).toMillis());
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    /** Neo4j's innermost reason why the default database failed to start. */
    private static String causeOfFailure(DatabaseManagementService started) {
        try {
            GraphDatabaseAPI system = (GraphDatabaseAPI) started.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            GraphDatabaseAPI database = (GraphDatabaseAPI) started.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Optional<Throwable> failure = system.getDependencyResolver().resolveDependency(DatabaseStateService.class)
                    .causeOfFailure(database.databaseId());
            if (failure.isEmpty()) {
                return "Neo4j gave no reason";
            }
            Throwable root = failure.get();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        catch (RuntimeException e) {
            return "its reason could not be read (" + e + ")";
        }
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
