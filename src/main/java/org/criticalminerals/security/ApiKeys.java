package org.criticalminerals.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured API keys, parsed from {@code CMG_API_KEYS}: comma-separated {@code name:role:sha256-hex}
 * entries. Only the SHA-256 of each key is configured, so neither the repository, the environment dump nor
 * a log ever holds a key; a presented key is hashed and compared in constant time.
 */
public final class ApiKeys {

    /** One configured key: its name (what logs and batches record), its role and the SHA-256 of the key. */
    public record ApiKey(String name, Role role, byte[] sha256) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses the configured entries.
     *
     * @throws IllegalArgumentException naming the faulty entry by position and name, never its hash
     */
    public static ApiKeys parse(String configured) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String[] entries = configured.strip().isEmpty() ? new String[0] : configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String[] parts = entry.split(":", -1);
            String where = "CMG_API_KEYS entry " + (i + 1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + " is not name:role:sha256-hex (found " + (parts.length - 1) + " colons)");
            }
            String name = parts[0].strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": the name must be 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
            }
            where += " (" + name + ")";
            Role role;
            try {
                role = Role.parse(parts[1]);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            String hex = parts[2].strip();
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException(where + ": the third part must be the SHA-256 of the key as 64 hex digits "
                        + "(printf %s \"$KEY\" | sha256sum), not the key itself");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": the name is used twice");
            }
            if (!hashes.add(hex.toLowerCase())) {
                throw new IllegalArgumentException(where + ": the same key is configured twice");
            }
            keys.add(new ApiKey(name, role, HexFormat.of().parseHex(hex)));
        }
        return new ApiKeys(keys);
    }

    /** The configured key that {@code presented} is, if any. */
    public Optional<ApiKey> match(String presented) {
        byte[] hash = sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) { // no early exit: the time taken does not tell which key matched
            if (MessageDigest.isEqual(key.sha256(), hash)) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public List<ApiKey> all() {
        return keys;
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
