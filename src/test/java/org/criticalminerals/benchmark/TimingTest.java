package org.criticalminerals.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void nearestRankPercentilesInMillisecondsAndThroughput() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            nanos.add(ms * 1_000_000);
        }
        Collections.shuffle(nanos);
        Timing timing = Timing.of(nanos);
        assertThat(timing.n()).isEqualTo(100);
        assertThat(timing.p50()).isEqualTo(50.0);
        assertThat(timing.p95()).isEqualTo(95.0);
        assertThat(timing.p99()).isEqualTo(99.0);
        assertThat(timing.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(timing.perSecond()).isCloseTo(1000 / 50.5, within(1e-9)); // one client, back to back
    }

    @Test
    void fewSamples() {
        assertThat(Timing.of(List.of(3_000_000L)).p99()).isEqualTo(3.0);
        Timing two = Timing.of(List.of(4_000_000L, 2_000_000L));
        assertThat(two.p50()).isEqualTo(2.0);
        assertThat(two.p95()).isEqualTo(4.0);
        assertThat(Timing.of(List.of()).measured()).isFalse();
        assertThat(Timing.of(List.of()).p50()).isNaN();
    }
}
