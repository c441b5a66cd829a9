package org.criticalminerals.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Problems of an import: the first {@value #MAX_LISTED} listed, all counted. */
final class Rejections implements Consumer<Rejection> {

    /** Problems listed in full; beyond this many only counted. */
    static final int MAX_LISTED = 1_000;

    private final List<Rejection> listed = new ArrayList<>();

    private long count;

    @Override
    public void accept(Rejection rejection) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(rejection);
        }
    }

    List<Rejection> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }
}
