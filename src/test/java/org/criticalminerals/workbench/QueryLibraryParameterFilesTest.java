package org.criticalminerals.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every question of the query library has a parameter file ({@code cypher/queries/params/<name>.params}, the
 * {@code :param} command cypher-shell and Neo4j Browser take) that sets exactly what its statement needs:
 * the question runs with it and returns rows. So a new parameter cannot leave the files behind.
 */
class QueryLibraryParameterFilesTest extends GraphTestSupport {

    private static final Path QUERIES = Path.of("cypher/queries");

    private static final Pattern PARAM = Pattern.compile("^:param (\\{.*\\})\\s*$", Pattern.MULTILINE);

    @Autowired
    Driver driver;

    @Autowired
    QueryLibrary library;

    @Test
    void everyQuestionRunsWithItsParameterFile() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(QUERIES)) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".cypher")).map(f -> f.replace(".cypher", ""))
                    .sorted().toList();
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(11);
        try (Session session = driver.session()) {
            for (String name : names) {
                Path file = QUERIES.resolve("params").resolve(name + ".params");
                assertThat(file).as("the parameter file of " + name).exists();
                Matcher param = PARAM.matcher(Files.readString(file));
                // the map is Cypher (dates are date('…')): Neo4j evaluates it, as cypher-shell does
                Map<String, Object> parameters = param.find()
                        ? session.run("RETURN " + param.group(1) + " AS p").single().get("p").asMap() : Map.of();
                List<?> rows = session.executeRead(tx -> tx.run(library.statement(name), parameters).list());
                assertThat(rows).as(name + " with " + file).isNotEmpty();
            }
        }
    }
}
