package org.criticalminerals.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Ids and names read from the graph once before the run, so that every request asks about something that
 * exists: the first {@code size} entities of each type in id order (paged through with cursors), every mineral
 * and country. Countries and minerals are drawn as the graph has them: a country as the country of a random
 * organization, a mineral as one of a random facility's or deposit's, so the hubs of the data are the hubs of
 * the questions.
 */
public record GraphSample(Map<String, List<Entity>> entities, List<String> minerals, List<String> groups, List<String> countries) {

    /** An entity of the sample; {@code country} and {@code minerals} where its type has them. */
    public record Entity(String id, String name, @Nullable String country, List<String> minerals) {
    }

    /** The list fields sampled, each with the selection of one node. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("organizations", "id name country { code }");
        TYPES.put("deposits", "id name country { code } minerals { id }");
        TYPES.put("facilities", "id name country { code } minerals { id }");
        TYPES.put("investments", "id name");
        TYPES.put("offtakes", "id name");
        TYPES.put("policies", "id name");
        TYPES.put("statistics", "id name");
    }

    public static GraphSample read(GraphQlClient client, int size) {
        Map<String, List<Entity>> entities = new LinkedHashMap<>();
        TYPES.forEach((field, selection) -> entities.put(field, page(client, field, selection, size).stream().map(GraphSample::entity).toList()));
        List<String> minerals = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (JsonNode mineral : page(client, "minerals", "id kind", Integer.MAX_VALUE)) {
            minerals.add(mineral.path("id").asString());
            if ("GROUP".equals(mineral.path("kind").asString(""))) {
                groups.add(mineral.path("id").asString());
            }
        }
        List<String> countries = page(client, "countries", "code", Integer.MAX_VALUE).stream().map(c -> c.path("code").asString()).toList();
        GraphSample sample = new GraphSample(entities, minerals, groups, countries);
        entities.forEach((field, list) -> {
            if (list.isEmpty()) {
                throw new IllegalStateException("the graph has no " + field + ": load the generator's graph first");
            }
        });
        return sample;
    }

    private static List<JsonNode> page(GraphQlClient client, String field, String selection, int size) {
        String document = "query sample($after: String) { " + field + "(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { "
                + selection + " } } } }";
        List<JsonNode> nodes = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            GraphQlClient.Answer answer = client.post(document, variables);
            // a service just started is cold (plans, page cache): a page of 500 may take longer than the read budget
            for (int attempt = 2; !answer.ok() && attempt <= 5; attempt++) {
                System.err.println("load-test: reading the sample of " + field + ": " + answer.error() + "; attempt " + attempt + " of 5");
                answer = client.post(document, variables);
            }
            if (!answer.ok() || answer.data() == null) {
                throw new IllegalStateException("reading the sample of " + field + " failed: " + answer.error() + ": " + answer.message());
            }
            JsonNode connection = answer.data().path(field);
            connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
            after = connection.path("pageInfo").path("hasNextPage").asBoolean() ? connection.path("pageInfo").path("endCursor").asString() : null;
        }
        while (after != null && nodes.size() < size);
        return nodes.size() > size ? nodes.subList(0, size) : nodes;
    }

    private static Entity entity(JsonNode node) {
        JsonNode country = node.path("country").path("code");
        List<String> minerals = new ArrayList<>();
        node.path("minerals").forEach(m -> minerals.add(m.path("id").asString()));
        return new Entity(node.path("id").asString(), node.path("name").asString(""), country.isString() ? country.asString() : null, minerals);
    }

    Entity any(String field, SplittableRandom random) {
        List<Entity> list = entities.get(field);
        return list.get(random.nextInt(list.size()));
    }

    /** A country, as often as organizations are based there (uniform over all countries when none is). */
    String country(SplittableRandom random) {
        String country = any("organizations", random).country();
        return country != null ? country : countries.get(random.nextInt(countries.size()));
    }

    /** Another country than {@code not}. */
    String otherCountry(String not, SplittableRandom random) {
        for (int tries = 0; tries < 20; tries++) {
            String country = country(random);
            if (!country.equals(not)) {
                return country;
            }
        }
        return countries.stream().filter(c -> !c.equals(not)).findFirst().orElse(not);
    }

    /** A mineral as sites produce them (one in four uniform over all minerals, groups included). */
    String mineral(SplittableRandom random) {
        if (random.nextInt(4) > 0) {
            List<String> produced = any(random.nextBoolean() ? "facilities" : "deposits", random).minerals();
            if (!produced.isEmpty()) {
                return produced.get(random.nextInt(produced.size()));
            }
        }
        return minerals.get(random.nextInt(minerals.size()));
    }

    int size() {
        return entities.values().stream().mapToInt(List::size).sum() + minerals.size() + countries.size();
    }
}
