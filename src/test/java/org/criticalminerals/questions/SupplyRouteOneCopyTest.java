package org.criticalminerals.questions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.criticalminerals.api.QueryLibrary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supply route is computed by one block of Cypher, owned by question 1's file: question 5's file holds the same
 * block (the files stay runnable as they are in cypher-shell), and no other statement, file or Java source walks
 * the SUPPLIES chains of a route in a copy of its own that could drift.
 */
class SupplyRouteOneCopyTest {

    private static final String ROUTE_WALK = "[:SUPPLIES*0..";

    @Test
    void everyRouteIsTheBlockOfQuestionOne() throws IOException {
        String block = QueryLibrary.block("routes-avoiding-countries", "supply route");
        assertThat(block).contains(ROUTE_WALK);
        assertThat(QueryLibrary.block("supply-concentration", "supply route")).isEqualTo(block);
        for (Path file : files(Path.of("cypher/queries"), ".cypher")) {
            String outside = Files.readString(file).replace(rawBlock(file), "");
            assertThat(outside).as(file + " outside its supply-route block").doesNotContain(ROUTE_WALK);
        }
        for (Path source : files(Path.of("src/main/java"), ".java")) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain(ROUTE_WALK);
        }
    }

    /** The block as the file has it, comment lines included. */
    private static String rawBlock(Path file) throws IOException {
        String text = Files.readString(file);
        int from = text.indexOf("/* supply route */");
        int to = text.indexOf("/* end supply route */");
        return from < 0 || to < from ? "\u0000" : text.substring(from, to);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
