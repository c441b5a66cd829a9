package org.criticalminerals.limits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;

/**
 * The application's driver: every transaction begun while a request is served carries the request's id
 * in its metadata and a timeout no longer than what is left of the request's budget (and, for reads, the
 * read timeout). Work outside a request (start-up, the command line) runs as configured. Spring Data
 * Neo4j's transaction manager and {@code Neo4jClient} use this driver, so every read is bounded.
 */
final class BudgetedDriver implements Driver {

    private final Driver delegate;

    private final Duration readTimeout;

    BudgetedDriver(Driver delegate, Duration readTimeout) {
        this.delegate = delegate;
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
    public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig sessionConfig, @Nullable AuthToken sessionAuthToken) {
        T session = delegate.session(sessionClass, sessionConfig, sessionAuthToken);
        if (session instanceof Session plain) {
            AccessMode mode = sessionConfig.defaultAccessMode();
            return sessionClass.cast(new BudgetedSession(plain, mode == null ? AccessMode.WRITE : mode));
        }
        return session;
    }

    @Override
    public ExecutableQuery executableQuery(String query) {
        return delegate.executableQuery(query);
    }

    @Override
    public BookmarkManager executableQueryBookmarkManager() {
        return delegate.executableQueryBookmarkManager();
    }

    @Override
    public boolean isEncrypted() {
        return delegate.isEncrypted();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public CompletionStage<Void> closeAsync() {
        return delegate.closeAsync();
    }

    @Override
    public void verifyConnectivity() {
        delegate.verifyConnectivity();
    }

    @Override
    public CompletionStage<Void> verifyConnectivityAsync() {
        return delegate.verifyConnectivityAsync();
    }

    @Override
    public boolean verifyAuthentication(AuthToken authToken) {
        return delegate.verifyAuthentication(authToken);
    }

    @Override
    public boolean supportsSessionAuth() {
        return delegate.supportsSessionAuth();
    }

    @Override
    public boolean supportsMultiDb() {
        return delegate.supportsMultiDb();
    }

    @Override
    public CompletionStage<Boolean> supportsMultiDbAsync() {
        return delegate.supportsMultiDbAsync();
    }

    private final class BudgetedSession implements Session {

        private final Session delegate;

        private final AccessMode mode;

        BudgetedSession(Session delegate, AccessMode mode) {
            this.delegate = delegate;
            this.mode = mode;
        }

        @Override
        public Transaction beginTransaction() {
            return beginTransaction(TransactionConfig.empty());
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
        public Result run(String query, TransactionConfig config) {
            return delegate.run(query, budgeted(config, mode));
        }

        @Override
        public Result run(String query, Map<String, Object> parameters, TransactionConfig config) {
            return delegate.run(query, parameters, budgeted(config, mode));
        }

        @Override
        public Result run(Query query, TransactionConfig config) {
            return delegate.run(query, budgeted(config, mode));
        }

        @Override
        public Result run(String query, Value parameters) {
            return run(new Query(query, parameters), TransactionConfig.empty());
        }

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            return run(query, parameters, TransactionConfig.empty());
        }

        @Override
        public Result run(String query, Record parameters) {
            return run(new Query(query, parameters.asMap()), TransactionConfig.empty());
        }

        @Override
        public Result run(String query) {
            return run(query, TransactionConfig.empty());
        }

        @Override
        public Result run(Query query) {
            return run(query, TransactionConfig.empty());
        }

        @Override
        public Set<Bookmark> lastBookmarks() {
            return delegate.lastBookmarks();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
