package org.criticalminerals.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The service as an operator runs it: a JVM of its own (the test classpath, the main class), embedded mode on a
 * given data directory, free HTTP and Bolt ports, its output in a log file. For the tests that kill it (SIGKILL is
 * {@link #kill()}, SIGTERM {@link #terminate(Duration)}) and start it again on the same directory. Every wait has a
 * generous deadline and ends as soon as its condition holds; a process that dies while waited for fails the wait
 * with the end of its log. The child ends itself when the test JVM goes away ({@link ChildJvm#main}), so no run leaves
 * one behind.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Long enough for a start on a CI machine busy with other builds (a start takes 20 s to 4 min here). */
    public static final Duration START_DEADLINE = Duration.ofMinutes(8);

    private static final String PASSWORD = "service-process-bolt";

    private final Process process;

    private final Path log;

    /** Where this start's output begins in the log (a restart appends to the log of the start before). */
    private final long logStart;

    private final int httpPort;

    private final int boltPort;

    private ServiceProcess(Process process, Path log, long logStart, int httpPort, int boltPort) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.httpPort = httpPort;
        this.boltPort = boltPort;
    }

    /**
     * Starts the service on the data directory (not waiting for it), with the test keys ({@link TestKeys}), its output
     * appended to {@code log} (so that a restart's log follows the first one's), and the extra arguments.
     */
    public static ServiceProcess start(Path dataDir, Path log, String... arguments) {
        try {
            int http = freePort();
            int bolt = freePort();
            List<String> command = ChildJvm.command(CriticalMineralsGraphApplication.class, "1g");
            command.add("--server.port=" + http);
            command.add("--cmg.embedded.bolt-port=" + bolt);
            command.add("--cmg.embedded.data-dir=" + dataDir.toAbsolutePath());
            command.add("--cmg.embedded.password=" + PASSWORD);
            command.add("--cmg.security.api-keys=" + TestKeys.configuration());
            command.add("--cmg.seeds.dir=" + SeedFiles.directory().toAbsolutePath());
            command.add("--cmg.workbench.browser.enabled=false");
            command.addAll(List.of(arguments));
            // the class path is long: an argument file keeps the command line short
            Path argFile = Files.createTempFile("service-process-", ".args");
            Files.write(argFile, command.subList(1, command.size()).stream().map(ServiceProcess::quoted).toList(), StandardCharsets.UTF_8);
            argFile.toFile().deleteOnExit();
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command.get(0), "@" + argFile).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceProcess(process, log, logStart, http, bolt);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A Bolt client of the embedded database, as an analyst connects. */
    public Driver bolt() {
        return GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.basic("neo4j", PASSWORD));
    }

    /** Waits until the service logs its Ready line. */
    public ServiceProcess awaitReady() {
        return awaitLog("Ready: GraphQL", START_DEADLINE);
    }

    /** Waits until this start's log holds the text. */
    public ServiceProcess awaitLog(String text, Duration deadline) {
        await("the log line '" + text + "'", deadline, () -> log().contains(text));
        return this;
    }

    /** Waits until the condition holds; fails if the process ends first or the deadline passes. */
    public void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the service ended (exit " + process.exitValue() + ") while waiting for " + what + ":\n" + tail());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + deadline.toSeconds() + " s:\n" + tail());
            }
            sleep(100);
        }
    }

    /** What this start has logged so far. */
    public String log() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8); // leniently: the last line may be half written
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush; as a power cut is to the process. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofMinutes(1));
    }

    /**
     * SIGTERM, as {@code docker stop} or systemd sends it, and waits for the process to end (at most the bound,
     * then SIGKILL).
     *
     * @return how long it took to end, or null when it did not end within the bound
     */
    public Duration terminate(Duration bound) {
        long started = System.nanoTime();
        process.toHandle().destroy(); // SIGTERM alone: Process.destroy() also closes the child's standard input, ending it (ChildJvm.main)
        if (waitFor(bound)) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
        kill();
        return null;
    }

    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean waitFor(Duration bound) {
        try {
            return process.waitFor(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6_000));
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
