package org.criticalminerals.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.criticalminerals.ingest.KnowledgeFile;


/**
 * Facts per source, counted in the knowledge-base files themselves (one fact per type and id, whichever
 * files cite it), so that two revisions of the files compare by one method: what a second reading added
 * or merged away per document.
 */
final class FactsPerSource {

    private FactsPerSource() {
    }

    /** Source id → the number of facts citing it, over every {@code .yaml} file under the directory. */
    static Map<String, Integer> count(Path knowledgeBase) {
        Map<String, Set<String>> facts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(knowledgeBase)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> record : records(file)) {
                    Object id = record.get("id");
                    if (id == null || !(record.get("cite") instanceof Collection<?> cites)) {
                        continue;
                    }
                    for (Object cite : cites) {
                        if (cite instanceof Map<?, ?> citation && citation.get("source") != null) {
                            facts.computeIfAbsent(citation.get("source").toString(), s -> new HashSet<>()).add(record.get("type") + ":" + id);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        facts.forEach((source, ids) -> counts.put(source, ids.size()));
        return counts;
    }

    private static List<Map<String, Object>> records(Path file) throws IOException {
        return new KnowledgeFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).records();
    }

    /** A Markdown table of the counts before and now, per source, with the change. */
    static String compare(String previousName, Map<String, Integer> previous, Map<String, Integer> now) {
        StringBuilder out = new StringBuilder("| source | facts in " + previousName + " | facts now | change |\n|---|---:|---:|---:|\n");
        Set<String> sources = new TreeSet<>(previous.keySet());
        sources.addAll(now.keySet());
        for (String source : sources) {
            int before = previous.getOrDefault(source, 0);
            int after = now.getOrDefault(source, 0);
            out.append("| %s | %d | %d | %+d |\n".formatted(source, before, after, after - before));
        }
        return out.toString();
    }
}
