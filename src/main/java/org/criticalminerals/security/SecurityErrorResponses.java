package org.criticalminerals.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The answers to a caller without the key (401) or the role (403) a request needs. */
final class SecurityErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HttpErrorBodies bodies;

    SecurityErrorResponses(HttpErrorBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        unauthenticated(request, response, bodies.isGraphQl(request)
                ? "A mutation needs an API key with the partner or curator role: send 'Authorization: Bearer <key>'."
                : "This request needs an API key: send 'Authorization: Bearer <key>'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        String who = Caller.current().map(Caller::toString).orElse("this key");
        bodies.write(request, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.FORBIDDEN, "The API key " + who + " may not do this: "
                + (bodies.isGraphQl(request) ? "a mutation needs the partner or curator role." : "it needs a role this key does not have."));
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"critical-minerals-graph\"");
        bodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, message);
    }
}
