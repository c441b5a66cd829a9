package org.criticalminerals.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Every record type of the knowledge-base format, declared once: its fields (kind, whether required,
 * allowed values, unit companion), its references (the relationship each becomes, its direction, the
 * types it may point to, the details an item may carry) and how its validity period follows from its
 * dates. The importer validates and writes from this table, reconciliation groups figures with it, the
 * documentation tables and the contract test against {@code graphql/schema.graphqls} are derived from it.
 * Labels and relationship types only ever come from here, never from input.
 */
public final class RecordSchema {

    public enum ValueKind {
        TEXT, TEXT_LIST, NUMBER, SIGNED_NUMBER, PERCENT, INTEGER, BOOLEAN, DATE, CURRENCY, ENUM, ENUM_LIST;

        public boolean numeric() {
            return this == NUMBER || this == SIGNED_NUMBER || this == PERCENT || this == INTEGER;
        }
    }

    /** How a record lands in the graph. */
    public enum Shape {
        /** a {@code (:Source)} node: cited, never citing */
        SOURCE,
        /** a node with {@code (:Claim)} evidence */
        NODE,
        /** a relationship between two nodes with its claims (Supply) */
        RELATIONSHIP
    }

    /**
     * A value field.
     *
     * @param required every fact of the type has it (given by at least one of its records)
     * @param unitField for a figure, the field that gives its unit or currency (compared with it)
     * @param commentary free text: never a disagreement, the preferred source's text is shown
     */
    public record ValueField(String name, ValueKind kind, List<String> allowed, boolean required, String description,
            @Nullable String unitField, boolean commentary) {

        ValueField require() {
            return new ValueField(name, kind, allowed, true, description, unitField, commentary);
        }

        ValueField unit(String field) {
            return new ValueField(name, kind, allowed, required, description, field, commentary);
        }
    }

    /**
     * A reference to other records.
     *
     * @param relationship the relationship type; null for the ends of a relationship-shaped record
     * @param outgoing false when the relationship points at this record
     * @param itemFields details an item may carry besides its id ({@code {party: JP, since: 2022, role: OBSERVER}}),
     *        stored on the relationship
     */
    public record Reference(String field, @Nullable String relationship, boolean outgoing, boolean many, List<String> targetTypes,
            boolean required, String description, List<ValueField> itemFields) {

        public Optional<ValueField> itemField(String name) {
            return itemFields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        Reference require() {
            return new Reference(field, relationship, outgoing, many, targetTypes, true, description, itemFields);
        }
    }

    /**
     * Where a fact's validity period comes from when its records give no {@code validFrom}/{@code validTo}:
     * the first of the listed fields that it has; a date counts from its first day (from) or to its last
     * (to), a year field from January 1 or to December 31 of that year.
     */
    public record Validity(List<String> from, List<String> to) {
    }

    public record TypeSpec(String type, Shape shape, String description, Map<String, ValueField> values, List<Reference> references,
            List<List<String>> orderedDates, Validity validity, List<String> labelsByKind) {

        public boolean knows(String field) {
            return COMMON_FIELDS.contains(field) || values.containsKey(field) || reference(field).isPresent();
        }

        public Optional<Reference> reference(String field) {
            return references.stream().filter(r -> r.field().equals(field)).findFirst();
        }

        public Optional<ValueField> value(String field) {
            return Optional.ofNullable(values.get(field));
        }

        /** Whether a record of this type is a fact with evidence (every type but Source). */
        public boolean evidenced() {
            return shape != Shape.SOURCE;
        }
    }

    /** Fields every record may have besides its type's own. */
    public static final List<String> COMMON_FIELDS = List.of("type", "id", "name", "nameJa", "aliases", "cite", "retired");

    /** The qualifiers a figure may carry; 約 is ABOUT, 以上 AT_LEAST, 超 MORE_THAN, 以下/最大 UP_TO, 未満 LESS_THAN. */
    public static final List<String> QUALIFIERS = List.of("EXACTLY", "ABOUT", "AT_LEAST", "MORE_THAN", "UP_TO", "LESS_THAN");

    public static final List<String> ORGANIZATION_KINDS = List.of("Company", "Agency", "InternationalBody", "Association", "NonProfit");

    public static final List<String> SITE_STATUSES = List.of("EXPLORATION", "DEVELOPMENT", "OPERATING", "SUSPENDED", "CLOSED", "PLANNED");

    public static final List<String> PROCESSING_STAGES = List.of("PROCESSING", "CONCENTRATION", "CRACKING", "SEPARATION", "REFINING",
            "SMELTING", "METAL", "MAGNET", "PRECURSOR_CATHODE", "RECYCLING");

    /** Types that are reference data (what facts are about), not facts that hold for a period. */
    private static final Set<String> REFERENCE_DATA = Set.of("Country", "Mineral");

    private static final Map<String, TypeSpec> TYPES = new LinkedHashMap<>();

    static {
        type("Source", Shape.SOURCE, "A source document: one of the seed documents, a public document, or a partner's own source.",
                values(text("title", "Full title."), text("publisher", "Who published it."), date("date", "When it was published."),
                        text("language", "Language (BCP 47), e.g. ja."), text("licence", "Licence of the text, where known."),
                        text("file", "For seed documents: the file name in the seeds folder."),
                        text("url", "For public documents: where to read them."),
                        enumOf("kind", "SEED (the curated documents), PUBLIC (public documents) or PARTNER (a partner's own source).",
                                "SEED", "PUBLIC", "PARTNER").require()),
                List.of(), validity(List.of(), List.of()), List.of());
        type("Country", Shape.NODE, "A country; its id is the ISO 3166-1 alpha-2 code.", values(), List.of(),
                validity(List.of(), List.of()), List.of());
        type("Mineral", Shape.NODE, "An element, a compound, a material (ore, concentrate, graphite, magnets) or a group of minerals.",
                values(enumOf("kind", "ELEMENT, COMPOUND, MATERIAL or GROUP.", "ELEMENT", "COMPOUND", "MATERIAL", "GROUP"),
                        text("symbol", "Chemical symbol, for elements."), textList("uses", "What it is used for.")),
                List.of(out("partOf", "PART_OF", true, "Groups it belongs to (neodymium → light rare earths).", "Mineral")),
                validity(List.of(), List.of()), List.of());
        type("Organization", Shape.NODE, "A company, state agency, ministry, bank, association or international body.",
                values(enumOf("kind", "Company, Agency (state agency, ministry, public financier), InternationalBody, Association "
                        + "(industry or trade association) or NonProfit (foundation, think tank).",
                        ORGANIZATION_KINDS.toArray(String[]::new)).require(),
                        enumList("roles", "Roles in the supply chain.", "MINER", "PROCESSOR", "TRADING_HOUSE", "OEM", "RECYCLER",
                                "FINANCIER", "REGULATOR", "MINISTRY", "RESEARCH", "MANUFACTURER", "BANK", "INSURER",
                                "INDUSTRY_ASSOCIATION", "CONSULTANCY", "TRADER"),
                        date("date", "When it was founded.")),
                List.of(out("country", "BASED_IN", false, "Where it is based (none for international bodies).", "Country"),
                        out("parent", "SUBSIDIARY_OF", false, "Its parent organization, if a subsidiary.", "Organization")),
                validity(List.of("date"), List.of()), List.of("kind"));
        type("Deposit", Shape.NODE, "A deposit, mine or mining project.",
                values(text("region", "Region or state."), enumOf("status", "Stage of the site.", SITE_STATUSES.toArray(String[]::new))),
                List.of(out("country", "LOCATED_IN", false, "The country it lies in (none in international waters).", "Country"),
                        in("operators", "OPERATES", true, "Who operates it.", "Organization"),
                        out("minerals", "PRODUCES", true, "What it produces.", "Mineral")),
                validity(List.of(), List.of()), List.of());
        type("Facility", Shape.NODE, "A processing facility: a stage of the route from ore to product.",
                values(text("region", "Region or state."), enumOf("status", "Stage of the site.", SITE_STATUSES.toArray(String[]::new)),
                        enumOf("stage", "The processing stage (PROCESSING when the sources do not say which).",
                                PROCESSING_STAGES.toArray(String[]::new)).require()),
                List.of(out("country", "LOCATED_IN", false, "The country it lies in.", "Country").require(),
                        in("operators", "OPERATES", true, "Who operates it.", "Organization"),
                        out("minerals", "PRODUCES", true, "What it produces.", "Mineral")),
                validity(List.of(), List.of()), List.of());
        type("Supply", Shape.RELATIONSHIP, "A material flow between two sites: (from)-[:SUPPLIES]->(to).",
                values(text("form", "The form of the material (concentrate, mixed carbonate …)."),
                        date("validFrom", "Since when."), date("validTo", "Until when.")),
                List.of(new Reference("from", null, true, false, List.of("Deposit", "Facility"), true, "The supplying site.", List.of()),
                        new Reference("to", null, true, false, List.of("Facility"), true, "The receiving facility.", List.of()),
                        new Reference("mineral", null, true, false, List.of("Mineral"), false, "The mineral that flows.", List.of())),
                validity(List.of(), List.of()), List.of());
        type("Investment", Shape.NODE, "An investment, loan, grant or guarantee.",
                values(enumList("instruments", "How it was financed.", "EQUITY", "LOAN", "GRANT", "GUARANTEE", "SUBSIDY", "OTHER"),
                        number("amount", "The sum.").unit("currency"), currency("currency", "ISO 4217 currency of the amount."),
                        percent("stake", "Equity stake acquired, in percent."), date("date", "When it was decided or made."),
                        text("purpose", "What it was for.")),
                List.of(in("investors", "INVESTED", true, "Who invested (organizations, or countries for state funds).", "Organization",
                        "Country"), out("target", "IN", false, "What was invested in.", "Organization", "Deposit", "Facility"),
                        out("minerals", "CONCERNS", true, "Minerals concerned.", "Mineral")),
                validity(List.of("date"), List.of()), List.of());
        type("Offtake", Shape.NODE, "An offtake or supply contract: who buys what from whom, from where.",
                values(number("volume", "Contracted volume.").unit("unit"), text("unit", "Unit of the volume (t/yr …)."),
                        enumOf("volumeQualifier", "How the source bounds the volume.", QUALIFIERS.toArray(String[]::new)),
                        date("start", "Start of deliveries."), date("end", "End of deliveries."),
                        number("durationYears", "Term in years."), bool("exclusive", "Whether it is exclusive.")),
                List.of(out("buyers", "BUYER", true, "Who buys.", "Organization"), out("sellers", "SELLER", true, "Who sells.", "Organization"),
                        out("minerals", "OF", true, "What is bought.", "Mineral"),
                        out("suppliedFrom", "SUPPLIED_FROM", true, "The sites it is supplied from (its route starts there).", "Deposit",
                                "Facility"),
                        out("origins", "ORIGIN", true, "Countries the material comes from, where the sources name them but no site.",
                                "Country"),
                        out("processedIn", "PROCESSED_IN", true, "Countries where it is processed, where the sources name them but no site.",
                                "Country")),
                validity(List.of("start"), List.of("end")), List.of());
        type("Agreement", Shape.NODE, "An agreement, framework, partnership, memorandum, or a proposal for one.",
                values(enumOf("kind", "MULTILATERAL, PLURILATERAL, BILATERAL or MEMORANDUM.", "MULTILATERAL", "PLURILATERAL",
                        "BILATERAL", "MEMORANDUM"),
                        enumOf("status", "PROPOSED (by a document, not agreed), SIGNED, IN_FORCE or ENDED.", "PROPOSED", "SIGNED",
                                "IN_FORCE", "ENDED"),
                        date("date", "When it was agreed, signed or launched."), integer("partyCount", "Number of parties the source gives."),
                        textList("pillars", "Its pillars or areas of work.")),
                List.of(new Reference("parties", "PARTY", true, true, List.of("Country", "Organization"), false,
                        "Its parties, each with since, until and role.",
                        List.of(date("since", "Party since."), date("until", "Party until."),
                                enumOf("role", "PARTY (the default), OBSERVER, PROPOSER or SECRETARIAT.", "PARTY", "OBSERVER", "PROPOSER",
                                        "SECRETARIAT"))),
                        out("minerals", "ADDRESSES", true, "Minerals it addresses.", "Mineral"),
                        out("successor", "SUCCEEDED_BY", false, "The agreement that succeeded it.", "Agreement")),
                validity(List.of("date"), List.of()), List.of());
        type("ExportControl", Shape.NODE, "An export control or resource-nationalism measure (after the OECD inventory).",
                values(enumOf("measure", "BAN, QUOTA, TAX, LICENSING, TECHNOLOGY_EXPORT_BAN or OTHER.", "BAN", "QUOTA", "TAX", "LICENSING",
                        "TECHNOLOGY_EXPORT_BAN", "OTHER"),
                        date("announced", "When it was announced."), date("effective", "When it took effect."),
                        date("lifted", "When it was lifted."), percent("rate", "Tax rate, in percent."),
                        number("quantity", "Quota volume.").unit("unit"), text("unit", "Unit of the quota volume."),
                        integer("year", "The year a quota applies to."), signed("reductionPercent", "Change of the quota, in percent.")),
                List.of(out("imposer", "IMPOSED_BY", false, "The imposing country.", "Country").require(),
                        out("minerals", "RESTRICTS", true, "What it restricts.", "Mineral")),
                validity(List.of("effective", "announced", "year"), List.of("lifted", "year")), List.of());
        type("Policy", Shape.NODE, "A policy, law, strategy, programme, fund, critical-mineral list or proposal.",
                values(enumOf("kind", "LAW, STRATEGY, PROGRAMME, FUND, CRITICAL_MINERAL_LIST or PROPOSAL (put forward by a document).",
                        "LAW", "STRATEGY", "PROGRAMME", "FUND", "CRITICAL_MINERAL_LIST", "PROPOSAL"),
                        date("date", "When it was adopted or published."), integer("listSize", "For lists: how many minerals."),
                        number("amount", "Its budget or fund size.").unit("currency"), currency("currency", "Currency of the amount."),
                        textList("pillars", "Its pillars or measures."), number("quantity", "A quantity it sets.").unit("unit"),
                        text("unit", "Unit of the quantity."), integer("year", "The year it refers to."),
                        date("start", "Start of its period."), date("end", "End of its period."), date("effective", "When it took effect."),
                        percent("rate", "A rate it sets, in percent."), number("durationYears", "Its term in years.")),
                List.of(out("issuer", "ISSUED_BY", false, "Who issued (or proposed) it.", "Country", "Organization"),
                        out("designates", "DESIGNATES", true, "For critical-mineral lists: the minerals it designates.", "Mineral"),
                        out("minerals", "CONCERNS", true, "Minerals concerned.", "Mineral"),
                        out("agreement", "UNDER", false, "The agreement or framework it belongs to, or proposes measures for.", "Agreement")),
                validity(List.of("effective", "start", "date"), List.of("end")), List.of());
        type("Target", Shape.NODE, "A quantitative target set by a policy.",
                values(number("quantity", "The target figure.").unit("unit"), number("quantityLow", "Lower end, for a range."),
                        number("quantityHigh", "Upper end, for a range."), text("unit", "Unit (PERCENT, TONNES …)."),
                        integer("year", "The year by which it is to be met."), integer("baseYear", "The base year it is measured against.")),
                List.of(in("policy", "SETS", false, "The policy that sets it.", "Policy"),
                        out("mineral", "FOR", false, "The mineral it is for.", "Mineral"),
                        out("country", "OF_COUNTRY", false, "The country it binds.", "Country")),
                validity(List.of(), List.of()), List.of());
        type("Statistic", Shape.NODE, "A dated figure for a country and a mineral: a production share, an import dependency …",
                values(enumOf("measure", "What is measured.", "PRODUCTION_SHARE", "PROCESSING_SHARE", "RESERVE_SHARE", "IMPORT_DEPENDENCY",
                        "IMPORT_SHARE", "PRODUCTION", "RESERVES", "DEMAND", "DEMAND_GROWTH", "CONSUMPTION", "RECYCLING_RATE", "PRICE",
                        "OTHER"),
                        integer("year", "The reference year of the figure."), date("date", "The reference date, when more precise than a year."),
                        signed("value", "The figure (may be negative).").unit("unit"), signed("valueLow", "Lower end, for a range."),
                        signed("valueHigh", "Upper end, for a range."), text("unit", "PERCENT, TONNES, MULTIPLE …"),
                        text("scope", "WORLD, EU, or the importing country for shares."), integer("rank", "Rank, where the source gives one."),
                        integer("rankWithin", "Out of how many."), integer("baseYear", "Base year, for growth figures."),
                        text("scenario", "Scenario of a projection (IEA STEPS …)."), text("indicator", "The source's name for the indicator."),
                        text("dataSource", "Whose data the source cites.")),
                List.of(out("country", "OF_COUNTRY", false, "Whose figure.", "Country"), out("mineral", "ABOUT", false, "Which mineral.", "Mineral"),
                        out("partner", "FROM_PARTNER", false, "For import shares: the source country.", "Country")),
                validity(List.of("date", "year"), List.of("date", "year")), List.of());
        type("Event", Shape.NODE, "An event the sources treat as a turning point: a supply shock, a trade dispute, a ruling.",
                values(enumOf("kind", "What kind of event.", "SUPPLY_SHOCK", "TRADE_DISPUTE", "RULING", "BANKRUPTCY", "MARKET", "OTHER"),
                        date("date", "When.")),
                List.of(new Reference("countries", "INVOLVES", true, true, List.of("Country"), false, "Countries involved, each with its role.",
                        List.of(involvement())),
                        new Reference("organizations", "INVOLVES", true, true, List.of("Organization"), false,
                                "Organizations involved, each with its role.", List.of(involvement())),
                        out("minerals", "CONCERNS", true, "Minerals concerned.", "Mineral")),
                validity(List.of("date"), List.of("date")), List.of());
    }

    private RecordSchema() {
    }

    public static TypeSpec spec(String type) {
        TypeSpec spec = TYPES.get(type);
        if (spec == null) {
            throw new IllegalArgumentException("unknown record type " + type);
        }
        return spec;
    }

    public static Optional<TypeSpec> find(@Nullable Object type) {
        return Optional.ofNullable(type instanceof String name ? TYPES.get(name) : null);
    }

    /** All record types, in declaration order. */
    public static List<TypeSpec> types() {
        return List.copyOf(TYPES.values());
    }

    public static List<String> typeNames() {
        return List.copyOf(TYPES.keySet());
    }

    /** The types that are nodes with a stable id: the GraphQL {@code Entity} types. */
    public static List<String> entityTypes() {
        return TYPES.values().stream().filter(t -> t.shape() != Shape.RELATIONSHIP).map(TypeSpec::type).toList();
    }

    /** Every relationship type a reference can become. */
    public static Set<String> relationshipTypes() {
        Set<String> types = new java.util.TreeSet<>();
        TYPES.values().forEach(t -> t.references().stream().map(Reference::relationship).filter(r -> r != null).forEach(types::add));
        types.add("SUPPLIES");
        return types;
    }

    // --- declaration helpers ------------------------------------------------------------------------------

    private static void type(String name, Shape shape, String description, Map<String, ValueField> values, List<Reference> references,
            Validity validity, List<String> labelsByKind) {
        if (shape == Shape.NODE) {
            values.putIfAbsent("description", new ValueField("description", ValueKind.TEXT, List.of(), false, "Short description.", null, true));
        }
        if (shape == Shape.NODE && !REFERENCE_DATA.contains(name)) {
            // every fact may be bounded and dated; a source may round or bound any figure it gives
            values.putIfAbsent("qualifier", enumOf("qualifier", "How the source bounds its figures: " + String.join(", ", QUALIFIERS) + ".",
                    QUALIFIERS.toArray(String[]::new)));
            values.putIfAbsent("approximate", bool("approximate", "True where the source says about (約); the same as qualifier ABOUT."));
            values.putIfAbsent("validFrom", date("validFrom", "Start of the period the fact holds for; derived from its dates when not given."));
            values.putIfAbsent("validTo", date("validTo", "End of the period the fact holds for; derived from its dates when not given."));
        }
        List<List<String>> ordered = new ArrayList<>();
        for (List<String> pair : List.of(List.of("validFrom", "validTo"), List.of("start", "end"), List.of("effective", "lifted"),
                List.of("announced", "lifted"), List.of("announced", "effective"))) {
            if (values.containsKey(pair.get(0)) && values.containsKey(pair.get(1))) {
                ordered.add(pair);
            }
        }
        TYPES.put(name, new TypeSpec(name, shape, description, values, List.copyOf(references), List.copyOf(ordered), validity,
                labelsByKind));
    }

    private static Validity validity(List<String> from, List<String> to) {
        return new Validity(from, to);
    }

    private static Map<String, ValueField> values(ValueField... fields) { // mutable: type() adds the common fields
        Map<String, ValueField> map = new LinkedHashMap<>();
        for (ValueField field : fields) {
            map.put(field.name(), field);
        }
        return map;
    }

    private static ValueField field(String name, ValueKind kind, String description, String... allowed) {
        return new ValueField(name, kind, Arrays.asList(allowed), false, description, null, kind == ValueKind.TEXT);
    }

    private static ValueField text(String name, String description) {
        return field(name, ValueKind.TEXT, description);
    }

    private static ValueField textList(String name, String description) {
        return field(name, ValueKind.TEXT_LIST, description);
    }

    private static ValueField number(String name, String description) {
        return field(name, ValueKind.NUMBER, description);
    }

    private static ValueField signed(String name, String description) {
        return field(name, ValueKind.SIGNED_NUMBER, description);
    }

    private static ValueField percent(String name, String description) {
        return field(name, ValueKind.PERCENT, description);
    }

    private static ValueField integer(String name, String description) {
        return field(name, ValueKind.INTEGER, description);
    }

    private static ValueField bool(String name, String description) {
        return field(name, ValueKind.BOOLEAN, description);
    }

    private static ValueField date(String name, String description) {
        return field(name, ValueKind.DATE, description);
    }

    private static ValueField currency(String name, String description) {
        return field(name, ValueKind.CURRENCY, description);
    }

    private static ValueField enumOf(String name, String description, String... allowed) {
        return field(name, ValueKind.ENUM, description, allowed);
    }

    private static ValueField enumList(String name, String description, String... allowed) {
        return field(name, ValueKind.ENUM_LIST, description, allowed);
    }

    private static ValueField involvement() {
        return enumOf("role", "INVOLVED (the default), COMPLAINANT, RESPONDENT or THIRD_PARTY.", "INVOLVED", "COMPLAINANT", "RESPONDENT",
                "THIRD_PARTY");
    }

    private static Reference out(String field, String relationship, boolean many, String description, String... targets) {
        return new Reference(field, relationship, true, many, List.of(targets), false, description, List.of());
    }

    private static Reference in(String field, String relationship, boolean many, String description, String... targets) {
        return new Reference(field, relationship, false, many, List.of(targets), false, description, List.of());
    }
}
