package org.criticalminerals.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatementCaptureTest {

    private static final String PREFIX = "2026-12-01T21:30:00.123Z DEBUG 4242 --- [critical-minerals-graph] [ntLoopGroup-2-1] "
            + "o.n.b.c.n.i.a.o.OutboundMessageHandler   : ";

    private static String line(String connection, String message) {
        return PREFIX + "[0x" + connection + "][localhost:17500][bolt-7] C: " + message;
    }

    @Test
    void groupsTheStatementsOfATransactionAndKeepsMultiLineStatementsWhole() {
        String log = String.join("\n",
                "2026-12-01T21:30:00.100Z  INFO 4242 --- [critical-minerals-graph] [o-18500-exec-1] o.c.x.Something : unrelated",
                line("aa01", "BEGIN {tx_timeout=10000, mode=\"r\", db=\"neo4j\"}"),
                line("aa01", "RUN \"MATCH (o:Organization {id: $id})\nRETURN o.name AS name\" {id=\"sojitz\"} {}"),
                line("aa01", "PULL {n=-1}"),
                line("aa01", "RUN \"MATCH (o)-[:BASED_IN]->(c) WHERE o.id IN $ids RETURN c\" {ids=[\"a\", \"b\"]} {}"),
                line("aa01", "PULL {n=-1}"),
                line("aa01", "COMMIT"),
                line("bb02", "RUN \"RETURN 1\" {} {}"),
                line("cc03", "RUN \"SHOW TRANSACTIONS YIELD transactionId, metaData\nWHERE metaData.request = $request\nRETURN transactionId\" {request=\"r\"} {}"),
                line("bb02", "RUN \"MATCH (n) RETURN count(n)\" {} {mode=\"r\"}"));
        List<StatementCapture.Transaction> transactions = StatementCapture.transactions(log);
        assertThat(transactions).hasSize(2);
        StatementCapture.Transaction first = transactions.get(0);
        assertThat(first.read()).isTrue();
        assertThat(first.statements()).extracting(StatementCapture.Statement::query)
                .containsExactly("MATCH (o:Organization {id: $id})\nRETURN o.name AS name", "MATCH (o)-[:BASED_IN]->(c) WHERE o.id IN $ids RETURN c");
        assertThat(StatementCapture.parameters(first.statements().get(1).parameters())).isEqualTo(Map.of("ids", List.of("a", "b")));
        // the database check (RETURN 1) is left out; an auto-commit statement is a transaction of its own
        assertThat(transactions.get(1).statements()).extracting(StatementCapture.Statement::query).containsExactly("MATCH (n) RETURN count(n)");
    }

    @Test
    void interleavedConnectionsKeepTheirOwnTransactions() {
        String log = String.join("\n",
                line("01", "BEGIN {mode=\"r\"}"),
                line("02", "BEGIN {mode=\"r\"}"),
                line("02", "RUN \"RETURN 2\" {} {}"),
                line("01", "RUN \"RETURN 3\" {} {}"),
                line("02", "COMMIT"),
                line("01", "COMMIT"));
        List<StatementCapture.Transaction> transactions = StatementCapture.transactions(log);
        assertThat(transactions).extracting(t -> t.statements().get(0).query()).containsExactly("RETURN 3", "RETURN 2");
    }

    @Test
    void aQuoteFollowedByAMapInsideTheStatementDoesNotEndIt() {
        StatementCapture.Statement statement = StatementCapture.run("RUN \"RETURN \"x\" {a: 1} AS y\" {p=1} {}");
        assertThat(statement.query()).isEqualTo("RETURN \"x\" {a: 1} AS y");
        assertThat(StatementCapture.parameters(statement.parameters())).isEqualTo(Map.of("p", 1L));
    }

    @Test
    void parsesEveryPrintedValueKind() {
        Map<String, Object> parameters = StatementCapture.parameters(
                "{s=\"a \\\"quoted\\\" word, {not a map}\", n=NULL, t=TRUE, f=FALSE, i=-42, d=1.0E7, e=2.5, list=[1, \"x\", [NULL]], "
                        + "map={first: 20, after: NULL, nested: {k: \"v\"}}, date=2024-01-01, at=2024-01-01T10:15:30Z[UTC], empty={}, none=[]}");
        assertThat(parameters.get("s")).isEqualTo("a \"quoted\" word, {not a map}");
        assertThat(parameters).containsEntry("n", null).containsEntry("t", true).containsEntry("f", false).containsEntry("i", -42L)
                .containsEntry("d", 1.0e7).containsEntry("e", 2.5).containsEntry("date", LocalDate.of(2024, 1, 1)).containsEntry("empty", Map.of())
                .containsEntry("none", List.of());
        assertThat(parameters.get("list")).isEqualTo(Arrays.asList(1L, "x", Arrays.asList((Object) null)));
        assertThat(parameters.get("at")).isEqualTo(ZonedDateTime.parse("2024-01-01T10:15:30Z[UTC]"));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parameters.get("map");
        assertThat(map).containsEntry("first", 20L).containsEntry("after", null).containsEntry("nested", Map.of("k", "v"));
    }

    @Test
    void refusesWhatIsNotAMessageOrAValue() {
        assertThatThrownBy(() -> StatementCapture.run("RUN \"RETURN 1\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementCapture.parameters("{a=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementCapture.scalar("neither")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void profileGoesAfterCypherOptions() {
        assertThat(ReadBenchmark.profiled("MATCH (n) RETURN n")).isEqualTo("PROFILE MATCH (n) RETURN n");
        assertThat(ReadBenchmark.profiled("CYPHER runtime=slotted\nMATCH (n) RETURN n")).isEqualTo("CYPHER runtime=slotted\nPROFILE MATCH (n) RETURN n");
    }
}
