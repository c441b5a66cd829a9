package org.criticalminerals.ingest;

import java.util.List;
import java.util.Map;

/** One file to import: its name (used in error reports) and its text (YAML, or JSON). */
public record KnowledgeFile(String name, String content) {

    /** Its records as the importer reads them (YAML as JSON would: {@code NO} stays a string), before any check. */
    public List<Map<String, Object>> records() {
        return YamlRecords.read(this).records().stream().map(RawRecord::fields).toList();
    }
}
