package org.criticalminerals.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a partner file in JSON Lines: a given number of records of every type, deterministic for a seed,
 * with the skew of the real world — a few hub countries (China processing, Australia and Chile mining, Japan
 * buying) and a few agencies and trading houses with very many links. Every record cites the partner's own
 * source. Ids start with {@code gen-} (countries are ISO codes), so a generated graph never touches the
 * curated facts beyond adding claims to countries.
 *
 * <pre>java -cp target/classes org.criticalminerals.generator.PartnerFileGenerator --records 100000 --seed 42 --out partner.jsonl</pre>
 */
public final class PartnerFileGenerator {

    /** Share of the records per type; the rest of the file is countries, minerals and the source. */
    private static final Map<String, Double> MIX = new LinkedHashMap<>();

    static {
        MIX.put("Organization", 0.12);
        MIX.put("Deposit", 0.05);
        MIX.put("Facility", 0.07);
        MIX.put("Supply", 0.08);
        MIX.put("Investment", 0.14);
        MIX.put("Offtake", 0.12);
        MIX.put("Agreement", 0.01);
        MIX.put("ExportControl", 0.01);
        MIX.put("Policy", 0.03);
        MIX.put("Target", 0.03);
        MIX.put("Statistic", 0.29);
        MIX.put("Event", 0.02);
    }

    /** Countries by weight: the hubs first. */
    private static final String[] COUNTRIES = { "CN", "US", "AU", "JP", "CL", "DE", "CA", "KR", "ID", "CD", "BR", "ZA", "IN", "FR", "GB", "RU",
            "PE", "AR", "PH", "MY", "VN", "KZ", "MX", "NO", "SE", "FI", "PL", "IT", "ES", "NL", "BE", "TR", "SA", "AE", "MN", "MM", "LA", "TH", "NZ",
            "ZM", "ZW", "MA", "NA", "BO", "CO", "EC", "GH", "TZ", "MZ", "MG", "UZ", "UA", "AT", "CH", "CZ", "HU", "PT", "IE", "DK", "SG", "TW",
            "PK", "EG", "NG", "KE", "ET", "GN", "CI", "SN", "BW", "EE" };

    private static final String[] STAGES = { "CONCENTRATION", "SEPARATION", "REFINING", "METAL", "MAGNET" };

    private static final String[] MEASURES = { "PRODUCTION_SHARE", "PROCESSING_SHARE", "IMPORT_DEPENDENCY", "IMPORT_SHARE", "PRODUCTION",
            "RESERVES", "DEMAND" };

    private static final String[] CURRENCIES = { "USD", "JPY", "EUR", "AUD", "CNY" };

    private static final String SOURCE = "gen-partner-feed";

    private final SplittableRandom random;

    private final long records;

    private final Writer out;

    private final List<String> minerals = new ArrayList<>();

    private final List<String> groups = new ArrayList<>();

    private final List<String> organizations = new ArrayList<>();

    private final List<String> hubs = new ArrayList<>();

    private final List<String> deposits = new ArrayList<>();

    private final List<String> facilities = new ArrayList<>();

    private final List<String> policies = new ArrayList<>();

    private long written;

    PartnerFileGenerator(long seed, long records, Writer out) {
        this.random = new SplittableRandom(seed);
        this.records = records;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        long records = 10_000;
        long seed = 42;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = parseCount(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> file = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: PartnerFileGenerator [--records N (10k, 1M …)] [--seed S] [--out file.jsonl]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        try (Writer writer = new BufferedWriter(file == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            long written = generate(seed, records, writer);
            if (file != null) {
                System.err.printf(Locale.ROOT, "wrote %,d records to %s in %.1f s%n", written, file, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Writes about {@code records} records (exactly, give or take the fixed reference data) and returns how many. */
    public static long generate(long seed, long records, Writer out) throws IOException {
        PartnerFileGenerator generator = new PartnerFileGenerator(seed, records, out);
        generator.run();
        return generator.written;
    }

    private void run() throws IOException {
        line("{\"type\":\"Source\",\"id\":\"" + SOURCE + "\",\"kind\":\"PARTNER\",\"title\":\"Generated partner feed\","
                + "\"publisher\":\"Critical Minerals Graph generator\"}");
        for (String country : COUNTRIES) {
            record("Country", country, Map.of("name", "Country " + country), "country register");
        }
        referenceMinerals();
        long body = Math.max(0, records - written);
        Map<String, Long> counts = new LinkedHashMap<>();
        MIX.forEach((type, share) -> counts.put(type, Math.max(1, Math.round(body * share))));
        long planned = counts.values().stream().mapToLong(Long::longValue).sum();
        counts.merge("Statistic", body - planned, Long::sum); // the rounding remainder
        counts.forEach((type, count) -> {
            try {
                for (long i = 0; i < count; i++) {
                    next(type, i);
                }
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void referenceMinerals() throws IOException {
        for (String group : List.of("rare-earths", "battery-metals", "platinum-group", "base-metals")) {
            String id = "gen-" + group;
            groups.add(id);
            record("Mineral", id, Map.of("name", "Generated group " + group, "kind", "GROUP"), "mineral register");
        }
        for (int i = 0; i < 60; i++) {
            String id = "gen-mineral-" + i;
            minerals.add(id);
            record("Mineral", id, Map.of("name", "Generated mineral " + i, "kind", i % 7 == 0 ? "MATERIAL" : "ELEMENT",
                    "partOf", List.of(groups.get(i % groups.size()))), "mineral register");
        }
    }

    private void next(String type, long i) throws IOException {
        String id = "gen-" + type.toLowerCase(Locale.ROOT) + "-" + i;
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (type) {
            case "Organization" -> {
                boolean agency = i % 10 == 0;
                fields.put("name", (agency ? "Generated agency " : "Generated company ") + i);
                fields.put("kind", agency ? "Agency" : i % 23 == 0 ? "Association" : "Company");
                fields.put("country", country());
                fields.put("roles", List.of(agency ? "FINANCIER" : pick(new String[] { "MINER", "PROCESSOR", "TRADING_HOUSE", "OEM" })));
                if (!organizations.isEmpty() && i % 4 == 0) {
                    fields.put("parent", organization()); // subsidiaries
                }
                organizations.add(id);
                if (hubs.size() < 12 && (agency || i % 97 == 0)) {
                    hubs.add(id); // a few agencies and houses with very many links
                }
            }
            case "Deposit" -> {
                fields.put("name", "Generated deposit " + i);
                fields.put("country", skewed(new String[] { "AU", "CL", "CN", "CD", "ID", "BR", "ZA", "PE", "AR", "CA" }));
                fields.put("status", pick(new String[] { "OPERATING", "DEVELOPMENT", "EXPLORATION" }));
                fields.put("minerals", List.of(mineral()));
                if (!organizations.isEmpty()) {
                    fields.put("operators", List.of(organization()));
                }
                deposits.add(id);
            }
            case "Facility" -> {
                fields.put("name", "Generated facility " + i);
                fields.put("stage", STAGES[(int) (i % STAGES.length)]);
                fields.put("country", skewed(new String[] { "CN", "CN", "CN", "MY", "JP", "US", "KR", "DE", "EE", "AU" }));
                fields.put("minerals", List.of(mineral()));
                if (!organizations.isEmpty()) {
                    fields.put("operators", List.of(organization()));
                }
                facilities.add(id);
            }
            case "Supply" -> {
                if (facilities.isEmpty() || deposits.isEmpty()) {
                    return;
                }
                // chains of stages: a deposit supplies a concentrator, a facility the next stage
                int at = random.nextInt(facilities.size());
                fields.put("from", at > 0 && i % 2 == 0 ? facilities.get(at - 1) : deposits.get(random.nextInt(deposits.size())));
                fields.put("to", facilities.get(at));
                fields.put("mineral", mineral());
                fields.put("form", "concentrate");
            }
            case "Investment" -> {
                fields.put("name", "Generated investment " + i);
                fields.put("investors", List.of(i % 3 == 0 && !hubs.isEmpty() ? hubs.get(random.nextInt(hubs.size())) : organization()));
                fields.put("target", i % 2 == 0 && !deposits.isEmpty() ? deposits.get(random.nextInt(deposits.size())) : organization());
                fields.put("instruments", List.of(pick(new String[] { "EQUITY", "LOAN", "GRANT" })));
                fields.put("minerals", List.of(mineral()));
                fields.put("amount", 1_000_000L * (1 + random.nextInt(2_000)));
                fields.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
                fields.put("date", String.valueOf(2005 + random.nextInt(20)) + "-" + String.format(Locale.ROOT, "%02d", 1 + random.nextInt(12)));
            }
            case "Offtake" -> {
                fields.put("name", "Generated offtake " + i);
                fields.put("buyers", List.of(i % 4 == 0 && !hubs.isEmpty() ? hubs.get(random.nextInt(hubs.size())) : organization()));
                fields.put("sellers", List.of(organization()));
                fields.put("minerals", List.of(mineral()));
                if (!facilities.isEmpty()) {
                    fields.put("suppliedFrom", List.of(facilities.get(random.nextInt(facilities.size()))));
                }
                fields.put("volume", 100L * (1 + random.nextInt(500)));
                fields.put("unit", "t/yr");
                int start = 2010 + random.nextInt(15);
                fields.put("start", String.valueOf(start));
                fields.put("end", String.valueOf(start + 1 + random.nextInt(10)));
            }
            case "Agreement" -> {
                fields.put("name", "Generated agreement " + i);
                fields.put("kind", "PLURILATERAL");
                fields.put("date", String.valueOf(2000 + random.nextInt(25)));
                List<Object> parties = new ArrayList<>();
                int size = 2 + random.nextInt(40);
                for (int p = 0; p < size; p++) {
                    String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                    if (!parties.contains(country)) {
                        parties.add(country);
                    }
                }
                fields.put("parties", parties);
                fields.put("minerals", List.of(groups.get(random.nextInt(groups.size()))));
            }
            case "ExportControl" -> {
                fields.put("name", "Generated export control " + i);
                fields.put("imposer", skewed(new String[] { "CN", "CN", "CN", "ID", "PH", "CL", "ZW", "MM", "US", "RU" }));
                fields.put("minerals", List.of(mineral()));
                fields.put("measure", pick(new String[] { "QUOTA", "LICENSING", "BAN", "TAX" }));
                int year = 2000 + random.nextInt(25);
                fields.put("effective", String.valueOf(year));
                if (i % 3 == 0) {
                    fields.put("lifted", String.valueOf(year + 1 + random.nextInt(5)));
                }
            }
            case "Policy" -> {
                fields.put("name", "Generated policy " + i);
                fields.put("kind", pick(new String[] { "STRATEGY", "LAW", "PROGRAMME", "CRITICAL_MINERAL_LIST" }));
                fields.put("issuer", country());
                fields.put("date", String.valueOf(2010 + random.nextInt(15)));
                fields.put("designates", List.of(mineral(), mineral()).stream().distinct().toList());
                policies.add(id);
            }
            case "Target" -> {
                fields.put("name", "Generated target " + i);
                if (!policies.isEmpty()) {
                    fields.put("policy", policies.get(random.nextInt(policies.size())));
                }
                fields.put("mineral", mineral());
                fields.put("country", country());
                fields.put("quantity", 1 + random.nextInt(90));
                fields.put("unit", "PERCENT");
                fields.put("year", 2025 + random.nextInt(16));
            }
            case "Statistic" -> {
                fields.put("name", "Generated statistic " + i);
                fields.put("measure", MEASURES[random.nextInt(MEASURES.length)]);
                fields.put("country", country());
                fields.put("mineral", mineral());
                fields.put("year", 2000 + random.nextInt(25));
                fields.put("value", Math.round(random.nextDouble() * 1000) / 10.0);
                fields.put("unit", "PERCENT");
            }
            case "Event" -> {
                fields.put("name", "Generated event " + i);
                fields.put("kind", pick(new String[] { "SUPPLY_SHOCK", "TRADE_DISPUTE", "MARKET" }));
                fields.put("date", String.valueOf(2000 + random.nextInt(25)));
                fields.put("countries", List.of(country()));
                fields.put("minerals", List.of(mineral()));
            }
            default -> throw new IllegalStateException(type);
        }
        record(type, id, fields, "register entry " + i);
    }

    /** A country, skewed toward the hubs: the first of the list are picked far more often (Zipf-like). */
    private String country() {
        return skewed(COUNTRIES);
    }

    private String skewed(String[] values) {
        double u = random.nextDouble();
        int index = (int) Math.floor(values.length * Math.pow(u, 3)); // u^3: the front of the list is hot
        return values[Math.min(values.length - 1, index)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String mineral() {
        return minerals.get((int) Math.floor(minerals.size() * Math.pow(random.nextDouble(), 2)));
    }

    private String organization() {
        if (organizations.isEmpty()) {
            return "gen-organization-0";
        }
        return organizations.get(random.nextInt(organizations.size()));
    }

    private void record(String type, String id, Map<String, Object> fields, String statement) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append("\",\"id\":\"").append(id).append('"');
        fields.forEach((key, value) -> json.append(",\"").append(key).append("\":").append(json(value)));
        json.append(",\"cite\":[{\"source\":\"").append(SOURCE).append("\",\"statement\":").append(json(statement)).append("}]}");
        line(json.toString());
    }

    private void line(String json) throws IOException {
        out.write(json);
        out.write('\n');
        written++;
    }

    private static String json(Object value) {
        if (value instanceof String text) {
            StringBuilder escaped = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> escaped.append("\\\"");
                    case '\\' -> escaped.append("\\\\");
                    case '\n' -> escaped.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        }
                        else {
                            escaped.append(c);
                        }
                    }
                }
            }
            return escaped.append('"').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("[");
            for (Object item : list) {
                array.append(array.length() > 1 ? "," : "").append(json(item));
            }
            return array.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static long parseCount(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        if (t.endsWith("k")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000;
        }
        if (t.endsWith("m")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000_000;
        }
        return Long.parseLong(t);
    }
}
