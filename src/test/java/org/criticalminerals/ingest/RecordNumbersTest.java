package org.criticalminerals.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers at the edges, read from every import format alike: {@code 1e21} is a number (and the largest figure
 * taken), an integer beyond 64 bits is a number out of range, never "expected a number", and a whole-number
 * field beyond a long says so. The check is what the dry run and the import both run, so a record that passes
 * the dry run passes the import.
 */
class RecordNumbersTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "json", "jsonl", "csv" })
    void exponentsAreNumbers(String format) throws IOException {
        Result result = checked(format, "1e21", null);
        assertThat(result.problems()).isEmpty();
        assertThat(result.record().values().get("value")).isEqualTo(1e21);
        assertThat(checked(format, "1E+21", null).problems()).isEmpty();
        assertThat(checked(format, "-2.5e3", null).record().values().get("value")).isEqualTo(-2500L);
        assertThat(checked(format, "1e22", null).problems()).singleElement().asString().startsWith("value: the number is out of range (at most 1e21)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "json", "jsonl", "csv" })
    void integersBeyondALongAreOutOfRangeNotText(String format) throws IOException {
        assertThat(checked(format, "123456789012345678901234567890", null).problems())
                .containsExactly("value: the number is out of range (at most 1e21), got '123456789012345678901234567890'");
        assertThat(checked(format, "9223372036854775807", null).record().values().get("value")).isEqualTo(Long.MAX_VALUE);
        assertThat(checked(format, "1", "9223372036854775808").problems())
                .containsExactly("year: expected a whole number from -9223372036854775808 to 9223372036854775807, got '9223372036854775808'");
        assertThat(checked(format, "1", "2030").record().values().get("year")).isEqualTo(2030L);
    }

    private record Result(CheckedRecord record, List<String> problems) {
    }

    /** A Statistic with the value (and year) written as the format writes a bare number. */
    private Result checked(String format, String value, String year) throws IOException {
        String yearJson = year == null ? "" : ", \"year\": " + year;
        String json = "{\"type\": \"Statistic\", \"id\": \"s\", \"name\": \"n\", \"measure\": \"PRODUCTION\", \"value\": " + value + yearJson
                + ", \"cite\": [{\"source\": \"src\", \"statement\": \"s\"}]}";
        RecordSource source = switch (format) {
            case "yaml" -> RecordSource.of(new KnowledgeFile("f.yaml", "- {type: Statistic, id: s, name: n, measure: PRODUCTION, value: " + value
                    + (year == null ? "" : ", year: " + year) + ", cite: [{source: src, statement: s}]}\n"));
            case "json" -> RecordSource.of(new KnowledgeFile("f.json", "[" + json + "]"));
            case "jsonl" -> new JsonLinesRecords("f.jsonl", Files.writeString(temp.resolve("f.jsonl"), json + "\n"));
            case "csv" -> new CsvRecords("f.csv", Files.writeString(temp.resolve("f.csv"), "type,id,name,measure,value" + (year == null ? "" : ",year")
                    + ",cite.source,cite.statement\nStatistic,s,n,PRODUCTION," + value + (year == null ? "" : "," + year) + ",src,s\n"), null);
            default -> throw new IllegalArgumentException(format);
        };
        List<RawRecord> raw = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        source.read(raw::add, rejection -> problems.add(rejection.toString()));
        assertThat(problems).as("read problems").isEmpty();
        assertThat(raw).hasSize(1);
        RecordChecker.Result result = RecordChecker.check(raw.get(0));
        return new Result(result.record(), result.rejections().stream().map(r -> r.field() + ": " + r.message()).toList());
    }
}
