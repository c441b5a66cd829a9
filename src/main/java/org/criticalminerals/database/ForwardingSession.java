package org.criticalminerals.database;

import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;

/**
 * A session that hands everything to another. The shorthand ways to run a statement all go through
 * {@link #run(Query, TransactionConfig)}, and {@link #beginTransaction()} through
 * {@link #beginTransaction(TransactionConfig)}, as the driver's own session does, so that a subclass changes a
 * statement's transaction in one place.
 */
public class ForwardingSession implements Session {

    protected final Session delegate;

    public ForwardingSession(Session delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction beginTransaction() {
        return beginTransaction(TransactionConfig.empty());
    }

    @Override
    public Transaction beginTransaction(TransactionConfig config) {
        return delegate.beginTransaction(config);
    }

    @Override
    public <T> T executeRead(TransactionCallback<T> callback, TransactionConfig config) {
        return delegate.executeRead(callback, config);
    }

    @Override
    public <T> T executeWrite(TransactionCallback<T> callback, TransactionConfig config) {
        return delegate.executeWrite(callback, config);
    }

    @Override
    public Result run(Query query, TransactionConfig config) {
        return delegate.run(query, config);
    }

    @Override
    public final Result run(String query, TransactionConfig config) {
        return run(new Query(query), config);
    }

    @Override
    public final Result run(String query, Map<String, Object> parameters, TransactionConfig config) {
        return run(new Query(query, parameters), config);
    }

    @Override
    public final Result run(String query, Value parameters) {
        return run(new Query(query, parameters), TransactionConfig.empty());
    }

    @Override
    public final Result run(String query, Map<String, Object> parameters) {
        return run(new Query(query, parameters), TransactionConfig.empty());
    }

    @Override
    public final Result run(String query, Record parameters) {
        return run(new Query(query, parameters.asMap()), TransactionConfig.empty());
    }

    @Override
    public final Result run(String query) {
        return run(new Query(query), TransactionConfig.empty());
    }

    @Override
    public final Result run(Query query) {
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
