package org.criticalminerals.database;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.Lifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The start-up work against the database: the {@link StartupStep}s (schema migrations, recovery of interrupted
 * imports, the knowledge base), before the service accepts traffic (readiness follows the start-up runners; until
 * then the data endpoints answer 503).
 * <p>
 * In server mode the database may not be there yet: the service starts anyway, answers 503
 * {@code DATABASE_UNAVAILABLE}, and tries the work again every {@value #RETRY_SECONDS} s until the database answers.
 * In embedded mode the database is this process's own, so a failure stops the start-up.
 * <p>
 * Several instances against one database do the work one at a time: each holds a lock in the database while it
 * works (an uncommitted {@code (:StartupLock)} node, which a second instance's {@code MERGE} waits on), so the
 * second finds the migrations applied and the knowledge base loaded. The lock dies with its holder's connection:
 * an instance killed mid-way leaves no lock behind.
 */
@Component
@Order(-100)
class StartupWork implements ApplicationRunner, ApplicationListener<ContextClosedEvent> {

    static final int RETRY_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);

    /** Longer than any start-up; a server's db.transaction.timeout must not end the lock before the work is done. */
    private static final Duration LOCK_TIMEOUT = Duration.ofHours(2);

    private final Driver driver;

    private final GraphProperties properties;

    private final DatabaseAvailability availability;

    private final ObjectProvider<StartupStep> steps;

    private final String holder = ManagementFactory.getRuntimeMXBean().getName(); // pid@host

    private final CountDownLatch closed = new CountDownLatch(1);

    private final ApplicationContext context;

    StartupWork(Driver driver, GraphProperties properties, DatabaseAvailability availability, ObjectProvider<StartupStep> steps,
            ApplicationContext context) {
        this.context = context;
        this.driver = driver;
        this.properties = properties;
        this.availability = availability;
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long started = System.nanoTime();
        String waitingFor = null;
        while (true) {
            try {
                verifyConnectivity();
                underLock(steps.orderedStream().toList());
                if (waitingFor != null) {
                    log.info("Start-up work done, {} s after it was first tried", (System.nanoTime() - started) / 1_000_000_000);
                }
                return;
            }
            catch (RuntimeException e) {
                if (closed.getCount() == 0) {
                    giveUp();
                    return;
                }
                boolean passes = e instanceof StartupStep.RetryLater || availability.noteFailure(e);
                if (!passes || properties.mode() == GraphProperties.Mode.EMBEDDED) {
                    throw e;
                }
                String reason = e instanceof StartupStep.RetryLater ? e.getMessage()
                        : "the database cannot be reached: " + e.getMessage() + "; if it is up, check NEO4J_URI";
                if (!reason.equals(waitingFor)) {
                    log.warn("Start-up work waits ({}); the data endpoints answer 503 until it is done; trying again every {} s", reason,
                            RETRY_SECONDS);
                    waitingFor = reason;
                }
            }
            if (closed.await(RETRY_SECONDS, TimeUnit.SECONDS)) {
                giveUp();
                return;
            }
        }
    }

    /**
     * Returns once the context has stopped: Spring Boot announces readiness after the runners unless the context
     * no longer runs, and a service that is stopping must not open its gate again.
     */
    private void giveUp() throws InterruptedException {
        log.info("Start-up work given up: the service is stopping");
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (context instanceof Lifecycle lifecycle && lifecycle.isRunning() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // not a child context's
            closed.countDown();
        }
    }

    /** In server mode an unreachable database is waited for; anything else (a wrong password) stops the start-up. */
    private void verifyConnectivity() {
        try {
            driver.verifyConnectivity();
        }
        catch (RuntimeException e) {
            boolean server = properties.mode() == GraphProperties.Mode.SERVER;
            if (server && DatabaseAvailability.isUnreachable(e)) {
                throw e;
            }
            throw new DatabaseUnavailableException("Neo4j cannot be reached: " + e.getMessage(), server
                    ? "Set NEO4J_URI (for example neo4j://host:7687), NEO4J_USERNAME and NEO4J_PASSWORD to a running Neo4j 5."
                    : "Check the Bolt port (CMG_BOLT_PORT) and address (CMG_BOLT_ADDRESS) of the embedded database.", e);
        }
    }

    /** Runs the steps while holding the start-up lock; the lock is rolled back, so nothing of it stays in the store. */
    private void underLock(List<StartupStep> work) {
        createLockConstraint();
        try (Session session = driver.session();
                Transaction lock = session.beginTransaction(TransactionConfig.builder().withTimeout(LOCK_TIMEOUT).build())) {
            long asked = System.nanoTime();
            lock.run("MERGE (l:StartupLock {id: 'startup'}) SET l.holder = $holder, l.since = datetime()", Map.of("holder", holder)).consume();
            long waited = (System.nanoTime() - asked) / 1_000_000;
            if (waited > 3_000) {
                log.info("Start-up lock taken after {} s: another instance was doing its start-up work", waited / 1000.0);
            }
            work.forEach(StartupStep::run);
            lock.rollback();
        }
    }

    /** The lock needs a uniqueness constraint, or two first MERGEs would each create a node. */
    private void createLockConstraint() {
        try (Session session = driver.session()) {
            boolean exists = session.executeRead(tx -> tx.run("SHOW CONSTRAINTS YIELD name WHERE name = 'startup_lock' RETURN count(*) > 0 AS e")
                    .single().get("e").asBoolean());
            if (!exists) {
                session.executeWriteWithoutResult(tx -> tx.run(
                        "CREATE CONSTRAINT startup_lock IF NOT EXISTS FOR (l:StartupLock) REQUIRE l.id IS UNIQUE").consume());
            }
        }
        catch (ClientException e) {
            // another instance created it at the same moment
            if (!String.valueOf(e.code()).contains("AlreadyExists")) {
                throw e;
            }
        }
    }
}
