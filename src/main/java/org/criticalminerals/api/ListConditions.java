package org.criticalminerals.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The filters every list shares, turned into Cypher clauses on the listed entity {@code n}: a name match, a value
 * from a list, and ranges of numbers and dates. Only the clauses of the filters given are written, so the planner
 * sees the statement the request needs; the values are always bound as parameters, and the property names come
 * from the code, never from the request.
 */
public final class ListConditions {

    private final List<String> clauses = new ArrayList<>();

    /** The first condition that links {@code n} to a node given by id: where a count starts. */
    private @Nullable String anchor;

    private @Nullable String anchorCondition;

    private @Nullable String anchorClause;

    private final Map<String, Object> parameters;

    private ListConditions(Map<String, Object> parameters) {
        this.parameters = new HashMap<>(parameters);
    }

    /** Conditions added to a list's own parameters. */
    public static ListConditions with(Map<String, Object> parameters) {
        return new ListConditions(parameters);
    }

    /** The name, the Japanese name or an alias contains, or starts with, the given text, without regard to case. */
    public ListConditions name(@Nullable NameMatch match) {
        if (match == null) {
            return this;
        }
        String names = "[n.name, n.nameJa] + coalesce(n.aliases, [])";
        if (match.contains() != null) {
            clauses.add("any(name IN %s WHERE toLower(name) CONTAINS $nameContains)".formatted(names));
            parameters.put("nameContains", match.contains().toLowerCase(java.util.Locale.ROOT));
        }
        if (match.startsWith() != null) {
            clauses.add("any(name IN %s WHERE toLower(name) STARTS WITH $nameStartsWith)".formatted(names));
            parameters.put("nameStartsWith", match.startsWith().toLowerCase(java.util.Locale.ROOT));
        }
        return this;
    }

    /** The property's value is one of {@code values} (an empty list matches nothing). */
    public ListConditions in(String property, @Nullable List<String> values) {
        return when(property + "In", values, "n.%s IN $%sIn".formatted(property, property));
    }

    /**
     * A condition of the caller's on one value, bound to {@code parameter}, written only when the value is given:
     * a statement never carries {@code $x IS NULL OR …} for a filter the request left out, which would keep the
     * planner from the count store and from the indexes (a plan is cached per statement text, not per value). A
     * list value is bound without its repetitions.
     */
    public ListConditions when(String parameter, @Nullable Object value, String clause) {
        if (value != null) {
            clauses.add(clause);
            bind(parameter, value);
        }
        return this;
    }

    /**
     * {@code n} is linked to the node {@code pattern} names by its id, bound to {@code parameter}, when that is given
     * (the pattern binds {@code n}, e.g. {@code (n)-[:BASED_IN]->(:Country {id: $country})}). A page tests it per item in
     * the sort order; a count starts from the linked node, so that it costs that node's links and not the label.
     */
    public ListConditions linked(String parameter, @Nullable Object value, String pattern) {
        return linked(parameter, value, pattern, null);
    }

    /**
     * As {@link #linked(String, Object, String)}, to nodes the {@code condition} on the pattern's other variables picks
     * (e.g. {@code (n)-[:BASED_IN]->(c:Country)} where {@code c.id IN $countryIn}).
     */
    public ListConditions linked(String parameter, @Nullable Object value, String pattern, @Nullable String condition) {
        if (value != null) {
            String clause = "EXISTS { " + pattern + (condition == null ? "" : " WHERE " + condition) + " }";
            clauses.add(clause);
            bind(parameter, value);
            if (anchor == null) {
                anchor = pattern;
                anchorCondition = condition;
                anchorClause = clause;
            }
        }
        return this;
    }

    private void bind(String parameter, Object value) {
        parameters.put(parameter, value instanceof List<?> list ? List.copyOf(new LinkedHashSet<>(list)) : value);
    }

    /** The property lies between the range's ends, both included. */
    public ListConditions range(String property, @Nullable FloatRange range) {
        if (range != null) {
            bounds(property, range.min(), range.max());
        }
        return this;
    }

    /** The property lies between the range's ends, both included. */
    public ListConditions range(String property, @Nullable IntRange range) {
        if (range != null) {
            bounds(property, range.min(), range.max());
        }
        return this;
    }

    /**
     * The date's period overlaps the range: a date stated only to the year or month is stored as its first day
     * with {@code <property>End} its last, so "2024" is within 2024-06-01..2024-06-30.
     */
    public ListConditions dates(String property, @Nullable DateRange range) {
        if (range == null) {
            return this;
        }
        if (range.from() != null && range.to() != null && range.from().isAfter(range.to())) {
            throw new BadInputException(property + ": from (" + range.from() + ") is after to (" + range.to() + ")");
        }
        if (range.to() != null) {
            clauses.add("n.%s <= $%sTo".formatted(property, property));
            parameters.put(property + "To", range.to());
        }
        if (range.from() != null) {
            clauses.add("coalesce(n.%sEnd, n.%s) >= $%sFrom".formatted(property, property, property));
            parameters.put(property + "From", range.from());
        }
        return this;
    }

    private void bounds(String property, @Nullable Number min, @Nullable Number max) {
        if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
            throw new BadInputException(property + ": min (" + min + ") is greater than max (" + max + ")");
        }
        if (min != null) {
            clauses.add("n.%s >= $%sMin".formatted(property, property));
            parameters.put(property + "Min", min);
        }
        if (max != null) {
            clauses.add("n.%s <= $%sMax".formatted(property, property));
            parameters.put(property + "Max", max);
        }
    }

    /** The conditions given, joined; {@code true} when there are none. */
    public String where() {
        return joined(clauses);
    }

    /** The pattern a count of the list starts from, if a linked condition was given. */
    public @Nullable String anchor() {
        return anchor;
    }

    /** The anchor's own condition and the conditions given besides the anchor, joined; {@code true} when there are none. */
    public String whereBesidesAnchor() {
        List<String> rest = new ArrayList<>();
        if (anchorCondition != null) {
            rest.add("(" + anchorCondition + ")");
        }
        clauses.stream().filter(clause -> !clause.equals(anchorClause)).forEach(rest::add);
        return joined(rest);
    }

    private static String joined(List<String> clauses) {
        return clauses.isEmpty() ? "true" : String.join("\n  AND ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Matches names: {@code contains} anywhere, {@code startsWith} at the start; without regard to case. */
    public record NameMatch(@Nullable String contains, @Nullable String startsWith) {
    }

    /** Numbers from {@code min} to {@code max}, both included; either end may be open. */
    public record FloatRange(@Nullable Double min, @Nullable Double max) {
    }

    /** Whole numbers from {@code min} to {@code max}, both included; either end may be open. */
    public record IntRange(@Nullable Integer min, @Nullable Integer max) {
    }

    /** Dates from {@code from} to {@code to}, both included; either end may be open. */
    public record DateRange(@Nullable LocalDate from, @Nullable LocalDate to) {
    }
}
