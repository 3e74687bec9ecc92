package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.EtcDirectory;
import io.quarry.testing.ProcessCluster;
import io.quarry.testing.QuarryProcess;
import io.quarry.testing.TpchCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core of {@code bin/reliability}, short: a coordinator and two worker JVMs, four clients over the TPC-H
 * queries for 30 s, one worker killed with SIGKILL and restarted. Lost workers may fail queries with a named error
 * (today REMOTE_HOST_GONE), but no answer may be wrong, no query may hang, and no row may be lost or duplicated.
 * {@code TestResultChecker} shows the checks can fail.
 */
class ReliabilityProgramIT {
    private static final Logger log = LoggerFactory.getLogger(ReliabilityProgramIT.class);

    @Test
    void answersStayRightWhileAWorkerIsKilled() {
        ReliabilityRun.Settings settings = new ReliabilityRun.Settings(
                4,
                Duration.ofSeconds(30),
                Duration.ofSeconds(90),
                Duration.ofSeconds(10),
                Map.of(),
                TpchCase.NAMES,
                new ChaosLoop.Settings(Duration.ofSeconds(8), Duration.ofSeconds(12), Duration.ofSeconds(3), 1, 42),
                42,
                false);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (ProcessCluster cluster = ProcessCluster.start(
                2,
                QuarryProcess.newWorkDirectory("reliability-"),
                etc -> etc.config("cluster.split-brain-resolver.stable-after", "3s").jvmOptions(EtcDirectory.SMALL_JVM),
                // three JVMs starting on two shared cores: generous, the run itself is short
                Duration.ofMinutes(5))) {
            List<Long> workerPids = cluster.workers().stream().map(worker -> worker.process().pid()).toList();
            ReliabilityReport report = new ReliabilityRun(cluster, settings, line -> {
                log.info("{}", line);
                lines.add(line);
            }).run();
            String context = String.join("\n", report.summaryLines()) + "\n" + String.join("\n", lines) + "\n"
                    + cluster.diagnostics();

            assertThat(report.kills()).as(context).isEqualTo(1);
            assertThat(lines).as("the kill names a worker's pid")
                    .anyMatch(line -> workerPids.stream().anyMatch(pid -> line.contains("killed worker-") && line.contains("(pid " + pid + ")")));
            assertThat(cluster.workers().stream().filter(worker -> !worker.process().isAlive()).count())
                    .as("one of the workers first started was killed")
                    .isEqualTo(1);
            assertThat(report.queries()).as(context).isGreaterThanOrEqualTo(4);
            assertThat(report.correct()).as(context).isPositive();
            assertThat(report.queries())
                    .as("every query counted once")
                    .isEqualTo(report.correct() + report.failed() + report.broken() + report.wrong() + report.hung());
            assertThat(report.wrong()).as(context).isZero();
            assertThat(report.hung()).as(context).isZero();
            assertThat(report.lostOrDuplicatedRows()).as(context).isZero();
            assertThat(report.broken()).as(context).isZero();
            assertThat(report.passed()).isTrue();
            assertThat(report.inFlight()).as("no query left running").isZero();
            log.info("Reliability run:\n{}", String.join("\n", report.summaryLines()));
        }
    }
}
