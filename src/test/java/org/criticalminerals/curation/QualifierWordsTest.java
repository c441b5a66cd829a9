package org.criticalminerals.curation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.criticalminerals.ingest.KnowledgeFile;
import org.criticalminerals.support.SeedFiles;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure keeps its qualifier: where the words a claim quotes (or the few characters right around them on
 * the cited line) bound its figure — 以上, 超, 以下, 最大, 未満, 約, 程度, 近く — the claim carries the matching
 * {@code qualifier} (or, on its record, {@code qualifier} or {@code approximate}). A claim whose quote holds
 * such a word that bounds another figure says so in its {@code note}, starting "qualifier:".
 */
class QualifierWordsTest {


    /** A digit, a numeral or a unit a figure ends with, so that 以下、 (hereinafter) and 世界最大の (largest) do not count. */
    private static final String FIGURE_END = "[0-9０-９一二三四五六七八九十百千万億兆割%％tトン円ドル件社台基]";

    private static final String FIGURE_START = "[0-9０-９一二三四五六七八九十]";

    private static final Map<String, Pattern> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("AT_LEAST", Pattern.compile("(?<=" + FIGURE_END + ")以上|最低(で)?\\s*" + FIGURE_START + "|少なくとも"));
        WORDS.put("MORE_THAN", Pattern.compile("(?<=" + FIGURE_END + ")超|を超え|を上回"));
        WORDS.put("UP_TO", Pattern.compile("(?<=" + FIGURE_END + ")以下|最大(で)?\\s*" + FIGURE_START));
        WORDS.put("LESS_THAN", Pattern.compile("(?<=" + FIGURE_END + ")未満|を下回"));
        WORDS.put("ABOUT", Pattern.compile("約\\s*" + FIGURE_START + "|(?<=" + FIGURE_END + ")程度|(?<=" + FIGURE_END + ")近く"));
    }

    @Test
    void everyQualifiedFigureCarriesItsQualifier() throws IOException {
        Map<String, List<String>> problemsByFile = problems(org.criticalminerals.ingest.KnowledgeBaseFiles.all());
        problemsByFile.forEach((file, problems) -> System.out.println("[qualifiers] " + file + ": " + problems.size() + "\n  "
                + String.join("\n  ", problems)));
        assertThat(problemsByFile).isEmpty();
    }

    @Test
    void aMissingQualifierIsCaught() throws IOException {
        String kb = """
                - type: Target
                  id: test-benchmark
                  cite:
                    - {source: seed-000, line: 170, quote: "採掘はEU年間消費量の10%以上", claims: {quantity: 10}}
                    - {source: seed-000, line: 171, quote: "加工は同40%以上", claims: {quantity: 40, qualifier: AT_LEAST}}
                    - {source: seed-000, line: 172, quote: "リサイクルは同25%以上", claims: {quantity: 25, qualifier: UP_TO}}
                    - {source: seed-000, line: 173, quote: "単一の第三国からの輸入は同65%以下とする", claims: {quantity: 65},
                       note: "qualifier: checked, not a bound"}
                """;
        Map<String, List<String>> problems = problems(List.of(new KnowledgeFile("test.yaml", kb)));
        assertThat(problems.get("test.yaml")).hasSize(2).anySatisfy(p -> assertThat(p).contains("line 170").contains("AT_LEAST"))
                .anySatisfy(p -> assertThat(p).contains("line 172").contains("has UP_TO"));
    }

    static Map<String, List<String>> problems(List<KnowledgeFile> files) throws IOException {
        Map<String, String> seedFiles = seedFiles(files);
        Map<String, List<String>> lines = new HashMap<>();
        Map<String, List<String>> problems = new TreeMap<>();
        for (KnowledgeFile file : files) {
            Object document = new Yaml().load(file.content());
            if (!(document instanceof List<?> records)) {
                continue;
            }
            for (Object item : records) {
                if (!(item instanceof Map<?, ?> record) || !(record.get("cite") instanceof List<?> cite)) {
                    continue;
                }
                Object recordQualifier = qualifier(record);
                boolean recordFigures = hasNumber(record);
                for (Object c : cite) {
                    if (!(c instanceof Map<?, ?> citation) || !(citation.get("quote") instanceof String quote)
                            || !(citation.get("line") instanceof Integer line) || !seedFiles.containsKey(String.valueOf(citation.get("source")))) {
                        continue;
                    }
                    Map<?, ?> claims = citation.get("claims") instanceof Map<?, ?> m ? m : Map.of();
                    boolean figures = hasNumber(claims) || claims.isEmpty() && recordFigures && cite.size() == 1;
                    if (!figures || String.valueOf(citation.get("note")).startsWith("qualifier:")) {
                        continue;
                    }
                    Object has = qualifier(claims) != null ? qualifier(claims) : recordQualifier;
                    String seed = seedFiles.get(String.valueOf(citation.get("source")));
                    List<String> text = lines.computeIfAbsent(seed, QualifierWordsTest::read);
                    if (line > text.size()) {
                        continue;
                    }
                    String around = around(text.get(line - 1), quote);
                    List<String> expected = new ArrayList<>();
                    WORDS.forEach((name, pattern) -> {
                        Matcher matcher = pattern.matcher(around);
                        if (matcher.find()) {
                            expected.add(name);
                        }
                    });
                    if (!expected.isEmpty() && !expected.contains(String.valueOf(has))) {
                        problems.computeIfAbsent(file.name(), f -> new ArrayList<>()).add(record.get("id") + " (" + citation.get("source")
                                + " line " + line + ", \"" + quote + "\"): the text bounds the figure (" + String.join(" or ", expected)
                                + ") but the claim " + (has == null ? "has no qualifier" : "has " + has));
                    }
                }
            }
        }
        return problems;
    }

    /** The quote with three characters before and six after it on its line, where 約 and 以上 stand. */
    private static String around(String line, String quote) {
        int at = line.indexOf(quote);
        if (at < 0) {
            return quote;
        }
        return line.substring(Math.max(0, at - 3), Math.min(line.length(), at + quote.length() + 6));
    }

    private static Object qualifier(Map<?, ?> values) {
        if (values.get("qualifier") != null) {
            return values.get("qualifier");
        }
        if (values.get("volumeQualifier") != null) {
            return values.get("volumeQualifier");
        }
        return Boolean.TRUE.equals(values.get("approximate")) ? "ABOUT" : null;
    }

    /** Whether the values hold a figure a qualifier can bound (not a year, rank or count). */
    private static boolean hasNumber(Map<?, ?> values) {
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof Number && !field.toLowerCase().contains("year") && !field.startsWith("rank")
                    && !field.equals("partyCount") && !field.equals("listSize")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> seedFiles(List<KnowledgeFile> files) {
        Map<String, String> seeds = new HashMap<>();
        for (KnowledgeFile file : org.criticalminerals.ingest.KnowledgeBaseFiles.all()) {
            Object document = new Yaml().load(file.content());
            if (document instanceof List<?> records) {
                for (Object item : records) {
                    if (item instanceof Map<?, ?> record && "Source".equals(record.get("type")) && "SEED".equals(record.get("kind"))) {
                        seeds.put(String.valueOf(record.get("id")), String.valueOf(record.get("file")));
                    }
                }
            }
        }
        return seeds;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(SeedFiles.required().resolve(file), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
