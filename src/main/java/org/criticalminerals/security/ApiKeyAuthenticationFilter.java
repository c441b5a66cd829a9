package org.criticalminerals.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}. A request without the header goes on anonymously (the
 * authorization rules decide); a header that is malformed or names no configured key is answered 401 at
 * once, whatever the request, so that a mistyped key never silently reads as anonymous.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    private final SecurityErrorResponses errors;

    ApiKeyAuthenticationFilter(ApiKeys keys, SecurityErrorResponses errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() == BEARER.length()) {
            errors.unauthenticated(request, response, "The Authorization header must be 'Bearer <API key>'.");
            return;
        }
        var key = keys.match(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            errors.unauthenticated(request, response, "Unknown API key.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(new Caller(key.get().name(), key.get().role())));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
