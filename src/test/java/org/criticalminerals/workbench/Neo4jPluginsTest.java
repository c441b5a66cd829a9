package org.criticalminerals.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.criticalminerals.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * APOC and GDS answer over Bolt in the tests' Neo4j (the embedded mode's are tried in
 * EmbeddedModeRestartTest), and nothing but Neo4j's own procedures and theirs is loaded. The plugin
 * directory is filled from the local repository or, where that has not the jars ({@code java -jar} on
 * another machine), from the executable jar, and keeps no jar the build no longer lists.
 */
class Neo4jPluginsTest {

    @TempDir
    Path temp;

    @Test
    void thePluginDirectoryIsFilledFromTheRepositoryOrTheExecutableJar() throws IOException {
        Path local = Files.writeString(temp.resolve("apoc-core-1.jar"), "from the local repository");
        Path executable = temp.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(executable))) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/proc-2.jar"));
            zip.write("from the executable jar".getBytes());
            zip.closeEntry();
        }
        Path plugins = temp.resolve("data/plugins");
        Files.createDirectories(plugins);
        try (OutputStream stale = Files.newOutputStream(plugins.resolve("proc-1.jar"))) {
            stale.write(1);
        }
        Map<String, Path> jars = Map.of("apoc-core-1.jar", local, "proc-2.jar", temp.resolve("not/in/the/repository/proc-2.jar"));

        Neo4jPlugins.install(plugins, jars, executable);

        try (var present = Files.list(plugins)) {
            assertThat(present.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("apoc-core-1.jar", "proc-2.jar");
        }
        assertThat(Files.readString(plugins.resolve("apoc-core-1.jar"))).isEqualTo("from the local repository");
        assertThat(Files.readString(plugins.resolve("proc-2.jar"))).isEqualTo("from the executable jar");
        // the build's own list names every APOC and GDS procedure jar, and nothing else
        assertThat(Neo4jPlugins.listedJars().keySet()).contains("apoc-core-5.26.19.jar", "apoc-common-5.26.19.jar", "proc-2.13.9.jar",
                "opengds-extension-2.13.9.jar").allMatch(name -> name.endsWith(".jar"));
        assertThat(Neo4jPlugins.listedJars().values()).allMatch(path -> path.toString().contains("/org/neo4j/gds/")
                || path.toString().contains("/org/neo4j/procedure/"));
    }

    @Test
    void apocAndGdsAnswerOverBolt() {
        assumeThat(TestNeo4j.server().kind()).as("the container image has no APOC or GDS").isEqualTo("harness");
        try (Driver driver = GraphDatabase.driver(TestNeo4j.server().boltUri(), AuthTokens.none()); Session session = driver.session()) {
            assertThat(session.run("RETURN apoc.version() AS v").single().get("v").asString()).isEqualTo("5.26.19");
            assertThat(session.run("CALL apoc.help('coll.sum') YIELD name RETURN collect(name) AS names").single().get("names")
                    .asList(org.neo4j.driver.Value::asString)).contains("apoc.coll.sum");
            assertThat(session.run("CALL gds.list('gds.betweenness.stream') YIELD name RETURN collect(name) AS names").single().get("names")
                    .asList(org.neo4j.driver.Value::asString)).contains("gds.betweenness.stream");
            assertThat(session.run("RETURN gds.version() AS v").single().get("v").asString()).isEqualTo("2.13.9");
            List<String> namespaces = session.run("""
                    SHOW PROCEDURES YIELD name
                    RETURN collect(DISTINCT split(name, '.')[0]) AS namespaces""").single().get("namespaces").asList(org.neo4j.driver.Value::asString);
            assertThat(namespaces).containsExactlyInAnyOrder("db", "dbms", "tx", "apoc", "gds");
            Map<String, Object> projected = session.run("""
                    CALL gds.graph.project.cypher('plugins-test', 'UNWIND [1, 2] AS i RETURN i AS id',
                         'RETURN 1 AS source, 2 AS target') YIELD nodeCount, relationshipCount
                    RETURN nodeCount, relationshipCount""").single().asMap();
            assertThat(projected).containsEntry("nodeCount", 2L).containsEntry("relationshipCount", 1L);
            session.run("CALL gds.graph.drop('plugins-test')").consume();
        }
    }
}
