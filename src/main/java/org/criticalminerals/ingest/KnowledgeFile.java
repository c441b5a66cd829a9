package org.criticalminerals.ingest;

/** One file to import: its name (used in error reports) and its text (YAML, or JSON). */
public record KnowledgeFile(String name, String content) {
}
