package org.criticalminerals.fuzz;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * What the graph holds, read over Bolt: nodes and their properties per label, relationships per type. Equal
 * before and after a run means the run wrote nothing (a created node, a removed claim, a property set by an
 * update all change it).
 */
record GraphCounts(Map<String, Long> counts) {

    static GraphCounts read(String boltUri, @Nullable String user, @Nullable String password) {
        AuthToken auth = password == null ? AuthTokens.none() : AuthTokens.basic(user == null ? "neo4j" : user, password);
        // the report is the output: without a logging set-up (no Spring here) the driver would print INFO lines around it
        try (Driver driver = GraphDatabase.driver(boltUri, auth, Config.builder().withLogging(Logging.none()).build());
                Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            Map<String, Long> counts = new TreeMap<>();
            session.executeRead(tx -> {
                tx.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes, sum(size(keys(n))) AS properties, "
                        + "sum(coalesce(toInteger(n.version), 0)) AS versions").forEachRemaining(r -> {
                    counts.put("nodes " + r.get("label").asString(), r.get("nodes").asLong());
                    counts.put("properties of " + r.get("label").asString(), r.get("properties").asLong());
                    counts.put("versions of " + r.get("label").asString(), r.get("versions").asLong());
                });
                tx.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships, sum(size(keys(r))) AS properties").forEachRemaining(r -> {
                    counts.put("relationships " + r.get("type").asString(), r.get("relationships").asLong());
                    counts.put("properties of " + r.get("type").asString(), r.get("properties").asLong());
                });
                return null;
            });
            return new GraphCounts(counts);
        }
    }

    /** What differs, as "label: before → after" lines; empty when equal. */
    String differences(GraphCounts after) {
        StringBuilder out = new StringBuilder();
        TreeMap<String, Long> all = new TreeMap<>(counts);
        after.counts.forEach(all::putIfAbsent);
        for (String key : all.keySet()) {
            long before = counts.getOrDefault(key, 0L);
            long now = after.counts.getOrDefault(key, 0L);
            if (before != now) {
                out.append(key).append(": ").append(before).append(" → ").append(now).append('\n');
            }
        }
        return out.toString();
    }

    /** The number of labels and relationship types counted. */
    long kinds() {
        return counts.keySet().stream().filter(k -> k.startsWith("nodes ") || k.startsWith("relationships ")).count();
    }
}
