package org.criticalminerals.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final List<String> DATE_FIELDS = List.of("date", "start", "end", "announced", "effective", "lifted", "validFrom",
            "validTo", "since", "until");

    private final Neo4jClient client;

    private final Map<String, String> statements = new ConcurrentHashMap<>();

    QueryLibrary(Neo4jClient client) {
        this.client = client;
    }

    /** The statement of {@code cypher/queries/<name>.cypher}. */
    public String statement(String name) {
        return statements.computeIfAbsent(name, QueryLibrary::read);
    }

    /** Runs the named question and returns its rows, entities shaped for GraphQL (see {@link #shape}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> run(String name, Map<String, Object> parameters) {
        Collection<Map<String, Object>> rows = client.query(statement(name)).bindAll(new HashMap<>(parameters)).fetch().all();
        List<Map<String, Object>> shaped = new ArrayList<>();
        rows.forEach(row -> shaped.add((Map<String, Object>) shape(row)));
        return shaped;
    }

    /**
     * The query files project entities as {@code n {.*, labels: labels(n)}}, which reads well in cypher-shell;
     * for GraphQL each such map gets its type name and its dates as {value, precision}.
     */
    static Object shape(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            map.forEach((k, v) -> shaped.put(k.toString(), shape(v)));
            if (map.get("labels") instanceof List<?> labels && map.containsKey("id")) {
                labels.stream().map(Object::toString).filter(GraphReader.TYPES::contains).findFirst()
                        .ifPresent(type -> shaped.put(GraphReader.TYPENAME, type));
                shaped.put("code", map.get("id"));
            }
            for (String field : DATE_FIELDS) {
                if (map.get(field) instanceof LocalDate date) {
                    Object precision = map.get(field + "Precision");
                    shaped.put(field, Map.of("value", date, "precision", precision == null ? "DAY" : precision));
                }
            }
            return shaped;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(QueryLibrary::shape).toList();
        }
        return value;
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
