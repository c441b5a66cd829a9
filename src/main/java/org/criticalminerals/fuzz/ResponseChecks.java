package org.criticalminerals.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to a hostile request must hold: no 5xx; no stack trace, Java class or package name,
 * Cypher text or graphql-java AST dump in the body (after taking out what the request itself sent, which an
 * error may quote); on {@code /graphql} a GraphQL response whose every error has {@code extensions.code}; on
 * {@code /import} a report or an error with a code. Also names the outcome, for the counts per outcome.
 */
final class ResponseChecks {

    /** The verdict on one answer: its outcome ({@code 200 data}, {@code 200 BAD_REQUEST}, {@code 422 rejected} …) and what it broke. */
    record Verdict(String outcome, List<String> violations) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What must never reach a client, each with what it betrays. */
    private static final List<Leak> LEAKS = List.of(
            new Leak("a Java package", Pattern.compile("\\b(java|javax|jakarta|sun)\\.[a-z]+\\.|\\borg\\.(neo4j|springframework|apache|criticalminerals)\\b"
                    + "|\\bgraphql\\.(execution|schema|validation|language|parser|scalar|GraphQL)|\\btools\\.jackson\\b|\\bcom\\.fasterxml\\b|\\breactor\\.core\\b")),
            new Leak("an exception", Pattern.compile("[A-Za-z]Exception\\b|\\bException\\b|\\bCaused by:|\\bThrowable\\b")),
            new Leak("a stack frame", Pattern.compile("\\bat [a-z][a-z0-9_]*\\.[a-z][A-Za-z0-9_.$]*\\(|\\tat ")),
            new Leak("a Java class name", Pattern.compile("\\b(LinkedHashMap|HashMap|ArrayList|ImmutableList|ImmutableMap|ImmutableKit|Optional\\[|'Integer'|'Double'"
                    + "|'Character'|'Object')|\\b[A-Z][A-Za-z]+@[0-9a-f]{6,}\\b|\\$[A-Z][a-z]+[A-Z]")),
            new Leak("a Neo4j status", Pattern.compile("\\bNeo\\.(ClientError|DatabaseError|TransientError|ClientNotification)")),
            new Leak("Cypher", Pattern.compile("\\b(OPTIONAL MATCH|DETACH DELETE|UNWIND \\$|MATCH \\(|MERGE \\(|CALL \\{|RETURN [a-z]+[.,( ]|WITH [a-z]+, |WHERE [a-z]+\\.[a-z]+ "
                    + "|ORDER BY [a-z]+\\.|YIELD [a-z]+)|\\(offset: \\d+\\)")),
            new Leak("a graphql-java AST dump", Pattern.compile("\\b(StringValue|IntValue|FloatValue|BooleanValue|EnumValue|NullValue|ArrayValue|ObjectValue"
                    + "|ObjectField|VariableReference|Field|SelectionSet|OperationDefinition|Document|Argument|Directive|FragmentSpread|InlineFragment"
                    + "|TypeName|NonNullType|ListType|VariableDefinition|SourceLocation)\\{|'(IntValue|StringValue|FloatValue|BooleanValue|EnumValue"
                    + "|NullValue|ArrayValue|ObjectValue|VariableReference)'")));

    private record Leak(String what, Pattern pattern) {
    }

    private ResponseChecks() {
    }

    static Verdict check(FuzzCase request, int status, String body) {
        List<String> violations = new ArrayList<>();
        if (status >= 500) {
            violations.add("HTTP " + status);
        }
        String stripped = withoutWhatWasSent(body, request);
        String requestText = requestText(request);
        for (Leak leak : LEAKS) {
            Matcher matcher = leak.pattern().matcher(stripped);
            while (matcher.find()) {
                // what the request itself holds is the caller's own text quoted back (a Cypher fragment in a rejected id)
                if (!requestText.contains(matcher.group())) {
                    violations.add("the answer shows " + leak.what() + ": …" + around(stripped, matcher.start(), matcher.end()) + "…");
                    break;
                }
            }
        }
        String outcome;
        if (request.graphQl()) {
            outcome = graphQl(request, status, body, violations);
        }
        else {
            outcome = importAnswer(status, body, violations);
        }
        return new Verdict(outcome, violations);
    }

    private static String graphQl(FuzzCase request, int status, String body, List<String> violations) {
        if (request.method().equals("HEAD")) {
            return status + " head"; // an answer to HEAD has no body
        }
        if (body.isBlank()) {
            if (status >= 400 || !request.method().equals("OPTIONS")) {
                violations.add("HTTP " + status + " with an empty body: no error, no code");
            }
            return status + " empty";
        }
        String json = body;
        if (body.startsWith("event:") || body.startsWith("data:")) {
            // server-sent events (Accept: text/event-stream): the GraphQL answer is the "next" event's data
            json = body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip()).filter(line -> line.startsWith("{"))
                    .findFirst().orElse("");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(json);
        }
        catch (JacksonException e) {
            violations.add("HTTP " + status + " with a body that is not JSON");
            return status + " not-json";
        }
        if (answer == null || answer.isMissingNode()) {
            violations.add("HTTP " + status + " with a body that is not JSON");
            return status + " not-json";
        }
        JsonNode errors = answer.path("errors");
        if (!answer.isObject() || !answer.has("data") && !errors.isArray()) {
            violations.add("HTTP " + status + " with JSON that is not a GraphQL response (no data, no errors)");
            return status + " not-graphql";
        }
        if (!errors.isArray() || errors.isEmpty()) {
            return status + " data";
        }
        String first = null;
        for (JsonNode error : errors) {
            String code = error.path("extensions").path("code").asString(null);
            if (code == null) {
                violations.add("an error without extensions.code: " + shorten(error.toString(), 300));
                code = "no-code";
            }
            else if (code.equals("INTERNAL_ERROR")) {
                violations.add("an INTERNAL_ERROR for a caller's input: " + shorten(error.toString(), 300));
            }
            first = first == null ? code : first;
        }
        return status + " " + first;
    }

    private static String importAnswer(int status, String body, List<String> violations) {
        String last = body.strip();
        int newline = last.lastIndexOf('\n');
        if (newline >= 0) {
            last = last.substring(newline + 1); // a streamed answer: progress lines, then the report
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(last);
        }
        catch (JacksonException e) {
            violations.add("HTTP " + status + " with a body that is not JSON");
            return status + " not-json";
        }
        if (answer == null || !answer.isObject()) {
            violations.add("HTTP " + status + " with a body that is not a JSON object");
            return status + " not-json";
        }
        int reported = answer.path("status").asInt(status);
        if (answer.has("accepted")) {
            JsonNode problems = answer.path("problems");
            if (!answer.path("accepted").asBoolean() && (!problems.isArray() || problems.isEmpty())) {
                violations.add("a rejected import without a problem");
            }
            for (JsonNode problem : problems) {
                if (problem.path("message").asString("").isBlank()) {
                    violations.add("a problem without a message: " + shorten(problem.toString(), 300));
                }
            }
            if (answer.path("accepted").asBoolean() && !answer.path("dryRun").asBoolean()) {
                // only a file holding a record that can never be valid is sent for a real import
                violations.add("a file with an invalid record was imported");
                return reported + " IMPORTED";
            }
            return reported + (answer.path("accepted").asBoolean() ? " checked" : " rejected");
        }
        String code = answer.path("code").asString(null);
        if (code == null && reported >= 400) {
            violations.add("HTTP " + reported + " without a code: " + shorten(last, 300));
            return reported + " no-code";
        }
        return reported + " " + code;
    }

    /**
     * The body without the strings the request sent (raw and JSON-escaped), longest first, so that an error quoting
     * the caller's own input is not taken for a leak. Strings shorter than three characters stay: they are too common.
     */
    static String withoutWhatWasSent(String body, FuzzCase request) {
        List<String> sent = new ArrayList<>(request.sent());
        sent.sort(Comparator.comparingInt(String::length).reversed());
        String stripped = body;
        for (String text : sent) {
            if (text.length() < 3) {
                continue;
            }
            StringBuilder escaped = new StringBuilder();
            Json.escape(text, escaped, false);
            StringBuilder ascii = new StringBuilder();
            Json.escape(text, ascii, true);
            stripped = stripped.replace(escaped, "").replace(ascii, "").replace(jacksonEscaped(text), "").replace(text, "");
        }
        return stripped;
    }

    /** As Jackson writes a string's content: control characters escaped (upper-case hex), everything else as it is. */
    private static String jacksonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** The request as text: its path URL-decoded, its body as UTF-8 and JSON-unescaped, and the strings it carries. */
    private static String requestText(FuzzCase request) {
        StringBuilder text = new StringBuilder();
        try {
            text.append(java.net.URLDecoder.decode(request.path(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        catch (IllegalArgumentException e) {
            text.append(request.path()).append('\n');
        }
        String body = new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
        text.append(body).append('\n').append(body.replace("\\\"", "\"").replace("\\\\", "\\")).append('\n');
        request.sent().forEach(sent -> text.append(sent).append('\n'));
        return text.toString();
    }

    private static String around(String text, int start, int end) {
        return shorten(text.substring(Math.max(0, start - 60), Math.min(text.length(), end + 60)), 200);
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
