package org.criticalminerals.support;

import java.util.HexFormat;
import java.util.Map;

import org.criticalminerals.security.ApiKeys;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;

/**
 * The API keys of the test contexts, one per role. They exist only in the tests; the service is
 * configured with their SHA-256, as in production.
 */
public final class TestKeys {

    public static final Map<Role, String> KEYS = Map.of(Role.READER, "test-reader-key-0001", Role.PARTNER, "test-partner-key-0002",
            Role.CURATOR, "test-curator-key-0003");

    /** The name each key is configured under. */
    public static String name(Role role) {
        return "test-" + role.configName();
    }

    public static final Caller PARTNER_CALLER = new Caller(name(Role.PARTNER), Role.PARTNER);

    public static final Caller CURATOR_CALLER = new Caller(name(Role.CURATOR), Role.CURATOR);

    /** The {@code cmg.security.api-keys} value for these keys. */
    public static String configuration() {
        StringBuilder entries = new StringBuilder();
        for (Role role : Role.values()) {
            entries.append(entries.isEmpty() ? "" : ",").append(name(role)).append(':').append(role.configName()).append(':')
                    .append(HexFormat.of().formatHex(ApiKeys.sha256(KEYS.get(role))));
        }
        return entries.toString();
    }

    public static String bearer(Role role) {
        return "Bearer " + KEYS.get(role);
    }

    private TestKeys() {
    }
}
