package org.criticalminerals.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each record type of the knowledge-base format may hold (docs/knowledge-base.md): its labels, its
 * value fields and its references, each reference with the relationship it becomes. The importer validates
 * against this table and writes from it; node labels and relationship types only ever come from here,
 * never from input.
 */
final class RecordSchema {

    enum ValueKind {
        TEXT, TEXT_LIST, NUMBER, SIGNED_NUMBER, PERCENT, INTEGER, BOOLEAN, DATE, CURRENCY, ENUM, ENUM_LIST
    }

    record ValueField(String name, ValueKind kind, Set<String> allowed) {
    }

    /** A reference to other records; {@code outgoing} false means the relationship points at this record. */
    record Reference(String field, String relationship, boolean outgoing, boolean many, Set<String> targetTypes) {
    }

    /** How a record lands in the graph. */
    enum Shape {
        /** a {@code (:Source)} node: cited, never citing */
        SOURCE,
        /** a node with its own {@code (:Claim)} evidence */
        NODE,
        /** a relationship between two nodes, with its claims listed on it (Supply) */
        RELATIONSHIP
    }

    record TypeSpec(String type, Shape shape, Map<String, ValueField> values, List<Reference> references) {

        boolean knows(String field) {
            return values.containsKey(field) || references.stream().anyMatch(r -> r.field().equals(field));
        }
    }

    static final Set<String> COMMON = Set.of("type", "id", "name", "nameJa", "aliases", "cite");

    /** Pairs of dates where the first must not come after the second. */
    static final List<List<String>> ORDERED_DATES = List.of(List.of("validFrom", "validTo"), List.of("start", "end"),
            List.of("effective", "lifted"), List.of("announced", "lifted")); // party since/until: ImportPlanner#relationships

    static final Set<String> ORGANIZATION_KINDS = Set.of("Company", "Agency", "InternationalBody", "NonProfit");

    private static final Map<String, TypeSpec> TYPES = new LinkedHashMap<>();

    static {
        type("Source", Shape.SOURCE, values(
                text("title"), text("publisher"), date("date"), text("language"), text("licence"), text("file"), text("url"),
                enumOf("kind", "SEED", "PUBLIC", "PARTNER")));
        type("Country", Shape.NODE, values());
        type("Mineral", Shape.NODE, values(enumOf("kind", "ELEMENT", "COMPOUND", "MATERIAL", "GROUP"), text("symbol"), textList("uses")),
                out("partOf", "PART_OF", true, "Mineral"));
        type("Organization", Shape.NODE, values(
                enumOf("kind", ORGANIZATION_KINDS.toArray(String[]::new)),
                enumList("roles", "MINER", "PROCESSOR", "TRADING_HOUSE", "OEM", "RECYCLER", "FINANCIER", "REGULATOR", "MINISTRY",
                        "RESEARCH", "MANUFACTURER", "BANK", "INSURER", "INDUSTRY_ASSOCIATION", "CONSULTANCY", "TRADER"),
                date("date")),
                out("country", "BASED_IN", false, "Country"), out("parent", "SUBSIDIARY_OF", false, "Organization"));
        String[] statuses = { "EXPLORATION", "DEVELOPMENT", "OPERATING", "SUSPENDED", "CLOSED", "PLANNED" };
        type("Deposit", Shape.NODE, values(text("region"), enumOf("status", statuses), text("description")),
                out("country", "LOCATED_IN", false, "Country"), in("operators", "OPERATES", true, "Organization"),
                out("minerals", "PRODUCES", true, "Mineral"));
        type("Facility", Shape.NODE, values(text("region"), enumOf("status", statuses), text("description"),
                enumOf("stage", "PROCESSING", "CONCENTRATION", "CRACKING", "SEPARATION", "REFINING", "SMELTING", "METAL", "MAGNET",
                        "PRECURSOR_CATHODE", "RECYCLING")),
                out("country", "LOCATED_IN", false, "Country"), in("operators", "OPERATES", true, "Organization"),
                out("minerals", "PRODUCES", true, "Mineral"));
        // Supply is a relationship, not a node: (from)-[:SUPPLIES]->(to).
        type("Supply", Shape.RELATIONSHIP, values(text("form"), date("validFrom"), date("validTo"), text("description")),
                out("from", null, false, "Deposit", "Facility"), out("to", null, false, "Facility"),
                out("mineral", null, false, "Mineral"));
        type("Investment", Shape.NODE, values(
                enumList("instruments", "EQUITY", "LOAN", "GRANT", "GUARANTEE", "SUBSIDY", "OTHER"),
                number("amount"), currency("currency"), percent("stake"), date("date"), bool("approximate"), text("purpose"),
                text("description")),
                in("investors", "INVESTED", true, "Organization", "Country"), out("target", "IN", false, "Organization", "Deposit", "Facility"),
                out("minerals", "CONCERNS", true, "Mineral"));
        type("Offtake", Shape.NODE, values(number("volume"), text("unit"),
                enumOf("volumeQualifier", "AT_LEAST", "UP_TO", "ABOUT", "EXACTLY"), date("start"), date("end"),
                number("durationYears"), bool("exclusive"), bool("approximate"), text("description")),
                out("buyers", "BUYER", true, "Organization"), out("sellers", "SELLER", true, "Organization"),
                out("minerals", "OF", true, "Mineral"), out("suppliedFrom", "SUPPLIED_FROM", true, "Deposit", "Facility"));
        type("Agreement", Shape.NODE, values(enumOf("kind", "MULTILATERAL", "PLURILATERAL", "BILATERAL", "MEMORANDUM"), date("date"),
                integer("partyCount"), textList("pillars"), text("description")),
                out("parties", "PARTY", true, "Country", "Organization"), out("minerals", "ADDRESSES", true, "Mineral"),
                out("successor", "SUCCEEDED_BY", false, "Agreement"));
        type("ExportControl", Shape.NODE, values(
                enumOf("measure", "BAN", "QUOTA", "TAX", "LICENSING", "TECHNOLOGY_EXPORT_BAN", "OTHER"),
                date("announced"), date("effective"), date("lifted"), percent("rate"), number("quantity"), text("unit"),
                integer("year"), percent("reductionPercent"), text("description")),
                out("imposer", "IMPOSED_BY", false, "Country"), out("minerals", "RESTRICTS", true, "Mineral"));
        type("Policy", Shape.NODE, values(enumOf("kind", "LAW", "STRATEGY", "PROGRAMME", "FUND", "CRITICAL_MINERAL_LIST"), date("date"),
                integer("listSize"), number("amount"), currency("currency"), textList("pillars"), number("quantity"), text("unit"),
                integer("year"), date("start"), date("end"), date("effective"), percent("rate"), number("durationYears"),
                text("description")),
                out("issuer", "ISSUED_BY", false, "Country", "Organization"), out("designates", "DESIGNATES", true, "Mineral"),
                out("minerals", "CONCERNS", true, "Mineral"));
        type("Target", Shape.NODE, values(number("quantity"), number("quantityLow"), number("quantityHigh"), text("unit"),
                integer("year"), integer("baseYear"), text("description")),
                in("policy", "SETS", false, "Policy"), out("mineral", "FOR", false, "Mineral"),
                out("country", "OF_COUNTRY", false, "Country"));
        type("Statistic", Shape.NODE, values(
                enumOf("measure", "PRODUCTION_SHARE", "PROCESSING_SHARE", "RESERVE_SHARE", "IMPORT_DEPENDENCY", "IMPORT_SHARE",
                        "PRODUCTION", "RESERVES", "DEMAND", "DEMAND_GROWTH", "CONSUMPTION", "RECYCLING_RATE", "PRICE", "OTHER"),
                integer("year"), date("date"), signed("value"), signed("valueLow"), signed("valueHigh"), text("unit"), text("scope"),
                integer("rank"), integer("rankWithin"), integer("baseYear"), text("scenario"), text("indicator"), text("dataSource"),
                text("description")),
                out("country", "OF_COUNTRY", false, "Country"), out("mineral", "ABOUT", false, "Mineral"),
                out("partner", "FROM_PARTNER", false, "Country"));
        type("Event", Shape.NODE, values(enumOf("kind", "SUPPLY_SHOCK", "TRADE_DISPUTE", "RULING", "BANKRUPTCY", "MARKET", "OTHER"),
                date("date"), text("description")),
                out("countries", "INVOLVES", true, "Country"), out("organizations", "INVOLVES", true, "Organization"),
                out("minerals", "CONCERNS", true, "Mineral"));
    }

    private RecordSchema() {
    }

    static TypeSpec spec(String type) {
        return TYPES.get(type);
    }

    static Set<String> types() {
        return TYPES.keySet();
    }

    private static void type(String name, Shape shape, Map<String, ValueField> values, Reference... references) {
        if (shape == Shape.NODE) {
            // every fact may be described, and a source may bound or round any figure it gives
            values.putIfAbsent("description", text("description"));
            values.putIfAbsent("approximate", bool("approximate"));
            values.putIfAbsent("qualifier", enumOf("qualifier", "AT_LEAST", "UP_TO", "ABOUT", "EXACTLY", "MORE_THAN", "LESS_THAN"));
        }
        TYPES.put(name, new TypeSpec(name, shape, values, List.of(references)));
    }

    private static Map<String, ValueField> values(ValueField... fields) { // mutable: type() adds the common fields
        Map<String, ValueField> map = new LinkedHashMap<>();
        for (ValueField field : fields) {
            map.put(field.name(), field);
        }
        return map;
    }

    private static ValueField text(String name) {
        return new ValueField(name, ValueKind.TEXT, Set.of());
    }

    private static ValueField textList(String name) {
        return new ValueField(name, ValueKind.TEXT_LIST, Set.of());
    }

    private static ValueField number(String name) {
        return new ValueField(name, ValueKind.NUMBER, Set.of());
    }

    /** A figure that may be negative (a change, a growth rate). */
    private static ValueField signed(String name) {
        return new ValueField(name, ValueKind.SIGNED_NUMBER, Set.of());
    }

    private static ValueField percent(String name) {
        return new ValueField(name, ValueKind.PERCENT, Set.of());
    }

    private static ValueField integer(String name) {
        return new ValueField(name, ValueKind.INTEGER, Set.of());
    }

    private static ValueField bool(String name) {
        return new ValueField(name, ValueKind.BOOLEAN, Set.of());
    }

    private static ValueField date(String name) {
        return new ValueField(name, ValueKind.DATE, Set.of());
    }

    private static ValueField currency(String name) {
        return new ValueField(name, ValueKind.CURRENCY, Set.of());
    }

    private static ValueField enumOf(String name, String... allowed) {
        return new ValueField(name, ValueKind.ENUM, Set.of(allowed));
    }

    private static ValueField enumList(String name, String... allowed) {
        return new ValueField(name, ValueKind.ENUM_LIST, Set.of(allowed));
    }

    private static Reference out(String field, String relationship, boolean many, String... targets) {
        return new Reference(field, relationship, true, many, Set.of(targets));
    }

    private static Reference in(String field, String relationship, boolean many, String... targets) {
        return new Reference(field, relationship, false, many, Set.of(targets));
    }
}
