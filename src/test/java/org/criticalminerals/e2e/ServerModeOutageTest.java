package org.criticalminerals.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.ChildJvm;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.Neo4jServerMain;
import org.criticalminerals.support.SeedFiles;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server mode when the database goes away (issue 13, Faults): one Neo4j and two service instances, each a JVM of its
 * own so that any of them can be killed with SIGKILL. In order:
 * <ol>
 * <li>both instances start while the database is not there: they answer 503 {@code DATABASE_UNAVAILABLE} with
 * {@code Retry-After}, readiness and health DOWN, liveness UP;</li>
 * <li>the database starts: both finish their start-up work by themselves, one at a time (each migration applied
 * once, the knowledge base loaded once), and serve;</li>
 * <li>the database is killed: both answer 503 and report DOWN;</li>
 * <li>it restarts on the same store and port: both serve again by themselves, reads and writes;</li>
 * <li>one instance is killed: the other goes on serving, reads and writes.</li>
 * </ol>
 * A client per instance asks a question throughout: no answer is a 500, an INTERNAL_ERROR or an empty graph. The
 * times to detect and to recover are printed ({@code [outage]} lines) and reported in docs/reliability.md.
 * Every wait polls a condition under a generous deadline: a busy machine makes it slower, not red.
 */
class ServerModeOutageTest {

    /** A question whose answer is known: the offtake to Japan that avoids processing in China. */
    private static final String QUESTION = "{ offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) { totalCount edges { node { id } } } }";

    private static final String KNOWN_ANSWER = "lynas-japan-offtake";

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private static final Path WORK = Path.of("target", "server-mode-outage").toAbsolutePath();

    private static final List<ChildJvm> processes = new CopyOnWriteArrayList<>();

    private final List<String> figures = new ArrayList<>();

    @AfterAll
    static void killWhatIsLeft() {
        processes.forEach(ChildJvm::close);
    }

    @Test
    void theServiceAnswers503WhileTheDatabaseIsAwayRecoversByItselfAndOneInstanceSurvivesTheOther() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Path store = WORK.resolve("neo4j");
        int bolt = freePort();
        Instance a = new Instance("a", freePort());
        Instance b = new Instance("b", freePort());
        List<Instance> both = List.of(a, b);
        String uri = "neo4j://localhost:" + bolt;
        both.forEach(instance -> instance.start(uri));

        // 1. no database yet: the service starts, refuses with 503 and says DOWN, but is alive
        for (Instance instance : both) {
            await(instance + " answers 503 DATABASE_UNAVAILABLE before the database exists", ChildJvm.START, both, () -> {
                Http.Response answer = instance.ask();
                return answer.status() == 503 && "DATABASE_UNAVAILABLE".equals(answer.errorCode()) && answer.headers().containsKey("retry-after");
            });
            assertDown(instance);
        }
        Traffic traffic = new Traffic(both);

        // 2. the database appears: both finish their start-up work by themselves, one at a time
        ChildJvm database = startDatabase(store, bolt, both);
        long databaseUp = System.nanoTime();
        for (Instance instance : both) {
            await(instance + " serves once the database is there", DEADLINE, both, () -> instance.answersTheQuestion());
            figure("start-up work done on %s %.1f s after the database answered (migrations, knowledge base)", instance,
                    (System.nanoTime() - databaseUp) / 1e9);
            assertThat(instance.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.none()); Session session = driver.session()) {
            long migrationFiles;
            try (var files = Files.list(Path.of("cypher/migrations"))) {
                migrationFiles = files.count();
            }
            assertThat(session.run("MATCH (m:SchemaMigration) RETURN count(*) AS n, count(DISTINCT m.version) AS versions").single().asMap())
                    .as("each migration recorded once").isEqualTo(Map.of("n", migrationFiles, "versions", migrationFiles));
            assertThat(session.run("MATCH (b:ImportBatch {name: 'knowledge-base'}) RETURN count(*) AS n").single().get("n").asLong()).isOne();
            assertThat(session.run("MATCH (l:StartupLock) RETURN count(*) AS n").single().get("n").asLong()).as("the lock leaves nothing").isZero();
        }
        assertThat(a.logCount("Imported batch 'knowledge-base'") + b.logCount("Imported batch 'knowledge-base'"))
                .as("the knowledge base is loaded by one instance; the other finds it loaded").isOne();
        assertThat(a.logCount("Applied migration V1 ") + b.logCount("Applied migration V1 ")).as("migrations applied by one instance").isOne();

        // 3. the database is killed: both refuse with 503 and say DOWN; a's client finds out by its requests, b has none
        // for now, so b finds out by its own check of the database
        traffic.pause(b);
        database.kill();
        long killed = System.nanoTime();
        for (Instance instance : both) {
            // b is asked only what needs no database, so that only its own check can find the outage
            String query = instance == a ? QUESTION : "{ __typename }";
            await(instance + " answers 503 DATABASE_UNAVAILABLE and readiness DOWN after the database was killed", DEADLINE, both, () -> {
                Http.Response answer = instance.ask(query);
                return answer.status() == 503 && "DATABASE_UNAVAILABLE".equals(answer.errorCode())
                        && instance.get("/actuator/health/readiness").status() == 503;
            });
            figure("outage detected on %s %.1f s after SIGKILL of the database (%s)", instance, (System.nanoTime() - killed) / 1e9,
                    instance == a ? "its client asking" : "no client: only its own check can find it");
            assertDown(instance);
            assertThat(instance.ask().status()).isEqualTo(503);
        }
        Http.Response refusedImport = a.importFile("outage-refused", Role.CURATOR);
        assertThat(refusedImport.status()).as(refusedImport.body()).isEqualTo(503);
        assertThat(refusedImport.body()).contains("DATABASE_UNAVAILABLE");
        Http.Response refusedExport = a.get("/export?batch=knowledge-base");
        assertThat(refusedExport.status()).as(refusedExport.body()).isEqualTo(503);
        assertThat(refusedExport.body()).contains("DATABASE_UNAVAILABLE");

        // 4. the database restarts on the same store and port: both serve again by themselves
        long restarted = System.nanoTime();
        database = startDatabase(store, bolt, both);
        long databaseBack = System.nanoTime();
        figure("database restarted (store recovery after SIGKILL) in %.1f s", (databaseBack - restarted) / 1e9);
        for (Instance instance : both) {
            // a question that needs no database: it shows when the service stops refusing
            await(instance + " no longer refuses once the database is back", DEADLINE, both,
                    () -> instance.ask("{ __typename }").status() == 200);
            figure("%s no longer refuses %.1f s after the restarted database answered", instance, (System.nanoTime() - databaseBack) / 1e9);
        }
        traffic.resume(b);
        for (Instance instance : both) {
            await(instance + " serves again once the database is back", DEADLINE, both, () -> instance.answersTheQuestion());
            figure("%s serves again %.1f s after the restarted database answered (%.1f s after the restart began)", instance,
                    (System.nanoTime() - databaseBack) / 1e9, (System.nanoTime() - restarted) / 1e9);
            assertThat(instance.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
        Http.Response imported = a.importFile("outage-after-restart", Role.CURATOR);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(b.ask("{ offtake(id: \"outage-after-restart-offtake\") { id } }").body()).as("a write through a, read through b")
                .contains("outage-after-restart-offtake");

        // 5. one instance is killed: the other goes on serving
        traffic.stop(b);
        b.process.kill();
        for (int i = 0; i < 20; i++) {
            assertThat(a.answersTheQuestion()).as("a answers while b is dead").isTrue();
        }
        Http.Response afterKill = a.importFile("outage-after-kill", Role.CURATOR);
        assertThat(afterKill.status()).as(afterKill.body()).isEqualTo(200);
        assertThat(a.get("/actuator/health/readiness").status()).isEqualTo(200);

        traffic.stopAll();
        figure("client requests during the run: %s", traffic.counts);
        figures.forEach(line -> System.out.println("[outage] " + line));
        assertThat(traffic.unexpected).as("answers other than 200 with the data or 503 with a code").isEmpty();
        for (Instance instance : both) {
            assertThat(instance.logLines(" ERROR ")).as(instance + " logs no ERROR: an outage is a warning").isEmpty();
        }
        database.kill();
    }

    /** Liveness UP (the process is fine), readiness and health DOWN (it cannot serve). */
    private static void assertDown(Instance instance) {
        Http.Response liveness = instance.get("/actuator/health/liveness");
        assertThat(liveness.status()).as(instance + " liveness").isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
        for (String path : List.of("/actuator/health/readiness", "/actuator/health")) {
            Http.Response health = instance.get(path);
            assertThat(health.status()).as(instance + " " + path).isEqualTo(503);
            assertThat(health.body()).as(instance + " " + path).contains("\"DOWN\"");
        }
    }

    private ChildJvm startDatabase(Path store, int bolt, List<Instance> instances) throws InterruptedException {
        ChildJvm database = ChildJvm.start("neo4j", Neo4jServerMain.class, List.of(store.toString(), Integer.toString(bolt)), "512m",
                WORK.resolve("neo4j.log"));
        processes.add(database);
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.none())) {
            List<Instance> withDatabase = new ArrayList<>(instances);
            await("the database answers on Bolt", ChildJvm.START, withDatabase, () -> {
                if (!database.isAlive()) {
                    throw new AssertionError(database.tail(40));
                }
                try (Session session = driver.session()) {
                    return session.run("RETURN 1 AS one").single().get("one").asInt() == 1;
                }
                catch (RuntimeException e) {
                    return false;
                }
            });
        }
        return database;
    }

    private void figure(String format, Object... arguments) {
        figures.add(String.format(Locale.ROOT, format, arguments));
    }

    /** Polls every 100 ms until the condition holds; fails after the deadline with the instances' last log lines. */
    private static long await(String what, Duration deadline, List<Instance> instances, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < deadline.toNanos()) {
            try {
                if (condition.getAsBoolean()) {
                    return Math.max(1, (System.nanoTime() - started) / 1_000_000);
                }
            }
            catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        instances.forEach(instance -> logs.append('\n').append(instance.process.tail(30)));
        throw new AssertionError("Waited " + deadline.toSeconds() + " s for: " + what + logs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A service instance in server mode, in its own JVM. */
    private static final class Instance {

        private final String name;

        private final int port;

        private ChildJvm process;

        Instance(String name, int port) {
            this.name = name;
            this.port = port;
        }

        void start(String uri) {
            process = ChildJvm.start("service " + name, CriticalMineralsGraphApplication.class, List.of("--cmg.mode=server",
                    "--spring.neo4j.uri=" + uri, "--server.port=" + port, "--cmg.security.api-keys=" + TestKeys.configuration(),
                    "--cmg.seeds.dir=" + SeedFiles.directory().toAbsolutePath(), "--cmg.limits.query-timeout=60s"), "768m",
                    WORK.resolve("service-" + name + ".log"));
            processes.add(process);
        }

        Http.Response ask() {
            return ask(QUESTION);
        }

        Http.Response ask(String query) {
            return Http.postGraphQl(port, query, null, null);
        }

        /** A 200 with the known answer: served from the whole graph, not a half-loaded one. */
        boolean answersTheQuestion() {
            Http.Response answer = ask();
            return answer.status() == 200 && answer.errorCode() == null && answer.body().contains(KNOWN_ANSWER);
        }

        Http.Response get(String path) {
            return Http.get(port, path, null);
        }

        /** A partner file of two records (a source and an offtake) into its own batch. */
        Http.Response importFile(String batch, Role role) {
            String content = """
                    [{"type": "Source", "id": "%1$s-source", "kind": "PARTNER", "title": "Outage test feed"},
                     {"type": "Offtake", "id": "%1$s-offtake", "name": "Outage test offtake", "buyers": ["sojitz"],
                      "minerals": ["neodymium"], "suppliedFrom": ["mount-weld"],
                      "cite": [{"source": "%1$s-source", "statement": "outage test register"}]}]""".formatted(batch);
            return Http.post(port, "/import?batch=" + batch, content, "application/json", TestKeys.bearer(role));
        }

        long logCount(String text) {
            return logLines(text).size();
        }

        List<String> logLines(String text) {
            try {
                return Files.readAllLines(process.log(), StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A client per instance asking the question every 100 ms, counting the answers by status and code. Unexpected:
     * anything but 200 with the known answer, or 503 with UNAVAILABLE (starting) or DATABASE_UNAVAILABLE; a slow
     * request already answering 200 (the disconnect probe) may carry DATABASE_UNAVAILABLE in its errors.
     */
    private static final class Traffic {

        final Map<String, Integer> counts = new TreeMap<>();

        final List<String> unexpected = new CopyOnWriteArrayList<>();

        private final Map<Instance, AtomicBoolean> running = new ConcurrentHashMap<>();

        private final Map<Instance, AtomicBoolean> paused = new ConcurrentHashMap<>();

        /** Held while a request is under way. */
        private final Map<Instance, ReentrantLock> asking = new ConcurrentHashMap<>();

        private final List<Thread> threads = new ArrayList<>();

        Traffic(List<Instance> instances) {
            for (Instance instance : instances) {
                AtomicBoolean on = new AtomicBoolean(true);
                AtomicBoolean pause = new AtomicBoolean(false);
                ReentrantLock lock = new ReentrantLock();
                running.put(instance, on);
                paused.put(instance, pause);
                asking.put(instance, lock);
                Thread thread = new Thread(() -> {
                    while (on.get()) {
                        lock.lock();
                        try {
                            if (!pause.get()) {
                                record(instance);
                            }
                        }
                        finally {
                            lock.unlock();
                        }
                        try {
                            Thread.sleep(100);
                        }
                        catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "traffic-" + instance);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        private void record(Instance instance) {
            Http.Response answer;
            String code;
            try {
                answer = instance.ask();
                code = answer.body().isBlank() ? "EMPTY" : answer.errorCode();
            }
            catch (RuntimeException e) {
                unexpected.add(instance + ": " + e);
                return;
            }
            String key = answer.status() + (code == null ? "" : " " + code);
            synchronized (counts) {
                counts.merge(key, 1, Integer::sum);
            }
            Predicate<String> expected = k -> k.equals("200") || k.equals("503 UNAVAILABLE") || k.equals("503 DATABASE_UNAVAILABLE")
                    || k.equals("200 DATABASE_UNAVAILABLE");
            if (!expected.test(key) || (key.equals("200") && !answer.body().contains(KNOWN_ANSWER))) {
                unexpected.add(instance + ": " + answer.status() + " " + answer.body());
            }
        }

        /** Stops asking until resumed; returns when the request under way, if any, has been answered. */
        void pause(Instance instance) {
            paused.get(instance).set(true);
            asking.get(instance).lock();
            asking.get(instance).unlock();
        }

        void resume(Instance instance) {
            paused.get(instance).set(false);
        }

        void stop(Instance instance) throws InterruptedException {
            running.get(instance).set(false);
            for (Thread thread : threads) {
                if (thread.getName().equals("traffic-" + instance)) {
                    thread.join(Http.TIMEOUT.toMillis());
                }
            }
        }

        void stopAll() throws InterruptedException {
            for (Instance instance : running.keySet()) {
                stop(instance);
            }
        }
    }
}
