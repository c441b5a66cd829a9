package org.criticalminerals.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A date as precise as the source gives it: a year, a month or a day. Stored as its first day plus the
 * precision, and its last day ({@code <field>End}) so that a 2010 quota is known to hold from 2010-01-01 to
 * 2010-12-31.
 */
public record PartialDate(LocalDate start, Precision precision) implements Comparable<PartialDate> {

    public enum Precision {
        YEAR, MONTH, DAY
    }

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(-(\\d{2})(-(\\d{2}))?)?");

    /** Parses YYYY, YYYY-MM or YYYY-MM-DD; years from 1000 to 2999. */
    public static PartialDate parse(String text) {
        var matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1000 || year > 2999) {
            throw new IllegalArgumentException("the year " + year + " is out of range (1000 to 2999)");
        }
        try {
            if (matcher.group(3) == null) {
                return new PartialDate(LocalDate.of(year, 1, 1), Precision.YEAR);
            }
            if (matcher.group(5) == null) {
                return new PartialDate(YearMonth.parse(text).atDay(1), Precision.MONTH);
            }
            return new PartialDate(LocalDate.parse(text), Precision.DAY);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a real date: '" + text + "'");
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(LocalDate.of(year, 1, 1), Precision.YEAR);
    }

    /** From a stored first day and precision name; a missing precision means a day. */
    public static PartialDate of(LocalDate start, @Nullable String precision) {
        return new PartialDate(start, precision == null ? Precision.DAY : Precision.valueOf(precision));
    }

    /** The last day of the period. */
    /** The first day (the GraphQL field {@code value}). */
    public LocalDate value() {
        return start;
    }

    public LocalDate end() {
        return switch (precision) {
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case DAY -> start;
        };
    }

    /** Whether the whole of {@code other} lies within this period. */
    public boolean contains(PartialDate other) {
        return !other.start.isBefore(start) && !other.end().isAfter(end());
    }

    /** As written in the knowledge-base format. */
    public String text() {
        return switch (precision) {
            case YEAR -> String.valueOf(start.getYear());
            case MONTH -> start.toString().substring(0, 7);
            case DAY -> start.toString();
        };
    }

    @Override
    public int compareTo(PartialDate other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : precision.compareTo(other.precision);
    }

    @Override
    public String toString() {
        return text();
    }
}
