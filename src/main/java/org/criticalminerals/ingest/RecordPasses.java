package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
                    check(raw, rejections, each);
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

    private void check(RawRecord raw, Consumer<Rejection> rejections, Consumer<CheckedRecord> checked) {
        RecordChecker.Result result = RecordChecker.check(raw, restore);
        result.rejections().forEach(rejections);
        if (result.record() != null) {
            checked.accept(result.record());
        }
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

    /** What the threads made of one chunk of the file: its problems, what the work gave, how many records it held. */
    private record Done<R>(List<Rejection> problems, R result, int records) {
    }

    /**
     * The pass on every core: chunks of the file are parsed, checked and given to {@code work} on
     * {@code threads} threads, and their results (and problems) handed to {@code then} in the file's order on this
     * thread, as {@link #inChunks} would. Memory is bounded by the chunks in flight.
     */
    <R> void inParallel(Consumer<Rejection> rejections, KnowledgeImporter.Progress progress, String phase, long total, int threads,
            Function<List<CheckedRecord>, R> work, Consumer<R> then) {
        long[] read = new long[1];
        try (InOrder<List<RecordSource.Unparsed>, Done<R>> pipeline = new InOrder<>(phase, threads, unparsed -> {
            List<Rejection> problems = new ArrayList<>();
            List<CheckedRecord> records = new ArrayList<>(unparsed.size());
            int[] raw = new int[1];
            for (RecordSource.Unparsed one : unparsed) {
                one.parse(record -> {
                    raw[0]++;
                    check(record, problems::add, records::add);
                }, problems::add);
            }
            return new Done<>(problems, work.apply(records), raw[0]);
        }, done -> {
            done.problems().forEach(rejections);
            then.accept(done.result());
            read[0] += done.records();
            progress.update(phase, read[0], total);
        })) {
            List<RecordSource.Unparsed> chunkRead = new ArrayList<>(chunk);
            for (RecordSource source : sources) {
                try {
                    source.readUnparsed(one -> {
                        chunkRead.add(one);
                        if (chunkRead.size() == chunk) {
                            pipeline.submit(List.copyOf(chunkRead));
                            chunkRead.clear();
                        }
                    });
                }
                catch (IOException e) {
                    throw new UncheckedIOException("reading " + source.name(), e);
                }
            }
            if (!chunkRead.isEmpty()) {
                pipeline.submit(List.copyOf(chunkRead));
            }
            pipeline.finish();
        }
        progress.update(phase, read[0], total < 0 ? read[0] : total);
    }
}
