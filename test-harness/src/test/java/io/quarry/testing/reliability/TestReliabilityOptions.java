package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.TpchCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TestReliabilityOptions {
    private static ReliabilityRun.Settings settings(String... args) {
        Reliability reliability = new Reliability();
        new CommandLine(reliability).parseArgs(args);
        return reliability.settings();
    }

    @Test
    void defaults() {
        ReliabilityRun.Settings settings = settings("--seed", "7");

        assertThat(settings.clients()).isEqualTo(32);
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.queryDeadline()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.reportEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.queries()).isEqualTo(TpchCase.NAMES).hasSize(22);
        assertThat(settings.sessionProperties()).isEmpty();
        assertThat(settings.memoryMix()).isFalse();
        assertThat(settings.chaos())
                .isEqualTo(new ChaosLoop.Settings(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(5), -1, 7));
    }

    @Test
    void optionsAreParsed() {
        ReliabilityRun.Settings settings = settings("--duration", "3m", "--clients", "8", "--kill-every", "10s..15s",
                "--max-kills", "2", "--session", "retry_policy=TASK", "--queries", "q01,q06", "--query-deadline", "90s", "--memory-mix");

        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.clients()).isEqualTo(8);
        assertThat(settings.chaos().minInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.chaos().maxInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.chaos().maxKills()).isEqualTo(2);
        assertThat(settings.sessionProperties()).isEqualTo(Map.of("retry_policy", "TASK"));
        assertThat(settings.queries()).isEqualTo(List.of("q01", "q06"));
        assertThat(settings.queryDeadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.memoryMix()).isTrue();
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        assertThat(execute("--duration", "10 minutes")).startsWith("2|").contains("--duration");
        assertThat(execute("--kill-every", "40s..20s")).startsWith("2|").contains("min <= max");
        assertThat(execute("--session", "retry_policy")).startsWith("2|").contains("--session is NAME=VALUE");
        assertThat(execute("--queries", "q23")).startsWith("2|").contains("no TPC-H query q23");
        assertThat(execute("--clients", "0")).startsWith("2|").contains("clients must be at least 1");
    }

    /** Runs the command (it fails on its options before starting anything); its exit code and standard error. */
    private static String execute(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Reliability());
        command.setErr(new PrintWriter(err));
        return command.execute(args) + "|" + err;
    }
}
