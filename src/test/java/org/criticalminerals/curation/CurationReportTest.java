package org.criticalminerals.curation;

import org.criticalminerals.support.GraphTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The curation report over the loaded knowledge base: every document covered, conflicts listed, nothing unsourced. */
class CurationReportTest extends GraphTestSupport {

    @Autowired
    CurationReport report;

    @Test
    void everySeedDocumentContributesFactsAndNoFactLacksASource() {
        String text = report.render();
        for (String seed : new String[] { "seed-000", "seed-001", "seed-002", "seed-003", "seed-004" }) {
            assertThat(text).containsPattern("\\| " + seed + " \\| SEED \\| [1-9]\\d+ \\|");
        }
        assertThat(text).contains("| DIFFERENT_CURRENCIES | sojitz-jogmec-lynas-2011 | amount | seed-000:148 = 250000000; seed-001:171 = 20000000000 ABOUT |");
        assertThat(report.facts()).isGreaterThan(1000);
        assertThat(report.unsourcedFacts()).isZero();
    }
}
