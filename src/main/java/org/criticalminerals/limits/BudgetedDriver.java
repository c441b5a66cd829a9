package org.criticalminerals.limits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.criticalminerals.database.ForwardingDriver;
import org.criticalminerals.database.ForwardingSession;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;

/**
 * The application's driver: every transaction begun while a request is served carries the request's id
 * in its metadata and a timeout no longer than what is left of the request's budget (and, for reads, the
 * read timeout). Work outside a request (start-up, the command line) runs as configured. Spring Data
 * Neo4j's transaction manager and {@code Neo4jClient} use this driver, so every read is bounded.
 */
final class BudgetedDriver extends ForwardingDriver {

    private final Duration readTimeout;

    BudgetedDriver(Driver delegate, Duration readTimeout) {
        super(delegate);
        this.readTimeout = readTimeout;
    }

    Driver unbudgeted() {
        return delegate;
    }

    TransactionConfig budgeted(TransactionConfig config, AccessMode mode) {
        RequestBudget budget = RequestBudget.current();
        if (budget == null) {
            return config;
        }
        budget.check();
        Duration timeout = budget.remaining();
        if (mode == AccessMode.READ && readTimeout.compareTo(timeout) < 0) {
            timeout = readTimeout;
        }
        if (config.timeout() != null && config.timeout().compareTo(timeout) < 0 && !config.timeout().isZero()) {
            timeout = config.timeout();
        }
        Map<String, Object> metadata = new HashMap<>(config.metadata());
        metadata.put("request", budget.id());
        // whole milliseconds, at least one: the driver rounds a fraction up itself, logging each time at INFO
        long millis = Math.max(1, (timeout.toNanos() + 999_999) / 1_000_000);
        return TransactionConfig.builder().withTimeout(Duration.ofMillis(millis)).withMetadata(metadata).build();
    }

    @Override
    protected Session decorate(Session session, SessionConfig config) {
        AccessMode mode = config.defaultAccessMode();
        return new BudgetedSession(session, mode == null ? AccessMode.WRITE : mode);
    }

    private final class BudgetedSession extends ForwardingSession {

        private final AccessMode mode;

        BudgetedSession(Session delegate, AccessMode mode) {
            super(delegate);
            this.mode = mode;
        }

        @Override
        public Transaction beginTransaction(TransactionConfig config) {
            return delegate.beginTransaction(budgeted(config, mode));
        }

        @Override
        public <T> T executeRead(TransactionCallback<T> callback, TransactionConfig config) {
            return delegate.executeRead(callback, budgeted(config, AccessMode.READ));
        }

        @Override
        public <T> T executeWrite(TransactionCallback<T> callback, TransactionConfig config) {
            return delegate.executeWrite(callback, budgeted(config, AccessMode.WRITE));
        }

        @Override
        public Result run(Query query, TransactionConfig config) {
            return delegate.run(query, budgeted(config, mode));
        }
    }
}
