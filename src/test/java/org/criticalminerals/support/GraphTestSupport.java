package org.criticalminerals.support;

import java.util.List;

import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service in server mode against the test JVM's one Neo4j ({@link TestNeo4j}), with the curated
 * knowledge base loaded by the service itself, on a random HTTP port, reads bounded by
 * {@link #QUERY_TIMEOUT}. Every subclass shares one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "cmg.mode=server",
        // the service's 10 s read budget stops GDS and cold first queries on a CI machine busy with other builds;
        // the tests of the budget itself (RequestCancellationTest) set their own
        "cmg.limits.query-timeout=" + GraphTestSupport.QUERY_TIMEOUT })
@AutoConfigureHttpGraphQlTester
public abstract class GraphTestSupport {

    /** The read budget of the tests' service. */
    public static final String QUERY_TIMEOUT = "60s";

    /** The example documents in graphql/examples, which frontend teams read as documentation. */
    protected static final DocumentSource EXAMPLES = new ResourceDocumentSource(List.of(new ClassPathResource("graphql/examples/")),
            List.of(".graphql"));

    @Autowired
    private HttpGraphQlTester httpGraphQlTester;

    /**
     * A tester over real HTTP, without a key, that finds documents by name in graphql/examples. It waits as
     * long as {@link Http} does (the tester's and its web client's default, 5 s, fail tests on a busy machine).
     */
    protected HttpGraphQlTester graphQl() {
        return patient().build();
    }

    /** As {@link #graphQl()}, with the test key of the role. */
    protected HttpGraphQlTester graphQlAs(Role role) {
        return patient().header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(role)).build();
    }

    /** Both the tester and its web client wait as long as {@link Http} does. */
    private HttpGraphQlTester.Builder<?> patient() {
        return httpGraphQlTester.mutate().documentSource(EXAMPLES).responseTimeout(Http.TIMEOUT)
                .webTestClient(client -> client.responseTimeout(Http.TIMEOUT));
    }

    @Autowired
    private KnowledgeImporter importer;

    /** Removes a batch the way the service does (its claims, then every fact they touched reconciled). */
    protected void removeBatch(String batch) {
        importer.removeBatch(batch, TestKeys.CURATOR_CALLER);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> TestNeo4j.server().boltUri());
        registry.add("cmg.security.api-keys", TestKeys::configuration);
        registry.add("cmg.seeds.dir", () -> SeedFiles.directory().toString());
    }

    /** The type of a JSON object read from a response, for {@code entity(...)} and {@code entityList(...)}. */
    @SuppressWarnings("unchecked")
    protected static Class<java.util.Map<String, Object>> mapType() {
        return (Class<java.util.Map<String, Object>>) (Class<?>) java.util.Map.class;
    }
}
