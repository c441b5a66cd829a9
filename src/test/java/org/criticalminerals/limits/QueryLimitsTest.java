package org.criticalminerals.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import graphql.introspection.IntrospectionQuery;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out bombs of the open-doors issue are refused before they run, fast, while other clients go on
 * being answered; the limits show in the schema; a body over the size limit is refused.
 */
class QueryLimitsTest extends GraphTestSupport {

    /** Like the nested query that once kept the service busy for 13 minutes: about 200 bytes, country → organizations → country … */
    static final String NESTED_BOMB = "{country(code:JP)" + "{organizations{country".repeat(5) + "{id code name nameJa aliases}" + "}}".repeat(5) + "}";

    /** 200 aliases of a page of 500 countries with their organizations. */
    static final String ALIAS_BOMB = IntStream.range(0, 200)
            .mapToObj(i -> "a" + i + ": countries(first: 500) { edges { node { id name organizations { id name } } } }")
            .collect(Collectors.joining(" ", "{ ", " }"));

    @LocalServerPort
    int port;

    @Test
    void theBombsAreRefusedBeforeTheyRunWhileAnotherClientIsAnswered() throws Exception {
        assertThat(NESTED_BOMB.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(208);
        ExecutorService attackers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Http.Response>> attacks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String bomb = i % 2 == 0 ? NESTED_BOMB : ALIAS_BOMB;
                attacks.add(CompletableFuture.supplyAsync(() -> Http.postGraphQl(port, bomb, null, null), attackers));
            }
            Http.Response bystander = Http.postGraphQl(port, "{ organization(id: \"sojitz\") { id name country { id } } }", null, null);
            assertThat(bystander.status()).isEqualTo(200);
            assertThat(bystander.json().at("/data/organization/country/id").asString()).isEqualTo("JP");
            for (CompletableFuture<Http.Response> attack : attacks) {
                Http.Response refused = attack.get();
                assertThat(refused.errorCode()).as(refused.body()).isEqualTo("QUERY_TOO_COMPLEX");
                assertThat(refused.json().path("data").isMissingNode() || refused.json().path("data").isNull()).isTrue();
            }
        }
        finally {
            attackers.shutdownNow();
        }
        // refused before it runs: not one statement reaches the database (a wall-clock bound failed on busy CI machines)
        assertThat(statementsFor(NESTED_BOMB)).isZero();
        assertThat(statementsFor(ALIAS_BOMB)).isZero();
    }

    @Test
    void aPageInsideAPageCostsWhatItCouldReturn() {
        Http.Response nested = Http.postGraphQl(port, "{ countries(first: 500) { edges { node { organizations { id } } } } }", null, null);
        assertThat(nested.status()).isEqualTo(200);
        assertThat(nested.errorCode()).isNull();
        Http.Response pages = Http.postGraphQl(port,
                "{ countries(first: 500) { edges { node { id } } } organizations(first: 500) { edges { node { id country { id } } } } }", null, null);
        assertThat(pages.errorCode()).isNull();
        Http.Response tooMuch = Http.postGraphQl(port,
                "{ countries(first: 500) { edges { node { organizations { country { organizations { id } } } } } } }", null, null);
        assertThat(tooMuch.errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
        // countries: 1 + 500 pages × edges (1 + node (1 + organizations (1 + 50 × country (1 + organizations (1 + 50 × id)))))
        assertThat(tooMuch.json().at("/errors/0/extensions/actual").asInt()).isEqualTo(1 + 500 * (1 + (1 + (1 + 50 * (1 + (1 + 50))))));
    }

    @Test
    void aQueryTooDeepIsRefusedWithTheLimit() {
        String deep = "{ mineral(id: \"neodymium\") { " + "partOf { ".repeat(12) + "id" + " }".repeat(12) + " } }";
        Http.Response response = Http.postGraphQl(port, deep, null, null);
        assertThat(response.errorCode()).isEqualTo("QUERY_TOO_DEEP");
        assertThat(response.json().at("/errors/0/extensions/limit").asInt()).isEqualTo(12);
        assertThat(response.json().at("/errors/0/message").asString()).contains("14 levels").contains("at most 12");
    }

    @Test
    void introspectionStillWorksAndTheLimitsShowInTheSchema() {
        Http.Response full = Http.postGraphQl(port, IntrospectionQuery.INTROSPECTION_QUERY, null, null);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.errorCode()).isNull();
        String description = Http.postGraphQl(port, "{ __schema { queryType { description } mutationType { description } } }", null, null)
                .json().at("/data/__schema/queryType/description").asString();
        assertThat(description).contains("at most 12 levels of nesting").contains("at most 200000 fields").contains("a read stops after 60 s"); // the tests' budget
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        String padding = "x".repeat(9 * 1024 * 1024);
        Http.Response response = Http.postGraphQl(port, "{ countries { totalCount } }", java.util.Map.of("padding", padding), null);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("REQUEST_TOO_LARGE");
    }

    /** The Cypher statements the service runs while it answers the query (Spring Data Neo4j logs each at DEBUG). */
    private int statementsFor(String query) {
        Logger cypherLog = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");
        Level previous = cypherLog.getLevel();
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        cypherLog.setLevel(Level.DEBUG);
        cypherLog.addAppender(statements);
        try {
            assertThat(Http.postGraphQl(port, query, null, null).errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
            return statements.list.size();
        }
        finally {
            cypherLog.detachAppender(statements);
            cypherLog.setLevel(previous);
        }
    }
}
