package org.criticalminerals.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The deterministic stream of hostile requests: case {@code i} of seed {@code s} is always the same request,
 * whatever ran before it, so that a failure is reproduced by its seed and index alone. About 60 % are GraphQL
 * documents ({@link GraphQlDocuments}), 15 % malformed bodies, methods and headers on {@code /graphql}, and
 * 25 % malformed import files ({@link ImportFiles}) with and without a key. Nothing a case does can write:
 * imports are dry runs unless the file holds a record that can never be valid, and mutations are built
 * to be refused (see {@link GraphQlDocuments}).
 */
final class FuzzCases {

    /** The service's API keys by role; any may be null (then those cases go without a key). */
    record Keys(@Nullable String reader, @Nullable String partner, @Nullable String curator) {
    }

    private final long seed;

    private final Keys keys;

    private final GraphQlDocuments documents;

    private final ImportFiles files;

    private final Scale scale;

    FuzzCases(long seed, Keys keys, Scale scale) {
        this.seed = seed;
        this.keys = keys;
        this.scale = scale;
        this.documents = GraphQlDocuments.fromClasspath();
        this.files = new ImportFiles(seed);
    }

    /** How much of the schema the GraphQL cases generated so far reached. */
    String coverage() {
        return documents.coverage();
    }

    List<String> unreached() {
        return documents.unreached();
    }

    FuzzCase get(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        int kind = random.nextInt(100);
        if (kind < 60) {
            return graphQl(index, random);
        }
        if (kind < 75) {
            return body(index, random);
        }
        return importFile(index, random);
    }

    private FuzzCase graphQl(long index, SplittableRandom random) {
        GraphQlDocuments.Generated document = documents.generate(random, scale);
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(random, headers, 40, 15, 15, 15);
        accept(random, headers);
        String category = "graphql/" + document.shape() + (document.mutation() ? "/mutation" : "");
        if (!document.mutation() && random.nextInt(10) == 0) {
            // the same document over GET, as the protocol allows for queries
            StringBuilder query = new StringBuilder("/graphql?query=").append(encode(document.query()));
            if (document.variables() != null) {
                query.append("&variables=").append(encode(Json.write(document.variables())));
            }
            if (document.operationName() != null) {
                query.append("&operationName=").append(encode(document.operationName()));
            }
            if (query.length() < 60_000) {
                return new FuzzCase(index, category + "/get", "GET", query.toString(), headers, new byte[0], document.strings());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document.query());
        if (document.variables() != null) {
            body.put("variables", document.variables());
        }
        if (document.operationName() != null) {
            body.put("operationName", document.operationName());
        }
        headers.put("Content-Type", "application/json");
        return new FuzzCase(index, category, "POST", "/graphql", headers, Json.write(body).getBytes(StandardCharsets.UTF_8), document.strings());
    }

    /** Bodies, methods and headers that are not a GraphQL request, on the GraphQL endpoint. */
    private FuzzCase body(long index, SplittableRandom random) {
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(random, headers, 60, 10, 10, 10);
        accept(random, headers);
        String json = "application/json";
        String valid = "{\"query\":\"{ __typename }\"}";
        List<String> sent = new ArrayList<>();
        String hostile = HostileValues.string(random);
        sent.add(hostile);
        String name;
        String method = "POST";
        String path = "/graphql";
        String contentType = json;
        byte[] body;
        switch (random.nextInt(22)) {
            case 0 -> {
                name = "not-json";
                body = utf8(HostileValues.pick(random, List.of("query { __typename }", "{query: '{ __typename }'}", hostile, "<xml/>", "null", "[]", "1e400")));
            }
            case 1 -> {
                name = "truncated-json";
                body = utf8(valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
            }
            case 2 -> {
                name = "batched";
                body = utf8("[" + valid + "," + valid + "]");
            }
            case 3 -> {
                name = "query-wrong-type";
                body = utf8("{\"query\":" + HostileValues.pick(random, List.of("5", "{\"a\":1}", "null", "[\"{ __typename }\"]", "true", "1e400")) + "}");
            }
            case 4 -> {
                name = "variables-wrong-type";
                body = utf8("{\"query\":\"query($id: ID!) { organization(id: $id) { name } }\",\"variables\":"
                        + HostileValues.pick(random, List.of("\"abc\"", "5", "[1]", "\"{\\\"id\\\":\\\"sojitz\\\"}\"", "true", "{\"id\":{\"a\":[1]}}",
                                "{\"id\":[\"sojitz\"]}", "{\"id\":1.5}", "{\"id\":null}", "{\"id\":1e400}"))
                        + "}");
            }
            case 5 -> {
                name = "operation-name-wrong-type";
                body = utf8("{\"query\":\"{ __typename }\",\"operationName\":" + HostileValues.pick(random, List.of("5", "{}", "[]", "true")) + "}");
            }
            case 6 -> {
                name = "extensions";
                String hash = HostileValues.pick(random, List.of("0".repeat(64), "zz".repeat(32), hostile, "", "a".repeat(10_000)));
                sent.add(hash);
                body = utf8("{" + (random.nextBoolean() ? "\"query\":\"{ __typename }\"," : "") + "\"extensions\":"
                        + HostileValues.pick(random, List.of("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":" + Json.write(hash) + "}}",
                                "{\"persistedQuery\":{\"version\":\"x\",\"sha256Hash\":5}}", "\"abc\"", "{\"persistedQuery\":null}",
                                "{\"persistedQuery\":{\"version\":2}}", "[1]"))
                        + "}");
            }
            case 7 -> {
                name = "content-type";
                contentType = HostileValues.pick(random, List.of("text/plain", "application/graphql", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense", "application/json;;;",
                        "/", "application/xml", "", "application/json, text/plain", "application/graphql+json", "*/*"));
                body = utf8(contentType.startsWith("application/graphql") || contentType.startsWith("application/x-www") ? "query={ __typename }" : valid);
            }
            case 8 -> {
                name = "invalid-utf8";
                byte[] bad = { (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
                byte[] start = utf8("{\"query\":\"{ organization(id: \\\"");
                byte[] end = utf8("\\\") { name } }\"}");
                body = new byte[start.length + bad.length + end.length];
                System.arraycopy(start, 0, body, 0, start.length);
                System.arraycopy(bad, 0, body, start.length, bad.length);
                System.arraycopy(end, 0, body, start.length + bad.length, end.length);
            }
            case 9 -> {
                name = "bom-or-utf16";
                body = random.nextBoolean() ? utf8("\uFEFF" + valid) : ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16LE);
            }
            case 10 -> {
                name = "empty";
                body = utf8(HostileValues.pick(random, List.of("", " ", "\n", "{}", "\u0000")));
            }
            case 11 -> {
                name = "deep-json";
                int depth = HostileValues.pick(random, List.of(600, 1_500, 20_000, 200_000));
                body = utf8("{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");
            }
            case 12 -> {
                name = "many-keys";
                StringBuilder keys = new StringBuilder("{\"query\":\"{ __typename }\",\"variables\":{");
                int count = Math.min(scale.hugeList(), HostileValues.pick(random, List.of(10_000, 100_000)));
                for (int i = 0; i < count; i++) {
                    keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                }
                body = utf8(keys.append("}}").toString());
            }
            case 13 -> {
                name = "duplicate-keys";
                body = utf8("{\"query\":\"mutation { removeBatch(input: {batch: \\\"' OR 1=1 //\\\"}) { batch } }\",\"query\":\"{ __typename }\"}");
            }
            case 14 -> {
                name = "too-large";
                int size = 8 * 1024 * 1024 + 1 + random.nextInt(1024);
                body = utf8("{\"query\":\"{ search(text: \\\"" + "a".repeat(size) + "\\\") { score } }\"}");
            }
            case 15 -> {
                name = "method";
                method = HostileValues.pick(random, List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"));
                body = method.equals("HEAD") || method.equals("TRACE") || method.equals("OPTIONS") ? new byte[0] : utf8(valid);
            }
            case 16 -> {
                name = "get-parameters";
                method = "GET";
                String query = HostileValues.pick(random, List.of("query=" + encode(hostile), "query=%7B__typename%7D&variables=" + encode(hostile),
                        "query=%7B__typename%7D&extensions=" + encode(hostile), "query=" + encode("mutation { removeBatch(input: {batch: \"x y\"}) { batch } }"),
                        "query=a&query=b", "variables=%7B%7D", "query=" + encode("{ search(text: " + Json.write(hostile) + ") { score } }"),
                        "query=%7B__typename%7D&operationName=" + encode(hostile)));
                path = "/graphql?" + query;
                body = new byte[0];
            }
            case 17 -> {
                name = "huge-number";
                body = utf8("{\"query\":\"query($n: Int) { minerals(first: $n) { totalCount } }\",\"variables\":{\"n\":"
                        + HostileValues.pick(random, List.of("1" + "0".repeat(2_000), "1e999999999", "-0", "1e21", "9223372036854775808", "0.5e1",
                                "NaN", "Infinity", "-Infinity", "0x10", "01"))
                        + "}}");
            }
            case 18 -> {
                name = "hostile-json-string";
                body = utf8("{\"query\":\"{ search(text: \\\"" + Json.write(hostile).replace("\"", "") + "\\\") { score } }\"}");
            }
            case 19 -> {
                name = "headers";
                headers.put("Accept", HostileValues.pick(random, List.of("text/html", "application/xml", ";;;", "*/*;q=abc", "application/graphql-response+json;q=0",
                        "application/x-ndjson", "text/event-stream")));
                headers.put("Accept-Language", HostileValues.pick(random, List.of("xx-INVALID", "ja-JP", "*", "ar")));
                body = utf8(valid);
            }
            case 20 -> {
                name = "cross-origin";
                headers.put("Origin", HostileValues.pick(random, List.of("http://evil.example", "null", "file://")));
                body = utf8(valid);
            }
            default -> {
                name = "string-not-utf8-declared";
                contentType = "application/json; charset=ISO-8859-1";
                body = ("{\"query\":\"{ search(text: \\\"\u00e9\u00e8\\\") { score } }\"}").getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        if (!contentType.isEmpty() && !method.equals("GET") && !method.equals("HEAD")) {
            headers.put("Content-Type", contentType);
        }
        return new FuzzCase(index, "body/" + name, method, path, headers, body, sent);
    }

    private FuzzCase importFile(long index, SplittableRandom random) {
        Map<String, String> headers = new LinkedHashMap<>();
        String role = authorization(random, headers, 15, 10, 50, 20);
        boolean poison = random.nextInt(5) == 0;
        ImportFiles.File file = files.generate(random, poison, scale);
        List<String> sent = new ArrayList<>(file.strings());
        StringBuilder query = new StringBuilder();
        int batchKind = random.nextInt(20);
        if (batchKind == 0) {
            // no batch at all
        }
        else if (batchKind == 1) {
            String hostile = HostileValues.string(random);
            sent.add(hostile);
            query.append("batch=").append(encode(hostile));
        }
        else if (batchKind == 2) {
            query.append("batch=knowledge-base");
        }
        else if (batchKind == 3) {
            query.append("batch=fuzz:a&batch=fuzz:b");
        }
        else {
            query.append("batch=fuzz:").append(index % 97);
        }
        if (!poison) {
            query.append(random.nextInt(15) == 0 ? "&dryRun=" + HostileValues.pick(random, List.of("maybe", "TRUE", "1", "yes")) : "&dryRun=true");
        }
        if (!poison && query.toString().contains("dryRun=") && !query.toString().contains("dryRun=true")) {
            // a dry-run value Spring may not read as true must not become a real import of a valid file
            query.append("&dryRun=true");
        }
        if (random.nextInt(8) == 0) {
            query.append("&replace=true");
        }
        if (random.nextInt(12) == 0) {
            query.append("&restore=true");
        }
        if (file.format().equals("csv") && random.nextInt(3) == 0) {
            query.append("&type=").append(encode(HostileValues.pick(random, List.of("Organization", "Country", "Nope", "' OR 1=1 //", "organization"))));
        }
        String contentType = random.nextInt(12) == 0
                ? HostileValues.pick(random, List.of("text/plain", "", "application/octet-stream", "application/x-ndjson; charset=latin1", "text/csv; header=absent"))
                : file.contentType();
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        if (random.nextInt(4) == 0) {
            headers.put("Accept", "application/x-ndjson");
        }
        String category = "import/" + file.format() + (file.poisoned() ? "/real" : "/dry-run") + "/" + role;
        return new FuzzCase(index, category, "POST", "/import?" + query, headers, file.body(), sent);
    }

    /** Sets an Authorization header by the weights given (none, reader, partner, curator; the rest bogus); returns which. */
    private String authorization(SplittableRandom random, Map<String, String> headers, int none, int reader, int partner, int curator) {
        int pick = random.nextInt(100);
        String key;
        String role;
        if (pick < none) {
            return "anonymous";
        }
        else if (pick < none + reader) {
            key = keys.reader();
            role = "reader";
        }
        else if (pick < none + reader + partner) {
            key = keys.partner();
            role = "partner";
        }
        else if (pick < none + reader + partner + curator) {
            key = keys.curator();
            role = "curator";
        }
        else {
            headers.put("Authorization", HostileValues.pick(random, List.of("Bearer ' OR 1=1 //", "Bearer", "Bearer  ", "Basic bmVvNGo6bmVvNGo=",
                    "Bearer " + "a".repeat(10_000), "bearer test", "Bearer *", "Token abc")));
            return "bogus-key";
        }
        if (key == null) {
            return "anonymous";
        }
        headers.put("Authorization", "Bearer " + key);
        return role;
    }

    private static void accept(SplittableRandom random, Map<String, String> headers) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            headers.put("Accept", "application/graphql-response+json");
        }
        else if (pick == 1) {
            headers.put("Accept", "application/json");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        // lone surrogates cannot be URL-encoded as UTF-8; the encoder writes '?' for them, as a browser would
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
