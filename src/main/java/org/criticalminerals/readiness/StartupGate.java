package org.criticalminerals.readiness;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.criticalminerals.database.DatabaseAvailability;
import org.criticalminerals.workbench.ReadOnlyCypher;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the service accepts traffic (Spring Boot's readiness: after the start-up runners have loaded the
 * knowledge base and recovered interrupted imports; again while it shuts down), the data endpoints answer
 * 503 with {@code Retry-After} and a GraphQL error {@code UNAVAILABLE}, never an answer from a half-loaded graph.
 * Readiness refused for another reason (a {@link RefusalReason}: the embedded database restarting after its disk
 * filled up) is answered the same way, with that reason's code and message. While the database cannot be reached
 * ({@link DatabaseAvailability}) they answer 503 {@code DATABASE_UNAVAILABLE} at once, rather than each waiting out
 * the driver's retries. Pages, the schema and the health probes stay served.
 */
final class StartupGate extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> DATA_PATHS = Set.of("/import", "/export", ReadOnlyCypher.PATH);

    private final ApplicationAvailability availability;

    private final HttpErrorBodies errors;

    private final String graphQlPath;

    private final DatabaseAvailability database;

    StartupGate(ApplicationAvailability availability, DatabaseAvailability database, HttpErrorBodies errors, String graphQlPath) {
        this.availability = availability;
        this.database = database;
        this.errors = errors;
        this.graphQlPath = graphQlPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(graphQlPath) || DATA_PATHS.contains(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var outage = database.outage();
        if (outage.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseAvailability.RETRY_AFTER_SECONDS));
            errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE,
                    "The database cannot be reached (since " + outage.get().since().truncatedTo(ChronoUnit.SECONDS) + "); nothing was done. Retry in "
                            + DatabaseAvailability.RETRY_AFTER_SECONDS + " s.");
            return;
        }
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        AvailabilityChangeEvent<ReadinessState> last = availability.getLastChangeEvent(ReadinessState.class);
        if (last != null && last.getSource() instanceof RefusalReason reason) {
            errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, reason.code(), reason.message());
            return;
        }
        errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                "The service is not ready: it is starting (loading the knowledge base) or stopping. Retry in "
                        + RETRY_AFTER_SECONDS + " s.");
    }
}
