package org.criticalminerals.support;

import java.nio.file.Path;
import java.time.Duration;

import org.criticalminerals.workbench.Neo4jPlugins;
import org.neo4j.configuration.GraphDatabaseSettings;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The real Neo4j the tests run against, started once per test JVM: Testcontainers' Neo4j when a Docker
 * engine is present, else an in-process Neo4j (the harness) with Bolt on a free port, with APOC and GDS
 * loaded as in the embedded mode (the container has neither, see the README). Choose with
 * {@code -Dtest.neo4j=auto|harness|testcontainers} (default auto).
 */
public final class TestNeo4j {

    public record Server(String kind, String boltUri) {
    }

    private static Server server;

    private TestNeo4j() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String mode = System.getProperty("test.neo4j", "auto");
        boolean docker = switch (mode) {
            case "harness" -> false;
            case "testcontainers" -> true;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException("test.neo4j must be auto, harness or testcontainers, not " + mode);
        };
        long started = System.nanoTime();
        Server chosen;
        if (docker) {
            Neo4jContainer container = new Neo4jContainer(System.getProperty("test.neo4j.image", "neo4j:5.26-community"))
                    .withoutAuthentication()
                    .withStartupTimeout(Duration.ofMinutes(3));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            chosen = new Server("testcontainers", container.getBoltUrl().replaceFirst("^bolt://", "neo4j://"));
        }
        else {
            // Neo4j's own HTTP server does not start under Boot 4's Jersey; Bolt is all the tests need.
            // APOC and GDS as in the embedded mode, so that server-mode tests can call them.
            Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                    .withConfig(GraphDatabaseSettings.plugin_dir, Neo4jPlugins.install(Path.of("target", "test-neo4j-plugins").toAbsolutePath()))
                    .withConfig(GraphDatabaseSettings.procedure_allowlist, Neo4jPlugins.PROCEDURE_ALLOWLIST)
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, Neo4jPlugins.UNRESTRICTED)
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
            // the routing scheme, as a cluster or Aura needs: the driver fetches a routing table and sends
            // read transactions to readers, so the tests exercise that path against the single instance
            chosen = new Server("harness", neo4j.boltURI().toString().replaceFirst("^bolt://", "neo4j://"));
        }
        System.out.printf("[TestNeo4j] %s at %s (started in %d ms)%n", chosen.kind(), chosen.boltUri(),
                (System.nanoTime() - started) / 1_000_000);
        return chosen;
    }

    /**
     * Whether a Docker engine answers. Testcontainers is asked only where one may be (a socket, DOCKER_HOST or a
     * Testcontainers configuration): without any, its probe would log an ERROR block in every passing run.
     */
    static boolean dockerAvailable() {
        boolean maybe = System.getenv("DOCKER_HOST") != null || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!maybe) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (Throwable e) {
            return false;
        }
    }
}
