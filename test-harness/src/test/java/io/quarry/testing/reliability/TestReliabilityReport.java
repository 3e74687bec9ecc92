package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestReliabilityReport {
    @Test
    void countsEveryOutcomeAndPassesOnlyWithoutWrongHungOrBroken() {
        ReliabilityStats stats = new ReliabilityStats();
        stats.record(QueryOutcome.correct(), Duration.ofMillis(100));
        stats.record(QueryOutcome.correct(), Duration.ofMillis(300));
        stats.record(QueryOutcome.failed("REMOTE_HOST_GONE", "q03: lost"), Duration.ofMillis(2000));
        stats.record(QueryOutcome.failed("REMOTE_HOST_GONE", "q05: lost"), Duration.ofMillis(2000));
        stats.record(QueryOutcome.failed("PAGE_TRANSPORT_TIMEOUT", "q07: slow"), Duration.ofMillis(2000));
        stats.killed();
        stats.restarted();

        ReliabilityReport clean = stats.report();

        assertThat(clean.queries()).isEqualTo(5);
        assertThat(clean.correct()).isEqualTo(2);
        assertThat(clean.failed()).isEqualTo(3);
        assertThat(clean.failedByErrorName()).containsEntry("REMOTE_HOST_GONE", 2L).containsEntry("PAGE_TRANSPORT_TIMEOUT", 1L);
        assertThat(clean.kills()).isEqualTo(1);
        assertThat(clean.restarts()).isEqualTo(1);
        assertThat(clean.correctLatency().orElseThrow().p50()).isEqualTo(100.0);
        assertThat(clean.passed()).isTrue();
        assertThat(clean.progressLine())
                .contains("queries 5  correct 2  failed 3 (PAGE_TRANSPORT_TIMEOUT 1, REMOTE_HOST_GONE 2)  broken 0  wrong 0  hung 0");
        assertThat(clean.summaryLines()).last().asString().endsWith("PASS");

        stats.record(QueryOutcome.wrong("q09: expected 173 rows, got 172", 1, 0), Duration.ofMillis(500));
        ReliabilityReport wrong = stats.report();
        assertThat(wrong.wrong()).isEqualTo(1);
        assertThat(wrong.lostOrDuplicatedRows()).isEqualTo(1);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.problems()).containsExactly("WRONG q09: expected 173 rows, got 172 [rows missing 1, extra 0]");
        assertThat(wrong.summaryLines()).last().asString().contains("FAIL");
    }

    @Test
    void aHungOrBrokenQueryFailsTheRun() {
        ReliabilityStats hung = new ReliabilityStats();
        hung.record(QueryOutcome.hung("q02 (query x, last state RUNNING)"), Duration.ofSeconds(120));
        assertThat(hung.report().passed()).isFalse();
        assertThat(hung.report().hung()).isEqualTo(1);
        assertThat(hung.report().latency()).as("a hung query has no latency").isEmpty();

        ReliabilityStats broken = new ReliabilityStats();
        broken.record(QueryOutcome.broken("q02: GET answered 500"), Duration.ofSeconds(1));
        assertThat(broken.report().passed()).isFalse();
    }
}
