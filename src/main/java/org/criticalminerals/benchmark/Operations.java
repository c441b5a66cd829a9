package org.criticalminerals.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.criticalminerals.load.GraphQlClient;
import org.criticalminerals.load.GraphSample;
import org.criticalminerals.load.RequestMix;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The operations measured: the ten questions (the documents of {@code graphql/examples/}, variables from the
 * sample where an id is needed and the examples' own countries otherwise), lookups by id, list pages of 20 (a first
 * page and the page after it through the cursor), filtered lists, the wide nested page, and typeahead searches.
 * Fixed variables per operation, so that the statements captured for it are the statements of every run.
 */
final class Operations {

    private static final String WIDE_SELECTION = "id name country { code name } investments { id name amount currency } claims { source { id } line quote }";

    /**
     * The wide nested page in one statement: the first 50 organizations in id order (the list's default order), each
     * with its country (the first, as the service orders them), its first 20 investments in id order (the field's
     * default page) and its claims in the service's order with their source ids, as the GraphQL page returns them.
     */
    static final String WIDE_HAND_WRITTEN = """
            MATCH (o:Organization)
            WHERE o.id IS NOT NULL
            WITH o ORDER BY o.id LIMIT $first
            CALL (o) {
              OPTIONAL MATCH (o)-[r:BASED_IN]->(c:Country)
              WITH c ORDER BY coalesce(r.alternative, false), c.id
              RETURN c { code: c.id, .name } AS country LIMIT 1
            }
            CALL (o) {
              OPTIONAL MATCH (o)-[:INVESTED]->(i:Investment)
              WITH DISTINCT i ORDER BY i.id LIMIT 20
              RETURN collect(i { .id, .name, .amount, .currency }) AS investments
            }
            CALL (o) {
              OPTIONAL MATCH (o)-[:CLAIMED_BY]->(cl:Claim)
              WITH cl ORDER BY cl.source, cl.line, cl.id
              RETURN collect(cl { .source, .line, .quote }) AS claims
            }
            RETURN o.id AS id, o.name AS name, country, investments, claims""";

    private Operations() {
    }

    static List<Operation> build(GraphSample sample, GraphQlClient client) {
        List<Operation> ops = new ArrayList<>();
        String mineral = commonMineral(sample);
        GraphSample.Entity organization = generated(sample, "organizations", 0);
        GraphSample.Entity named = generated(sample, "organizations", 1);
        String deposit = generated(sample, "deposits", 0).id();

        question(ops, "q01 routeCheck", "q01-routesAvoidingChina", true, vars("buyerCountry", "JP", "avoid", List.of("CN"), "mineral", null, "asOf", null));
        question(ops, "q02 exportControlExposure", "q02-exportControlExposure", true, vars("imposer", "CN", "designator", "JP", "from", "2023-01-01", "to", null));
        question(ops, "q03 frameworksBinding", "q03-frameworksBindingJapanAndAustralia", true, vars("countries", List.of("JP", "AU"), "asOf", "2024-01-01"));
        question(ops, "q04 moneyFlows", "q04-moneyFlowsFromJapan", true, vars("investor", null, "investorCountry", "JP"));
        question(ops, "q05 supplyConcentration", "q05-supplyConcentration", true, vars("mineral", mineral, "buyerCountry", "JP"));
        question(ops, "q06 dependencyOverTime", "q06-dependencyOverTime", true, vars("country", "JP", "mineral", mineral));
        question(ops, "q07 targetsVersusSecured", "q07-targetsVersusSecured", true, vars("country", "JP"));
        question(ops, "q08 connections", "q08-connections", true, vars("from", organization.id(), "to", deposit, "maxHops", 3));
        question(ops, "q09 search", "q09-search", false, vars("text", named.name(), "first", 10));
        question(ops, "q10 disagreements", "q10-disagreements", false, vars());

        ops.add(new Operation("lookup organization", "lookup", false, """
                query organization($id: ID!) { organization(id: $id) { id name nameJa aliases kind roles country { code name }
                  parent { id name } investments { id name amount currency } claims { source { id } line quote statement } } }""",
                vars("id", organization.id())));
        ops.add(new Operation("lookup mineral", "lookup", false, """
                query mineral($id: ID!) { mineral(id: $id) { id name nameJa kind symbol partOf { id name } members { id name }
                  claims { source { id } line quote } } }""", vars("id", mineral)));
        ops.add(new Operation("lookup offtake", "lookup", false, """
                query offtake($id: ID!) { offtake(id: $id) { id name volume unit start { value } end { value } buyers { id name country { code } }
                  sellers { id name } minerals { id } route { known countries stages { order stage country site { ... on Deposit { id } ... on Facility { id } } } } } }""",
                vars("id", generated(sample, "offtakes", 0).id())));

        list(ops, client, "organizations", "id name kind roles country { code }");
        list(ops, client, "offtakes", "id name volume unit start { value } buyers { id name }");
        list(ops, client, "investments", "id name amount currency date { value }");
        list(ops, client, "deposits", "id name status country { code } minerals { id }");
        list(ops, client, "facilities", "id name stage country { code }");
        list(ops, client, "statistics", "id measure year value unit country { code } mineral { id }");

        filtered(ops, "organizations in JP", "organizations", "filter: {country: $country}", "$country: CountryCode", "id name kind roles country { code }",
                vars("country", "JP"));
        filtered(ops, "offtakes buyerCountryIn [JP, KR]", "offtakes", "filter: {buyerCountryIn: $countries}", "$countries: [CountryCode!]",
                "id name volume unit buyers { id name }", vars("countries", List.of("JP", "KR")));
        filtered(ops, "investments amount 1e7–1e9, by amount", "investments", "filter: {amount: {min: $min, max: $max}}, orderBy: {field: AMOUNT, direction: DESC}",
                "$min: Float, $max: Float", "id name amount currency date { value }", vars("min", 1.0e7, "max", 1.0e9));
        filtered(ops, "deposits of " + mineral, "deposits", "filter: {mineral: $mineral}", "$mineral: ID", "id name status country { code }",
                vars("mineral", mineral));
        String prefix = named.name().length() >= 3 ? named.name().substring(0, 3) : named.name();
        filtered(ops, "organizations name starts with \"" + prefix + "\", by name", "organizations", "filter: {name: {startsWith: $prefix}}, orderBy: {field: NAME}",
                "$prefix: String", "id name kind country { code }", vars("prefix", prefix));

        ops.add(new Operation("wide nested page (50 organizations)", "wide", false, "query wide($first: Int) { organizations(first: $first) { edges { node { "
                + WIDE_SELECTION + " } } } }", vars("first", 50)).withHandWritten(WIDE_HAND_WRITTEN));

        String typeahead = RequestMix.example("searchTypeahead");
        for (String text : List.of("Soji", "neodym", "lith")) {
            ops.add(new Operation("search \"" + text + "\"", "search", false, typeahead, vars("text", text, "types", List.of("Mineral", "Organization"), "first", 8)));
        }
        return ops;
    }

    /**
     * The {@code index}-th sampled entity of the generator's (id {@code gen-…}), the bulk of a large graph; the
     * curated knowledge base's when the sample has none.
     */
    static GraphSample.Entity generated(GraphSample sample, String field, int index) {
        List<GraphSample.Entity> all = sample.entities().get(field);
        List<GraphSample.Entity> generated = all.stream().filter(e -> e.id().startsWith("gen-")).toList();
        List<GraphSample.Entity> from = generated.size() > index ? generated : all;
        return from.get(Math.min(index, from.size() - 1));
    }

    /** The mineral the sampled deposits and facilities produce most often (ties: the first in id order). */
    static String commonMineral(GraphSample sample) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String field : List.of("deposits", "facilities")) {
            sample.entities().getOrDefault(field, List.of()).forEach(site -> site.minerals().forEach(m -> counts.merge(m, 1, Integer::sum)));
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) { // in id order: the first of the most frequent wins
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best != null ? best : sample.minerals().get(0);
    }

    private static void question(List<Operation> ops, String name, String example, boolean anchored, Map<String, @Nullable Object> variables) {
        ops.add(new Operation(name, "question", anchored, RequestMix.example(example), variables));
    }

    /** A first page of 20 (with its total) and the page after it, through the first page's end cursor. */
    private static void list(List<Operation> ops, GraphQlClient client, String field, String selection) {
        String first = "query page($first: Int, $after: String) { " + field + "(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { cursor node { " + selection + " } } } }";
        ops.add(new Operation("list " + field, "list", false, first, vars("first", 20, "after", null)));
        GraphQlClient.Answer answer = client.post(first, vars("first", 20, "after", null));
        JsonNode data = answer.data();
        String cursor = data == null ? null : data.path(field).path("pageInfo").path("endCursor").asString(null);
        if (cursor != null) {
            String next = "query nextPage($first: Int, $after: String) { " + field + "(first: $first, after: $after) { pageInfo { hasNextPage endCursor } "
                    + "edges { cursor node { " + selection + " } } } }";
            ops.add(new Operation("list " + field + " next page", "list", false, next, vars("first", 20, "after", cursor)));
        }
    }

    private static void filtered(List<Operation> ops, String name, String field, String arguments, String declarations, String selection,
            Map<String, @Nullable Object> variables) {
        String document = "query filtered(" + declarations + ") { " + field + "(first: 20, " + arguments + ") { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { node { " + selection + " } } } }";
        ops.add(new Operation("filtered " + name, "filtered", false, document, variables));
    }

    static Map<String, @Nullable Object> vars(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
