package org.criticalminerals.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analysts' query library ({@code cypher/queries/*.cypher}) as the GraphQL API runs it: each question
 * is one parameterised statement in one file, read from the classpath and run as written, so the file an
 * analyst runs in cypher-shell and the field a frontend calls cannot drift apart.
 */
@Component
@Transactional(readOnly = true)
public class QueryLibrary {

    private final Neo4jClient client;

    private final Map<String, String> statements = new ConcurrentHashMap<>();

    QueryLibrary(Neo4jClient client) {
        this.client = client;
    }

    /** The statement of {@code cypher/queries/<name>.cypher}. */
    public String statement(String name) {
        return statements.computeIfAbsent(name, QueryLibrary::read);
    }

    /** Runs the named question and returns its rows, entities shaped for GraphQL ({@link Entities#shape}). */
    public List<Map<String, Object>> run(String name, Map<String, Object> parameters) {
        return client.query(statement(name)).bindAll(new HashMap<>(parameters)).fetch().all().stream().map(Entities::shapeRow).toList();
    }

    /**
     * The part of a question's statement between the comment lines "supply route" and "end supply route" (for
     * the marker "supply route"), the marker comments included: a pattern the file owns that other statements embed.
     */
    public static String block(String name, String marker) {
        String statement = read(name);
        String start = "/* " + marker + " */";
        String end = "/* end " + marker + " */";
        int from = statement.indexOf(start);
        int to = statement.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("cypher/queries/" + name + ".cypher has no block '" + marker + "'");
        }
        return statement.substring(from, to + end.length());
    }

    private static String read(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a query name: " + name);
        }
        try {
            String text = new ClassPathResource("cypher/queries/" + name + ".cypher").getContentAsString(StandardCharsets.UTF_8);
            StringBuilder statement = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.strip().startsWith("//")) {
                    statement.append(line).append('\n');
                }
            }
            String cypher = statement.toString().strip();
            return cypher.endsWith(";") ? cypher.substring(0, cypher.length() - 1) : cypher;
        }
        catch (IOException e) {
            throw new UncheckedIOException("query file cypher/queries/" + name + ".cypher", e);
        }
    }
}
