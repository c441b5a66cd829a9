package org.criticalminerals.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TargetsTest {

    private static Timing p50(double ms) {
        return new Timing(100, ms, ms * 1.5, ms * 2, ms, 1000 / ms);
    }

    private static ScaleResult.Result op(String name, String kind, boolean anchored, double graphql, double bolt) {
        return new ScaleResult.Result(name, kind, anchored, p50(graphql), p50(bolt), null, 1, 1, 10, -1, 0, 0, null, null);
    }

    private static ScaleResult scale(String name, ScaleResult.Result... operations) {
        return new ScaleResult(name, "", "", 1, 1, 1000, 1, 1, 1, 1, 100, 10, List.of(operations));
    }

    @Test
    void judgesEachTargetAndSaysByHowMuchItIsMissed() {
        ScaleResult.Result wide = new ScaleResult.Result("wide", "wide", false, p50(30), p50(25), p50(10), 3, 1, 100, 50, 0, 0, null, null);
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("10k", scale("10k", op("q01", "question", true, 2.0, 1.6), op("list offtakes", "list", false, 2.0, 1.9), op("search", "search", false, 9, 1),
                op("q10", "question", false, 5, 4.9)));
        scales.put("1m", scale("1m", op("q01", "question", true, 3.0, 2.5), op("list offtakes", "list", false, 26.0, 10.0), op("search", "search", false, 9, 1),
                op("q10", "question", false, 50, 49), wide));
        List<Targets.Verdict> verdicts = Targets.evaluate(scales);

        Targets.Verdict ratio = verdicts.get(0);
        assertThat(ratio.pass()).isFalse(); // the search (9×) does not count, the list page at 1m (2.6×) does
        assertThat(ratio.misses()).singleElement().asString().startsWith("list offtakes at 1m: 2.60×").contains("100 % over");

        Targets.Verdict hand = verdicts.get(1);
        assertThat(hand.pass()).isFalse();
        assertThat(hand.misses()).singleElement().asString().startsWith("at 1m: 3.00×");

        Targets.Verdict slowdown = verdicts.get(2);
        assertThat(slowdown.pass()).isFalse(); // q10 is not anchored: its 10× does not count; q01 1.5× passes
        assertThat(slowdown.misses()).singleElement().asString().isEqualTo("list offtakes: 13.0× (2.00 → 26.00 ms)");

        Targets.Verdict listAt1m = verdicts.get(3);
        assertThat(listAt1m.pass()).isFalse();
        assertThat(listAt1m.misses()).singleElement().asString().isEqualTo("list offtakes: 26.0 ms (2.6× the limit)");
    }

    @Test
    void anAnswerStoppedAtTheReadBudgetIsAMissWhateverItsRatio() {
        ScaleResult.Result timedOut = new ScaleResult.Result("q02", "question", true, p50(10_000), p50(12_000), null, 3, 3, 10, -1, 5, 0, null, null);
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("1m", scale("1m", timedOut));
        Targets.Verdict ratio = Targets.evaluate(scales).get(0);
        assertThat(ratio.pass()).isFalse();
        assertThat(ratio.misses()).singleElement().asString().isEqualTo("q02 at 1m: GraphQL answered 5 of 100 with an error (the read budget), Bolt p50 12000 ms");
    }

    @Test
    void passesWithinTheLimitsAndSaysWhatWasNotMeasured() {
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("10k", scale("10k", op("q01", "question", true, 1.3, 1.0), op("list", "list", false, 2, 2)));
        List<Targets.Verdict> verdicts = Targets.evaluate(scales);
        assertThat(verdicts.get(0).pass()).isTrue();
        assertThat(verdicts.get(1).pass()).isNull();
        assertThat(verdicts.get(2).pass()).isNull();
        assertThat(verdicts.get(3).word()).isEqualTo("not measured");
        assertThat(Report.markdown(scales, "2 cores")).contains("**PASS** GraphQL p50 ≤ 1.3× Bolt p50").contains("| q01 | 100 | 1.30 |");
    }

    @Test
    void metricsDeltasPerRequest() {
        String before = """
                # HELP http_server_requests_seconds x
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/graphql"} 10
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="200",uri="/graphql"} 1.0
                http_server_requests_seconds_count{method="GET",uri="/actuator/prometheus"} 3
                http_server_requests_seconds_sum{method="GET",uri="/actuator/prometheus"} 9.0
                graphql_request_seconds_count{graphql_operation="a",graphql_outcome="SUCCESS"} 10
                graphql_request_seconds_sum{graphql_operation="a",graphql_outcome="SUCCESS"} 0.5
                cmg_cypher_statements_seconds_count{kind="read"} 30
                cmg_cypher_statements_seconds_sum{kind="read"} 0.3
                """;
        String after = """
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/graphql"} 30
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="200",uri="/graphql"} 1.2
                http_server_requests_seconds_count{method="GET",uri="/actuator/prometheus"} 4
                http_server_requests_seconds_sum{method="GET",uri="/actuator/prometheus"} 19.0
                graphql_request_seconds_count{graphql_operation="a",graphql_outcome="SUCCESS"} 30
                graphql_request_seconds_sum{graphql_operation="a",graphql_outcome="SUCCESS"} 0.6
                cmg_cypher_statements_seconds_count{kind="read"} 90
                cmg_cypher_statements_seconds_sum{kind="read"} 0.36
                """;
        ServiceMetrics.Breakdown breakdown = ServiceMetrics.breakdown(ServiceMetrics.parse(before), ServiceMetrics.parse(after), 12.0);
        assertThat(breakdown.clientMs()).isEqualTo(12.0);
        assertThat(breakdown.httpMs()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9)); // 0.2 s over 20 requests
        assertThat(breakdown.graphqlMs()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(breakdown.cypherMs()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-9)); // 0.06 s over 20 requests
        assertThat(breakdown.statements()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void resultsSurviveTheirJsonFile() {
        JsonMapper json = JsonMapper.builder().build();
        ScaleResult result = scale("10k", new ScaleResult.Result("wide", "wide", false, p50(3), Timing.NONE, p50(1), 3, 1, 100, 50, 0, 0, "same data",
                new ServiceMetrics.Breakdown(5, 4, 3, 2, 3)));
        ScaleResult back = json.readValue(json.writeValueAsString(result), ScaleResult.class);
        assertThat(back.operations().get(0).handWritten()).isEqualTo(p50(1));
        assertThat(back.operations().get(0).breakdown()).isEqualTo(new ServiceMetrics.Breakdown(5, 4, 3, 2, 3));
        assertThat(back.operations().get(0).bolt().p50()).isNaN();
        assertThat(back).usingRecursiveComparison().ignoringFields("operations").isEqualTo(result);

        Operation op = new Operation("q", "question", true, "{ x }", Operations.vars("first", 20, "after", null, "min", 1.0e7))
                .captured(List.of(new StatementCapture.Transaction(true, List.of(new StatementCapture.Statement("RETURN 1 AS x", "{}")))), null);
        ReadBenchmark.Capture capture = json.readValue(json.writeValueAsString(new ReadBenchmark.Capture("10k", "now", List.of(op))), ReadBenchmark.Capture.class);
        assertThat(capture.operations()).singleElement().isEqualTo(op);
    }
}
