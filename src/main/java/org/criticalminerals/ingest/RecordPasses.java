package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pass over an import's sources: every record read and checked ({@link RecordChecker}), its problems given
 * to the caller, the good ones handed on one by one or in chunks. An import streams its sources more than once
 * rather than holding them, so that memory does not grow with the file.
 */
final class RecordPasses {

    private final List<RecordSource> sources;

    private final boolean restore;

    private final int chunk;

    /** @param chunk records per chunk, and how often the progress is told */
    RecordPasses(List<RecordSource> sources, boolean restore, int chunk) {
        this.sources = sources;
        this.restore = restore;
        this.chunk = chunk;
    }

    /** @param total the records expected, or -1 when not known yet (the first pass counts them) */
    void stream(Consumer<Rejection> rejections, KnowledgeImporter.Progress progress, String phase, long total, Consumer<CheckedRecord> each) {
        long[] read = new long[1];
        for (RecordSource source : sources) {
            try {
                source.read(raw -> {
                    RecordChecker.Result result = RecordChecker.check(raw, restore);
                    result.rejections().forEach(rejections);
                    if (result.record() != null) {
                        each.accept(result.record());
                    }
                    if (++read[0] % chunk == 0) {
                        progress.update(phase, read[0], total);
                    }
                }, rejections);
            }
            catch (IOException e) {
                throw new UncheckedIOException("reading " + source.name(), e);
            }
        }
        progress.update(phase, read[0], total < 0 ? read[0] : total);
    }

    void inChunks(Consumer<Rejection> rejections, KnowledgeImporter.Progress progress, String phase, long total, Consumer<List<CheckedRecord>> each) {
        List<CheckedRecord> records = new ArrayList<>(chunk);
        stream(rejections, progress, phase, total, record -> {
            records.add(record);
            if (records.size() == chunk) {
                each.accept(List.copyOf(records));
                records.clear();
            }
        });
        if (!records.isEmpty()) {
            each.accept(List.copyOf(records));
        }
    }
}
