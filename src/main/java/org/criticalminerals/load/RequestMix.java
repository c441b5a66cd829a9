package org.criticalminerals.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The weighted mix a client draws from: the ten analysts' questions (the documents of {@code graphql/examples/},
 * with variables drawn from the sample), lookups by id, list pages (a first page, then following the cursors
 * for one to three more), filtered lists, and searches. Each request is recorded under a kind named
 * {@code "<group> <field>"}; the groups are {@code question}, {@code lookup}, {@code list}, {@code filtered}
 * and {@code search}. Weights are in per cent of the scenarios drawn (a list scenario sends several requests).
 */
public final class RequestMix {

    static final List<String> GROUPS = List.of("question", "lookup", "list", "filtered", "search");

    /** Sends a request and records it under its kind. */
    interface Session {

        GraphQlClient.Answer ask(String kind, String document, Map<String, ?> variables);
    }

    private interface Run {

        void on(Session session, GraphSample sample, SplittableRandom random);
    }

    private record Scenario(String name, int weight, Run run) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();

    private final int totalWeight;

    private static final String[] YEARS_FROM = { "2005-01-01", "2010-01-01", "2015-01-01", "2020-01-01", "2023-01-01" };

    private static final String[] ROLES = { "MINER", "PROCESSOR", "TRADING_HOUSE", "OEM", "FINANCIER" };

    private static final String[] STAGES = { "CONCENTRATION", "SEPARATION", "REFINING", "METAL", "MAGNET" };

    /** @param only run only the scenarios whose name starts with this (e.g. {@code "question"}, {@code "lookup offtake"}); empty: all */
    RequestMix(String only) {
        questions();
        lookups();
        lists();
        filtered();
        scenarios.add(new Scenario("search text", 12, (s, sample, r) -> s.ask("search text", example("q09-search"),
                Map.of("text", searchText(sample, r), "first", 10))));
        scenarios.removeIf(scenario -> !scenario.name().startsWith(only));
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario of the mix starts with '" + only + "'");
        }
        totalWeight = scenarios.stream().mapToInt(Scenario::weight).sum();
    }

    /** Draws a scenario and runs it. */
    void next(Session session, GraphSample sample, SplittableRandom random) {
        int pick = random.nextInt(totalWeight);
        for (Scenario scenario : scenarios) {
            pick -= scenario.weight();
            if (pick < 0) {
                scenario.run().on(session, sample, random);
                return;
            }
        }
    }

    /**
     * Runs every scenario once, in an order of its own: the plan warm-up. Neo4j plans a statement once for each
     * combination of parameter types it sees (a filter given or null), which costs 0.1 to 5 s of CPU here, and
     * keeps the plan; a cold service asked the whole mix by many clients at once plans the same statements in
     * parallel, slowly, and many requests run out of their budget before planning is done.
     */
    void each(Session session, GraphSample sample, SplittableRandom random) {
        List<Scenario> shuffled = new ArrayList<>(scenarios);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        shuffled.forEach(scenario -> scenario.run().on(session, sample, random));
    }

    /** How many scenarios the mix has. */
    int size() {
        return scenarios.size();
    }

    /** The mix as a Markdown list, for the report: scenario and weight. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (String group : GROUPS) {
            List<String> names = scenarios.stream().filter(s -> s.name().startsWith(group + " ")).map(s -> s.name().substring(group.length() + 1)
                    + " " + s.weight()).toList();
            int weight = scenarios.stream().filter(s -> s.name().startsWith(group + " ")).mapToInt(Scenario::weight).sum();
            if (weight == 0) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "- %s (%d %%): %s%n", group, weight * 100 / totalWeight, String.join(", ", names)));
        }
        return text.toString();
    }

    /**
     * Nine of the ten questions (the ninth, search, is a group of its own). Chokepoints is not in the mix: analytics
     * with GDS, 1 to 5 s of CPU a mineral on the 100k graph (docs/performance.md), not a frontend's question.
     */
    private void questions() {
        question("routeCheck", 3, "q01-routesAvoidingChina", (sample, r) -> vars("buyerCountry", sample.country(r), "avoid",
                r.nextInt(3) == 0 ? List.of("CN", "MY") : List.of("CN"), "mineral", r.nextBoolean() ? sample.mineral(r) : null));
        question("exportControlExposure", 3, "q02-exportControlExposure", (sample, r) -> {
            String imposer = sample.country(r);
            return vars("imposer", imposer, "designator", sample.otherCountry(imposer, r), "from", YEARS_FROM[r.nextInt(YEARS_FROM.length)]);
        });
        question("frameworksBinding", 3, "q03-frameworksBindingJapanAndAustralia", (sample, r) -> {
            String one = sample.country(r);
            return vars("countries", List.of(one, sample.otherCountry(one, r)), "asOf", (2010 + r.nextInt(15)) + "-01-01");
        });
        question("moneyFlows", 4, "q04-moneyFlowsFromJapan", (sample, r) -> r.nextInt(4) > 0
                ? vars("investor", sample.any("organizations", r).id(), "investorCountry", null)
                : vars("investor", null, "investorCountry", sample.country(r)));
        question("supplyConcentration", 3, "q05-supplyConcentration", (sample, r) -> vars("mineral", sample.mineral(r), "buyerCountry",
                sample.country(r)));
        question("dependencyOverTime", 4, "q06-dependencyOverTime", (sample, r) -> vars("country", sample.country(r), "mineral",
                sample.mineral(r)));
        question("targetsVersusSecured", 3, "q07-targetsVersusSecured", (sample, r) -> vars("country", sample.country(r)));
        question("connections", 4, "q08-connections", (sample, r) -> vars("from", sample.any("organizations", r).id(), "to",
                r.nextBoolean() ? sample.country(r) : sample.any(r.nextBoolean() ? "deposits" : "facilities", r).id(), "maxHops", 3 + r.nextInt(2)));
        question("disagreements", 2, "q10-disagreements", (sample, r) -> Map.of());
    }

    private void question(String field, int weight, String example, java.util.function.BiFunction<GraphSample, SplittableRandom, Map<String, ?>> variables) {
        String document = example(example);
        scenarios.add(new Scenario("question " + field, weight, (s, sample, r) -> s.ask("question " + field, document, variables.apply(sample, r))));
    }

    private void lookups() {
        lookup("organization", 6, "organizations", """
                query organization($id: ID!) { organization(id: $id) { id name nameJa aliases kind roles country { code name }
                  parent { id name } investments { id name amount currency } claims { source { id } line quote statement } } }""");
        lookup("deposit", 3, "deposits", """
                query deposit($id: ID!) { deposit(id: $id) { id name status country { code name } operators { id name } minerals { id name }
                  suppliesTo { to { id name stage country { code } } mineral form } claims { source { id } statement } } }""");
        lookup("facility", 3, "facilities", """
                query facility($id: ID!) { facility(id: $id) { id name stage status country { code name } operators { id name } minerals { id name }
                  suppliedBy { from { ... on Deposit { id name } ... on Facility { id name } } mineral } suppliesTo { to { id name } } } }""");
        lookup("investment", 4, "investments", """
                query investment($id: ID!) { investment(id: $id) { id name instruments amount currency date { value precision }
                  investors { ... on Organization { id name } ... on Country { code } } target { ... on Organization { id } ... on Deposit { id } ... on Facility { id } }
                  amounts { amount currency approximate claim { source { id } line quote } } minerals { id } disputes { field } } }""");
        lookup("offtake", 4, "offtakes", """
                query offtake($id: ID!) { offtake(id: $id) { id name volume unit start { value } end { value } buyers { id name country { code } }
                  sellers { id name } minerals { id } route { known countries stages { order stage country site { ... on Deposit { id } ... on Facility { id } } } } } }""");
        scenarios.add(new Scenario("lookup node", 4, (s, sample, r) -> {
            String field = new ArrayList<>(GraphSample.TYPES.keySet()).get(r.nextInt(GraphSample.TYPES.size()));
            s.ask("lookup node", "query node($id: ID!) { node(id: $id) { __typename id name nameJa aliases } }",
                    Map.of("id", sample.any(field, r).id()));
        }));
    }

    private void lookup(String field, int weight, String sampled, String document) {
        scenarios.add(new Scenario("lookup " + field, weight, (s, sample, r) -> s.ask("lookup " + field, document,
                Map.of("id", sample.any(sampled, r).id()))));
    }

    private void lists() {
        list("organizations", 4, "id name kind roles country { code }");
        list("deposits", 2, "id name status country { code } minerals { id }");
        list("facilities", 2, "id name stage country { code }");
        list("investments", 3, "id name amount currency date { value }");
        list("offtakes", 2, "id name volume unit buyers { id }");
        list("statistics", 3, "id name measure year value unit country { code } mineral { id }");
    }

    /** A first page of 20 to 50, then one to three next pages through the cursors, as a table view pages. */
    private void list(String field, int weight, String selection) {
        String document = "query page($first: Int, $after: String) { " + field + "(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { cursor node { " + selection + " } } } }";
        scenarios.add(new Scenario("list " + field, weight, (s, sample, r) -> {
            int first = 20 + 10 * r.nextInt(4);
            int next = 1 + r.nextInt(3);
            String after = null;
            for (int page = 0; page <= next; page++) {
                GraphQlClient.Answer answer = s.ask(page == 0 ? "list " + field : "list " + field + " next", document, vars("first", first, "after", after));
                after = endCursor(answer, field);
                if (after == null) {
                    return;
                }
            }
        }));
    }

    private void filtered() {
        filtered("organizations", 3, "filter: {country: $country, role: $role}", "$country: CountryCode, $role: OrganizationRole",
                "id name roles country { code }", (sample, r) -> vars("country", sample.country(r), "role", r.nextBoolean() ? ROLES[r.nextInt(ROLES.length)] : null));
        filtered("deposits", 2, "filter: {country: $country, mineral: $mineral}", "$country: CountryCode, $mineral: ID", "id name status operators { id }",
                (sample, r) -> vars("country", r.nextBoolean() ? sample.country(r) : null, "mineral", sample.mineral(r)));
        filtered("facilities", 2, "filter: {country: $country, stage: $stage}", "$country: CountryCode, $stage: ProcessingStage",
                "id name stage operators { id }", (sample, r) -> vars("country", sample.country(r), "stage", r.nextBoolean() ? STAGES[r.nextInt(STAGES.length)] : null));
        filtered("investments", 2, "filter: {investorCountry: $country, mineral: $mineral}", "$country: CountryCode, $mineral: ID",
                "id name amount currency investors { ... on Organization { id } }",
                (sample, r) -> vars("country", r.nextBoolean() ? sample.country(r) : null, "mineral", sample.mineral(r)));
        filtered("offtakes", 2, "filter: {buyerCountry: $country, mineral: $mineral}", "$country: CountryCode, $mineral: ID",
                "id name volume route { countries }", (sample, r) -> vars("country", sample.country(r), "mineral", r.nextBoolean() ? sample.mineral(r) : null));
        filtered("statistics", 2, "filter: {country: $country, mineral: $mineral}", "$country: CountryCode, $mineral: ID", "id measure year value",
                (sample, r) -> vars("country", sample.country(r), "mineral", sample.mineral(r)));
        filtered("exportControls", 1, "filter: {imposer: $country}", "$country: CountryCode", "id name measure effective { value } minerals { id }",
                (sample, r) -> vars("country", sample.country(r)));
        filtered("policies", 1, "filter: {issuer: $issuer}", "$issuer: ID", "id name kind designates { id }", (sample, r) -> vars("issuer", sample.country(r)));
        filtered("minerals", 1, "filter: {partOf: $group}", "$group: ID", "id name kind",
                (sample, r) -> vars("group", sample.groups().isEmpty() ? sample.mineral(r) : sample.groups().get(r.nextInt(sample.groups().size()))));
    }

    private void filtered(String field, int weight, String arguments, String declarations, String selection,
            java.util.function.BiFunction<GraphSample, SplittableRandom, Map<String, ?>> variables) {
        String document = "query filtered(" + declarations + ") { " + field + "(first: 20, " + arguments + ") { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { node { " + selection + " } } } }";
        scenarios.add(new Scenario("filtered " + field, weight, (s, sample, r) -> s.ask("filtered " + field, document, variables.apply(sample, r))));
    }

    /**
     * What a user types: a whole name from the sample (which shares words with thousands of others), its last
     * two words, or one word of a name.
     */
    static String searchText(GraphSample sample, SplittableRandom random) {
        String field = new ArrayList<>(GraphSample.TYPES.keySet()).get(random.nextInt(GraphSample.TYPES.size()));
        String name = sample.any(field, random).name();
        List<String> words = Arrays.asList(name.split("\\s+"));
        return switch (random.nextInt(3)) {
            case 0 -> name;
            case 1 -> String.join(" ", words.subList(Math.max(0, words.size() - 2), words.size()));
            default -> words.get(random.nextInt(words.size()));
        };
    }

    private static @Nullable String endCursor(GraphQlClient.Answer answer, String field) {
        if (answer.data() == null) {
            return null;
        }
        JsonNode pageInfo = answer.data().path(field).path("pageInfo");
        return pageInfo.path("hasNextPage").asBoolean() ? pageInfo.path("endCursor").asString(null) : null;
    }

    /** Variables from name-value pairs; null values are sent as null (Map.of allows none). */
    private static Map<String, ?> vars(@Nullable Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    /** An example document of {@code graphql/examples/}, from the classpath (the jar holds them). */
    public static String example(String name) {
        try (InputStream in = RequestMix.class.getResourceAsStream("/graphql/examples/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalStateException("graphql/examples/" + name + ".graphql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
