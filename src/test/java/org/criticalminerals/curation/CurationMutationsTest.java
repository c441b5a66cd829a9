package org.criticalminerals.curation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A curator creates, updates and retires a fact of every type through GraphQL, each with its source; a
 * stale version is refused as a conflict; a retired fact keeps its history. Who may call which mutation.
 */
class CurationMutationsTest extends GraphTestSupport {

    private static final String CURATOR_BATCH = "curation:" + TestKeys.name(Role.CURATOR);

    /** The smallest statement of a fact of each type (besides the source every test registers). */
    private static final Map<String, String> FIELDS = fields();

    @LocalServerPort
    int port;

    @AfterEach
    void cleanUp() {
        removeBatch(CURATOR_BATCH + ":retirements");
        removeBatch(CURATOR_BATCH);
        removeBatch("curation:" + TestKeys.name(Role.PARTNER));
    }

    @Test
    void aCuratorCreatesUpdatesAndRetiresAFactOfEveryType() {
        registerSource(Role.CURATOR);
        assertThat(FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(RecordSchema.typeNames().stream().filter(t -> !t.equals("Source")).toList());
        FIELDS.forEach((type, fields) -> {
            String id = id(type);
            JsonNode created = mutate(Role.CURATOR, "create" + type, "{id: \"" + id + "\", fields: " + fields + ", cite: " + CITE + "}");
            assertThat(created.path("errors").isEmpty()).as("create %s: %s", type, created).isTrue();
            if (type.equals("Supply")) {
                return;
            }
            assertThat(created.at("/fact/id").asString()).isEqualTo(id);
            long version = created.path("version").asLong();
            assertThat(version).isEqualTo(1);

            JsonNode updated = mutate(Role.CURATOR, "update" + type, "{id: \"" + id + "\", version: 1, fields: "
                    + fields.replaceFirst("\\}$", ", description: \"updated\"}") + ", cite: " + CITE + "}");
            assertThat(updated.path("errors").isEmpty()).as("update %s: %s", type, updated).isTrue();
            assertThat(updated.path("version").asLong()).isEqualTo(2);

            JsonNode stale = mutate(Role.CURATOR, "update" + type, "{id: \"" + id + "\", version: 1, fields: " + fields + ", cite: " + CITE + "}");
            assertThat(stale.at("/errors/0/code").asString()).as("stale update of %s", type).isEqualTo("VERSION_CONFLICT");
            assertThat(stale.at("/errors/0/message").asString()).contains("version 2");

            JsonNode retired = mutate(Role.CURATOR, "retireFact", "{id: \"" + id + "\", version: 2, reason: \"superseded\", cite: " + CITE + "}");
            assertThat(retired.path("errors").isEmpty()).as("retire %s: %s", type, retired).isTrue();
        });
        // the retired fact is still there, with its history: who, when, why, and every claim
        Http.Response investment = Http.postGraphQl(port, """
                { investment(id: "test-curated-investment") { version description retired { by reason at } claims { batch by quote } } }""",
                null, null);
        JsonNode fact = investment.json().at("/data/investment");
        assertThat(fact.at("/retired/by").asString()).isEqualTo(TestKeys.name(Role.CURATOR));
        assertThat(fact.at("/retired/reason").asString()).isEqualTo("superseded");
        assertThat(fact.path("description").asString()).isEqualTo("updated");
        assertThat(fact.path("version").asLong()).isEqualTo(3);
        assertThat(fact.path("claims").size()).isEqualTo(2); // the statement and the retirement
    }

    @Test
    void badInputIsATypedErrorAndWritesNothing() {
        registerSource(Role.CURATOR);
        JsonNode missing = mutate(Role.CURATOR, "createOrganization", "{id: \"test-nameless\", fields: {kind: Company}, cite: " + CITE + "}");
        assertThat(missing.at("/errors/0/code").asString()).isEqualTo("INVALID");
        assertThat(missing.at("/errors/0/field").asString()).isEqualTo("fields.name");
        JsonNode unknownSource = mutate(Role.CURATOR, "createOrganization",
                "{id: \"test-unsourced\", fields: {name: \"X\", kind: Company}, cite: [{source: \"no-such-source\", statement: \"s\"}]}");
        assertThat(unknownSource.at("/errors/0/code").asString()).isEqualTo("INVALID");
        assertThat(unknownSource.at("/errors/0/field").asString()).isEqualTo("cite");
        JsonNode taken = mutate(Role.CURATOR, "createOrganization", "{id: \"sojitz\", fields: {name: \"X\", kind: Company}, cite: " + CITE + "}");
        assertThat(taken.at("/errors/0/code").asString()).isEqualTo("ALREADY_EXISTS");
        JsonNode absent = mutate(Role.CURATOR, "updateOrganization", "{id: \"test-absent\", version: 1, fields: {name: \"X\"}, cite: " + CITE + "}");
        assertThat(absent.at("/errors/0/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(Http.postGraphQl(port, "{ node(id: \"test-nameless\") { id } }", null, null).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void whoMayCallWhichMutation() {
        String create = "mutation { createOrganization(input: {id: \"test-matrix-org\", fields: {name: \"M\", kind: Company}, cite: "
                + CITE + "}) { errors { code } } }";
        assertThat(Http.postGraphQl(port, create, null, null).status()).isEqualTo(401);
        assertThat(Http.postGraphQl(port, create, null, TestKeys.bearer(Role.READER)).status()).isEqualTo(403);
        registerSource(Role.PARTNER); // a partner registers its own source
        Http.Response partner = Http.postGraphQl(port, create, null, TestKeys.bearer(Role.PARTNER));
        assertThat(partner.status()).isEqualTo(200);
        assertThat(partner.json().at("/data/createOrganization/errors/0/code").asString()).isEqualTo("FORBIDDEN");
        Http.Response partnerRetires = Http.postGraphQl(port,
                "mutation { retireFact(input: {id: \"sojitz\", version: 1, reason: \"r\", cite: " + CITE + "}) { errors { code } } }", null,
                TestKeys.bearer(Role.PARTNER));
        assertThat(partnerRetires.errorCode()).isEqualTo("FORBIDDEN");
        Http.Response partnerRemovesCurated = Http.postGraphQl(port,
                "mutation { removeBatch(input: {batch: \"knowledge-base\"}) { errors { code } } }", null, TestKeys.bearer(Role.PARTNER));
        assertThat(partnerRemovesCurated.json().at("/data/removeBatch/errors/0/code").asString()).isEqualTo("FORBIDDEN");
        registerSource(Role.CURATOR);
        Http.Response curator = Http.postGraphQl(port, create, null, TestKeys.bearer(Role.CURATOR));
        assertThat(curator.json().at("/data/createOrganization/errors").isEmpty()).as(curator.body()).isTrue();
    }

    private static final String CITE = "[{source: \"test-curation-report\", statement: \"page 1\"}]";

    private void registerSource(Role role) {
        String kind = role == Role.PARTNER ? "PARTNER" : "PUBLIC";
        String id = role == Role.PARTNER ? "test-partner-own-source" : "test-curation-report";
        JsonNode created = mutate(role, "createSource", "{id: \"" + id + "\", fields: {kind: " + kind + ", title: \"A report\"}}");
        assertThat(created.path("errors").isEmpty() || created.at("/errors/0/code").asString().equals("ALREADY_EXISTS")).as(created.toString()).isTrue();
    }

    private JsonNode mutate(Role role, String mutation, String input) {
        String selection = mutation.equals("removeBatch") ? "batch factsChanged errors { code message field }"
                : "fact { id } id version errors { code message field }";
        Http.Response response = Http.postGraphQl(port, "mutation { " + mutation + "(input: " + input + ") { " + selection + " } }", null,
                TestKeys.bearer(role));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
        return response.json().at("/data/" + mutation);
    }

    private static String id(String type) {
        return type.equals("Country") ? "TV" : "test-curated-" + type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Country", "{name: \"Tuvalu\"}");
        fields.put("Mineral", "{name: \"Test mineral\", kind: MATERIAL}");
        fields.put("Organization", "{name: \"Test company\", kind: Company, country: \"JP\"}");
        fields.put("Deposit", "{name: \"Test deposit\", country: \"AU\", minerals: [\"lithium\"]}");
        fields.put("Facility", "{name: \"Test facility\", stage: REFINING, country: \"AU\"}");
        fields.put("Supply", "{from: \"mount-weld\", to: \"lynas-malaysia\", form: \"concentrate\"}");
        fields.put("Investment", "{name: \"Test investment\", amount: 5, currency: \"USD\", investors: [\"sojitz\"]}");
        fields.put("Offtake", "{name: \"Test offtake\", buyers: [\"sojitz\"], origins: [\"AU\"]}");
        fields.put("Agreement", "{name: \"Test agreement\", status: PROPOSED, parties: [{party: \"JP\", role: PROPOSER}]}");
        fields.put("ExportControl", "{name: \"Test control\", imposer: \"CN\", measure: QUOTA, year: 2010}");
        fields.put("Policy", "{name: \"Test policy\", kind: PROPOSAL, issuer: \"JP\"}");
        fields.put("Target", "{name: \"Test target\", quantity: 10, unit: \"PERCENT\", year: 2030}");
        fields.put("Statistic", "{name: \"Test statistic\", value: 1.5, unit: \"PERCENT\", year: 2020}");
        fields.put("Event", "{name: \"Test event\", countries: [{party: \"CN\", role: RESPONDENT}]}");
        return fields;
    }
}
