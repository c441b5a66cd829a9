package org.criticalminerals.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The hostile values the fuzzer puts into every argument, field and file: Cypher and Lucene fragments,
 * unicode that breaks naive code (right-to-left overrides, emoji sequences, lone surrogates, NUL), giant
 * strings and numbers at and beyond the limits of Int, Long and double. Also a few real ids of the curated
 * knowledge base, so that resolvers below a lookup run too.
 */
final class HostileValues {

    static final List<String> CYPHER = List.of("' OR 1=1 //", "\" OR 1=1 //", "}) MATCH (n) DETACH DELETE n //",
            "x'}) MATCH (n) DETACH DELETE n RETURN 1 //", "$param", "$id", "`backtick`", "`) RETURN 1 //", "a` OR 1=1 //", "1}) RETURN n //",
            "'; CALL dbms.killQueries(['a']) //", "x' WITH 1 AS a CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value //",
            "{id: 'x'}", "/* comment", "*/ MATCH (n) RETURN n /*", ":param x => 1", "n.id", "\\' OR \\'1\\'=\\'1", "'')) OR true //",
            "MERGE (n:Entity {id: 'fuzz'}) //", "CREATE (n) //", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l //");

    static final List<String> LUCENE = List.of("*", "?", "~", "\"", "AND OR", "[a TO z]", "\\", "a:b", "+-&&||!(){}[]^\"~*?:\\/", "NOT", "/.*/",
            "*:*", "a~0.5", "\"unterminated", "\\\\", "(((", "name:[* TO *]", "a^1000", "AND", "OR NOT AND", "{a TO z}", "*a*?", "~~~~", "||", "&&",
            "lithium~2", "\"lithium\"~10", "name:lithium AND nameJa:*");

    static final List<String> UNICODE = List.of("レアアース", "稀土", "희토류", "مرحبا", "שלום", "\u202Eevil\u202C", "\u200Fright-to-left\u200E",
            "🪨⛏️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "e\u0301\u0301\u0301", "\uD800", "\uDFFF", "a\uD83Dz", "\u0000", "a\u0000b", "\uFEFF", "\u2028\u2029",
            "\u0007\u001B[31m", "ＯＲ １＝１", "İıß", "\uFFFF\uFFFE", "Z̸̡̛͍̮͚a̷̢͎͙l̶g̸o", "\t\r\n", " ", "");

    static final List<String> OTHER = List.of("%s%n%x%p", "${jndi:ldap://localhost/x}", "{{7*7}}", "../../../../etc/passwd", "<script>alert(1)</script>",
            "'; DROP TABLE x; --", "a\r\nSet-Cookie: x=1", "null", "undefined", "true", "0", "-1", "NaN", "Infinity", "-0", "1e21",
            "9223372036854775808", "0x7fffffff", "2020-02-30", "9999-99-99", "+999999999-12-31T23:59:59Z", "P1Y", "__typename", "query { a }",
            "\\u0000", "\\ud800", "#", "\"\"\"", "a\\", "sojitz\u0000");

    /** Real ids of the curated knowledge base: lookups find them, so the fields below them are resolved too. */
    static final List<String> REAL_IDS = List.of("sojitz", "lynas-rare-earths", "rare-earth-elements", "neodymium", "lithium", "mount-weld",
            "lynas-malaysia", "lynas-japan-offtake", "sojitz-jogmec-lynas-2011", "jogmec", "seed-000", "iso-3166-1", "JP", "CN", "AU");

    /** Numbers at and beyond the limits, as JSON or GraphQL number literals. */
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "500", "501", "2147483647", "2147483648", "-2147483649", "1e21", "1E+21", "-1e21",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "1e400", "-1e400", "4.9e-324", "1e-400", "0.1",
            "1.5", "-0.0", "123456789012345678901234567890", "1" + "0".repeat(400));

    /** Numbers in strings, where a scalar parses text (Long, BigDecimal) or a client sends them quoted. */
    static final List<String> NUMBER_STRINGS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "1e21", "9223372036854775808", "-0", "0x10", "1_000",
            "١٢٣", "１２３", "1e2147483648", "", " 1", "1 ", "+1", "--1", "1e-2147483648");

    static final List<String> DATES = List.of("2020-02-30", "2020-13-01", "0000-00-00", "-0001-01-01", "+999999999-12-31", "2020-1-1", "2020-01-01T00:00:00Z",
            "20200101", "2020-W01", "not a date", "2020-01-01'; MATCH (n) RETURN n //", "9999999999-01-01", "");

    static final List<String> DATE_TIMES = List.of("2020-01-01T25:00:00Z", "2020-01-01T00:00:00", "2020-01-01", "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "2020-01-01T00:00:00+25:00", "9999-12-31T23:59:60Z", "now", "",
            "2020-01-01T00:00:00.0000000000000000001Z");

    static final List<String> CURRENCIES = List.of("USD", "usd", "XXX", "ZZZ", "US", "USDD", "💰", "' OR 1=1 //", "");

    static final List<String> URLS = List.of("javascript:alert(1)", "file:///etc/passwd", "http://[::1", "http://localhost:18120/graphql", "gopher://x",
            "http://" + "a".repeat(300) + ".example", "//evil", "data:text/html,<script>alert(1)</script>", "");

    private HostileValues() {
    }

    /** A hostile string that is never giant. */
    static String string(SplittableRandom random) {
        return string(random, 0);
    }

    /** A hostile string: mostly fragments, sometimes glued to a real value, sometimes giant (up to {@code giantMax} characters; 0: never). */
    static String string(SplittableRandom random, int giantMax) {
        int kind = random.nextInt(100);
        if (kind < 25) {
            return pick(random, CYPHER);
        }
        if (kind < 45) {
            return pick(random, LUCENE);
        }
        if (kind < 65) {
            return pick(random, UNICODE);
        }
        if (kind < 75) {
            return pick(random, OTHER);
        }
        if (kind < 85) {
            // a real value with a fragment appended: passes naive prefix checks, then breaks out
            return pick(random, REAL_IDS) + pick(random, random.nextBoolean() ? CYPHER : LUCENE);
        }
        if (kind < 90) {
            return mixed(random, 2 + random.nextInt(6));
        }
        return giantMax > 0 ? giant(random, giantMax) : mixed(random, 8);
    }

    /** A giant string, 10,000 characters to {@code max}: one character, a repeated fragment or unicode. */
    static String giant(SplittableRandom random, int max) {
        int length = Math.min(max, switch (random.nextInt(4)) {
            case 0 -> 10_000;
            case 1 -> 65_537;
            case 2 -> 300_000;
            default -> 1_000_000;
        });
        String unit = switch (random.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "稀";
            case 2 -> pick(random, CYPHER) + " ";
            default -> pick(random, LUCENE) + " ";
        };
        StringBuilder giant = new StringBuilder(length + unit.length());
        while (giant.length() < length) {
            giant.append(unit);
        }
        return giant.toString();
    }

    /** Several fragments of every kind concatenated. */
    static String mixed(SplittableRandom random, int parts) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            mixed.append(pick(random, switch (random.nextInt(4)) {
                case 0 -> CYPHER;
                case 1 -> LUCENE;
                case 2 -> UNICODE;
                default -> OTHER;
            }));
        }
        return mixed.toString();
    }

    /** A hostile string that can never be a valid id of the record schema (it holds a character outside a-z 0-9 -). */
    static String invalidId(SplittableRandom random, int giantMax) {
        String value = string(random, giantMax);
        // nor a batch name (a-z 0-9 : . _ -)
        return value.matches("[a-z0-9:._-]*") ? value + "' OR 1=1 //" : value;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
