package org.criticalminerals.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The password of the embedded database's {@code neo4j} user: {@code NEO4J_PASSWORD} when set, otherwise
 * one generated on the first start and kept, readable by this user only, in the data directory
 * ({@code bolt-password}). No fixed default exists, so no two installations share one.
 */
record BoltPassword(String value, String origin) {

    static final String FILE = "bolt-password";

    private static final int MINIMUM_LENGTH = 8; // Neo4j's dbms.security.auth_minimum_password_length

    static BoltPassword resolve(String configured, Path dataDirectory) {
        if (!configured.isBlank()) {
            if (configured.length() < MINIMUM_LENGTH) {
                throw new DatabaseUnavailableException("NEO4J_PASSWORD is shorter than " + MINIMUM_LENGTH + " characters.",
                        "Set NEO4J_PASSWORD to at least " + MINIMUM_LENGTH + " characters, or unset it to use a generated one.", null);
            }
            return new BoltPassword(configured, "NEO4J_PASSWORD");
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new BoltPassword(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            return new BoltPassword(generated, file + " (generated on this first start)");
        }
        catch (IOException e) {
            throw new DatabaseUnavailableException("The Bolt password file " + file + " cannot be read or written: " + e,
                    "Set NEO4J_PASSWORD, or make the data directory writable.", e);
        }
    }

    @Override
    public String toString() {
        return "BoltPassword[from " + origin + "]"; // never the password
    }
}
