package org.criticalminerals.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Writes the fuzzer's JSON by hand: it must carry what JSON libraries refuse or repair (lone surrogates
 * escaped as {@code \ud800}, number tokens such as {@code 1e400}) and nothing else may differ between runs.
 */
final class Json {

    private Json() {
    }

    /** A JSON object of string keys and values that are {@link Value}s, strings, numbers, booleans, lists, maps or null. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Value v) {
            out.append(v.json(false));
        }
        else if (value instanceof Boolean || value instanceof java.lang.Number) {
            out.append(value);
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                string(String.valueOf(entry.getKey()), out, false);
                out.append(':');
                write(entry.getValue(), out);
                first = false;
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        }
        else {
            string(value.toString(), out, false);
        }
    }

    static void string(String value, StringBuilder out, boolean asciiOnly) {
        out.append('"');
        escape(value, out, asciiOnly);
        out.append('"');
    }

    /**
     * Escapes for a JSON string or a GraphQL string literal (they share these escapes): quote, backslash,
     * control characters and surrogates as {@code \\uXXXX} (a lone surrogate cannot be written as UTF-8).
     */
    static void escape(String value, StringBuilder out, boolean asciiOnly) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || asciiOnly && c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
