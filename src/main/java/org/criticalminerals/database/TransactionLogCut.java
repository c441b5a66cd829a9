package org.criticalminerals.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the default database's transaction log ended when Neo4j panicked it, kept in a file of the data directory
 * until the next start has cut the log there.
 * <p>
 * Why: after a failed append (no space left) the stop of the panicked database flushes what its log writer still
 * buffered, and once there is room again that lands behind the part of the failed append that fit: bytes that read as
 * entries with nonsense lengths. Neo4j's start then runs out of memory reading them ("Unable to retrieve last append
 * index", seen in FullDiskTest), before its recovery could cut a damaged tail. Nothing after the last appended batch
 * committed, so the log is cut there before Neo4j opens it.
 * <p>
 * The file is written full-size before the database starts and only ever overwritten in place, so that recording a
 * cut on a full disk uses blocks it already has instead of needing new ones.
 */
final class TransactionLogCut {

    private static final Logger log = LoggerFactory.getLogger(TransactionLogCut.class);

    static final String FILE_NAME = "transaction-log-cut";

    /** Room for the offset and a long log path. */
    private static final int SIZE = 4096;

    private static final Pattern LOG_FILE = Pattern.compile("(.*\\.)(\\d+)");

    private final Path file;

    TransactionLogCut(Path home) {
        this.file = home.resolve(FILE_NAME);
    }

    /**
     * Clears the record (before every start: a cut is made once, never again over what committed since), writing the
     * file at full size the first time.
     */
    void reset() {
        if (!overwrite(new byte[0])) {
            log.warn("Could not write {}: a panic on a full disk may then need the transaction log cut by hand", file);
        }
    }

    /** Records that the log must end at {@code offset} of {@code logFile}. Called on Neo4j's thread when the database panics. */
    void record(Path logFile, long offset) {
        byte[] text = (offset + "\n" + logFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8);
        if (text.length > SIZE) {
            log.warn("The transaction log's path is too long to record a cut in {}: {}", file, logFile);
        }
        else if (!overwrite(text)) {
            log.warn("Could not record where the transaction log ends in {}; the next start may refuse to read its tail", file);
        }
    }

    /** Writes {@code text} and zeros up to the full size over the file in place (never truncating it), and forces it to disk. */
    private boolean overwrite(byte[] text) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(SIZE).put(text).flip().limit(SIZE);
            while (buffer.hasRemaining()) {
                out.write(buffer, buffer.position());
            }
            out.force(true);
            return true;
        }
        catch (IOException e) {
            log.debug("Writing {} failed", file, e);
            return false;
        }
    }

    /** The cut recorded and not yet done, if any. */
    Optional<Cut> recorded() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\0", "").strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String[] lines = text.split("\n", 2);
            return Optional.of(new Cut(Path.of(lines[1].strip()), Long.parseLong(lines[0].strip())));
        }
        catch (IOException | RuntimeException e) {
            log.warn("Ignoring {}, which does not read as a transaction log cut: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Cuts the log as recorded: the recorded file is truncated at the offset and the log files after it are deleted.
     * The database must be stopped.
     *
     * @return the bytes cut off
     */
    long apply(Cut cut) throws IOException {
        long removed = 0;
        if (Files.isRegularFile(cut.logFile()) && Files.size(cut.logFile()) > cut.offset()) {
            try (FileChannel channel = FileChannel.open(cut.logFile(), StandardOpenOption.WRITE)) {
                removed += channel.size() - cut.offset();
                channel.truncate(cut.offset());
                channel.force(true);
            }
        }
        Matcher name = LOG_FILE.matcher(cut.logFile().getFileName().toString());
        Path directory = cut.logFile().toAbsolutePath().getParent();
        if (name.matches() && directory != null) {
            long version = Long.parseLong(name.group(2));
            try (Stream<Path> files = Files.list(directory)) {
                for (Path later : files.toList()) {
                    Matcher other = LOG_FILE.matcher(later.getFileName().toString());
                    if (other.matches() && other.group(1).equals(name.group(1)) && Long.parseLong(other.group(2)) > version) {
                        removed += Files.size(later);
                        Files.delete(later);
                    }
                }
            }
        }
        return removed;
    }

    /** The log must end at {@code offset} of {@code logFile}. */
    record Cut(Path logFile, long offset) {
    }
}
