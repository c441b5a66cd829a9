package org.criticalminerals.chokepoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.api.QueryLibrary;
import org.jspecify.annotations.Nullable;
import org.criticalminerals.api.Records;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Service;

/**
 * Runs {@code chokepoints.cypher} as written where the database has Graph Data Science; where it has not (a
 * server without the plugin), the same statement with its centrality block swapped for one that scores
 * nothing, so that routes, volumes and shares still answer and the result says centrality is unavailable.
 */
@Service
public class ChokepointAnalysis {

    static final String QUERY = "chokepoints";

    /** Marks the GDS part of the statement (block comments survive the query library's comment stripping). */
    private static final String CENTRALITY_BLOCK = "(?s)/\\* centrality \\*/.*/\\* end centrality \\*/";

    /** Stands in for the centrality block without GDS: the same rows, every site with a null betweenness. */
    private static final String WITHOUT_CENTRALITY = """
            CALL (offtakes) {
              UNWIND offtakes AS o
              MATCH (o)-[:SUPPLIED_FROM]->(site)
              RETURN DISTINCT site, null AS betweenness
            }""";

    static final String NO_GDS = "The database has no Graph Data Science library (gds.betweenness.stream): betweenness is not computed.";

    private final QueryLibrary library;

    private final GraphReader reader;

    ChokepointAnalysis(QueryLibrary library, GraphReader reader) {
        this.library = library;
        this.reader = reader;
    }

    public Chokepoints chokepoints(@Nullable String mineralId) {
        Mineral mineral = mineralId == null ? null
                : reader.byId(Mineral.class, mineralId).orElseThrow(() -> new NotFoundException("No mineral has the id '" + mineralId + "'."));
        boolean gds = hasGds();
        String statement = library.statement(QUERY);
        if (!gds) {
            statement = statement.replaceFirst(CENTRALITY_BLOCK, java.util.regex.Matcher.quoteReplacement(WITHOUT_CENTRALITY));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("mineral", mineralId);
        List<Map<String, Object>> rows = reader.rows(statement, parameters);
        String note = gds ? null : NO_GDS;
        if (rows.isEmpty()) { // no route known for the mineral
            return new Chokepoints(mineral, 0, null, null, gds, note, List.of(), List.of(), List.of());
        }
        Map<String, Object> row = rows.get(0);
        return new Chokepoints(mineral, ((Number) row.get("routes")).intValue(), (String) row.get("volumeUnit"), number(row.get("volume")),
                gds, note, ranked(row.get("countries")), ranked(row.get("sites")), ranked(row.get("organizations")));
    }

    private boolean hasGds() {
        return !reader.rows("SHOW PROCEDURES YIELD name WHERE name = 'gds.betweenness.stream' RETURN name", Map.of()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Chokepoints.Chokepoint> ranked(Object value) {
        List<Chokepoints.Chokepoint> ranked = new ArrayList<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) value) {
            ranked.add(new Chokepoints.Chokepoint(ranked.size() + 1, Records.entity(Node.class, (Map<String, Object>) x.get("entity")), ((Number) x.get("routes")).intValue(),
                    ((Number) x.get("routeShare")).doubleValue(), number(x.get("volume")), number(x.get("volumeShare")),
                    number(x.get("betweenness"))));
        }
        return ranked;
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
