package org.criticalminerals.api;

/**
 * Rewrites graphql-java's {@code toString} of AST values in an error message ({@code ArrayValue{values=[IntValue{value=1},
 * StringValue{value='b'}]}}) as the GraphQL a client wrote ({@code [1, "b"]}). A string value is cut at
 * {@link #QUOTED} characters: the caller knows what they sent. Text that does not parse as such a value stays as it is.
 */
final class AstValues {

    static final int QUOTED = 100;

    private static final String[] MARKERS = { "StringValue{value='", "IntValue{value=", "FloatValue{value=", "BooleanValue{value=",
        "EnumValue{name='", "NullValue{}", "VariableReference{name='", "ArrayValue{values=[", "ObjectValue{objectFields=[" };

    private AstValues() {
    }

    static String rewrite(String message) {
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            int end = startsWithMarker(message, i) ? value(message, i, out) : -1;
            if (end < 0) {
                out.append(message.charAt(i++));
            }
            else {
                i = end;
            }
        }
        return out.toString();
    }

    private static boolean startsWithMarker(String text, int at) {
        for (String marker : MARKERS) {
            if (text.startsWith(marker, at)) {
                return true;
            }
        }
        return false;
    }

    /** Parses one value at {@code at}, appends it as GraphQL; returns the index after it, or -1 (nothing appended). */
    private static int value(String text, int at, StringBuilder out) {
        int mark = out.length();
        int end = parse(text, at, out);
        if (end < 0) {
            out.setLength(mark);
        }
        return end;
    }

    private static int parse(String text, int at, StringBuilder out) {
        if (text.startsWith("StringValue{value='", at)) {
            int start = at + "StringValue{value='".length();
            // graphql-java does not escape the string: its end is the first "'}" followed by what may follow a value
            int close = text.indexOf("'}", start);
            while (close >= 0 && !endsValue(text, close + 2)) {
                close = text.indexOf("'}", close + 1);
            }
            if (close < 0) {
                return -1;
            }
            String value = text.substring(start, close);
            out.append('"').append(value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "…").append('"');
            return close + 2;
        }
        for (String scalar : new String[] { "IntValue{value=", "FloatValue{value=", "BooleanValue{value=" }) {
            if (text.startsWith(scalar, at)) {
                int close = text.indexOf('}', at);
                if (close < 0) {
                    return -1;
                }
                out.append(text, at + scalar.length(), close);
                return close + 1;
            }
        }
        for (String named : new String[] { "EnumValue{name='", "VariableReference{name='" }) {
            if (text.startsWith(named, at)) {
                int close = text.indexOf("'}", at);
                if (close < 0) {
                    return -1;
                }
                out.append(named.startsWith("Variable") ? "$" : "").append(text, at + named.length(), close);
                return close + 2;
            }
        }
        if (text.startsWith("NullValue{}", at)) {
            out.append("null");
            return at + "NullValue{}".length();
        }
        if (text.startsWith("ArrayValue{values=[", at)) {
            return items(text, at + "ArrayValue{values=[".length(), out, '[', ']', false);
        }
        if (text.startsWith("ObjectValue{objectFields=[", at)) {
            return items(text, at + "ObjectValue{objectFields=[".length(), out, '{', '}', true);
        }
        return -1;
    }

    /** Whether a value may end before {@code at}: the next item, the end of a list, object or field, or of the quoted value. */
    private static boolean endsValue(String text, int at) {
        return at == text.length() || text.startsWith(", ", at) || text.startsWith("]}", at) || text.startsWith("}", at) || text.startsWith("'", at);
    }

    /** The items of a list (values) or an object (ObjectField{name='a', value=…}), up to "]}". */
    private static int items(String text, int at, StringBuilder out, char open, char close, boolean fields) {
        out.append(open);
        int i = at;
        boolean first = true;
        while (!text.startsWith("]}", i)) {
            if (!first) {
                if (!text.startsWith(", ", i)) {
                    return -1;
                }
                out.append(", ");
                i += 2;
            }
            if (fields) {
                if (!text.startsWith("ObjectField{name='", i)) {
                    return -1;
                }
                int nameEnd = text.indexOf("', value=", i);
                if (nameEnd < 0) {
                    return -1;
                }
                out.append(text, i + "ObjectField{name='".length(), nameEnd).append(": ");
                i = parse(text, nameEnd + "', value=".length(), out);
                if (i < 0 || !text.startsWith("}", i)) {
                    return -1;
                }
                i++;
            }
            else {
                i = parse(text, i, out);
                if (i < 0) {
                    return -1;
                }
            }
            first = false;
        }
        out.append(close);
        return i + 2;
    }
}
