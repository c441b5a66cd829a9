package org.criticalminerals.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists sorted by what users sort by, paged forward and backward through keyset cursors: walking a list page by
 * page, either way, gives exactly the list read in one page, for fields every item has (name) and fields some
 * items lack (an investment's amount, which sorts last either way).
 */
class SortedPagesGraphQlTest extends GraphTestSupport {

    @Autowired
    private Neo4jClient neo4j;

    private static final String ORGANIZATIONS = """
            query($first: Int, $after: String, $last: Int, $before: String, $direction: Direction) {
              organizations(first: $first, after: $after, last: $last, before: $before, orderBy: {field: NAME, direction: $direction}) {
                edges { cursor node { id name } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    private static final String INVESTMENTS = """
            query($first: Int, $after: String, $last: Int, $before: String, $direction: Direction) {
              investments(first: $first, after: $after, last: $last, before: $before, orderBy: {field: AMOUNT, direction: $direction}) {
                edges { cursor node { id amount } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Test
    void organizationsByNameWalkTheSameEitherWay() {
        List<String> whole = ids(ORGANIZATIONS, "organizations", "ASC", 500);
        assertThat(whole).hasSizeGreaterThan(20).doesNotHaveDuplicates();
        List<String> names = graphQl().document(ORGANIZATIONS).variable("first", 500).variable("direction", "ASC").execute()
                .path("organizations.edges[*].node.name").entityList(String.class).get();
        assertThat(names).isSortedAccordingTo(String::compareTo);
        assertThat(forward(ORGANIZATIONS, "organizations", "ASC", 7)).isEqualTo(whole);
        assertThat(backward(ORGANIZATIONS, "organizations", "ASC", 7)).isEqualTo(whole);
        List<String> reversed = new ArrayList<>(whole);
        Collections.reverse(reversed);
        assertThat(ids(ORGANIZATIONS, "organizations", "DESC", 500)).isEqualTo(reversed);
        assertThat(forward(ORGANIZATIONS, "organizations", "DESC", 9)).isEqualTo(reversed);
    }

    @Test
    void investmentsByAmountPutThoseWithoutOneLastEitherWay() {
        for (String direction : List.of("ASC", "DESC")) {
            GraphQlTester.Response all = graphQl().document(INVESTMENTS).variable("first", 500).variable("direction", direction).execute();
            List<String> whole = all.path("investments.edges[*].node.id").entityList(String.class).get();
            List<Map<String, Object>> nodes = all.path("investments.edges[*].node").entityList(mapType()).get();
            int firstWithout = (int) nodes.stream().takeWhile(node -> node.get("amount") != null).count();
            assertThat(nodes.subList(firstWithout, nodes.size())).allSatisfy(node -> assertThat(node.get("amount")).isNull());
            assertThat(firstWithout).as("investments with an amount").isGreaterThan(3).isLessThan(nodes.size());
            List<Double> amounts = nodes.subList(0, firstWithout).stream().map(node -> ((Number) node.get("amount")).doubleValue()).toList();
            assertThat(amounts).isSortedAccordingTo(direction.equals("ASC") ? Double::compare : (a, b) -> Double.compare(b, a));
            assertThat(forward(INVESTMENTS, "investments", direction, 4)).as(direction).isEqualTo(whole);
            assertThat(backward(INVESTMENTS, "investments", direction, 4)).as(direction).isEqualTo(whole);
        }
    }

    @Test
    void aCursorBelongsToItsOrderAndPagingGoesOneWayAtATime() {
        String cursor = graphQl().document(ORGANIZATIONS).variable("first", 1).variable("direction", "ASC").execute()
                .path("organizations.pageInfo.endCursor").entity(String.class).get();
        graphQl().document("query($after: String) { organizations(after: $after) { edges { node { id } } } }").variable("after", cursor).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(error.getMessage()).contains("sorted by NAME");
                    });
                });
        graphQl().document("{ organizations(first: 2, last: 2) { edges { node { id } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
    }

    @Test
    void offtakesBySeller() {
        List<Map<String, Object>> offtakes = graphQl().document("{ offtakes(first: 500) { edges { node { id sellers { id } } } } }").execute()
                .path("offtakes.edges[*].node").entityList(mapType()).get();
        @SuppressWarnings("unchecked")
        String seller = offtakes.stream().flatMap(o -> ((List<Map<String, Object>>) o.get("sellers")).stream()).map(s -> (String) s.get("id"))
                .findFirst().orElseThrow();
        List<String> expected = offtakes.stream().filter(o -> o.get("sellers").toString().contains("id=" + seller + "}")).map(o -> (String) o.get("id"))
                .toList();
        graphQl().document("query($seller: ID) { offtakes(first: 500, filter: {seller: $seller}) { totalCount edges { node { id } } } }")
                .variable("seller", seller).execute()
                .path("offtakes.edges[*].node.id").entityList(String.class).isEqualTo(expected)
                .path("offtakes.totalCount").entity(Integer.class).isEqualTo(expected.size());
    }

    @Test
    void everySortOfTheSchemaIsAFieldOfTheServiceWithAnIndex() throws Exception {
        String schema = new String(new ClassPathResource("graphql/schema.graphqls").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Set<String> indexed = new HashSet<>(neo4j.query("SHOW RANGE INDEXES YIELD labelsOrTypes, properties "
                + "WHERE size(labelsOrTypes) = 1 AND size(properties) = 1 RETURN labelsOrTypes[0] + '.' + properties[0] AS key")
                .fetchAs(String.class).all());
        Matcher enums = Pattern.compile("enum (\\w+)OrderField \\{(.*?)}", Pattern.DOTALL).matcher(schema);
        int sorts = 0;
        while (enums.find()) {
            for (String value : enums.group(2).lines().map(String::strip).filter(line -> line.matches("[A-Z_]+")).toList()) {
                SortField field = SortField.valueOf(value);
                assertThat(indexed).as(enums.group(1) + " by " + value).contains(enums.group(1) + "." + field.property());
                sorts++;
            }
        }
        assertThat(sorts).isGreaterThan(50);
    }

    private List<String> ids(String document, String list, String direction, int first) {
        return graphQl().document(document).variable("first", first).variable("direction", direction).execute()
                .path(list + ".edges[*].node.id").entityList(String.class).get();
    }

    private List<String> forward(String document, String list, String direction, int size) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 200; page++) {
            GraphQlTester.Response response = graphQl().document(document).variable("first", size).variable("after", after)
                    .variable("direction", direction).execute();
            seen.addAll(response.path(list + ".edges[*].node.id").entityList(String.class).get());
            assertThat(response.path(list + ".pageInfo.hasPreviousPage").entity(Boolean.class).get()).isEqualTo(after != null);
            if (!response.path(list + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return seen;
            }
            after = response.path(list + ".pageInfo.endCursor").entity(String.class).get();
        }
        throw new AssertionError("no last page after 200 pages");
    }

    private List<String> backward(String document, String list, String direction, int size) {
        List<String> seen = new ArrayList<>();
        String before = null;
        for (int page = 0; page < 200; page++) {
            GraphQlTester.Response response = graphQl().document(document).variable("last", size).variable("before", before)
                    .variable("direction", direction).execute();
            List<String> ids = response.path(list + ".edges[*].node.id").entityList(String.class).get();
            assertThat(ids).hasSizeLessThanOrEqualTo(size);
            seen.addAll(0, ids);
            assertThat(response.path(list + ".pageInfo.hasNextPage").entity(Boolean.class).get()).isEqualTo(before != null);
            if (!response.path(list + ".pageInfo.hasPreviousPage").entity(Boolean.class).get()) {
                return seen;
            }
            before = response.path(list + ".pageInfo.startCursor").entity(String.class).get();
        }
        throw new AssertionError("no first page after 200 pages");
    }
}
