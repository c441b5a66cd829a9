package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.criticalminerals.generator.PartnerFileGenerator;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six clients importing the same batch at once, over HTTP and over GraphQL: one import at a time gets the batch,
 * every other one a clear conflict to retry (HTTP 409 with Retry-After, GraphQL a payload error with code
 * CONFLICT), never an internal error, and the data ends up as one import leaves it. First while another import
 * holds the batch (every client gets the conflict), then all six racing each other.
 */
class ConcurrentImportsTest extends GraphTestSupport {

    private static final String BATCH = "test:concurrent";

    private static final int CLIENTS = 6;

    private static final String IMPORT = """
            mutation($batch: String!, $content: String!) {
              importKnowledge(input: {batch: $batch, content: $content}) { report { claimsWritten } errors { code field message } }
            }""";

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @AfterEach
    void cleanUp() {
        removeBatch(BATCH);
    }

    @Test
    void sixHttpClientsGetOneImportAtATimeAndRetryableConflicts() throws Exception {
        String file = generated(1_500);
        List<Http.Response> blocked = holdingTheBatch(() -> all(() -> Http.post(port, "/import?batch=" + BATCH, file, "application/x-ndjson",
                TestKeys.bearer(Role.PARTNER))));
        assertThat(blocked).allSatisfy(this::assertHttpConflict);

        List<Http.Response> racing = all(() -> Http.post(port, "/import?batch=" + BATCH, file, "application/x-ndjson", TestKeys.bearer(Role.PARTNER)));
        assertThat(racing).allSatisfy(response -> {
            if (response.status() != 200) {
                assertHttpConflict(response);
            }
        });
        assertThat(racing).filteredOn(response -> response.status() == 200).isNotEmpty();
        assertThat(claimsOfTheBatch()).isEqualTo(1_499); // every record but the source, once
        System.out.printf("[concurrent] HTTP: %d of %d blocked clients got 409; racing: %d imported, %d got 409%n", blocked.size(), CLIENTS,
                racing.stream().filter(r -> r.status() == 200).count(), racing.stream().filter(r -> r.status() == 409).count());
    }

    @Test
    void sixGraphQlClientsGetOneImportAtATimeAndConflictErrorsInThePayload() throws Exception {
        String content = "[" + String.join(",", generated(300).lines().toList()) + "]";
        Map<String, Object> variables = Map.of("batch", BATCH, "content", content);
        List<Http.Response> blocked = holdingTheBatch(() -> all(() -> Http.postGraphQl(port, IMPORT, variables, TestKeys.bearer(Role.PARTNER))));
        assertThat(blocked).allSatisfy(this::assertGraphQlConflict);

        List<Http.Response> racing = all(() -> Http.postGraphQl(port, IMPORT, variables, TestKeys.bearer(Role.PARTNER)));
        long imported = 0;
        for (Http.Response response : racing) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
            JsonNode payload = response.json().at("/data/importKnowledge");
            if (payload.path("errors").isEmpty()) {
                imported++;
            }
            else {
                assertGraphQlConflict(response);
            }
        }
        assertThat(imported).isPositive();
        assertThat(claimsOfTheBatch()).isEqualTo(299);
        System.out.printf("[concurrent] GraphQL: %d of %d blocked clients got CONFLICT; racing: %d imported, %d got CONFLICT%n", blocked.size(),
                CLIENTS, imported, CLIENTS - imported);
    }

    private void assertHttpConflict(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().get("retry-after")).as("Retry-After").containsExactly(String.valueOf(ImportConflictException.RETRY_AFTER_SECONDS));
        assertThat(response.json().path("code").asString()).isEqualTo("CONFLICT");
        assertThat(response.json().path("retryable").asBoolean()).isTrue();
        assertThat(response.json().at("/problems/0/message").asString()).contains("is being imported right now; retry");
    }

    private void assertGraphQlConflict(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
        JsonNode errors = response.json().at("/data/importKnowledge/errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        assertThat(errors.get(0).path("code").asString()).isEqualTo("CONFLICT");
        assertThat(errors.get(0).path("message").asString()).contains("is being imported right now; retry");
        assertThat(response.json().at("/data/importKnowledge/report").isNull()).isTrue();
    }

    /** Runs the work while another import (of another instance, say) holds the batch's lease. */
    private <T> T holdingTheBatch(Callable<T> work) throws Exception {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:RunningImport {batch: $batch, run: 'elsewhere', state: 'WRITING', "
                    + "heartbeatAt: datetime()})", Map.of("batch", BATCH)).consume());
        }
        try {
            return work.call();
        }
        finally {
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:RunningImport {run: 'elsewhere'}) DELETE r").consume());
            }
        }
    }

    /** The request sent by {@value #CLIENTS} clients at the same moment; their answers. */
    private static List<Http.Response> all(Callable<Http.Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        }
        finally {
            clients.shutdownNow();
        }
    }

    private long claimsOfTheBatch() {
        try (Session session = driver.session()) {
            return session.run("MATCH (c:Claim {batch: $batch}) RETURN count(c) AS n", Map.of("batch", BATCH)).single().get("n").asLong();
        }
    }

    private static String generated(int records) throws IOException {
        StringWriter out = new StringWriter();
        PartnerFileGenerator.generate(5, records, out);
        return out.toString();
    }
}
