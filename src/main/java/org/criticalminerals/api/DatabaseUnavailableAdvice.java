package org.criticalminerals.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.database.DatabaseAvailability;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link DatabaseUnavailableAnswers} for the endpoints that are not GraphQL: 503, Retry-After, DATABASE_UNAVAILABLE. */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    private final DatabaseAvailability database;

    private final HttpErrorBodies errors;

    DatabaseUnavailableAdvice(DatabaseAvailability database, HttpErrorBodies errors) {
        this.database = database;
        this.errors = errors;
    }

    @ExceptionHandler({ ServiceUnavailableException.class, SessionExpiredException.class })
    void unavailable(RuntimeException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        database.noteFailure(e);
        if (response.isCommitted()) {
            log.warn("The answer to {} was cut short: the database went away ({})", request.getRequestURI(), e.getMessage());
            return;
        }
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailableAnswers.RETRY_AFTER);
        errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE,
                DatabaseAvailability.LOST_DURING_REQUEST);
    }
}
