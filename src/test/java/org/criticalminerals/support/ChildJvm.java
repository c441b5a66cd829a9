package org.criticalminerals.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, on the tests' class path, with the JVM flags Neo4j needs and its output in
 * a log file: for tests that kill a process (SIGKILL) and watch what the others do. The child ends itself when
 * the test JVM goes away ({@link #main}: it exits when its standard input closes), so no run leaves one behind.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;

    private final Process process;

    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with the arguments; its output goes to {@code log}.
     *
     * @param heap the child's -Xmx, e.g. "512m"
     */
    public static ChildJvm start(String name, Class<?> mainClass, List<String> arguments, String heap, Path log) {
        List<String> command = command(mainClass, heap);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildJvm(name, process, log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command line that runs {@code mainClass} in a child: this JVM's java, Neo4j's --add-opens and
     * --add-exports as the test JVM has them, {@code heap}, the tests' class path, and {@link #main} in front of the
     * main class, so that the child ends when the test JVM goes away.
     */
    static List<String> command(Class<?> mainClass, String heap) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-")).forEach(command::add);
        // a short-lived process on a busy machine: the client compiler only, one GC thread
        command.addAll(List.of("-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        // surefire's java.class.path may hold an empty entry, which would put the working directory (and its cypher/,
        // knowledge-base/ ...) on the child's class path a second time
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        command.addAll(List.of("-cp", classPath, ChildJvm.class.getName(), mainClass.getName()));
        return command;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug would: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die within a minute of SIGKILL");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the child has exited by itself and returns its exit status; fails with its log's end if it runs past the deadline. */
    public int waitFor(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("still running after " + deadline + ": " + tail(40));
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    /** The log's last lines, for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return name + " (pid " + process.pid() + (process.isAlive() ? ", running" : ", exited " + process.exitValue()) + "), last lines of "
                    + log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException e) {
            return name + ": no log (" + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** In the child: ends the JVM when the test JVM (its standard input) goes away, then runs the main class. */
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; read until the parent's end of the pipe closes
                }
            }
            catch (IOException e) {
                // the same: the parent is gone
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    /** How long to wait for a child's start on a busy machine. */
    public static final Duration START = Duration.ofMinutes(3);
}
