package org.criticalminerals.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request, as writes record it: the API key's name and role, never the key.
 * Work the service does by itself (the start-up load of the curated knowledge base) is {@link #SYSTEM}.
 */
public record Caller(String name, Role role) {

    /** The service itself. */
    public static final Caller SYSTEM = new Caller("system", Role.CURATOR);

    /** The authenticated caller of this thread's request, if any. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ApiKeyAuthentication key ? Optional.of(key.caller()) : Optional.empty();
    }

    @Override
    public String toString() {
        return name + " (" + role.configName() + ")";
    }
}
