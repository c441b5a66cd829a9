package org.criticalminerals.ingest;

import java.util.List;

/** The curated knowledge base's files, for tests outside the ingest package. */
public final class KnowledgeBaseFiles {

    private KnowledgeBaseFiles() {
    }

    public static List<KnowledgeFile> all() {
        return KnowledgeBaseLoader.files("classpath:knowledge-base/");
    }
}
