package org.criticalminerals.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, tried over HTTP for anonymous callers and each role against every root field of the
 * schema (each query field, called with placeholder arguments, and the import mutation), plus an
 * unknown key. Reads are open by default; {@link ReadAccessTest} has reads that need a key.
 */
class AccessMatrixTest extends GraphTestSupport {

    /** null: no key. */
    private static final List<Role> CALLERS = new ArrayList<>(java.util.Arrays.asList(null, Role.READER, Role.PARTNER, Role.CURATOR));

    private static final String BATCH = "test:access-matrix";

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @AfterEach
    void removeBatch() {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (n) WHERE n.batch STARTS WITH $batch DETACH DELETE n", Map.of("batch", BATCH)).consume();
                tx.run("MATCH (b:ImportBatch) WHERE b.name STARTS WITH $batch DELETE b", Map.of("batch", BATCH)).consume();
            });
        }
    }

    @Test
    void everyQueryIsOpenToEveryCaller() {
        Map<String, String> queries = queries(graphQlSource);
        assertThat(queries).hasSizeGreaterThan(25);
        for (Role caller : CALLERS) {
            queries.forEach((field, query) -> {
                Http.Response response = Http.postGraphQl(port, query, null, authorization(caller));
                assertThat(response.status()).as("%s as %s: %s", field, caller, response.body()).isEqualTo(200);
                assertThat(response.errorCode()).as("%s as %s", field, caller).isNotIn("UNAUTHENTICATED", "FORBIDDEN");
            });
        }
    }

    @Test
    void onlyPartnersAndCuratorsImport() {
        for (Role caller : CALLERS) {
            String batch = BATCH + ":" + (caller == null ? "anonymous" : caller.configName());
            Http.Response response = Http.postGraphQl(port, IMPORT, Map.of("batch", batch, "content", record(batch)), authorization(caller));
            assertThat(response.status()).as("import as %s: %s", caller, response.body()).isEqualTo(writeStatus(caller));
            if (writeStatus(caller) == 200) {
                assertThat(response.json().at("/data/importKnowledge/errors").isEmpty()).as(response.body()).isTrue();
                assertThat(importedBy(batch)).isEqualTo(TestKeys.name(caller));
            }
            else {
                assertThat(response.errorCode()).isEqualTo(caller == null ? "UNAUTHENTICATED" : "FORBIDDEN");
                assertThat(response.json().path("data").isMissingNode() || response.json().path("data").isNull()).isTrue();
                assertThat(importedBy(batch)).isNull();
                assertThat(nodes(batch)).isZero();
            }
        }
    }

    @Test
    void onlyPartnersAndCuratorsPostImportFilesAndAPartnerOnlyIntoItsOwnBatches() {
        for (Role caller : CALLERS) {
            String batch = BATCH + ":file-" + (caller == null ? "anonymous" : caller.configName());
            Http.Response response = Http.post(port, "/import?batch=" + batch, jsonLine(batch), "application/x-ndjson", authorization(caller));
            assertThat(response.status()).as("POST /import as %s: %s", caller, response.body()).isEqualTo(writeStatus(caller));
            assertThat(importedBy(batch)).isEqualTo(writeStatus(caller) == 200 ? TestKeys.name(caller) : null);
            if (writeStatus(caller) != 200) {
                assertThat(nodes(batch)).isZero();
            }
        }
        // the curator's batch is the curator's: a partner may not write into it, a curator may write into any
        String curators = BATCH + ":file-curator";
        Http.Response intruder = Http.post(port, "/import?batch=" + curators, jsonLine(curators), "application/x-ndjson", TestKeys.bearer(Role.PARTNER));
        assertThat(intruder.status()).as(intruder.body()).isEqualTo(403);
        assertThat(importedBy(curators)).isEqualTo(TestKeys.name(Role.CURATOR));
        String partners = BATCH + ":file-partner";
        assertThat(Http.post(port, "/import?batch=" + partners, jsonLine(partners), "application/x-ndjson", TestKeys.bearer(Role.CURATOR)).status())
                .isEqualTo(200);
    }

    /** What a write answers each caller: no key 401, a reader 403, partners and curators go through. */
    private static int writeStatus(Role caller) {
        return caller == null ? 401 : caller == Role.READER ? 403 : 200;
    }

    private static String jsonLine(String batch) {
        String source = batch.replaceAll("[^a-z0-9]+", "-") + "-source";
        return "{\"type\": \"Source\", \"id\": \"" + source + "\", \"kind\": \"PARTNER\", \"title\": \"Access matrix\"}\n";
    }

    @Test
    void everyMutationNeedsAKeyAndOnlyCuratorsEditFactsDirectly() {
        Map<String, String> mutations = mutations(graphQlSource);
        assertThat(mutations).hasSizeGreaterThan(30).containsKeys("importKnowledge", "createOrganization", "retireFact", "removeBatch");
        mutations.forEach((field, document) -> {
            assertThat(Http.postGraphQl(port, document, null, null).status()).as("%s anonymous", field).isEqualTo(401);
            assertThat(Http.postGraphQl(port, document, null, TestKeys.bearer(Role.READER)).status()).as("%s as reader", field).isEqualTo(403);
            // placeholders make most of these fail validation; what matters is whether the role was refused
            boolean partnerMay = field.equals("importKnowledge") || field.equals("removeBatch") || field.endsWith("Source");
            Http.Response partner = Http.postGraphQl(port, document, null, TestKeys.bearer(Role.PARTNER));
            assertThat(refused(partner)).as("%s as partner: %s", field, partner.body()).isEqualTo(!partnerMay);
            Http.Response curator = Http.postGraphQl(port, document, null, TestKeys.bearer(Role.CURATOR));
            assertThat(refused(curator)).as("%s as curator: %s", field, curator.body()).isFalse();
        });
    }

    /** A GraphQL FORBIDDEN error, or a payload error with code FORBIDDEN. */
    private static boolean refused(Http.Response response) {
        return response.body().contains("\"FORBIDDEN\"");
    }

    @Test
    void anUnknownKeyIsRefusedEvenForReads() {
        Http.Response response = Http.postGraphQl(port, "{ countries { totalCount } }", null, "Bearer not-a-configured-key");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.headers().get("www-authenticate")).isNotEmpty();
        assertThat(Http.postGraphQl(port, "{ countries { totalCount } }", null, "Basic abc").status()).isEqualTo(401);
    }

    @Test
    void healthDetailsNeedAKeyButProbesArePublic() {
        Http.Response anonymous = Http.get(port, "/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("neo4j").doesNotContain("diskSpace");
        assertThat(Http.get(port, "/actuator/health", TestKeys.bearer(Role.READER)).body()).contains("neo4j").contains("diskSpace");
        assertThat(Http.get(port, "/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(Http.get(port, "/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    static final String IMPORT = """
            mutation($batch: String!, $content: String!) {
              importKnowledge(input: {batch: $batch, content: $content}) { errors { message } report { recordsRead } }
            }""";

    private static String record(String batch) {
        String source = batch.replaceAll("[^a-z0-9]+", "-") + "-source";
        return "[{\"type\": \"Source\", \"id\": \"" + source + "\", \"kind\": \"PARTNER\", \"title\": \"Access matrix\"}]";
    }

    private static String authorization(Role caller) {
        return caller == null ? null : TestKeys.bearer(caller);
    }

    private String importedBy(String batch) {
        try (Session session = driver.session()) {
            return session.run("MATCH (b:ImportBatch {name: $batch}) RETURN b.importedBy AS by", Map.of("batch", batch)).list().stream()
                    .findFirst().map(r -> r.get("by").asString(null)).orElse(null);
        }
    }

    private long nodes(String batch) {
        try (Session session = driver.session()) {
            return session.run("MATCH (n {batch: $batch}) RETURN count(n) AS n", Map.of("batch", batch)).single().get("n").asLong();
        }
    }

    /** One document per root query field, with placeholder values for its required arguments. */
    static Map<String, String> queries(GraphQlSource source) {
        return source.schema().getQueryType().getFieldDefinitions().stream()
                .collect(Collectors.toMap(GraphQLFieldDefinition::getName, f -> "{ " + document(f) + " }", (a, b) -> a, java.util.TreeMap::new));
    }

    /** Likewise for every mutation; removeBatch is aimed at a batch nobody has, so that no one's data goes. */
    static Map<String, String> mutations(GraphQlSource source) {
        return source.schema().getMutationType().getFieldDefinitions().stream()
                .collect(Collectors.toMap(GraphQLFieldDefinition::getName,
                        f -> "mutation { " + document(f).replace("batch: \"sojitz\"", "batch: \"test:nobodys-batch\"") + " }",
                        (a, b) -> a, java.util.TreeMap::new));
    }

    private static String document(GraphQLFieldDefinition field) {
        String arguments = field.getArguments().stream().filter(a -> a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue())
                .map(a -> a.getName() + ": " + placeholder(a.getType())).collect(Collectors.joining(", "));
        boolean composite = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType)
                && !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLEnumType);
        String selection = " { __typename }";
        if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLObjectType payload && payload.getFieldDefinition("errors") != null
                && GraphQLTypeUtil.unwrapAll(payload.getFieldDefinition("errors").getType()) instanceof graphql.schema.GraphQLObjectType error
                && error.getFieldDefinition("code") != null) {
            selection = " { errors { code } }"; // refusals of the mutation's own rules come in the payload
        }
        return field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")") + (composite ? selection : "");
    }

    private static String placeholder(GraphQLInputType type) {
        GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return "[" + placeholder((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return enumType.getName().equals("CountryCode") ? "JP" : enumType.getValues().get(0).getName();
        }
        if (unwrapped instanceof GraphQLInputObjectType input) {
            return "{" + input.getFieldDefinitions().stream().filter(f -> f.getType() instanceof GraphQLNonNull && !f.hasSetDefaultValue())
                    .map(f -> f.getName() + ": " + placeholder(f.getType())).collect(Collectors.joining(", ")) + "}";
        }
        return switch (((GraphQLScalarType) unwrapped).getName()) {
            case "Int", "Long", "Float", "BigDecimal" -> "1";
            case "Boolean" -> "false";
            case "Date" -> "\"2020-01-01\"";
            case "DateTime" -> "\"2020-01-01T00:00:00Z\"";
            default -> "\"sojitz\"";
        };
    }
}
