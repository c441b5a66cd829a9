package org.criticalminerals.limits;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code permits} read requests ({@code /graphql} queries, {@code /cypher}) run at once; the others wait
 * in arrival order, inside their time budget (the wait counts, and a client that goes away while waiting is
 * noticed as while running). On a machine with few cores, 64 requests running at once each get a sliver of a
 * core: every one, cheap or not, then takes longer than its budget and is stopped after the work was done, and
 * first-time query plans are never finished. Waiting in line keeps each running request fast, so a cheap one
 * waits its turn and then answers in milliseconds. Writes are not held back (they are few, and the database
 * orders them itself).
 */
final class ReadConcurrencyFilter extends OncePerRequestFilter {

    /** How often a waiting request looks whether its budget was stopped (timeout, client gone, shutdown). */
    private static final long CHECK_MILLIS = 100;

    private final Set<String> paths;

    private final int permits;

    private final ArrayDeque<Object> waiting = new ArrayDeque<>();

    private int running;

    ReadConcurrencyFilter(Set<String> paths, int permits) {
        this.paths = Set.copyOf(paths);
        this.permits = permits;
    }

    int permits() {
        return permits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.contains(request.getRequestURI()) || GraphQlOperations.isMutation(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBudget budget = RequestBudget.current();
        boolean admitted = enter(budget);
        try {
            // not admitted: the budget was stopped while waiting; the request goes on to answer why (the budgeted
            // driver refuses every transaction of a stopped request, so it does no database work)
            chain.doFilter(request, response);
        }
        finally {
            if (admitted) {
                leave();
            }
        }
    }

    private synchronized boolean enter(RequestBudget budget) {
        Object ticket = new Object();
        waiting.addLast(ticket);
        try {
            while (waiting.peekFirst() != ticket || running >= permits) {
                if (budget != null && budget.stopped() != null) {
                    return false;
                }
                wait(CHECK_MILLIS);
            }
            running++;
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        finally {
            waiting.remove(ticket);
            notifyAll(); // the next in line may be admitted now
        }
    }

    private synchronized void leave() {
        running--;
        notifyAll();
    }
}
