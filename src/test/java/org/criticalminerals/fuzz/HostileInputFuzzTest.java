package org.criticalminerals.fuzz;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.criticalminerals.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast part of the hostile-input fuzz (issue 13): 1,500 generated inputs of every category — GraphQL
 * documents from the schema with hostile values in every argument, malformed bodies, methods and headers,
 * malformed import files with and without a key — at the fast scale, against the test service with the
 * curated knowledge base. No answer may be a 5xx, show a stack trace, a Java class, Cypher or a graphql-java
 * AST dump, or carry an error without {@code extensions.code}; the graph's counts per label and relationship
 * type (over Bolt) are the same after the run; the known query answers as before. The long part is
 * {@code tools/fuzz} (docs/reliability.md). {@code -Dfuzz.seed} and {@code -Dfuzz.inputs} change the run.
 */
class HostileInputFuzzTest extends GraphTestSupport {

    static final long SEED = Long.getLong("fuzz.seed", 20261201L);

    static final long INPUTS = Long.getLong("fuzz.inputs", 1_500L);

    @LocalServerPort
    int port;

    @Test
    void hostileInputsAreRefusedCleanlyAndWriteNothing() throws Exception {
        URI base = URI.create("http://localhost:" + port);
        String knownBefore = knownAnswerOnceReady(base);
        GraphCounts before = GraphCounts.read(TestNeo4j.server().boltUri(), null, null);
        FuzzCases cases = new FuzzCases(SEED, new FuzzCases.Keys(TestKeys.KEYS.get(Role.READER), TestKeys.KEYS.get(Role.PARTNER),
                TestKeys.KEYS.get(Role.CURATOR)), Scale.FAST);

        FuzzRun.Report report = new FuzzRun(base, cases, 4, Http.TIMEOUT).run(SEED, 0, INPUTS);
        System.out.println(report.text());

        GraphCounts after = GraphCounts.read(TestNeo4j.server().boltUri(), null, null);
        assertThat(report.failureCount()).as(report.text()).isZero();
        assertThat(report.totals().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(INPUTS);
        // every family of input was sent, and every root field and every argument of the schema got hostile values
        assertThat(report.groups().keySet()).anyMatch(g -> g.startsWith("graphql/")).anyMatch(g -> g.startsWith("body/"))
                .anyMatch(g -> g.startsWith("import/"));
        assertThat(cases.unreached()).as(report.coverage()).noneMatch(k -> k.startsWith("Query.") && !k.contains("(") || k.startsWith("Mutation.") && !k.contains("("))
                .noneMatch(k -> k.contains("("));
        assertThat(before.kinds()).isPositive();
        assertThat(before.differences(after)).as("what the run changed in the graph").isEmpty();
        assertThat(FuzzCommand.known(base)).as("the known query after the run").isEqualTo(knownBefore);
    }

    /** The known query's answer, once the service answers it (a fresh context loads the knowledge base first, answering 503). */
    private static String knownAnswerOnceReady(URI base) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String answer = FuzzCommand.known(base);
        while (answer == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = FuzzCommand.known(base);
        }
        assertThat(answer).as("the service answers the known query").isNotNull();
        return answer;
    }
}
