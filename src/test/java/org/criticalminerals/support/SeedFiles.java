package org.criticalminerals.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The five source documents the curated knowledge base cites: {@code -Dseeds.dir=…}, by default
 * {@code ../shared/seeds} beside the repository. A public clone may not have them; the tests that read them
 * then skip and say what is missing and where it was expected.
 */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("seeds.dir", "../shared/seeds"));
    }

    /** The directory, or the calling test is skipped with the reason. */
    public static Path required() {
        Path directory = directory();
        Assumptions.assumeTrue(Files.isRegularFile(directory.resolve("README.md")), () -> "skipped: the seed documents (README.md and the "
                + "five .txt files) are not at " + directory.toAbsolutePath().normalize() + "; put them there or run with -Dseeds.dir=<their directory>");
        return directory;
    }
}
