package org.criticalminerals.chokepoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.criticalminerals.CriticalMineralsGraphApplication;
import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Chokepoints on a small hand-made network whose answer is worked out by hand, through GraphQL and through
 * the Cypher file as an analyst runs it; on the curated rare-earth routes; and against a Neo4j without GDS,
 * where the counts still answer and centrality is said to be unavailable.
 * <p>
 * The network (mineral {@code test-chokepoint-ore}, a group with one member; material flows left to right):
 * <pre>
 *   D1 (AU, org A) ──► F1 (MY, org A) ──► F3 (JP, org C)
 *   D2 (US, org B) ──► F1
 *   D2             ──► F2 (CN, org B)
 *   O1 (100 t/yr, the group)  supplied from D1, F1, F3
 *   O2 ( 50 t/yr, the group)  supplied from D2, F1
 *   O3 ( 50 t/yr, the member) supplied from D2, F2
 *   O4 (another mineral)      supplied from D1          (out of scope)
 * </pre>
 * Three routes (O1–O3), 200 t/yr. The material-flow graph links each SUPPLIES step within a route and each
 * route's last site to its offtake: D1→F1, F1→F3, F3→O1 (O1); D2→F1, F1→O2 (O2: F3 is not on its route);
 * D2→F2, F2→O3. Every shortest path is unique, so a node's betweenness is the number of ordered pairs
 * (s, t) whose path runs through it: F1 lies between D1 and F3, O1, O2, and between D2 and F3, O1, O2: 6;
 * F3 between D1, D2, F1 and O1: 3; F2 between D2 and O3: 1; deposits only start paths: 0. Countries and
 * organizations sum their sites: MY 6, JP 3, CN 1, US 0, AU 0; A (D1, F1) 6, C (F3) 3, B (D2, F2) 1.
 * Routes through each: F1 O1, O2 (2 of 3, 150 of 200 t/yr = 75 %); F3 O1 (100, 50 %); F2 O3 (50, 25 %);
 * D2 O2, O3 (2, 100, 50 %); D1 O1 only, O4 being out of scope (1, 100, 50 %).
 */
class ChokepointsTest extends GraphTestSupport {

    static final String BATCH = "test:chokepoints";

    static final String QUERY = """
            query($mineral: ID) { chokepoints(mineral: $mineral) {
              routes volumeUnit volume centralityAvailable centralityNote
              countries { rank entity { id } routes routeShare volume volumeShare betweenness }
              sites { rank entity { __typename id } routes routeShare volume volumeShare betweenness }
              organizations { rank entity { id } routes routeShare volume volumeShare betweenness } } }""";

    /** id, routes, volume, betweenness, in the expected order, per list. */
    static final Map<String, List<Object[]>> EXPECTED = Map.of(
            "countries", List.of(row("MY", 2, 150, 6), row("JP", 1, 100, 3), row("CN", 1, 50, 1), row("US", 2, 100, 0), row("AU", 1, 100, 0)),
            "sites", List.of(row("test-f1", 2, 150, 6), row("test-f3", 1, 100, 3), row("test-f2", 1, 50, 1), row("test-d2", 2, 100, 0),
                    row("test-d1", 1, 100, 0)),
            "organizations", List.of(row("test-org-a", 2, 150, 6), row("test-org-c", 1, 100, 3), row("test-org-b", 2, 100, 1)));

    @Autowired
    Driver driver;

    @Autowired
    QueryLibrary library;

    @LocalServerPort
    int port;

    @BeforeEach
    void handMadeNetwork() {
        createNetwork(driver);
    }

    @AfterEach
    void removeNetwork() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (n {batch: $batch}) DETACH DELETE n", Map.of("batch", BATCH)));
        }
    }

    @Test
    void theHandMadeNetworkRanksAsWorkedOutByHand() {
        JsonNode answer = chokepoints(port, "test-chokepoint-ore");
        assertThat(answer.path("routes").asInt()).isEqualTo(3);
        assertThat(answer.path("volumeUnit").asString()).isEqualTo("t/yr");
        assertThat(answer.path("volume").asDouble()).isEqualTo(200.0);
        assertThat(answer.path("centralityAvailable").asBoolean()).isTrue();
        assertThat(answer.path("centralityNote").isNull()).isTrue();
        assertRanked(answer, true);
        assertThat(answer.at("/sites/0/entity/__typename").asString()).isEqualTo("Facility");
        assertThat(answer.at("/sites/4/entity/__typename").asString()).isEqualTo("Deposit");
        // the member alone: O3 only, D2 -> F2 -> O3, so F2 lies between D2 and O3
        JsonNode member = chokepoints(port, "test-chokepoint-ore-member");
        assertThat(member.path("routes").asInt()).isEqualTo(1);
        assertThat(member.at("/sites/0/entity/id").asString()).isEqualTo("test-f2");
        assertThat(member.at("/sites/0/betweenness").asDouble()).isEqualTo(1.0);
        assertThat(member.at("/countries/0/entity/id").asString()).isEqualTo("CN");
    }

    @Test
    void theCypherFileGivesTheSameAnswer() {
        try (Session session = driver.session()) {
            Map<String, Object> row = session.run(library.statement(ChokepointAnalysis.QUERY), Map.of("mineral", "test-chokepoint-ore"))
                    .single().asMap();
            assertThat(row.get("routes")).isEqualTo(3L);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> countries = (List<Map<String, Object>>) row.get("countries");
            assertThat(countries).extracting(c -> ((Map<?, ?>) c.get("entity")).get("id"), c -> c.get("betweenness"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("MY", 6.0), org.assertj.core.groups.Tuple.tuple("JP", 3.0),
                            org.assertj.core.groups.Tuple.tuple("CN", 1.0), org.assertj.core.groups.Tuple.tuple("US", 0.0),
                            org.assertj.core.groups.Tuple.tuple("AU", 0.0));
            // the projection is dropped again: nothing is left in GDS's catalogue
            assertThat(session.run("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n").single().get("n").asLong()).isZero();
        }
    }

    @Test
    void rareEarthsDependOnTheMalaysianSeparationPlant() {
        // curated: Lynas' Japanese offtake (Mount Weld -> Lynas Malaysia) and the Japanese interests in Mount Weld and Dong Pao
        graphQl().documentName("chokepoints").execute() // the example document, as frontends read it
                .path("chokepoints.centralityAvailable").entity(Boolean.class).isEqualTo(true)
                .path("chokepoints.sites[0].entity.id").entity(String.class).isEqualTo("lynas-malaysia")
                .path("chokepoints.countries[*].entity.id").entityList(String.class).containsExactly("MY", "AU", "VN");
        JsonNode answer = chokepoints(port, "rare-earth-elements");
        assertThat(answer.path("routes").asInt()).isEqualTo(2);
        assertThat(answer.at("/sites/0/entity/id").asString()).isEqualTo("lynas-malaysia");
        assertThat(answer.at("/sites/0/betweenness").asDouble()).isEqualTo(1.0); // between Mount Weld and the Lynas offtake
        assertThat(answer.at("/countries/0/entity/id").asString()).isEqualTo("MY");
        assertThat(answer.at("/organizations/0/entity/id").asString()).isEqualTo("lynas-rare-earths");
        JsonNode australia = find(answer.path("countries"), "AU");
        assertThat(australia.path("routes").asInt()).isEqualTo(2);
        assertThat(australia.path("routeShare").asDouble()).isEqualTo(100.0);
        assertThat(australia.path("betweenness").asDouble()).isZero();
    }

    @Test
    void everyMineralAndUnknownMinerals() {
        JsonNode all = chokepoints(port, null);
        assertThat(all.path("routes").asInt()).isGreaterThanOrEqualTo(5); // the curated routes and the four of the test network
        assertThat(find(all.path("countries"), "MY").path("betweenness").asDouble()).isGreaterThanOrEqualTo(7.0);
        Http.Response unknown = Http.postGraphQl(port, QUERY, Map.of("mineral", "unobtainium"), null);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        // a mineral without routes: an empty answer, not an error
        JsonNode none = chokepoints(port, "test-chokepoint-other-unrouted");
        assertThat(none.path("routes").asInt()).isZero();
        assertThat(none.path("countries").isEmpty()).isTrue();
    }

    @Test
    void withoutGdsTheCountsStillAnswer() throws Exception {
        Path dir = Files.createTempDirectory("chokepoints-without-gds");
        try (Neo4j plain = Neo4jBuilders.newInProcessBuilder(dir).withDisabledServer().build();
                Driver plainDriver = GraphDatabase.driver(plain.boltURI(), AuthTokens.none())) {
            createNetwork(plainDriver);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CriticalMineralsGraphApplication.class).run(
                    "--cmg.mode=server", "--spring.neo4j.uri=" + plain.boltURI(), "--server.port=0",
                    "--cmg.knowledge-base.load-on-startup=false", "--cmg.security.api-keys=")) {
                int plainPort = ((WebServerApplicationContext) app).getWebServer().getPort();
                JsonNode answer = chokepoints(plainPort, "test-chokepoint-ore");
                assertThat(answer.path("centralityAvailable").asBoolean()).isFalse();
                assertThat(answer.path("centralityNote").asString()).contains("Graph Data Science");
                assertThat(answer.path("routes").asInt()).isEqualTo(3);
                assertRanked(answer, false);
            }
        }
    }

    /** The expected lists; without centrality, ranked by routes then id. */
    private static void assertRanked(JsonNode answer, boolean withCentrality) {
        EXPECTED.forEach((list, rows) -> {
            List<Object[]> expected = withCentrality ? rows : rows.stream()
                    .sorted(java.util.Comparator.comparing((Object[] r) -> -(int) r[1]).thenComparing(r -> (String) r[0])).toList();
            JsonNode actual = answer.path(list);
            assertThat(actual.size()).as(list).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Object[] row = expected.get(i);
                JsonNode item = actual.get(i);
                String what = list + "[" + i + "] " + item;
                assertThat(item.path("rank").asInt()).as(what).isEqualTo(i + 1);
                assertThat(item.at("/entity/id").asString()).as(what).isEqualTo(row[0]);
                assertThat(item.path("routes").asInt()).as(what).isEqualTo(row[1]);
                assertThat(item.path("routeShare").asDouble()).as(what).isCloseTo(100.0 * (int) row[1] / 3, within(1e-9));
                assertThat(item.path("volume").asDouble()).as(what).isEqualTo(((Integer) row[2]).doubleValue());
                assertThat(item.path("volumeShare").asDouble()).as(what).isCloseTo(100.0 * (int) row[2] / 200, within(1e-9));
                if (withCentrality) {
                    assertThat(item.path("betweenness").asDouble()).as(what).isEqualTo(((Integer) row[3]).doubleValue());
                }
                else {
                    assertThat(item.path("betweenness").isNull()).as(what).isTrue();
                }
            }
        });
    }

    static JsonNode chokepoints(int port, String mineral) {
        Http.Response response = Http.postGraphQl(port, QUERY, mineral == null ? Map.of() : Map.of("mineral", mineral), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
        return response.json().at("/data/chokepoints");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.at("/entity/id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static Object[] row(String id, int routes, int volume, int betweenness) {
        return new Object[] { id, routes, volume, betweenness };
    }

    static void createNetwork(Driver driver) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND [['AU', 'Australia'], ['US', 'United States'], ['MY', 'Malaysia'], ['CN', 'China'], ['JP', 'Japan']] AS c
                    MERGE (country:Country:Entity {id: c[0]}) ON CREATE SET country.name = c[1], country.batch = $batch, country.version = 1
                    WITH collect(country) AS countries
                    WITH countries[0] AS au, countries[1] AS us, countries[2] AS my, countries[3] AS cn, countries[4] AS jp
                    CREATE (ore:Mineral:Entity {id: 'test-chokepoint-ore', name: 'Test ore', kind: 'GROUP', batch: $batch, version: 1}),
                           (member:Mineral:Entity {id: 'test-chokepoint-ore-member', name: 'Test ore member', kind: 'ELEMENT', batch: $batch, version: 1}),
                           (other:Mineral:Entity {id: 'test-chokepoint-other', name: 'Other test ore', kind: 'ELEMENT', batch: $batch, version: 1}),
                           (:Mineral:Entity {id: 'test-chokepoint-other-unrouted', name: 'Unrouted test ore', kind: 'ELEMENT', batch: $batch, version: 1}),
                           (member)-[:PART_OF]->(ore),
                           (d1:Deposit:Entity {id: 'test-d1', name: 'Test deposit D1', batch: $batch, version: 1})-[:LOCATED_IN]->(au),
                           (d2:Deposit:Entity {id: 'test-d2', name: 'Test deposit D2', batch: $batch, version: 1})-[:LOCATED_IN]->(us),
                           (f1:Facility:Entity {id: 'test-f1', name: 'Test facility F1', stage: 'SEPARATION', batch: $batch, version: 1})-[:LOCATED_IN]->(my),
                           (f2:Facility:Entity {id: 'test-f2', name: 'Test facility F2', stage: 'SEPARATION', batch: $batch, version: 1})-[:LOCATED_IN]->(cn),
                           (f3:Facility:Entity {id: 'test-f3', name: 'Test facility F3', stage: 'MAGNET', batch: $batch, version: 1})-[:LOCATED_IN]->(jp),
                           (d1)-[:SUPPLIES]->(f1), (d2)-[:SUPPLIES]->(f1), (d2)-[:SUPPLIES]->(f2), (f1)-[:SUPPLIES]->(f3),
                           (a:Organization:Company:Entity {id: 'test-org-a', name: 'Test org A', kind: 'Company', batch: $batch, version: 1}),
                           (b:Organization:Company:Entity {id: 'test-org-b', name: 'Test org B', kind: 'Company', batch: $batch, version: 1}),
                           (c:Organization:Company:Entity {id: 'test-org-c', name: 'Test org C', kind: 'Company', batch: $batch, version: 1}),
                           (a)-[:OPERATES]->(d1), (a)-[:OPERATES]->(f1), (b)-[:OPERATES]->(d2), (b)-[:OPERATES]->(f2), (c)-[:OPERATES]->(f3),
                           (o1:Offtake:Entity {id: 'test-o1', name: 'Test offtake O1', volume: 100, unit: 't/yr', batch: $batch, version: 1})-[:OF]->(ore),
                           (o2:Offtake:Entity {id: 'test-o2', name: 'Test offtake O2', volume: 50, unit: 't/yr', batch: $batch, version: 1})-[:OF]->(ore),
                           (o3:Offtake:Entity {id: 'test-o3', name: 'Test offtake O3', volume: 50, unit: 't/yr', batch: $batch, version: 1})-[:OF]->(member),
                           (o4:Offtake:Entity {id: 'test-o4', name: 'Test offtake O4', volume: 1000, unit: 't/yr', batch: $batch, version: 1})-[:OF]->(other),
                           (o1)-[:SUPPLIED_FROM]->(d1), (o1)-[:SUPPLIED_FROM]->(f1), (o1)-[:SUPPLIED_FROM]->(f3),
                           (o2)-[:SUPPLIED_FROM]->(d2), (o2)-[:SUPPLIED_FROM]->(f1),
                           (o3)-[:SUPPLIED_FROM]->(d2), (o3)-[:SUPPLIED_FROM]->(f2),
                           (o4)-[:SUPPLIED_FROM]->(d1)""", Map.of("batch", BATCH)));
        }
    }
}
