package org.criticalminerals.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client's record of its requests: latencies per request kind and the errors by kind and cause. Each client
 * writes only its own recorder (no locking on the hot path); the run merges them at the end.
 */
final class Recorder {

    /** Errors of one cause: how many, and the first message seen. */
    record Failures(int count, String firstMessage) {
    }

    private final Map<String, LongList> latencies = new TreeMap<>();

    private final Map<String, Map<String, Failures>> failures = new TreeMap<>();

    void record(String kind, GraphQlClient.Answer answer) {
        latencies.computeIfAbsent(kind, k -> new LongList()).add(answer.nanos());
        if (!answer.ok()) {
            failures.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(String.valueOf(answer.error()),
                    new Failures(1, String.valueOf(answer.message())), (a, b) -> new Failures(a.count() + b.count(), a.firstMessage()));
        }
    }

    static Recorder merge(List<Recorder> recorders) {
        Recorder all = new Recorder();
        for (Recorder recorder : recorders) {
            recorder.latencies.forEach((kind, list) -> all.latencies.computeIfAbsent(kind, k -> new LongList()).addAll(list));
            recorder.failures.forEach((kind, causes) -> causes.forEach((cause, f) -> all.failures.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .merge(cause, f, (a, b) -> new Failures(a.count() + b.count(), a.firstMessage()))));
        }
        return all;
    }

    Map<String, LongList> latencies() {
        return latencies;
    }

    Map<String, Map<String, Failures>> failures() {
        return failures;
    }

    int errors(String kind) {
        return failures.getOrDefault(kind, Map.of()).values().stream().mapToInt(Failures::count).sum();
    }

    int errors() {
        return failures.keySet().stream().mapToInt(this::errors).sum();
    }

    long requests() {
        return latencies.values().stream().mapToLong(LongList::size).sum();
    }

    /** A growable list of latencies in nanoseconds. */
    static final class LongList {

        private long[] values = new long[256];

        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }

        static LongList of(List<LongList> lists) {
            LongList all = new LongList();
            lists.forEach(all::addAll);
            return all;
        }
    }

    /** The kinds whose name starts with {@code group + " "}, e.g. all lookups. */
    List<LongList> group(String group) {
        List<LongList> lists = new ArrayList<>();
        latencies.forEach((kind, list) -> {
            if (kind.startsWith(group + " ")) {
                lists.add(list);
            }
        });
        return lists;
    }
}
