package org.criticalminerals.limits;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.criticalminerals.api.HttpErrorBodies;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request to a {@link BudgetedPath} ({@code /graphql}, {@code /cypher}) its {@link RequestBudget}
 * and stops the request's database work when the budget runs out, when the client goes away or when the
 * service shuts down.
 * <p>
 * A servlet container only notices a vanished client when it writes to it. So once a request has run for
 * {@code cmg.limits.disconnect-check-after}, it writes a space (JSON allows leading white space) every half
 * second until the answer is ready; a failed write means the client is gone. The status of such a slow
 * request is then 200 whatever its errors. Paths whose answers cannot start with white space (CSV) are not
 * probed: their client's departure shows when the answer is written, and the budget bounds the work anyway.
 */
final class RequestBudgetFilter extends OncePerRequestFilter {

    private static final long PROBE_INTERVAL_MILLIS = 500;

    private final Map<String, BudgetedPath> paths;

    private final QueryLimits limits;

    private final ScheduledExecutorService scheduler;

    private final TransactionTerminator terminator;

    private final Set<RequestBudget> active = ConcurrentHashMap.newKeySet();

    RequestBudgetFilter(List<BudgetedPath> paths, QueryLimits limits, ScheduledExecutorService scheduler, TransactionTerminator terminator) {
        this.paths = paths.stream().collect(Collectors.toUnmodifiableMap(BudgetedPath::path, path -> path));
        this.limits = limits;
        this.scheduler = scheduler;
        this.terminator = terminator;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.containsKey(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBudget budget = new RequestBudget(GraphQlOperations.isMutation(request) ? limits.writeTimeout() : limits.queryTimeout());
        ProbedResponse probed = new ProbedResponse(response, HttpErrorBodies.acceptsGraphQlResponse(request)
                ? HttpErrorBodies.GRAPHQL_RESPONSE.toString() : MediaType.APPLICATION_JSON_VALUE);
        ScheduledFuture<?> probe = !paths.get(request.getRequestURI()).probesClient() ? null : scheduler.scheduleWithFixedDelay(() -> {
            if (budget.stopped() == null && !probed.probe()) {
                stop(budget, RequestBudget.Stop.CLIENT_GONE);
            }
        }, limits.disconnectCheckAfter().toMillis(), PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> deadline = scheduler.schedule(() -> stop(budget, RequestBudget.Stop.TIMEOUT), budget.limit().toMillis(),
                TimeUnit.MILLISECONDS);
        active.add(budget);
        RequestBudget.bind(budget);
        try {
            chain.doFilter(request, probed);
        }
        finally {
            RequestBudget.bind(null);
            active.remove(budget);
            if (probe != null) {
                probe.cancel(false);
            }
            deadline.cancel(false);
            probed.finish();
        }
    }

    /** Stops every request still running, after giving them {@code grace} to finish (service shutdown). */
    void stopAll(Duration grace) {
        long until = System.nanoTime() + grace.toNanos();
        while (!active.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        active.forEach(budget -> stop(budget, RequestBudget.Stop.SHUTDOWN));
    }

    private void stop(RequestBudget budget, RequestBudget.Stop reason) {
        if (active.contains(budget)) {
            budget.stop(reason);
            terminator.terminate(budget);
        }
    }

    /** The response, with the probe that writes white space until the application starts to write. */
    private static final class ProbedResponse extends HttpServletResponseWrapper {

        private final Object lock = new Object();

        private final String contentType;

        private boolean applicationWrites;

        private boolean finished;

        private ServletOutputStream stream;

        ProbedResponse(HttpServletResponse response, String contentType) {
            super(response);
            this.contentType = contentType;
        }

        /** @return false when the client is gone */
        boolean probe() {
            synchronized (lock) {
                if (applicationWrites || finished) {
                    return true;
                }
                try {
                    HttpServletResponse response = (HttpServletResponse) getResponse();
                    if (!response.isCommitted()) {
                        response.setStatus(HttpServletResponse.SC_OK);
                        response.setContentType(contentType);
                    }
                    ServletOutputStream out = response.getOutputStream();
                    out.write(' ');
                    out.flush();
                    return true;
                }
                catch (IOException | IllegalStateException e) {
                    return false;
                }
            }
        }

        void finish() {
            synchronized (lock) {
                finished = true;
            }
        }

        private void applicationWrites() {
            synchronized (lock) {
                applicationWrites = true;
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        applicationWrites();
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        applicationWrites();
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        applicationWrites();
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        applicationWrites();
                        out.close();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            applicationWrites();
            return super.getWriter();
        }
    }
}
