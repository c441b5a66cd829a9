package org.criticalminerals.benchmark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Cypher statements a service sent, read from its Bolt driver's debug log: the driver logs every outgoing
 * message at DEBUG ({@code org.neo4j.bolt.connection.netty.impl.async.outbound.OutboundMessageHandler}) as
 * {@code [0x<connection>][host:port][bolt-<n>] C: <message>}, where a message is {@code BEGIN {metadata}},
 * {@code RUN "<statement>" {parameters} {metadata}}, {@code PULL {n=-1}}, {@code COMMIT}, {@code ROLLBACK} and so on.
 * The parameters are printed as the driver's values print themselves: the outer map {@code {name=value, …}},
 * nested maps {@code {key: value, …}}, lists {@code [a, b]}, strings in double quotes (inner quotes as
 * {@code \"}), {@code NULL}, {@code TRUE}/{@code FALSE}, numbers, and temporal values in ISO form without quotes.
 * <p>
 * A log entry starts with a line that begins with a timestamp; a statement of several lines continues on the
 * following lines. The statements of one connection between {@code BEGIN} and {@code COMMIT}/{@code ROLLBACK} are
 * one transaction; a {@code RUN} outside of one is a transaction of its own (auto-commit). The service's own
 * background statements (the database check {@code RETURN 1}, the health indicator's {@code CALL dbms.components()},
 * and the read budget's {@code SHOW TRANSACTIONS}/{@code TERMINATE TRANSACTIONS} when a request runs out of time) are left out.
 */
final class StatementCapture {

    /** One statement as sent: its text and its parameters as printed (parsed with {@link #parameters(String)}). */
    record Statement(String query, String parameters) {
    }

    /** The statements of one transaction, in the order they were sent; {@code read} when BEGIN asked for mode "r". */
    record Transaction(boolean read, List<Statement> statements) {
    }

    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");

    private static final Pattern MESSAGE = Pattern.compile("\\[(0x[0-9a-fA-F]+)]\\[[^]]*]\\[[^]]*] C: ", Pattern.DOTALL);

    private StatementCapture() {
    }

    /** The transactions in a piece of the log, in the order they began. */
    static List<Transaction> transactions(String log) {
        List<@Nullable Transaction> done = new ArrayList<>();
        Map<String, Open> open = new LinkedHashMap<>();
        for (String entry : entries(log)) {
            Matcher message = MESSAGE.matcher(entry);
            if (!message.find()) {
                continue;
            }
            String connection = message.group(1);
            String text = entry.substring(message.end());
            if (text.startsWith("BEGIN")) {
                Open transaction = new Open(done.size(), text.contains("mode=\"r\""));
                open.put(connection, transaction);
                done.add(null); // its place in the order of beginnings
            }
            else if (text.startsWith("RUN ")) {
                Statement statement = run(text);
                if (background(statement.query())) {
                    continue;
                }
                Open transaction = open.get(connection);
                if (transaction == null) {
                    done.add(new Transaction(!text.contains("mode=\"w\""), List.of(statement)));
                }
                else {
                    transaction.statements.add(statement);
                }
            }
            else if (text.startsWith("COMMIT") || text.startsWith("ROLLBACK") || text.startsWith("RESET") || text.startsWith("GOODBYE")) {
                Open transaction = open.remove(connection);
                if (transaction != null) {
                    done.set(transaction.index, new Transaction(transaction.read, List.copyOf(transaction.statements)));
                }
            }
        }
        open.values().forEach(t -> done.set(t.index, new Transaction(t.read, List.copyOf(t.statements))));
        List<Transaction> transactions = new ArrayList<>();
        for (Transaction t : done) {
            if (t != null && !t.statements().isEmpty()) {
                transactions.add(t);
            }
        }
        return transactions;
    }

    private static final class Open {

        final int index;

        final boolean read;

        final List<Statement> statements = new ArrayList<>();

        Open(int index, boolean read) {
            this.index = index;
            this.read = read;
        }
    }

    private static boolean background(String query) {
        String q = query.strip();
        // the database check, the health indicator, and the read budget's clean-up of a request that ran out of time
        return q.equals("RETURN 1") || q.startsWith("CALL dbms.components()") || q.startsWith("SHOW TRANSACTIONS") || q.startsWith("TERMINATE TRANSACTIONS");
    }

    /** The log split into entries: a line with a timestamp and the lines that follow it without one. */
    static List<String> entries(String log) {
        List<String> entries = new ArrayList<>();
        @Nullable StringBuilder current = null;
        for (String line : log.split("\n", -1)) {
            if (ENTRY_START.matcher(line).find()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line);
            }
            else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    /**
     * A {@code RUN "<statement>" {parameters} {metadata}} message. The statement is printed as is (not escaped), so
     * it ends at the first {@code "} after which two maps and nothing else follow.
     */
    static Statement run(String message) {
        String body = message.substring("RUN \"".length()).stripTrailing();
        for (int end = body.indexOf("\" {"); end >= 0; end = body.indexOf("\" {", end + 1)) {
            String rest = body.substring(end + 2);
            Parser parser = new Parser(rest);
            try {
                parser.value();
                int parametersEnd = parser.position;
                parser.skipSpace();
                parser.value();
                parser.skipSpace();
                if (parser.atEnd()) {
                    return new Statement(body.substring(0, end), rest.substring(0, parametersEnd));
                }
            }
            catch (IllegalArgumentException e) {
                // not the end of the statement: a quote inside it
            }
        }
        throw new IllegalArgumentException("not a RUN message: " + abbreviate(message));
    }

    /** Parameters as printed, back as Java values the driver sends alike (strings, longs, doubles, dates, lists, maps). */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> parameters(String printed) {
        Parser parser = new Parser(printed);
        Object value = parser.value();
        parser.skipSpace();
        if (!parser.atEnd() || !(value instanceof Map)) {
            throw new IllegalArgumentException("not a map of parameters: " + abbreviate(printed));
        }
        return (Map<String, @Nullable Object>) value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** A recursive-descent reader of the driver's printed values. */
    private static final class Parser {

        private final String text;

        private int position;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private char peek() {
            if (atEnd()) {
                throw new IllegalArgumentException("unexpected end at " + position);
            }
            return text.charAt(position);
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + position + ", found '" + peek() + "'");
            }
            position++;
        }

        @Nullable Object value() {
            skipSpace();
            char c = peek();
            if (c == '{') {
                return map();
            }
            if (c == '[') {
                return list();
            }
            if (c == '"') {
                return string();
            }
            return scalar(token());
        }

        private Map<String, @Nullable Object> map() {
            expect('{');
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                position++;
                return map;
            }
            while (true) {
                skipSpace();
                int start = position;
                while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
                    position++;
                }
                if (position == start) {
                    throw new IllegalArgumentException("expected a key at " + position);
                }
                String key = text.substring(start, position);
                skipSpace();
                char separator = peek();
                if (separator != '=' && separator != ':') {
                    throw new IllegalArgumentException("expected '=' or ':' at " + position);
                }
                position++;
                map.put(key, value());
                skipSpace();
                char next = peek();
                position++;
                if (next == '}') {
                    return map;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected ',' or '}' at " + (position - 1));
                }
            }
        }

        private List<@Nullable Object> list() {
            expect('[');
            List<@Nullable Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                position++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                char next = peek();
                position++;
                if (next == ']') {
                    return list;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected ',' or ']' at " + (position - 1));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = peek();
                position++;
                if (c == '\\' && !atEnd() && text.charAt(position) == '"') {
                    value.append('"');
                    position++;
                }
                else if (c == '"') {
                    return value.toString();
                }
                else {
                    value.append(c);
                }
            }
        }

        /** A bare token: up to a comma or closing bracket; a zone id in brackets ({@code [Europe/Paris]}) is part of it. */
        private String token() {
            int start = position;
            while (!atEnd()) {
                char c = text.charAt(position);
                if (c == '[' && position > start) {
                    int close = text.indexOf(']', position);
                    if (close < 0) {
                        break;
                    }
                    position = close + 1;
                    continue;
                }
                if (c == ',' || c == '}' || c == ']' || Character.isWhitespace(c)) {
                    break;
                }
                position++;
            }
            if (position == start) {
                throw new IllegalArgumentException("expected a value at " + position);
            }
            return text.substring(start, position);
        }
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private static final Pattern FLOAT = Pattern.compile("-?(\\d+\\.\\d*([eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+|NaN|Infinity)");

    private static final List<Function<String, Object>> TEMPORALS = List.of(LocalDate::parse, LocalDateTime::parse, ZonedDateTime::parse,
            OffsetDateTime::parse, LocalTime::parse, OffsetTime::parse);

    static @Nullable Object scalar(String token) {
        switch (token) {
            case "NULL":
                return null;
            case "TRUE":
                return Boolean.TRUE;
            case "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        if (INTEGER.matcher(token).matches()) {
            return Long.parseLong(token);
        }
        if (FLOAT.matcher(token).matches()) {
            return Double.parseDouble(token);
        }
        for (Function<String, Object> temporal : TEMPORALS) {
            try {
                return temporal.apply(token);
            }
            catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw new IllegalArgumentException("a value of an unknown form: " + token);
    }
}
