package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bin/quarry server --etc DIR} as an operator meets it: one node that starts despite an unknown key,
 * a second server on its busy HTTP port, a bad value, and SIGTERM. The node starts once; SIGTERM comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {
    /** A JVM that only reads its configuration and exits: generous for a loaded two-core machine. */
    private static final Duration FAIL_FAST_LIMIT = Duration.ofSeconds(30);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    /** The exit code of a JVM ended by SIGTERM (128 + 15) after its shutdown hooks ran. */
    private static final int SIGTERM_EXIT_CODE = 143;

    private static Path directory;
    private static QuarryProcess node;
    private static int httpPort;

    @BeforeAll
    static void start() {
        directory = QuarryProcess.newWorkDirectory("launcher-");
        httpPort = QuarryCluster.freePort();
        node = QuarryProcess.start("solo", singleNode("solo", httpPort)
                        .config("quarry.no-such-key", "1")
                        .writeTo(directory.resolve("solo")), directory);
        node.awaitInfo(URI.create("http://127.0.0.1:" + httpPort), START_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void unknownKeyIsAWarningAndTheNodeStarts() {
        String warning = node.logLines().stream()
                .filter(line -> line.contains("unknown key 'quarry.no-such-key' is ignored"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no warning about the unknown key\n" + node.diagnostics()));
        assertThat(warning).contains(" WARN ").contains("config.properties");
        assertThat(node.logText()).contains("Quarry 0.1.0 node solo ready");
        assertThat(node.isAlive()).isTrue();
    }

    @Test
    @Order(2)
    void secondServerOnTheBusyHttpPortFailsFast() {
        try (QuarryProcess second = QuarryProcess.start(
                "second", singleNode("second", httpPort).writeTo(directory.resolve("second")), directory)) {
            OptionalInt exitCode = second.awaitExit(FAIL_FAST_LIMIT);
            assertThat(exitCode).as(second.diagnostics()).isPresent();
            assertThat(exitCode.getAsInt()).as(second.diagnostics()).isNotZero();
            assertThat(stderrLines(second))
                    .as(second.diagnostics())
                    .containsExactly("quarry: cannot start: port " + httpPort + " on 127.0.0.1 is already in use");
        }
        assertThat(node.isAlive()).as("the first node is untouched").isTrue();
    }

    @Test
    @Order(3)
    void badValueExitsNamingFileAndKey() {
        Path etc = singleNode("broken", QuarryCluster.freePort())
                .config("http-server.http.port", "abc")
                .writeTo(directory.resolve("broken"));
        try (QuarryProcess broken = QuarryProcess.start("broken", etc, directory)) {
            OptionalInt exitCode = broken.awaitExit(FAIL_FAST_LIMIT);
            assertThat(exitCode).as(broken.diagnostics()).isPresent();
            assertThat(exitCode.getAsInt()).as(broken.diagnostics()).isNotZero();
            assertThat(stderrLines(broken))
                    .as(broken.diagnostics())
                    .containsExactly("quarry: " + etc.resolve("config.properties")
                            + ": http-server.http.port: 'abc' is not a port number (0-65535)");
        }
    }

    @Test
    @Order(4)
    void sigtermStopsTheNodeCleanly() {
        long start = System.nanoTime();
        int exitCode = node.stop(Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exitCode).as(node.diagnostics()).isEqualTo(SIGTERM_EXIT_CODE);
        assertThat(took).as("time from SIGTERM to exit\n%s", node.diagnostics()).isLessThanOrEqualTo(STOP_LIMIT);
        assertThat(node.logText()).contains("INFO QuarryServer - Node solo stopping");
        assertThat(node.logLines()).as("errors in the log").noneMatch(line -> line.contains(" ERROR "));
    }

    /** A coordinator that also runs tasks and seeds its own cluster. */
    private static EtcDirectory singleNode(String nodeId, int port) {
        int clusterPort = QuarryCluster.freePort();
        return EtcDirectory.of(nodeId, "test")
                .config("coordinator", "true")
                .config("node-scheduler.include-coordinator", "true")
                .config("http-server.http.host", "127.0.0.1")
                .config("http-server.http.port", Integer.toString(port))
                .config("discovery.uri", "http://127.0.0.1:" + port)
                .config("cluster.port", Integer.toString(clusterPort))
                .config("cluster.seed-nodes", "127.0.0.1:" + clusterPort);
    }

    /** Standard error without the JVM's notices about options taken from the environment. */
    private static List<String> stderrLines(QuarryProcess process) {
        return process.logLines().stream()
                .filter(line -> !line.isBlank() && !line.startsWith("Picked up "))
                .toList();
    }
}
