package org.criticalminerals.database;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * A driver that hands everything to another and lets a subclass wrap the sessions it opens: the one place the
 * decorators of the application's driver (the request budget, the Cypher timer) forward the driver's API.
 */
public abstract class ForwardingDriver implements Driver {

    protected final Driver delegate;

    protected ForwardingDriver(Driver delegate) {
        this.delegate = delegate;
    }

    /** The session to hand out for one the delegate opened with this configuration. */
    protected abstract Session decorate(Session session, SessionConfig config);

    @Override
    public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig sessionConfig, @Nullable AuthToken sessionAuthToken) {
        T session = delegate.session(sessionClass, sessionConfig, sessionAuthToken);
        return session instanceof Session plain ? sessionClass.cast(decorate(plain, sessionConfig)) : session;
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
}
