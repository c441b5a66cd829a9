package org.criticalminerals.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load client against the service on the curated knowledge base: every scenario of the mix runs once (the plan
 * warm-up) and then a few clients run the mix briefly; every document must be valid and answer without an error.
 */
class LoadTestTest extends GraphTestSupport {

    @LocalServerPort
    int port;

    @Test
    void everyScenarioOfTheMixAnswersWithoutAnErrorAndTheReportSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the client waits longer than the tests' read budget (60 s), so a slow first answer is the service's TIMEOUT, not ours
        int status = LoadTest.execute(new String[] { "--url", "http://localhost:" + port, "--clients", "4", "--seconds", "3", "--warmup", "0",
                "--plan-rounds", "1", "--sample", "100", "--timeout", "120" }, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).as("no errors, in no phase").doesNotContain("Errors in the");
        assertThat(status).as(report).isZero();
        // the plan warm-up runs each of the mix's scenarios once per client (a list scenario sends several pages)
        java.util.regex.Matcher plans = java.util.regex.Pattern.compile("plan warm-up [^:]*: \\d+ s, ([0-9,]+) requests, 0 errors").matcher(report);
        assertThat(plans.find()).as(report).isTrue();
        assertThat(Integer.parseInt(plans.group(1).replace(",", ""))).isGreaterThanOrEqualTo(4 * new RequestMix("").size());
        assertThat(report).containsPattern("\\*\\*measured: [1-9][0-9,]* requests in [0-9.]+ s, [0-9.]+ requests/s, 0 errors\\*\\*");
    }

    @Test
    void percentilesAreTheNearestRank() {
        long[] sorted = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        assertThat(Report.percentile(sorted, 50)).isEqualTo(5);
        assertThat(Report.percentile(sorted, 95)).isEqualTo(10);
        assertThat(Report.percentile(new long[] { 7 }, 99)).isEqualTo(7);
        assertThat(Report.percentile(new long[0], 50)).isEqualTo(-1);
    }

    @Test
    void anAnswerIsAnErrorUnlessItIs200WithDataAndNoErrors() {
        assertThat(GraphQlClient.judge(1, 200, "{\"data\":{\"a\":1}}").ok()).isTrue();
        assertThat(GraphQlClient.judge(1, 200, "   {\"errors\":[{\"message\":\"slow\",\"extensions\":{\"code\":\"TIMEOUT\"}}],\"data\":null}").error())
                .isEqualTo("GraphQL TIMEOUT");
        assertThat(GraphQlClient.judge(1, 503, "{\"errors\":[{\"message\":\"starting\"}]}").error()).isEqualTo("HTTP 503");
        assertThat(GraphQlClient.judge(1, 200, "<html>").error()).isEqualTo("HTTP 200 (no JSON)");
        assertThat(GraphQlClient.judge(1, 200, "{\"data\":null}").error()).isEqualTo("GraphQL no data");
    }
}
