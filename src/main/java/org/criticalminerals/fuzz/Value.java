package org.criticalminerals.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated argument or variable value, printable both as a GraphQL literal and as JSON, so that one
 * value can go inline into a document or into its variables. Numbers keep their text ({@code 1e400},
 * {@code -0}, 400 digits) and strings their lone surrogates and NULs, which no JSON library would write.
 */
sealed interface Value {

    record Text(String value) implements Value {
    }

    /** A number as written: a GraphQL IntValue or FloatValue token, and the same token in JSON. */
    record Number(String token) implements Value {
    }

    /** Text written as it is, in a document and in JSON alike (deep nesting, tokens no value type holds). */
    record Raw(String text) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    /** An enum value: bare in a document, a string in JSON. */
    record Enum(String name) implements Value {
    }

    record Null() implements Value {
    }

    record ListOf(List<Value> items) implements Value {
    }

    record Obj(Map<String, Value> fields) implements Value {
    }

    /** A variable reference, only inside a document. */
    record Variable(String name) implements Value {
    }

    static Value text(String value) {
        return new Text(value);
    }

    static Value number(String token) {
        return new Number(token);
    }

    static Value list(List<Value> items) {
        return new ListOf(new ArrayList<>(items));
    }

    static Value obj(Map<String, Value> fields) {
        return new Obj(new LinkedHashMap<>(fields));
    }

    /** As a GraphQL literal; {@code blockStrings} writes strings as block strings where they can be. */
    default String literal(boolean blockStrings) {
        StringBuilder out = new StringBuilder();
        writeLiteral(this, out, blockStrings);
        return out.toString();
    }

    /** As JSON, strings escaped as {@link Json#string} does. */
    default String json(boolean asciiOnly) {
        StringBuilder out = new StringBuilder();
        writeJson(this, out, asciiOnly);
        return out.toString();
    }

    private static void writeLiteral(Value value, StringBuilder out, boolean blockStrings) {
        if (value instanceof Text text) {
            // a block string holds no escapes: only where the text needs none (no backslash, control character or surrogate)
            if (blockStrings && text.value().chars().noneMatch(c -> c == '\\' || c < 0x20 && c != '\n' && c != '\t' || Character.isSurrogate((char) c))) {
                out.append("\"\"\"").append(text.value().replace("\"\"\"", "\\\"\"\"")).append("\"\"\"");
            }
            else {
                out.append('"');
                Json.escape(text.value(), out, false);
                out.append('"');
            }
        }
        else if (value instanceof Number number) {
            out.append(number.token());
        }
        else if (value instanceof Raw raw) {
            out.append(raw.text());
        }
        else if (value instanceof Bool bool) {
            out.append(bool.value());
        }
        else if (value instanceof Enum e) {
            out.append(e.name());
        }
        else if (value instanceof Variable variable) {
            out.append('$').append(variable.name());
        }
        else if (value instanceof ListOf list) {
            out.append('[');
            for (int i = 0; i < list.items().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                writeLiteral(list.items().get(i), out, blockStrings);
            }
            out.append(']');
        }
        else if (value instanceof Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> field : obj.fields().entrySet()) {
                out.append(first ? "" : ", ").append(field.getKey()).append(": ");
                writeLiteral(field.getValue(), out, blockStrings);
                first = false;
            }
            out.append('}');
        }
        else {
            out.append("null");
        }
    }

    private static void writeJson(Value value, StringBuilder out, boolean asciiOnly) {
        if (value instanceof Text text) {
            Json.string(text.value(), out, asciiOnly);
        }
        else if (value instanceof Number number) {
            out.append(number.token());
        }
        else if (value instanceof Raw raw) {
            out.append(raw.text());
        }
        else if (value instanceof Bool bool) {
            out.append(bool.value());
        }
        else if (value instanceof Enum e) {
            Json.string(e.name(), out, asciiOnly);
        }
        else if (value instanceof Variable variable) {
            Json.string("$" + variable.name(), out, asciiOnly);
        }
        else if (value instanceof ListOf list) {
            out.append('[');
            for (int i = 0; i < list.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeJson(list.items().get(i), out, asciiOnly);
            }
            out.append(']');
        }
        else if (value instanceof Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> field : obj.fields().entrySet()) {
                out.append(first ? "" : ",");
                Json.string(field.getKey(), out, asciiOnly);
                out.append(':');
                writeJson(field.getValue(), out, asciiOnly);
                first = false;
            }
            out.append('}');
        }
        else {
            out.append("null");
        }
    }
}
