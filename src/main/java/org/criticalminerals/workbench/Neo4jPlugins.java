package org.criticalminerals.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * APOC core and Graph Data Science for an in-process Neo4j (the embedded mode, and the tests' harness).
 * <p>
 * Neo4j finds procedures only in jars of its plugin directory, while the plugins' kernel extensions load
 * from the classpath; both are needed. The plugin directory must hold only the procedure jars (the
 * {@code org.neo4j.gds} and {@code org.neo4j.procedure} artifacts): with their libraries beside them Neo4j's
 * plugin class loader fails (IllegalAccessError in commons-text). The build lists those jars in
 * {@code neo4j-plugins.txt}; {@link #install} copies them into the plugin directory from the local Maven
 * repository (a build, the tests) or from the executable jar's {@code BOOT-INF/lib}, and removes jars that are
 * no longer listed (an upgrade).
 */
public final class Neo4jPlugins {

    /** Neo4j's own procedures, and the two plugins: nothing else is loaded. */
    public static final List<String> PROCEDURE_ALLOWLIST = List.of("db.*", "dbms.*", "tx.*", "apoc.*", "gds.*");

    /** The plugins reach into the kernel (GDS reads the store directly); Neo4j's own need no such right. */
    public static final List<String> UNRESTRICTED = List.of("apoc.*", "gds.*");

    static final String LIST = "neo4j-plugins.txt";

    private static final String BOOT_LIB = "BOOT-INF/lib/";

    private Neo4jPlugins() {
    }

    /**
     * Puts the plugin jars into {@code directory} (created if missing) and returns it.
     *
     * @throws IllegalStateException when a listed jar is found neither in the local repository nor in the
     *         executable jar
     */
    public static Path install(Path directory) {
        return install(directory, listedJars(), executableJar());
    }

    /** As {@link #install(Path)}, with the jars (file name to local path) and the executable jar given. */
    static Path install(Path directory, Map<String, Path> jars, @Nullable Path executable) {
        try {
            Files.createDirectories(directory);
            removeUnlisted(directory, jars);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path target = directory.resolve(jar.getKey());
                if (Files.isRegularFile(jar.getValue())) {
                    if (!Files.exists(target) || Files.size(target) != Files.size(jar.getValue())) {
                        Files.copy(jar.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                else if (!Files.exists(target)) {
                    missing.add(jar.getKey());
                }
            }
            if (!missing.isEmpty()) {
                extractFromExecutableJar(missing, directory, executable);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not put APOC and GDS into Neo4j's plugin directory " + directory, e);
        }
        return directory;
    }

    /** File name to path in the local repository, from the list the build wrote. */
    static Map<String, Path> listedJars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        try (InputStream in = Neo4jPlugins.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is not on the classpath: build with Maven (it lists the plugin jars)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                // "   org.neo4j.gds:proc:jar:2.13.9:compile:/root/.m2/…/proc-2.13.9.jar -- module proc (auto)"
                String entry = line.strip().replaceFirst(" -- module .*$", "");
                int path = entry.indexOf(":/");
                if (entry.endsWith(".jar") && path > 0) {
                    Path jar = Path.of(entry.substring(path + 1));
                    jars.put(jar.getFileName().toString(), jar);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException(LIST + " lists no plugin jar");
        }
        return jars;
    }

    private static void removeUnlisted(Path directory, Map<String, Path> jars) throws IOException {
        try (DirectoryStream<Path> present = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : present) {
                if (!jars.containsKey(jar.getFileName().toString())) {
                    Files.delete(jar);
                }
            }
        }
    }

    /** {@code java -jar}: the jars are entries of the executable jar, which is the whole class path. */
    private static void extractFromExecutableJar(List<String> names, Path directory, @Nullable Path executable) throws IOException {
        if (executable == null) {
            throw new IllegalStateException("APOC/GDS jars not found: " + names + " (neither in the local Maven repository nor in an executable jar)");
        }
        try (ZipFile zip = new ZipFile(executable.toFile())) {
            for (String name : names) {
                ZipEntry entry = zip.getEntry(BOOT_LIB + name);
                if (entry == null) {
                    throw new IllegalStateException(executable + " holds no " + BOOT_LIB + name);
                }
                Path partial = directory.resolve(name + ".part");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static @Nullable Path executableJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? jar : null;
    }
}
