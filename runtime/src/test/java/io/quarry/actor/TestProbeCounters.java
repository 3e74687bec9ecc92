package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarry.client.ProbeFigures;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TestProbeCounters {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsProbesAndDecayOverAMinute() {
        ProbeCounters counters = new ProbeCounters(START);
        for (int i = 0; i < 4; i++) {
            counters.requested(START);
            counters.succeeded(START);
        }
        counters.requested(START);
        counters.failed(START, new TimeoutException("no answer in 1s"));
        ProbeFigures now = counters.figures(START);
        assertThat(now.recentRequests()).isEqualTo(5);
        assertThat(now.recentSuccesses()).isEqualTo(4);
        assertThat(now.recentFailures()).isEqualTo(1);
        assertThat(now.recentFailureRatio()).isEqualTo(0.2);
        assertThat(now.recentFailuresByType()).containsEntry("java.util.concurrent.TimeoutException", 1.0);
        assertThat(now.lastFailure().orElseThrow().message()).contains("no answer in 1s");
        assertThat(now.lastRequestTime()).contains(START);
        assertThat(now.lastResponseTime()).contains(START);

        ProbeFigures later = counters.figures(START.plus(ProbeCounters.DECAY));
        assertThat(later.recentRequests()).isCloseTo(5 / Math.E, within(1e-9));
        assertThat(later.recentFailureRatio()).isCloseTo(0.2, within(1e-9));
        assertThat(new ProbeCounters(START).figures(START).recentFailureRatio()).isZero();
    }
}
