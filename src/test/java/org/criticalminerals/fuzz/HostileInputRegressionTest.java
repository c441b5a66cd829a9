package org.criticalminerals.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.criticalminerals.security.Role;
import org.criticalminerals.support.GraphTestSupport;
import org.criticalminerals.support.Http;
import org.criticalminerals.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs the hostile-input fuzz found answered badly, each as it was sent, with the answer it gets now
 * (docs/reliability.md, "Hostile input", lists what each was before).
 */
class HostileInputRegressionTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aLongSearchTextIsAnsweredNotAnInternalError() {
        // was INTERNAL_ERROR: Lucene's TooManyClauses (every CJK character pair is a clause, in three fields); only the first 200 characters count
        for (String text : new String[] { "稀".repeat(400), "稀土 ".repeat(200), "稀土類元素" + "ネオジム".repeat(100) }) {
            Http.Response response = Http.postGraphQl(port, "query($t: String!) { search(text: $t) { score } }", Map.of("t", text), null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
        }
    }

    @Test
    void aQuestionAboutACountryTheGraphDoesNotHoldIsNotFoundNotAnInternalError() {
        // was INTERNAL_ERROR (the long run, seed 1, #12185 and #16906): exposure to HK's controls read the first row of no rows
        Http.Response response = Http.postGraphQl(port, "{ exportControlExposure(imposer: HK, designator: CR) { __typename } }", null, null);
        assertThat(response.errorCode()).as(response.body()).isEqualTo("NOT_FOUND");
        assertThat(response.json().at("/errors/0/message").asString()).contains("HK");
    }

    @Test
    void anUnknownIdWithALoneSurrogateIsNotFoundNotAnInternalError() {
        // was INTERNAL_ERROR (seed 1, #17125): the id came back from the database changed, and its argument was looked for by equality
        Http.Response response = Http.postGraphQl(port, "query($v0: ID) { moneyFlows(investor: $v0, investorCountry: KE) { __typename } }",
                Map.of("v0", "\ud800"), null);
        assertThat(response.errorCode()).as(response.body()).isEqualTo("NOT_FOUND");
        assertThat(response.json().at("/errors/0/message").asString()).contains("(investor)");
    }

    @Test
    void aStringWithTheDumpsPunctuationLeavesNoAstDump() {
        // was "with value 'ObjectValue{objectFields=[ObjectField{name=…" (seed 1, #15880 and 11 more): the string held "'}"
        Http.Response response = Http.postGraphQl(port, "{ sources(filter: {fieldThatDoesNotExist: \"MERGE (n:Entity {id: 'fuzz'}) //\"}) { totalCount } }",
                null, null);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(response.json().at("/errors/0/message").asString()).doesNotContain("Value{").doesNotContain("ObjectField")
                .contains("with value '{fieldThatDoesNotExist: \"MERGE (n:Entity {id: 'fuzz'}) //\"}'");
    }

    @Test
    void aYamlOrJsonFileThatIsNotUtf8IsRejectedNot500() {
        // was HTTP 500 (MalformedInputException reading the file as UTF-8)
        for (String type : new String[] { "application/yaml", "application/json" }) {
            byte[] utf16 = "\uFEFF[{\"type\": \"Source\", \"id\": \"fuzz-utf16\", \"kind\": \"PARTNER\"}]".getBytes(StandardCharsets.UTF_16LE);
            Http.Response response = send(HttpRequest.newBuilder(uri("/import?batch=fuzz:utf16&dryRun=true")).header("Content-Type", type)
                    .header("Authorization", TestKeys.bearer(Role.PARTNER)).POST(HttpRequest.BodyPublishers.ofByteArray(utf16)));
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().at("/problems/0/message").asString()).contains("not UTF-8");
        }
    }

    @Test
    void aBodyThatIsJsonNullIsABadRequestNot500() {
        // was HTTP 500 INTERNAL_ERROR (Spring for GraphQL read a null request)
        Http.Response response = Http.post(port, "/graphql", "null", "application/json", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void graphQlJavaErrorsHaveACodeAndSayValuesAsGraphQl() {
        // were without extensions.code, with "FloatValue{value=1E+21}" and "an AST type of 'IntValue'" in the message
        Http.Response literal = Http.postGraphQl(port, "{ organization(id: 1e21) { name } routeCheck(buyerCountry: JP, avoid: [{a: [1, \"b\"]}]) { offtake { id } } }",
                null, null);
        assertThat(literal.status()).isEqualTo(200);
        for (JsonNode error : literal.json().path("errors")) {
            assertThat(error.at("/extensions/code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.path("message").asString()).doesNotContain("Value{").doesNotContain("AST");
        }
        assertThat(literal.body()).contains("'1E+21'").contains("{a: [1, \\\"b\\\"]}");
        // was "but it was a 'ArrayList'"
        Http.Response variable = Http.postGraphQl(port, "query($n: Int) { minerals(first: $n) { totalCount } }", Map.of("n", java.util.List.of(1)), null);
        assertThat(variable.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(variable.json().at("/errors/0/message").asString()).contains("it was a list").doesNotContain("ArrayList");
        // was no code: syntax errors and the parser's limits
        Http.Response syntax = Http.postGraphQl(port, "{ organization(id: \"\\ud800\") { name } }", null, null);
        assertThat(syntax.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anIdIsAStringOrAnIntegerNotAnObject() {
        // was NOT_FOUND "No organization with id {a=1}": graphql-java 25 took any JSON value for an ID and gave its Java toString
        Http.Response object = Http.postGraphQl(port, "query($id: ID!) { organization(id: $id) { name } }", Map.of("id", Map.of("a", 1)), null);
        assertThat(object.errorCode()).as(object.body()).isEqualTo("BAD_REQUEST");
        assertThat(object.body()).doesNotContain("{a=1}");
        Http.Response number = Http.postGraphQl(port, "query($id: ID!) { organization(id: $id) { name } }", Map.of("id", 5), null);
        assertThat(number.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aDocumentOverTheLengthLimitIsRefusedBeforeItIsParsed() {
        // a megabyte of CJK in a string literal took graphql-java seconds of CPU to parse, twice per request, before any time budget
        String document = "{ organization(id: \"" + "稀".repeat(300_000) + "\") { name } }";
        Http.Response response = Http.postGraphQl(port, document, null, null);
        assertThat(response.errorCode()).as(response.body()).isEqualTo("BAD_REQUEST");
        assertThat(response.json().at("/errors/0/message").asString()).contains("100,000 characters");
        Http.Response mutation = Http.postGraphQl(port, "mutation { removeBatch(input: {batch: \"" + "x".repeat(100_001) + "\"}) { batch } }", null, null);
        assertThat(mutation.errorCode()).as("too long to parse is never run, as a read or otherwise").isEqualTo("BAD_REQUEST");
    }

    @Test
    void refusalsBeforeGraphQlAreGraphQlErrorsWithACode() {
        // each was an empty body or Spring Boot's error page (no code)
        assertError(Http.post(port, "/graphql", "query { __typename }", "application/json", null), 400, "BAD_REQUEST");
        assertError(Http.post(port, "/graphql", "{\"query\":\"{ __typename }\"}", "text/plain", null), 415, "BAD_REQUEST");
        assertError(Http.post(port, "/graphql", "query={ __typename }", "application/graphql+json", null), 415, "BAD_REQUEST");
        assertError(send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))), 406, "BAD_REQUEST");
        Http.Response put = send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
        assertError(put, 405, "METHOD_NOT_ALLOWED");
        assertThat(put.headers().get("allow")).containsExactly("GET, POST");
        assertError(Http.get(port, "/graphql", null), 405, "METHOD_NOT_ALLOWED");
        assertError(send(HttpRequest.newBuilder(uri("/graphql")).method("TRACE", HttpRequest.BodyPublishers.noBody())), 405, "METHOD_NOT_ALLOWED");
        // Tomcat's own refusal of headers over 8 KB was its HTML error page
        assertError(send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json").header("Authorization", "Bearer " + "a".repeat(10_000))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))), 400, "BAD_REQUEST");
    }

    @Test
    void importParametersThatAreMissingOrMalformedAreRefusedWithACode() {
        // were Spring Boot's error page: {"timestamp", "status", "error", "path"}, no code
        Http.Response missing = Http.post(port, "/import?dryRun=true", "{}", "application/x-ndjson", TestKeys.bearer(Role.PARTNER));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(missing.json().path("detail").asString()).contains("batch");
        Http.Response malformed = Http.post(port, "/import?batch=fuzz:x&dryRun=maybe", "{}", "application/x-ndjson", TestKeys.bearer(Role.PARTNER));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("detail").asString()).contains("dryRun").contains("true or false");
    }

    private static void assertError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Http.Response send(HttpRequest.Builder request) {
        return Http.send(request.timeout(Http.TIMEOUT).build());
    }
}
