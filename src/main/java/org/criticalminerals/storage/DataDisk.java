package org.criticalminerals.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.database.EmbeddedDatabase;
import org.criticalminerals.readiness.RefusalReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the disk of the embedded database's data directory (Spring Boot's own disk check watches the working
 * directory) and the database itself:
 * <ul>
 * <li>below {@code cmg.storage.min-free-space} free, every write is refused up front with STORAGE_FULL, before
 * Neo4j runs out of room; reads go on;</li>
 * <li>when a write failed anyway and Neo4j stopped the database (a panic: every transaction refused, reads too),
 * readiness goes to REFUSING_TRAFFIC (the data endpoints answer 503 STORAGE_FULL), and once the disk has room again
 * the embedded DBMS is restarted in place, the import runs the failure cut short are undone
 * ({@link DatabaseRestartedEvent}), and traffic is accepted again: no restart of the service.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "cmg.mode", havingValue = "embedded", matchIfMissing = true)
public class DataDisk implements WriteGuard, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DataDisk.class);

    /** Restarts that fail are tried again after this, doubling up to {@link #MAX_BACKOFF}. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** What the disk and the database look like now. */
    public record Status(Path path, long freeBytes, long totalBytes, long minFreeBytes, @Nullable String databaseStopped, boolean restarting) {

        public boolean low() {
            return freeBytes < minFreeBytes;
        }

        public boolean writable() {
            return !low() && databaseStopped == null && !restarting;
        }
    }

    private final EmbeddedDatabase database;

    private final long minFree;

    private final ApplicationEventPublisher events;

    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "data-disk-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean ready;

    private volatile boolean closing;

    private volatile boolean restarting;

    /** Whether this refused traffic (and so may accept it again). */
    private boolean refusing;

    private boolean wasLow;

    private Duration backoff = FIRST_BACKOFF;

    private Instant nextRestart = Instant.MIN;

    DataDisk(EmbeddedDatabase database, StorageProperties properties, ApplicationEventPublisher events) {
        this.database = database;
        this.minFree = properties.minFreeSpace().toBytes();
        this.events = events;
        database.onPanic(() -> monitor.execute(this::check));
        monitor.scheduleWithFixedDelay(this::check, properties.checkInterval().toMillis(), properties.checkInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public Status status() {
        Path path = database.home();
        long free;
        long total;
        try {
            var store = Files.getFileStore(path);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        }
        catch (IOException e) {
            free = 0; // a data directory that cannot be looked at cannot be written either
            total = 0;
        }
        String stopped = database.panic().map(DataDisk::describe).orElse(null);
        return new Status(path, free, total, minFree, stopped, restarting);
    }

    @Override
    public void checkWritable() {
        Status status = status();
        if (!status.writable()) {
            throw new StorageFullException(message(status), null);
        }
    }

    @Override
    public Optional<StorageFullException> explain(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof StorageFullException full) {
                return Optional.of(full);
            }
        }
        Status status = status();
        if (status.databaseStopped() != null || status.restarting() || mentionsNoSpace(failure)) {
            return Optional.of(new StorageFullException(message(status), failure));
        }
        return Optional.empty();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        ready = true;
        monitor.execute(this::check);
    }

    @EventListener
    void onClosing(ContextClosedEvent event) {
        closing = true; // no restart, and no readiness change, while the service stops
    }

    @Override
    public void destroy() {
        closing = true;
        monitor.shutdownNow();
    }

    /** One look at the disk and the database; on the monitor's thread only. */
    private void check() {
        try {
            Status status = status();
            if (status.low() != wasLow) {
                wasLow = status.low();
                if (wasLow) {
                    log.warn("The data disk is nearly full: {} free at {}, below cmg.storage.min-free-space ({}); writes are refused "
                            + "(STORAGE_FULL) until there is room again, reads go on", mb(status.freeBytes()), status.path(), mb(minFree));
                }
                else {
                    log.info("The data disk has room again: {} free at {}; writes are accepted", mb(status.freeBytes()), status.path());
                }
            }
            // refusing with the database running: it was restarted, but what follows a restart failed and is tried again
            if (!ready || closing || status.databaseStopped() == null && !refusing) {
                return;
            }
            if (!refusing) {
                log.error("Neo4j stopped the database after a failed write ({}): the API answers 503 STORAGE_FULL until it is restarted, "
                        + "which happens by itself once {} of the data disk {} are free (now {})", status.databaseStopped(), mb(minFree),
                        status.path(), mb(status.freeBytes()));
                refusing = true;
                AvailabilityChangeEvent.publish(events, reason(status), ReadinessState.REFUSING_TRAFFIC);
            }
            if (!status.low() && Instant.now().isAfter(nextRestart)) {
                restart(status);
            }
        }
        catch (RuntimeException e) {
            log.error("Checking the data disk failed", e);
        }
    }

    private void restart(Status before) {
        long started = System.nanoTime();
        restarting = true;
        boolean restarted = false;
        try {
            if (before.databaseStopped() != null) {
                log.warn("Restarting the embedded Neo4j in place ({} free on the data disk now)", mb(before.freeBytes()));
                database.restart();
            }
            restarted = true;
            // the import runs the failure cut short are undone before traffic comes back
            events.publishEvent(new DatabaseRestartedEvent());
            log.info("The embedded Neo4j was restarted and its store recovered in {} ms; the API answers again",
                    (System.nanoTime() - started) / 1_000_000);
            backoff = FIRST_BACKOFF;
            refusing = false;
            restarting = false;
            if (!closing) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
        catch (RuntimeException e) {
            // a database that restarted but whose recovery failed stays restarting (writes refused): only the recovery is tried again
            restarting = restarted;
            nextRestart = Instant.now().plus(backoff);
            log.error(restarted ? "The embedded Neo4j restarted, but recovering after it failed; trying again in {} s"
                    : "Restarting the embedded Neo4j failed; trying again in {} s", backoff.toSeconds(), e);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static RefusalReason reason(Status status) {
        String message = message(status);
        return new RefusalReason() {
            @Override
            public ErrorCode code() {
                return ErrorCode.STORAGE_FULL;
            }

            @Override
            public String message() {
                return message;
            }
        };
    }

    /** For the caller: what happened and what follows, without the server's paths. */
    private static String message(Status status) {
        if (status.restarting() || status.databaseStopped() != null) {
            return "The database stopped writing after a write failed (" + (status.low() ? "its data disk is full" : status.databaseStopped())
                    + "); it restarts by itself once the disk has room (" + mb(status.minFreeBytes()) + " free). Nothing was written; retry later.";
        }
        return "The data disk is full: " + mb(status.freeBytes()) + " free, writes need at least " + mb(status.minFreeBytes())
                + " (cmg.storage.min-free-space). Nothing was written; reads still work. Retry when space has been freed.";
    }

    private static String describe(Throwable panic) {
        return mentionsNoSpace(panic) ? "no space left on the data disk" : String.valueOf(panic.getMessage());
    }

    private static boolean mentionsNoSpace(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (String.valueOf(at.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
