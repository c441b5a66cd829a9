package org.criticalminerals.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on chunks spread over threads, the results taken back in the order the chunks came: a pass over a large
 * import keeps its order (problems by line, facts as the file has them) while parsing, checking and planning run
 * on every core. At most twice as many chunks as threads are in flight, so memory stays bounded; the caller's
 * thread takes each result as soon as the chunk after the window is given.
 */
final class InOrder<T, R> implements AutoCloseable {

    private final ExecutorService pool;

    private final Function<T, R> work;

    private final Consumer<R> then;

    private final Deque<Future<R>> inFlight = new ArrayDeque<>();

    private final int window;

    /**
     * @param work what each chunk gets, on one of the threads
     * @param then what each result gets, on the caller's thread, in the order the chunks were given
     */
    InOrder(String name, int threads, Function<T, R> work, Consumer<R> then) {
        AtomicInteger started = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.work = work;
        this.then = then;
        this.window = 2 * threads;
    }

    /** The threads a pass uses: one per core. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    void submit(T chunk) {
        if (inFlight.size() >= window) {
            takeOldest();
        }
        inFlight.add(pool.submit(() -> work.apply(chunk)));
    }

    /** Takes every result still to come. */
    void finish() {
        while (!inFlight.isEmpty()) {
            takeOldest();
        }
    }

    private void takeOldest() {
        R result;
        try {
            result = inFlight.removeFirst().get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a chunk", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        then.accept(result);
    }

    /** Stops the threads; chunks still in flight (after a failure) are dropped. */
    @Override
    public void close() {
        inFlight.forEach(future -> future.cancel(true));
        inFlight.clear();
        pool.shutdownNow();
    }
}
