package org.criticalminerals.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines are cut and numbered as a text reader cuts them, whatever the line ends, the lengths and the characters. */
class JsonLinesRecordsTest {

    @TempDir
    Path temp;

    @Test
    void linesAreNumberedAsATextReaderNumbersThem() throws IOException {
        String longName = "住友金属鉱山".repeat(20_000); // longer than the reader's buffer: the line spans several reads
        String text = "{\"id\":\"a\"}\r\n"            // 1: CR LF
                + "   \t\n"                             // 2: blank
                + "{\"id\":\"b\"}\r"                    // 3: CR alone
                + "{\"id\":\"c\",\"name\":\"" + longName + "\"}\n" // 4
                + "\u3000\n"                             // 5: an ideographic space only: blank, as String.isBlank has it
                + "{not json\n"                          // 6
                + "[1]\r\n"                              // 7
                + "\n"                                   // 8: empty
                + "{\"id\":\"d\",\"note\":\"東京\"}";     // 9: no line end
        Path file = temp.resolve("f.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        List<String> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new JsonLinesRecords("f.jsonl", file).read(record -> records.add(record.location() + " " + record.fields().get("id")
                + (record.fields().get("name") == null ? "" : " " + record.fields().get("name").equals(longName))
                + (record.fields().get("note") == null ? "" : " " + record.fields().get("note"))),
                problem -> problems.add(problem.location() + " " + problem.message()));

        assertThat(records).containsExactly("f.jsonl:1 a", "f.jsonl:3 b", "f.jsonl:4 c true", "f.jsonl:9 d 東京");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("f.jsonl:6 not valid JSON");
        assertThat(problems.get(1)).isEqualTo("f.jsonl:7 a line must hold one record: a JSON object");
    }

    @Test
    void bytesThatAreNotUtf8AreAProblemOfTheirLine() throws IOException {
        Path file = temp.resolve("latin1.jsonl");
        Files.write(file, List.of("{\"id\":\"ok\"}".getBytes(StandardCharsets.UTF_8), "{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                .stream().reduce(new byte[0], (a, b) -> {
                    byte[] joined = new byte[a.length + b.length + 1];
                    System.arraycopy(a, 0, joined, 0, a.length);
                    System.arraycopy(b, 0, joined, a.length, b.length);
                    joined[joined.length - 1] = '\n';
                    return joined;
                }));
        List<String> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new JsonLinesRecords("latin1.jsonl", file).read(record -> records.add(record.location()), problem -> problems.add(problem.location() + " "
                + problem.message()));
        assertThat(records).containsExactly("latin1.jsonl:1");
        assertThat(problems).singleElement().asString().startsWith("latin1.jsonl:2 not valid JSON");
    }
}
