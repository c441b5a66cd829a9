package org.criticalminerals.metrics;

import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.criticalminerals.database.ForwardingDriver;
import org.criticalminerals.database.ForwardingSession;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The driver under every other wrapper: each statement run in a session, an explicit transaction (Spring Data
 * Neo4j's {@code Neo4jClient}) or a transaction function (the importer) is timed by {@link CypherTimer}. Its
 * result is passed through untouched; once its last record has been read (or it is consumed) the summary gives
 * the statement's kind, which the database knows and the service need not guess. A result dropped half read
 * is not timed.
 */
final class TimedDriver extends ForwardingDriver {

    private final CypherTimer timer;

    TimedDriver(Driver delegate, CypherTimer timer) {
        super(delegate);
        this.timer = timer;
    }

    @Override
    protected Session decorate(Session session, SessionConfig config) {
        return new TimedSession(session, timer);
    }

    /** Runs a statement, timing it until its result is finished (or it fails). */
    static Result timed(CypherTimer timer, Supplier<Result> run) {
        long started = System.nanoTime();
        try {
            return new TimedResult(run.get(), timer, started);
        }
        catch (Neo4jException e) {
            timer.failed(System.nanoTime() - started);
            throw e;
        }
    }

    /** The five ways to run a statement that transactions and transaction functions share. */
    private abstract static class TimedRunner<D extends SimpleQueryRunner> implements SimpleQueryRunner {

        final D delegate;

        final CypherTimer timer;

        TimedRunner(D delegate, CypherTimer timer) {
            this.delegate = delegate;
            this.timer = timer;
        }

        final Result timed(Supplier<Result> run) {
            return TimedDriver.timed(timer, run);
        }

        @Override
        public Result run(String query, Value parameters) {
            return timed(() -> delegate.run(query, parameters));
        }

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            return timed(() -> delegate.run(query, parameters));
        }

        @Override
        public Result run(String query, Record parameters) {
            return timed(() -> delegate.run(query, parameters));
        }

        @Override
        public Result run(String query) {
            return timed(() -> delegate.run(query));
        }

        @Override
        public Result run(Query query) {
            return timed(() -> delegate.run(query));
        }
    }

    private static final class TimedSession extends ForwardingSession {

        private final CypherTimer timer;

        TimedSession(Session delegate, CypherTimer timer) {
            super(delegate);
            this.timer = timer;
        }

        @Override
        public Transaction beginTransaction(TransactionConfig config) {
            return new TimedTransaction(delegate.beginTransaction(config), timer);
        }

        @Override
        public <T> T executeRead(TransactionCallback<T> callback, TransactionConfig config) {
            return delegate.executeRead(tx -> callback.execute(new TimedContext(tx, timer)), config);
        }

        @Override
        public <T> T executeWrite(TransactionCallback<T> callback, TransactionConfig config) {
            return delegate.executeWrite(tx -> callback.execute(new TimedContext(tx, timer)), config);
        }

        @Override
        public Result run(Query query, TransactionConfig config) {
            return timed(timer, () -> delegate.run(query, config));
        }
    }

    private static final class TimedTransaction extends TimedRunner<Transaction> implements Transaction {

        TimedTransaction(Transaction delegate, CypherTimer timer) {
            super(delegate, timer);
        }

        @Override
        public void commit() {
            delegate.commit();
        }

        @Override
        public void rollback() {
            delegate.rollback();
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

    private static final class TimedContext extends TimedRunner<TransactionContext> implements TransactionContext {

        TimedContext(TransactionContext delegate, CypherTimer timer) {
            super(delegate, timer);
        }
    }

    /**
     * A result that is timed when it is finished: its last record read, {@code list}, {@code single} or
     * {@code consume}. It then holds the summary, so that reading on answers as a consumed result does.
     */
    private static final class TimedResult implements Result {

        private final Result delegate;

        private final CypherTimer timer;

        private final long started;

        private boolean finished;

        private @Nullable ResultSummary summary;

        TimedResult(Result delegate, CypherTimer timer, long started) {
            this.delegate = delegate;
            this.timer = timer;
            this.started = started;
        }

        @Override
        public List<String> keys() {
            return delegate.keys();
        }

        @Override
        public boolean hasNext() {
            if (finished) {
                return false;
            }
            boolean more = watched(delegate::hasNext);
            if (!more) {
                finish();
            }
            return more;
        }

        @Override
        public Record next() {
            if (finished) {
                throw new NoSuchRecordException("No more records");
            }
            return watched(delegate::next);
        }

        @Override
        public Record single() {
            try {
                Record single = watched(delegate::single);
                finish();
                return single;
            }
            catch (NoSuchRecordException e) { // none or more than one: the statement ran all the same
                finish();
                throw e;
            }
        }

        @Override
        public Record peek() {
            if (finished) {
                throw new NoSuchRecordException("No more records");
            }
            return watched(delegate::peek);
        }

        @Override
        public Stream<Record> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.IMMUTABLE | Spliterator.ORDERED), false);
        }

        @Override
        public List<Record> list() {
            if (finished) {
                return List.of();
            }
            List<Record> all = watched(delegate::list);
            finish();
            return all;
        }

        @Override
        public <T> List<T> list(Function<Record, T> mapFunction) {
            if (finished) {
                return List.of();
            }
            List<T> all = watched(() -> delegate.list(mapFunction));
            finish();
            return all;
        }

        @Override
        public ResultSummary consume() {
            if (summary != null) {
                return summary;
            }
            if (finished) { // it failed: the driver says how
                return delegate.consume();
            }
            finish();
            return summary;
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        private void finish() {
            if (finished) {
                return;
            }
            summary = watched(delegate::consume);
            finished = true;
            timer.succeeded(summary.queryType(), System.nanoTime() - started);
        }

        /** A database or driver error ends the statement: it is timed as failed. */
        private <T> T watched(Supplier<T> call) {
            try {
                return call.get();
            }
            catch (Neo4jException e) {
                if (!finished) {
                    finished = true;
                    timer.failed(System.nanoTime() - started);
                }
                throw e;
            }
        }
    }
}
