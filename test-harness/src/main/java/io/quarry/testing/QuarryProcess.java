package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quarry node in its own JVM, started as {@code bin/quarry server --etc DIR}. The launcher {@code exec}s
 * java, so {@link #pid()} is the node's. Standard error (where the node logs) goes to {@link #log()},
 * standard output to {@link #stdout()}; {@link #diagnostics()} gives the tail of both for assertion
 * messages. {@link #close()} stops the process if it still runs; nothing else is ever signalled.
 */
public final class QuarryProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuarryProcess.class);

    /** How long {@link #close()} waits after SIGTERM before it sends SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private static final String SERVER_JAR = "http-api/target/quarry-http-api.jar";
    private static final int TAIL_LINES = 40;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Path etcDirectory;
    private final Path logFile;
    private final Path stdout;
    private final Process process;

    private QuarryProcess(String name, Path etcDirectory, Path logFile, Path stdout, Process process) {
        this.name = name;
        this.etcDirectory = etcDirectory;
        this.logFile = logFile;
        this.stdout = stdout;
        this.process = process;
    }

    /**
     * Starts {@code bin/quarry server --etc etcDirectory} with the java running this JVM first on the path;
     * the output goes to {@code <name>.log} (standard error) and {@code <name>.out} in {@code logDirectory}.
     *
     * @throws IllegalStateException if the server jar has not been built (run {@code mvn package} first)
     */
    public static QuarryProcess start(String name, Path etcDirectory, Path logDirectory) {
        requireNonNull(name, "name is null");
        requireNonNull(etcDirectory, "etcDirectory is null");
        requireNonNull(logDirectory, "logDirectory is null");
        Path root = projectRoot();
        requireServerJar(root);
        Path logFile = logDirectory.resolve(name + ".log");
        Path stdout = logDirectory.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("bin/quarry").toString(), "server", "--etc", etcDirectory.toString())
                .directory(root.toFile())
                .redirectError(logFile.toFile())
                .redirectOutput(stdout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // the launcher runs `java` from the path: make it the JDK running the tests
        Map<String, String> environment = builder.environment();
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        environment.put("PATH", javaBin + File.pathSeparator + environment.getOrDefault("PATH", ""));
        try {
            Process process = builder.start();
            log.info("Started node {} as process {} (etc {}, log {})", name, process.pid(), etcDirectory, logFile);
            return new QuarryProcess(name, etcDirectory, logFile, stdout, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bin/quarry for node " + name, e);
        }
    }

    /**
     * The project root: the system property {@code quarry.home} when it names a directory holding
     * {@code bin/quarry} (the launchers set it), else the nearest directory at or above the working directory
     * that holds {@code bin/quarry} (failsafe runs in {@code test-harness/}).
     */
    public static Path projectRoot() {
        String home = System.getProperty("quarry.home");
        if (home != null && Files.isRegularFile(Path.of(home).resolve("bin/quarry"))) {
            return Path.of(home).toAbsolutePath();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("bin/quarry"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no bin/quarry in " + start + " or any directory above it");
    }

    /**
     * A new directory for etc directories and logs: under {@code target/process-clusters} of the working
     * directory when there is a {@code target} (so that CI keeps the logs with the build), else under the
     * system's temporary directory.
     */
    public static Path newWorkDirectory(String prefix) {
        Path target = Path.of("target").toAbsolutePath();
        try {
            Path base = Files.isDirectory(target)
                    ? Files.createDirectories(target.resolve("process-clusters"))
                    : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory", e);
        }
    }

    private static void requireServerJar(Path root) {
        Path jar = root.resolve(SERVER_JAR);
        if (!Files.isRegularFile(jar)) {
            // the launcher would build it with Maven itself, which has no place inside a test
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B verify builds it before the"
                    + " integration tests; alone: mvn -B -DskipTests -pl http-api -am package)");
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path etcDirectory() {
        return etcDirectory;
    }

    /** The node's standard error: its log. */
    public Path log() {
        return logFile;
    }

    public Path stdout() {
        return stdout;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The whole log so far. */
    public String logText() {
        return read(logFile);
    }

    /** The lines of standard error so far. */
    public List<String> logLines() {
        return logText().lines().toList();
    }

    /** Sends SIGKILL and waits for the process to end. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(STOP_GRACE);
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; returns the exit code. */
    public int stop(Duration grace) {
        process.destroy();
        if (awaitExit(grace).isEmpty()) {
            log.warn("Node {} (process {}) did not stop within {} of SIGTERM; killing it", name, pid(), grace);
            process.destroyForcibly();
        }
        return awaitExit(STOP_GRACE).orElseThrow(() -> new IllegalStateException(
                "process " + pid() + " of node " + name + " survived SIGKILL"));
    }

    /**
     * Waits until {@code baseUri}'s {@code /v1/info} answers 200; fails at once, with {@link #diagnostics()},
     * when the process exits first, and when {@code timeout} passes.
     */
    public void awaitInfo(URI baseUri, Duration timeout) {
        URI info = baseUri.resolve("/v1/info");
        try {
            Waits.until(timeout, name + " to answer " + info, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + name + " exited before it answered " + info);
                }
                return answersOk(info);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
        }
    }

    /** Whether a GET of {@code uri} (with a user header) answers 200 now. */
    static boolean answersOk(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("X-Trino-User", "test")
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The exit code once the process has ended within {@code timeout}; empty if it still runs. */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for node " + name, e);
        }
    }

    /** Name, PID, state and the tail of the log and standard output, for assertion messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder()
                .append("node ")
                .append(name)
                .append(" (pid ")
                .append(pid())
                .append(", ")
                .append(process.isAlive() ? "running" : "exited with " + process.exitValue())
                .append("), last lines of ")
                .append(logFile)
                .append(":\n");
        tail(read(logFile)).forEach(line -> text.append("    ").append(line).append('\n'));
        List<String> out = tail(read(stdout));
        if (!out.isEmpty()) {
            text.append("  and of ").append(stdout).append(":\n");
            out.forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(STOP_GRACE);
        }
    }

    /** Sends SIGTERM without waiting; {@link #close()} or {@link #awaitExit} waits. */
    void signalStop() {
        process.destroy();
    }

    private static List<String> tail(String text) {
        List<String> lines = text.lines().toList();
        return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // a log is evidence, never a reason to fail on its own
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
