package org.criticalminerals.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.criticalminerals.model.Disagreement;
import org.criticalminerals.model.Disagreement.Candidate;
import org.criticalminerals.model.Disagreement.Kind;
import org.criticalminerals.model.PartialDate;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Reference;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.model.RecordSchema.TypeSpec;
import org.criticalminerals.model.RecordSchema.ValueField;
import org.criticalminerals.model.RecordSchema.ValueKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a fact from all of its claims, whatever batch, partner or curator made them: its values (one
 * where the sources agree, none and a disagreement of a kind where they do not), its names (the preferred
 * source's name, every other name an alias), its relationships (the union of what the claims assert; a
 * reference that one source makes survives another source's silence) and its validity period. Sources are
 * preferred in this order: claims of curators, then seed, public and partner sources, then the older claim.
 * Pure: the claims come in as the maps the writer stores.
 */
final class Reconciler {

    /** Built once: a reader made per claim spent more in resolving the type than in parsing. */
    private static final ObjectReader REFERENCES = JsonMapper.builder().build()
            .readerFor(new TypeReference<Map<String, List<Map<String, Object>>>>() { });

    /** A relationship the fact owns: {@code (from)-[:type {props}]->(to)}. */
    record Relationship(String type, String from, String to, Map<String, Object> props) {
    }

    record Dispute(String field, Kind kind) {
    }

    /**
     * @param live false when no claim is left: the fact is removed (its node stays as a tombstone, unlabelled)
     * @param labels the type label and, for organizations, the kind label
     */
    record Reconciled(String id, String type, boolean live, List<String> labels, Map<String, Object> props,
            List<Relationship> relationships, List<Dispute> disputes, String stateHash) {
    }

    /** A stored claim, read for reconciliation. */
    record ClaimView(String id, String batch, String byRole, @Nullable String sourceKind, Map<String, Object> stored,
            Map<String, List<Map<String, Object>>> references) {

        static ClaimView of(Map<String, Object> stored) {
            Object refs = stored.get("references");
            return of(stored, refs instanceof String json && !json.isEmpty() ? readReferences(json) : Map.of());
        }

        /** @param references what the claim's {@code references} JSON reads as, known already */
        static ClaimView of(Map<String, Object> stored, Map<String, List<Map<String, Object>>> references) {
            return new ClaimView((String) stored.get("id"), (String) stored.get("batch"), String.valueOf(stored.get("byRole")),
                    (String) stored.get("sourceKind"), stored, references);
        }

        boolean asserts(String field) {
            return stored.get("fields") instanceof List<?> fields && fields.contains(field);
        }

        @Nullable Object value(ValueField field) {
            if (!asserts(field.name())) {
                return null;
            }
            Object value = stored.get(field.name());
            if (field.kind() == ValueKind.DATE && value instanceof LocalDate start) {
                return PartialDate.of(start, (String) stored.get(field.name() + "Precision"));
            }
            return value;
        }

        boolean retires() {
            return Boolean.TRUE.equals(stored.get("retires"));
        }
    }

    /** Curators first, then seed, public and partner sources, then the older claim. */
    static final Comparator<ClaimView> PREFERENCE = Comparator.comparingInt((ClaimView c) -> c.byRole().equals("partner") ? 1 : 0)
            .thenComparingInt(c -> switch (String.valueOf(c.sourceKind())) {
                case "SEED" -> 0;
                case "PUBLIC" -> 1;
                case "PARTNER" -> 2;
                default -> 3;
            })
            .thenComparing(c -> String.valueOf(c.stored().get("at")))
            .thenComparing(ClaimView::id);

    private Reconciler() {
    }

    static Map<String, List<Map<String, Object>>> readReferences(String json) {
        return REFERENCES.readValue(json);
    }

    static Reconciled reconcile(String id, String type, List<Map<String, Object>> storedClaims) {
        return reconcileViews(id, type, storedClaims.stream().map(ClaimView::of).toList());
    }

    /** As {@link #reconcile}, from claims already read. */
    static Reconciled reconcileViews(String id, String type, List<ClaimView> views) {
        TypeSpec spec = RecordSchema.spec(type);
        List<ClaimView> claims = views.stream().sorted(PREFERENCE).toList();
        List<ClaimView> asserting = claims.stream().filter(c -> !c.retires()).toList();
        if (asserting.isEmpty()) {
            return new Reconciled(id, type, false, List.of(), Map.of("id", id), List.of(), List.of(), "removed");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        List<Dispute> disputes = new ArrayList<>();
        Map<String, Object> values = values(spec, asserting, disputes);
        values.forEach((field, value) -> ImportPlanner.putValue(props, field, value));
        validity(spec, values, props);
        List<Relationship> relationships = relationships(spec, id, asserting, values, disputes);
        List<String> labels = new ArrayList<>();
        if (spec.shape() == Shape.NODE) {
            names(asserting, props);
            labels.add(type);
            if (!spec.labelsByKind().isEmpty() && values.get("kind") instanceof String kind) {
                labels.add(kind);
            }
        }
        disputes.sort(Comparator.comparing((Dispute d) -> d.kind().ordinal()).thenComparing(Dispute::field));
        if (!disputes.isEmpty()) {
            props.put("disputed", disputes.stream().map(Dispute::field).toList());
            props.put("disputeKinds", disputes.stream().map(d -> d.kind().name()).toList());
            props.put("contradicted", disputes.stream().anyMatch(d -> d.kind().contradiction()));
        }
        props.put("sourceKinds", asserting.stream().map(ClaimView::sourceKind).filter(Objects::nonNull).distinct().sorted().toList());
        props.put("batches", claims.stream().map(ClaimView::batch).distinct().sorted().toList());
        props.put("claimCount", (long) asserting.size());
        claims.stream().filter(ClaimView::retires).findFirst().ifPresent(retirement -> {
            props.put("retired", true);
            props.put("retiredAt", retirement.stored().get("at"));
            props.put("retiredBy", retirement.stored().get("by"));
            props.put("retiredReason", retirement.stored().get("reason"));
        });
        props.put("id", id);
        String stateHash = ImportPlanner.hash(labels + "|" + ImportPlanner.sortedText(props) + "|" + relationships.stream()
                .map(r -> r.type() + r.from() + r.to() + ImportPlanner.sortedText(r.props())).sorted().toList());
        return new Reconciled(id, type, true, labels, props, relationships, disputes, stateHash);
    }

    /** Per type and companion field (a unit, a qualifier), the figures it belongs to; worked out once. */
    private static final Map<String, Map<String, List<String>>> COMPANIONS = RecordSchema.types().stream()
            .collect(Collectors.toUnmodifiableMap(TypeSpec::type, Reconciler::companions));

    private static Map<String, List<String>> companions(TypeSpec spec) {
        Set<String> companions = new LinkedHashSet<>(List.of("qualifier"));
        spec.values().values().stream().map(ValueField::unitField).filter(Objects::nonNull).forEach(companions::add);
        spec.values().keySet().stream().filter(f -> f.endsWith("Qualifier")).forEach(companions::add);
        Map<String, List<String>> figures = new HashMap<>();
        for (String companion : companions) {
            figures.put(companion, spec.values().values().stream().filter(f -> isCompanion(spec, f, companion)).map(ValueField::name).toList());
        }
        return figures;
    }

    private static Map<String, Object> values(TypeSpec spec, List<ClaimView> claims, List<Dispute> disputes) {
        Map<String, List<String>> companions = COMPANIONS.get(spec.type());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ValueField field : spec.values().values()) {
            if (companionOfAnAssertedFigure(companions.get(field.name()), claims)) {
                continue; // reconciled with its figure
            }
            if (field.kind() == ValueKind.TEXT_LIST || field.kind() == ValueKind.ENUM_LIST) {
                Set<Object> union = new LinkedHashSet<>();
                claims.forEach(c -> {
                    if (c.value(field) instanceof List<?> list) {
                        union.addAll(list);
                    }
                });
                values.put(field.name(), List.copyOf(union));
                continue;
            }
            List<Candidate> candidates = new ArrayList<>();
            for (ClaimView claim : claims) {
                Object value = claim.value(field);
                if (value != null) {
                    candidates.add(new Candidate(value, field.unitField() == null ? null : (String) claim.stored().get(field.unitField()),
                            qualified(field) ? (String) claim.stored().get(qualifierField(spec, field.name())) : null));
                }
            }
            Disagreement.Outcome outcome = Disagreement.reconcile(field, candidates);
            if (outcome.kind() != null) {
                disputes.add(new Dispute(field.name(), outcome.kind()));
            }
            if (outcome.value() != null) {
                values.put(field.name(), outcome.value());
            }
            String unit = field.unitField() == null ? null : onlyUnit(candidates);
            if (unit != null) {
                values.put(field.unitField(), unit); // the figures may differ, their unit does not
            }
            if (!candidates.isEmpty() && qualified(field)) {
                Candidate chosen = outcome.chosen();
                if (chosen != null && chosen.qualifier() != null && outcome.value() != null) {
                    values.putIfAbsent(qualifierField(spec, field.name()), chosen.qualifier());
                }
            }
        }
        return values;
    }

    private static boolean companionOfAnAssertedFigure(@Nullable List<String> figures, List<ClaimView> claims) {
        if (figures == null) {
            return false;
        }
        for (String figure : figures) {
            for (ClaimView claim : claims) {
                if (claim.asserts(figure)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one unit the candidates give, or null when they give none or several. */
    private static @Nullable String onlyUnit(List<Candidate> candidates) {
        String unit = null;
        for (Candidate candidate : candidates) {
            if (candidate.unit() != null) {
                if (unit != null && !unit.equals(candidate.unit())) {
                    return null;
                }
                unit = candidate.unit();
            }
        }
        return unit;
    }

    private static boolean isCompanion(TypeSpec spec, ValueField figure, String companion) {
        return qualified(figure) && (companion.equals(figure.unitField()) || companion.equals(qualifierField(spec, figure.name())))
                || companion.equals(figure.unitField());
    }

    /** A claim's qualifier (at least, about …) bounds its figures, not the years, ranks and counts it also gives. */
    private static boolean qualified(ValueField field) {
        return field.kind().numeric() && field.kind() != ValueKind.INTEGER;
    }

    /** A figure's own qualifier field (volumeQualifier), else the claim's qualifier. */
    private static String qualifierField(TypeSpec spec, String field) {
        return spec.values().containsKey(field + "Qualifier") ? field + "Qualifier" : "qualifier";
    }

    /** validFrom/validTo as given, else from the first of the type's date fields the fact has. */
    private static void validity(TypeSpec spec, Map<String, Object> values, Map<String, Object> props) {
        if (spec.shape() != Shape.NODE) {
            return;
        }
        PartialDate from = values.get("validFrom") instanceof PartialDate given ? given : period(spec.validity().from(), values);
        PartialDate to = values.get("validTo") instanceof PartialDate given ? given : period(spec.validity().to(), values);
        if (from != null) {
            ImportPlanner.putValue(props, "validFrom", from);
        }
        if (to != null) {
            ImportPlanner.putValue(props, "validTo", to);
        }
    }

    private static @Nullable PartialDate period(List<String> fields, Map<String, Object> values) {
        for (String field : fields) {
            Object value = values.get(field);
            if (value instanceof PartialDate date) {
                return date;
            }
            if (value instanceof Number year && year.longValue() >= 1000 && year.longValue() <= 2999) {
                return PartialDate.ofYear(year.intValue());
            }
        }
        return null;
    }

    private static void names(List<ClaimView> claims, Map<String, Object> props) {
        String name = claims.stream().map(c -> (String) c.stored().get("name")).filter(Objects::nonNull).findFirst().orElse(null);
        String nameJa = claims.stream().map(c -> (String) c.stored().get("nameJa")).filter(Objects::nonNull).findFirst().orElse(null);
        Set<String> aliases = new LinkedHashSet<>();
        for (ClaimView claim : claims) {
            for (String key : List.of("name", "nameJa")) {
                if (claim.stored().get(key) instanceof String other && !other.equals(name) && !other.equals(nameJa)) {
                    aliases.add(other);
                }
            }
            if (claim.stored().get("aliases") instanceof List<?> list) {
                list.stream().map(String::valueOf).filter(a -> !a.equals(name) && !a.equals(nameJa)).forEach(aliases::add);
            }
        }
        props.put("name", name);
        if (nameJa != null) {
            props.put("nameJa", nameJa);
        }
        props.put("aliases", List.copyOf(aliases));
        props.put("searchText", String.join(" | ", ImportPlanner.searchable(String.valueOf(name), nameJa, List.copyOf(aliases))));
    }

    private static List<Relationship> relationships(TypeSpec spec, String id, List<ClaimView> claims, Map<String, Object> values,
            List<Dispute> disputes) {
        List<Relationship> relationships = new ArrayList<>();
        Map<String, String> ends = new LinkedHashMap<>();
        for (Reference reference : spec.references()) {
            Map<String, List<ClaimView>> byTarget = new LinkedHashMap<>();
            Map<String, List<Map<String, Object>>> detailsByTarget = new LinkedHashMap<>();
            for (ClaimView claim : claims) {
                for (Map<String, Object> item : claim.references().getOrDefault(reference.field(), List.of())) {
                    String target = (String) item.get("id");
                    byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(claim);
                    detailsByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(item);
                }
            }
            if (byTarget.isEmpty()) {
                continue;
            }
            boolean disputed = !reference.many() && byTarget.size() > 1;
            if (disputed) {
                disputes.add(new Dispute(reference.field(), Kind.CONTRADICTION));
            }
            String preferred = byTarget.keySet().iterator().next(); // claims are in order of preference
            if (reference.relationship() == null) {
                ends.put(reference.field(), preferred);
                continue;
            }
            for (Map.Entry<String, List<ClaimView>> entry : byTarget.entrySet()) {
                Map<String, Object> props = new LinkedHashMap<>();
                details(reference, detailsByTarget.get(entry.getKey()), props);
                props.put("claims", entry.getValue().stream().map(ClaimView::id).distinct().toList());
                props.put("batches", entry.getValue().stream().map(ClaimView::batch).distinct().sorted().toList());
                if (disputed && !entry.getKey().equals(preferred)) {
                    props.put("alternative", true);
                }
                relationships.add(reference.outgoing() ? new Relationship(reference.relationship(), id, entry.getKey(), props)
                        : new Relationship(reference.relationship(), entry.getKey(), id, props));
            }
        }
        if (spec.shape() == Shape.RELATIONSHIP && ends.containsKey("from") && ends.containsKey("to")) {
            Map<String, Object> props = new LinkedHashMap<>();
            values.forEach((field, value) -> ImportPlanner.putValue(props, field, value));
            props.put("id", id);
            if (ends.get("mineral") != null) {
                props.put("mineral", ends.get("mineral"));
            }
            claims.stream().map(c -> (String) c.stored().get("name")).filter(Objects::nonNull).findFirst().ifPresent(n -> props.put("name", n));
            props.put("claims", claims.stream().map(ClaimView::id).toList());
            props.put("batches", claims.stream().map(ClaimView::batch).distinct().sorted().toList());
            if (!disputes.isEmpty()) {
                props.put("disputed", disputes.stream().map(Dispute::field).toList());
            }
            relationships.add(new Relationship("SUPPLIES", ends.get("from"), ends.get("to"), props));
        }
        return relationships;
    }

    /** since, until, role: where claims differ, the nested period's more precise end, else the preferred claim's. */
    private static void details(Reference reference, List<Map<String, Object>> items, Map<String, Object> props) {
        for (ValueField field : reference.itemFields()) {
            List<Candidate> candidates = new ArrayList<>();
            for (Map<String, Object> item : items) {
                Object raw = item.get(field.name());
                if (raw != null) {
                    candidates.add(new Candidate(field.kind() == ValueKind.DATE ? PartialDate.parse(raw.toString()) : raw, null, null));
                }
            }
            Disagreement.Outcome outcome = Disagreement.reconcile(field, candidates);
            Object value = outcome.value() != null ? outcome.value() : candidates.isEmpty() ? null : candidates.get(0).value();
            if (value != null) {
                ImportPlanner.putValue(props, field.name(), value);
            }
            if (outcome.kind() != null && outcome.kind().contradiction()) {
                props.put("detailsDisputed", true);
            }
        }
    }
}
