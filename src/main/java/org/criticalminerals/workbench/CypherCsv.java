package org.criticalminerals.workbench;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer as CSV (RFC 4180): a header of the columns, then one line per row; text and numbers as they
 * are, lists, maps, nodes and relationships as their JSON, null as an empty cell.
 */
final class CypherCsv {

    private CypherCsv() {
    }

    static String write(ReadOnlyCypher.Answer answer, JsonMapper json) {
        StringBuilder csv = new StringBuilder();
        line(csv, answer.columns().stream().map(c -> (Object) c).toList(), json);
        for (Map<String, @Nullable Object> row : answer.rows()) {
            line(csv, answer.columns().stream().map(row::get).toList(), json);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<@Nullable Object> cells, JsonMapper json) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell instanceof String s ? s
                    : cell instanceof Number || cell instanceof Boolean ? cell.toString() : json.writeValueAsString(cell);
            csv.append(text.matches("(?s).*[\",\r\n].*") || text.startsWith(" ") || text.endsWith(" ")
                    ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }
}
