package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The seed documents, where they are available ({@code cmg.seeds.dir}, default {@code ../shared/seeds}):
 * a curator's citation of a seed must quote, verbatim, text that stands on the cited line. Where the
 * documents are absent the check is left to the test suite, which always has them.
 */
@Component
class SeedDocuments implements ImportPlanner.QuoteCheck {

    private static final Logger log = LoggerFactory.getLogger(SeedDocuments.class);

    private final Path directory;

    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    private volatile boolean absenceLogged;

    SeedDocuments(@Value("${cmg.seeds.dir:../shared/seeds}") String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    public Optional<String> problem(String file, int line, String quote) {
        Path path = directory.resolve(file).normalize();
        if (!path.startsWith(directory.normalize()) || !Files.isRegularFile(path)) {
            if (!absenceLogged) {
                absenceLogged = true;
                log.info("Seed document {} is not in {}: quotes are not checked against it here", file, directory.toAbsolutePath());
            }
            return Optional.empty();
        }
        List<String> text = lines.computeIfAbsent(file, f -> read(path));
        if (line > text.size()) {
            return Optional.of("line " + line + " is past the end of " + file + " (" + text.size() + " lines)");
        }
        return text.get(line - 1).contains(quote) ? Optional.empty()
                : Optional.of("the quote does not stand on line " + line + " of " + file + ": '" + quote + "'");
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
