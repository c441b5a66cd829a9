package org.criticalminerals.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunks worked on in parallel come back in the order given; a pass in parallel sees what a pass in one thread sees. */
class InOrderTest {

    @TempDir
    Path temp;

    @Test
    void resultsComeInTheOrderTheChunksWereGivenWhateverFinishesFirst() {
        List<Integer> taken = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        try (InOrder<Integer, Integer> pipeline = new InOrder<>("test", 3, chunk -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(chunk % 3 == 0 ? 30 : 1); // every third chunk is slow: the later ones finish first
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return chunk * 10;
        }, taken::add)) {
            for (int chunk = 0; chunk < 40; chunk++) {
                pipeline.submit(chunk);
            }
            pipeline.finish();
        }
        assertThat(taken).hasSize(40);
        for (int i = 0; i < taken.size(); i++) {
            assertThat(taken.get(i)).isEqualTo(i * 10);
        }
        assertThat(mostInFlight.get()).isBetween(1, 3);
    }

    @Test
    void aChunkThatFailsStopsThePassWithItsOwnException() {
        List<Integer> taken = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (InOrder<Integer, Integer> pipeline = new InOrder<>("test", 2, chunk -> {
                if (chunk == 5) {
                    throw new IllegalStateException("chunk 5 is bad");
                }
                return chunk;
            }, taken::add)) {
                for (int chunk = 0; chunk < 20; chunk++) {
                    pipeline.submit(chunk);
                }
                pipeline.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("chunk 5 is bad");
        assertThat(taken).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aPassInParallelGivesTheRecordsAndProblemsOfAPassInOneThreadInTheFilesOrder() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(switch (i % 10) {
                case 3 -> "{not json";
                case 6 -> "[1, 2]";
                case 8 -> "{\"type\":\"Source\",\"id\":\"Not A Slug " + i + "\",\"kind\":\"PARTNER\"}";
                default -> "{\"type\":\"Source\",\"id\":\"feed-" + i + "\",\"kind\":\"PARTNER\",\"title\":\"Feed " + i + "\"}";
            });
            if (i % 7 == 0) {
                lines.add("   ");
            }
        }
        Path file = temp.resolve("partner.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        RecordPasses passes = new RecordPasses(List.of(new JsonLinesRecords("partner.jsonl", file)), false, 4);

        List<String> sequentialIds = new ArrayList<>();
        List<Rejection> sequentialProblems = new ArrayList<>();
        passes.inChunks(sequentialProblems::add, KnowledgeImporter.Progress.NONE, "checking", -1,
                chunk -> chunk.forEach(record -> sequentialIds.add(record.id() + "@" + record.location())));

        List<String> parallelIds = new ArrayList<>();
        List<Rejection> parallelProblems = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        passes.inParallel(parallelProblems::add, (phase, done, total) -> progress.add(done), "checking", -1, 3,
                chunk -> chunk.stream().map(record -> record.id() + "@" + record.location()).toList(), parallelIds::addAll);

        assertThat(sequentialIds).hasSize(35);
        assertThat(parallelIds).isEqualTo(sequentialIds);
        assertThat(parallelProblems).isNotEmpty().isEqualTo(sequentialProblems);
        assertThat(progress).isSorted().last().isEqualTo(40L); // the records read: the lines that hold a JSON object
    }
}
