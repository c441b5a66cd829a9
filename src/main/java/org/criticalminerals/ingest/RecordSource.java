package org.criticalminerals.ingest;

import java.io.IOException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Where the records of an import come from: a YAML or JSON document, a JSON Lines file, a CSV file. It can be
 * read more than once (the import checks everything before it writes), and streams: a source never holds
 * more than the record at hand, so a file of any size can be imported.
 */
interface RecordSource {

    /** The name problems are reported against. */
    String name();

    /**
     * Reads every record, in order; problems of form (not JSON, a line that is no record) go to {@code problems}.
     */
    void read(Consumer<RawRecord> records, Consumer<Rejection> problems) throws IOException;

    /** A record read and not parsed yet: the parsing can be done on another thread, in any order; the caller keeps the file's. */
    interface Unparsed {

        void parse(Consumer<RawRecord> records, Consumer<Rejection> problems);
    }

    /**
     * Reads every record, in order, leaving the parsing to whoever takes them: a JSON Lines file hands out its
     * lines; other sources parse as they read.
     */
    default void readUnparsed(Consumer<Unparsed> each) throws IOException {
        read(record -> each.accept((records, problems) -> records.accept(record)), problem -> each.accept((records, problems) -> problems.accept(problem)));
    }

    /** A source that is already in memory: a knowledge-base file, parsed once however often it is read. */
    static RecordSource of(KnowledgeFile file) {
        return new RecordSource() {

            private YamlRecords.@Nullable Parsed parsed;

            @Override
            public String name() {
                return file.name();
            }

            @Override
            public void read(Consumer<RawRecord> records, Consumer<Rejection> problems) {
                if (parsed == null) {
                    parsed = YamlRecords.read(file);
                }
                parsed.rejections().forEach(problems);
                parsed.records().forEach(records);
            }
        };
    }
}
