package org.criticalminerals.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.criticalminerals.cli.BackupCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file {@code tools/backup} wrote: its manifest, and its export unpacked into a file of its own once its SHA-256
 * is the manifest's (a damaged or edited backup is refused before anything is written).
 *
 * @param export the unpacked export (JSON Lines), for the importer's passes
 */
record BackupFile(Path export, long lines, String sha256, String createdAt, Map<String, Long> counts) {

    /** Not a backup, or not the one its manifest describes. */
    static final class Unusable extends Exception {

        Unusable(String message) {
            super(message);
        }
    }

    /** Reads the manifest and unpacks the export into {@code unpacked}, checking its SHA-256 and line count. */
    static BackupFile open(Path file, Path unpacked) throws IOException, Unusable {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(BackupCommand.MANIFEST_ENTRY);
            ZipEntry exportEntry = zip.getEntry(BackupCommand.EXPORT_ENTRY);
            if (manifestEntry == null || exportEntry == null) {
                throw new Unusable(file + " is not a backup of tools/backup: it lacks " + BackupCommand.MANIFEST_ENTRY + " or " + BackupCommand.EXPORT_ENTRY);
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JsonMapper.builder().build().readTree(in);
            }
            if (!BackupCommand.FORMAT.equals(manifest.path("format").asString(""))) {
                throw new Unusable(file + ": unknown format " + manifest.path("format") + " (expected " + BackupCommand.FORMAT + ")");
            }
            Map<String, Long> counts = new TreeMap<>();
            manifest.path("counts").properties().forEach(count -> counts.put(count.getKey(), count.getValue().asLong()));
            String sha256 = manifest.at("/export/sha256").asString("");
            long lines = manifest.at("/export/lines").asLong(-1);
            MessageDigest digest = newDigest();
            long read = 0;
            try (InputStream in = new DigestInputStream(zip.getInputStream(exportEntry), digest); OutputStream out = Files.newOutputStream(unpacked)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            read++;
                        }
                    }
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256) || read != lines) {
                throw new Unusable(file + " is damaged: its export has SHA-256 " + actual + " and " + read + " lines, its manifest says " + sha256
                        + " and " + lines);
            }
            return new BackupFile(unpacked, lines, sha256, manifest.path("createdAt").asString(""), counts);
        }
        catch (java.util.zip.ZipException e) {
            throw new Unusable(file + " is not a readable zip file: " + e.getMessage());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
