package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long a fresh node takes to serve: writes an {@code etc/} directory for one coordinator that is
 * also a worker (catalog {@code tpch}, HTTP on a free port) into a temporary directory, launches
 * {@code bin/quarry server --etc DIR}, polls {@code SELECT 1} until it answers, and stops the process by its
 * PID. The time runs from the launch to the first answer: JVM start included, build not (the jar must exist).
 */
final class StartupProbe {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path launcher;
    private final Duration timeout;

    /** A query that reads a table, so goes through the whole SQL planner (unlike {@code SELECT 1}). */
    static final String TABLE_QUERY = "SELECT count(*) FROM tpch.tiny.nation";

    /**
     * The outcome of one start: time to the first answered {@code SELECT 1}, then to the answer of
     * {@link #TABLE_QUERY} sent right after it, and the node's log file.
     */
    record Startup(Duration untilFirstAnswer, Duration untilTableQuery, Path log) {}

    StartupProbe(Path launcher, Duration timeout) {
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    Startup measure() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("quarry-startup-");
        Path etc = dir.resolve("etc");
        int port = freePort();
        writeEtc(etc, port);
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "server", "--etc", etc.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        BenchClient client = new BenchClient(URI.create("http://127.0.0.1:" + port), "tpch", "tiny");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + timeout.toNanos();
            while (true) {
                if (answers(client)) {
                    Duration firstAnswer = Duration.ofNanos(System.nanoTime() - start);
                    client.execute(TABLE_QUERY);
                    return new Startup(firstAnswer, Duration.ofNanos(System.nanoTime() - start), log);
                }
                if (!process.isAlive()) {
                    throw new IOException("the node exited with code " + process.exitValue() + " during start-up; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the node did not answer SELECT 1 within " + timeout.toSeconds() + " s; see " + log);
                }
                TimeUnit.NANOSECONDS.sleep(POLL_INTERVAL.toNanos());
            }
        } finally {
            client.close();
            stop(process);
        }
    }

    private static boolean answers(BenchClient client) {
        try {
            client.execute("SELECT 1");
            return true;
        } catch (IOException | BenchClient.QueryFailedException e) {
            return false; // not listening yet, or not ready
        }
    }

    /** SIGTERM to the node's PID (the launcher script execs the JVM), then SIGKILL if it lingers. */
    private static void stop(Process process) throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void writeEtc(Path etc, int port) throws IOException {
        Files.createDirectories(etc.resolve("catalog"));
        write(etc.resolve("config.properties"), List.of(
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.host=127.0.0.1",
                "http-server.http.port=" + port));
        write(etc.resolve("node.properties"), List.of("node.environment=quarry", "node.id=startup"));
        write(etc.resolve("catalog").resolve("tpch.properties"), List.of("connector.name=tpch"));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
