package org.criticalminerals.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs the load: reads a sample of ids from the graph; warms the service's query plans (a few clients run every
 * scenario of the mix {@code --plan-rounds} times); warms up with all clients for {@code --warmup} seconds; then
 * {@code --clients} threads, each with its own HTTP connection, send the {@link RequestMix} back to back (no think
 * time) for the measured {@code --seconds}. Prints a Markdown report (and writes it to {@code --report}) and exits
 * 0 when no request of the measured window failed, 1 when any did (an HTTP status other than 200, a GraphQL
 * error, a client timeout), 2 on a usage or set-up error. Errors of the warm-ups are reported apart.
 *
 * <pre>
 * java -cp app.jar -Dloader.main=org.criticalminerals.load.LoadTest org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url http://localhost:8080 [--clients 64] [--seconds 60] [--warmup 15] [--plan-rounds 4] [--timeout 60] [--sample 2000] [--seed 1]
 *   [--only question] [--pid PID] [--report FILE]
 * </pre>
 */
public final class LoadTest {

    /** Clients of the plan warm-up: few, so that planning a statement is not slowed down by many others. */
    private static final int PLAN_CLIENTS = 4;

    private record Options(URI url, int clients, int seconds, int warmup, int planRounds, Duration timeout, int sample, long seed,
            @Nullable Long pid, @Nullable Path report, String settings, RequestMix mix) {
    }

    /** What a run gave: each phase's records, and what the machine and the service showed in the measured window. */
    record Run(Instant started, Phase plans, Phase warmup, Phase measured, List<Double> loads, List<Long> rss, double serviceCpuSeconds,
            ServiceProbe.@Nullable Memory before, ServiceProbe.@Nullable Memory after) {
    }

    /** One phase: how long it took and what its clients recorded. */
    record Phase(double seconds, Recorder recorder) {
    }

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(execute(args, System.out));
    }

    /** Runs the load test and returns the exit status: 0 no error in the measured window, 1 errors, 2 usage or set-up. */
    static int execute(String[] args, PrintStream out) throws Exception {
        Options options;
        try {
            options = options(args);
        }
        catch (RuntimeException e) {
            System.err.println("load-test: " + e.getMessage());
            System.err.println("usage: LoadTest --url URL [--clients 64] [--seconds 60] [--warmup 15] [--plan-rounds 4] [--timeout 60] [--sample 2000]"
                    + " [--seed 1] [--only SCENARIO-PREFIX] [--pid PID] [--report FILE] [--settings TEXT]");
            return 2;
        }
        GraphSample sample;
        try {
            long started = System.nanoTime();
            sample = GraphSample.read(new GraphQlClient(options.url(), options.timeout()), options.sample());
            System.err.printf(Locale.ROOT, "load-test: sample of %,d ids read in %.1f s%n", sample.size(), (System.nanoTime() - started) / 1e9);
        }
        catch (IllegalStateException e) {
            System.err.println("load-test: " + e.getMessage());
            return 2;
        }
        Run run = run(options, sample, new ServiceProbe(options.pid()));
        String report = Report.markdown(options.url(), options.clients(), options.settings(), sample, options.mix(), run);
        out.print(report);
        if (options.report() != null) {
            Files.createDirectories(options.report().toAbsolutePath().getParent());
            Files.writeString(options.report(), report, StandardCharsets.UTF_8);
        }
        return run.measured().recorder().errors() == 0 ? 0 : 1;
    }

    private static Run run(Options options, GraphSample sample, ServiceProbe probe) throws InterruptedException {
        Instant started = Instant.now();
        SplittableRandom seeds = new SplittableRandom(options.seed());
        RequestMix mix = options.mix();
        Phase plans = phase(Math.min(PLAN_CLIENTS, options.clients()), options, seeds, session -> {
            SplittableRandom random = seeds.split();
            for (int round = 0; round < options.planRounds(); round++) {
                mix.each(session.session(), sample, random);
            }
        });
        System.err.printf(Locale.ROOT, "load-test: plan warm-up done (%,d requests in %.0f s)%n", plans.recorder().requests(), plans.seconds());
        Phase warmup = phase(options.clients(), options, seeds, untilSeconds(options.warmup(), mix, sample));
        System.err.printf(Locale.ROOT, "load-test: warm-up done (%.0f s); measuring %d clients for %d s%n", warmup.seconds(), options.clients(),
                options.seconds());
        ServiceProbe.Memory before = probe.knowsProcess() ? probe.memory() : null;
        ServiceProbe.Sampler sampler = new ServiceProbe.Sampler(probe);
        double cpuBefore = probe.cpuSeconds();
        sampler.start();
        Phase measured = phase(options.clients(), options, seeds, untilSeconds(options.seconds(), mix, sample));
        sampler.finish();
        double cpu = probe.cpuSeconds() - cpuBefore;
        ServiceProbe.Memory after = probe.knowsProcess() ? probe.memory() : null;
        return new Run(started, plans, warmup, measured, sampler.loads(), sampler.rss(), cpu, before, after);
    }

    /** A client's part of a phase: its session, which records every request, and its random numbers. */
    private record Client(RequestMix.Session session, SplittableRandom random) {
    }

    private static Consumer<Client> untilSeconds(int seconds, RequestMix mix, GraphSample sample) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        return client -> {
            while (System.nanoTime() < end) {
                mix.next(client.session(), sample, client.random());
            }
        };
    }

    /**
     * Runs {@code clients} threads, each with its own connection, until each has done its {@code work}; a phase
     * lasts until the last request in flight came back.
     */
    private static Phase phase(int clients, Options options, SplittableRandom seeds, Consumer<Client> work) throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < clients; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            GraphQlClient client = new GraphQlClient(options.url(), options.timeout());
            Client state = new Client((kind, document, variables) -> {
                GraphQlClient.Answer answer = client.post(document, variables);
                recorder.record(kind, answer);
                return answer;
            }, seeds.split());
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                }
                catch (InterruptedException e) {
                    return;
                }
                work.accept(state);
            }, "load-client-" + i);
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new Phase((System.nanoTime() - start) / 1e9, Recorder.merge(recorders));
    }

    private static Options options(String[] args) {
        URI url = null;
        int clients = 64;
        int seconds = 60;
        int warmup = 15;
        int planRounds = 4;
        int timeout = 60;
        int sample = 2000;
        long seed = 1;
        Long pid = null;
        Path report = null;
        String settings = "";
        String only = "";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = URI.create(value.endsWith("/") ? value : value + "/");
                case "--clients" -> clients = atLeast("--clients", value, 1);
                case "--seconds" -> seconds = atLeast("--seconds", value, 1);
                case "--warmup" -> warmup = atLeast("--warmup", value, 0);
                case "--plan-rounds" -> planRounds = atLeast("--plan-rounds", value, 0);
                case "--timeout" -> timeout = atLeast("--timeout", value, 1);
                case "--sample" -> sample = atLeast("--sample", value, 1);
                case "--seed" -> seed = Long.parseLong(value);
                case "--pid" -> pid = Long.parseLong(value);
                case "--report" -> report = Path.of(value);
                case "--settings" -> settings = value;
                case "--only" -> only = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("give --url, the service's base address");
        }
        return new Options(url, clients, seconds, warmup, planRounds, Duration.ofSeconds(timeout), sample, seed, pid, report, settings,
                new RequestMix(only));
    }

    private static int atLeast(String option, String value, int least) {
        int number = Integer.parseInt(value);
        if (number < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
        }
        return number;
    }
}
