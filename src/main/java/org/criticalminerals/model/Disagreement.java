package org.criticalminerals.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.criticalminerals.model.RecordSchema.ValueField;
import org.jspecify.annotations.Nullable;

/**
 * What the sources' figures for one field of a fact come to: one value they agree on, or a disagreement of
 * a kind. Compatible kinds keep every figure but do not contradict each other: the same sum in different
 * currencies (no exchange rate is invented), nested periods (2011 and 2011-03), bounds that overlap
 * ("at least 8,500" and "up to 9,000"), rounding (58.5 and 58). Pure.
 */
public final class Disagreement {

    /** The kinds, contradictions first. */
    public enum Kind {
        /** the figures cannot all be true */
        CONTRADICTION,
        /** amounts in different currencies: not comparable without an exchange rate, both kept */
        DIFFERENT_CURRENCIES,
        /** quantities in different units, both kept */
        DIFFERENT_UNITS,
        /** one period lies within the other (2011 and 2011-03): the more precise is taken */
        NESTED_PERIODS,
        /** bounds and figures that can all hold at once ("at least 8,500" and "up to 9,000") */
        COMPATIBLE_BOUNDS,
        /** one figure is the other rounded (58.5 and 58): the more precise is taken */
        ROUNDING;

        public boolean contradiction() {
            return this == CONTRADICTION;
        }
    }

    /** One source's figure for the field, with its unit (or currency) and qualifier. */
    public record Candidate(Object value, @Nullable String unit, @Nullable String qualifier) {
    }

    /**
     * @param value the value the fact holds: the agreed one, or the more precise one for nested periods and
     *        rounding, or the only point bounds allow; null otherwise
     * @param kind null when the sources agree
     * @param chosen the candidate that gave {@code value}, for its unit and qualifier
     */
    public record Outcome(@Nullable Object value, @Nullable Kind kind, @Nullable Candidate chosen) {
    }

    private Disagreement() {
    }

    /** Candidates in order of preference of their sources; the first wins where the field is commentary. */
    public static Outcome reconcile(ValueField field, List<Candidate> candidates) {
        List<Candidate> distinct = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (distinct.stream().noneMatch(d -> same(d, candidate))) {
                distinct.add(candidate);
            }
        }
        if (distinct.isEmpty()) {
            return new Outcome(null, null, null);
        }
        if (distinct.size() == 1 || field.commentary()) {
            return new Outcome(distinct.get(0).value(), null, distinct.get(0));
        }
        if (distinct.stream().allMatch(c -> c.value() instanceof PartialDate)) {
            return periods(distinct);
        }
        if (distinct.stream().allMatch(c -> c.value() instanceof Number)) {
            return figures(field, distinct);
        }
        return new Outcome(null, Kind.CONTRADICTION, null);
    }

    private static Outcome periods(List<Candidate> candidates) {
        List<Candidate> byPrecision = new ArrayList<>(candidates);
        byPrecision.sort(Comparator.comparing((Candidate c) -> ((PartialDate) c.value()).precision()).reversed());
        Candidate mostPrecise = byPrecision.get(0);
        for (Candidate candidate : candidates) {
            PartialDate a = (PartialDate) candidate.value();
            for (Candidate other : candidates) {
                PartialDate b = (PartialDate) other.value();
                if (!a.contains(b) && !b.contains(a)) {
                    return new Outcome(null, Kind.CONTRADICTION, null);
                }
            }
        }
        return new Outcome(mostPrecise.value(), Kind.NESTED_PERIODS, mostPrecise);
    }

    private static Outcome figures(ValueField field, List<Candidate> candidates) {
        List<String> units = candidates.stream().map(Candidate::unit).filter(Objects::nonNull).distinct().toList();
        if (units.size() > 1) {
            return new Outcome(null, "currency".equals(field.unitField()) ? Kind.DIFFERENT_CURRENCIES : Kind.DIFFERENT_UNITS, null);
        }
        boolean bounded = candidates.stream().anyMatch(c -> c.qualifier() != null && !c.qualifier().equals("EXACTLY")
                && !c.qualifier().equals("ABOUT"));
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        boolean openLow = false;
        boolean openHigh = false;
        for (Candidate candidate : candidates) {
            double value = ((Number) candidate.value()).doubleValue();
            double tolerance = bounded ? 0 : halfLastDigit(candidate);
            String qualifier = candidate.qualifier() == null ? "EXACTLY" : candidate.qualifier();
            switch (qualifier) {
                case "AT_LEAST", "MORE_THAN" -> {
                    if (value > low || value == low && qualifier.equals("MORE_THAN")) {
                        low = value;
                        openLow = qualifier.equals("MORE_THAN");
                    }
                }
                case "UP_TO", "LESS_THAN" -> {
                    if (value < high || value == high && qualifier.equals("LESS_THAN")) {
                        high = value;
                        openHigh = qualifier.equals("LESS_THAN");
                    }
                }
                default -> { // EXACTLY or ABOUT: the figure, give or take its rounding
                    double halfDigit = qualifier.equals("ABOUT") ? halfLastDigit(candidate) : tolerance;
                    if (value - halfDigit > low) {
                        low = value - halfDigit;
                        openLow = false;
                    }
                    if (value + halfDigit < high) {
                        high = value + halfDigit;
                        openHigh = false;
                    }
                }
            }
        }
        // bounds may meet in one point (at least 40, up to 40); roundings must overlap, not just touch (245 ≠ 250 ± 5)
        boolean overlap = low < high || bounded && low == high && !openLow && !openHigh;
        if (!overlap) {
            return new Outcome(null, Kind.CONTRADICTION, null);
        }
        if (bounded) {
            double only = low;
            Candidate point = low == high ? candidates.stream().filter(c -> ((Number) c.value()).doubleValue() == only).findFirst().orElse(null)
                    : null;
            return new Outcome(point == null ? null : point.value(), Kind.COMPATIBLE_BOUNDS, point);
        }
        Candidate mostPrecise = candidates.stream().max(Comparator.comparingInt(Disagreement::decimals)).orElseThrow();
        return new Outcome(mostPrecise.value(), Kind.ROUNDING, mostPrecise);
    }

    /**
     * Half the unit of the figure's last digit: 58 → 0.5, 58.5 → 0.05. Trailing zeros of a whole number say
     * nothing of its precision (100 need not be 120 rounded), unless the source says "about" (約200億円 is
     * 20,000,000,000 give or take 5,000,000,000).
     */
    static double halfLastDigit(Candidate candidate) {
        BigDecimal value = new BigDecimal(candidate.value().toString()).stripTrailingZeros();
        int scale = "ABOUT".equals(candidate.qualifier()) ? value.scale() : Math.max(value.scale(), 0);
        return BigDecimal.ONE.movePointLeft(scale).doubleValue() / 2;
    }

    private static int decimals(Candidate candidate) {
        return new BigDecimal(candidate.value().toString()).stripTrailingZeros().scale();
    }

    private static boolean same(Candidate a, Candidate b) {
        boolean sameValue = a.value() instanceof Number x && b.value() instanceof Number y ? x.doubleValue() == y.doubleValue()
                : a.value().equals(b.value());
        return sameValue && Objects.equals(a.unit(), b.unit()) && Objects.equals(a.qualifier(), b.qualifier());
    }
}
