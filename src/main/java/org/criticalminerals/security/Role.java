package org.criticalminerals.security;

import java.util.Locale;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The roles an API key can carry. Each includes the ones below it: a curator may do all a partner may,
 * a partner all a reader may.
 */
public enum Role {
    /** reads, where reads are configured to need a key */
    READER,
    /** reads, and writes to its own import batches */
    PARTNER,
    /** every write, including the curated knowledge base's facts */
    CURATOR;

    /** The Spring Security authority, {@code ROLE_PARTNER} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name as written in {@code CMG_API_KEYS}: reader, partner, curator. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    static Role parse(String text) {
        for (Role role : values()) {
            if (role.configName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; one of reader, partner, curator");
    }

    static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(CURATOR.name()).implies(PARTNER.name())
                .role(PARTNER.name()).implies(READER.name()).build();
    }
}
