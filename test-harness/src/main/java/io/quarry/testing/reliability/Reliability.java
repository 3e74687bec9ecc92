package io.quarry.testing.reliability;

import io.quarry.config.Durations;
import io.quarry.testing.EtcDirectory;
import io.quarry.testing.ProcessCluster;
import io.quarry.testing.TpchCase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/reliability}: starts a local cluster of separate JVMs (a coordinator that runs no tasks and
 * {@code --workers} workers), runs {@code --clients} concurrent clients over the TPC-H queries on {@code tpch.tiny}
 * for {@code --duration} with every answer checked, while workers are killed with SIGKILL and restarted; prints
 * the figures every {@code --report-every} and at the end. Exit code 0 when no query was wrong, hung or broken
 * and no row was lost or duplicated, 1 otherwise, 2 on bad options or a session the server refuses, 3 when the
 * cluster could not start.
 */
@Command(
        name = "reliability",
        mixinStandardHelpOptions = true,
        description = "Runs TPC-H queries with checked answers on a local multi-process Quarry cluster while killing"
                + " and restarting workers; counts correct, failed (by error name), wrong and hung queries.")
public final class Reliability implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NOT_RUN = 3;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long clients start queries, e.g. 10m, 90s"
            + " (default: ${DEFAULT-VALUE}).")
    String duration = "10m";

    @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients = 32;

    @Option(names = "--workers", paramLabel = "N", description = "Workers, each its own JVM (default: ${DEFAULT-VALUE}).")
    int workers = 3;

    @Option(names = "--kill-every", paramLabel = "MIN..MAX", description = "Wait a random time between MIN and MAX"
            + " before each kill (default: ${DEFAULT-VALUE}).")
    String killEvery = "20s..40s";

    @Option(names = "--restart-after", paramLabel = "DURATION", description = "How long a killed worker stays down"
            + " before it is started again (default: ${DEFAULT-VALUE}).")
    String restartAfter = "5s";

    @Option(names = "--max-kills", paramLabel = "N", description = "Kill at most N times; 0 runs without chaos"
            + " (default: no limit).")
    int maxKills = -1;

    @Option(names = "--query-deadline", paramLabel = "DURATION", description = "A query neither finished nor failed"
            + " after this long counts as hung and is cancelled (default: ${DEFAULT-VALUE}).")
    String queryDeadline = "120s";

    @Option(names = "--report-every", paramLabel = "DURATION", description = "Period of the progress line"
            + " (default: ${DEFAULT-VALUE}).")
    String reportEvery = "30s";

    @Option(names = "--session", paramLabel = "NAME=VALUE", description = "A system session property sent with every"
            + " query, e.g. retry_policy=TASK; repeatable. The run stops at once if the server refuses it.")
    List<String> session = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "q01,q02,...", split = ",", description = "The TPC-H queries of the mix"
            + " (default: all 22).")
    List<String> queries = new ArrayList<>();

    @Option(names = "--stable-after", paramLabel = "DURATION", description = "The split brain resolver's stable-after"
            + " on every node (cluster.split-brain-resolver.stable-after): how soon a dead worker is downed"
            + " (default: ${DEFAULT-VALUE}).")
    String stableAfter = "3s";

    @Option(names = "--memory-mix", description = "Also copy tpch.tiny.orders into a memory table once and check its"
            + " row count, distinct keys and key sum once per round of each client.")
    boolean memoryMix;

    @Option(names = "--start-timeout", paramLabel = "DURATION", description = "How long the cluster may take to start"
            + " (default: ${DEFAULT-VALUE}).")
    String startTimeout = "5m";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random choices (default: the time).")
    Long seed;

    @Option(names = "--node-jvm-option", paramLabel = "OPTION", description = "An extra JVM option of every node,"
            + " e.g. -Dorg.slf4j.simpleLogger.log.io.quarry.actor.TaskActor=debug; repeatable.")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the nodes' etc directories and logs go"
            + " (default: a new directory under the system's temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Reliability()).execute(args));
    }

    @Override
    public Integer call() {
        ReliabilityRun.Settings settings = settings();
        Duration stable = duration("--stable-after", stableAfter);
        Duration start = duration("--start-timeout", startTimeout);
        Path directory = workDirectory();
        long started = System.nanoTime();
        String chaos = maxKills == 0
                ? "no kills"
                : "kills every " + killEvery + " (restart after " + restartAfter
                        + (maxKills < 0 ? "" : ", at most " + maxKills + " kills") + ")";
        out.printf("reliability: %d workers, %d clients, %s, %s, query deadline %s, %d queries, seed %d; started %s%n",
                workers, clients, duration, chaos, queryDeadline, settings.queries().size(), settings.chaos().seed(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println("starting the cluster; etc directories and logs in " + directory);
        ProcessCluster cluster;
        try {
            cluster = ProcessCluster.start(workers, directory, etc -> etc
                    .config("cluster.split-brain-resolver.stable-after", stable.toMillis() + "ms")
                    .catalog("memory", Map.of("connector.name", "memory"))
                    .jvmOptions(nodeJvmOptions()), start);
        } catch (RuntimeException | AssertionError e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.err.println("reliability: the cluster did not start: " + reason + " (node logs in " + directory + ")");
            return EXIT_NOT_RUN;
        }
        try (cluster) {
            out.printf("cluster ready in %d s: coordinator %s, workers %s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), cluster.coordinatorUri(),
                    cluster.workers().stream().map(worker -> worker.nodeId() + " " + worker.uri()).toList());
            ReliabilityRun run = new ReliabilityRun(cluster, settings, out::println);
            // stopped early (Ctrl-C, SIGTERM): the figures so far; the cluster's own hook stops the nodes
            Thread reportOnExit = new Thread(() -> run.progress().ifPresent(partial -> {
                out.println();
                out.println("stopped before the end; figures so far:");
                partial.summaryLines().forEach(out::println);
                out.flush();
            }), "reliability-report-on-exit");
            Runtime.getRuntime().addShutdownHook(reportOnExit);
            ReliabilityReport report;
            try {
                report = run.run();
            } catch (SessionCheck.SessionRejectedException e) {
                System.err.println("reliability: " + e.getMessage());
                return EXIT_USAGE;
            } catch (MemoryTableMix.SetupFailedException e) {
                System.err.println("reliability: the memory mix could not be prepared: " + e.getMessage());
                return EXIT_NOT_RUN;
            } finally {
                removeHook(reportOnExit);
            }
            out.println();
            report.summaryLines().forEach(out::println);
            out.println("logs: " + directory);
            return report.passed() ? 0 : EXIT_FAILED;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }

    /** The run's settings; a {@link ParameterException} (exit code 2) when an option is not valid. */
    ReliabilityRun.Settings settings() {
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1: " + workers);
        }
        String[] interval = killEvery.split("\\.\\.", -1);
        if (interval.length > 2) {
            throw new ParameterException(spec.commandLine(), "--kill-every is MIN..MAX or one duration: " + killEvery);
        }
        Duration minInterval = duration("--kill-every", interval[0]);
        Duration maxInterval = interval.length == 2 ? duration("--kill-every", interval[1]) : minInterval;
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : session) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(spec.commandLine(), "--session is NAME=VALUE: " + property);
            }
            properties.put(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
        }
        List<String> names = queries.isEmpty() ? TpchCase.NAMES : queries;
        for (String name : names) {
            if (!TpchCase.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--queries: no TPC-H query " + name + " (q01 to q22)");
            }
        }
        long effectiveSeed = seed != null ? seed : System.currentTimeMillis();
        try {
            ChaosLoop.Settings chaos = new ChaosLoop.Settings(
                    minInterval, maxInterval, duration("--restart-after", restartAfter), maxKills, effectiveSeed);
            return new ReliabilityRun.Settings(clients, duration("--duration", duration),
                    duration("--query-deadline", queryDeadline), duration("--report-every", reportEvery), properties,
                    names, chaos, effectiveSeed, memoryMix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration duration(String option, String text) {
        try {
            return Durations.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private List<String> nodeJvmOptions() {
        List<String> options = new ArrayList<>(EtcDirectory.SMALL_JVM);
        options.addAll(nodeJvmOptions);
        return options;
    }

    private Path workDirectory() {
        try {
            if (workDir != null) {
                return Files.createDirectories(workDir);
            }
            return Files.createTempDirectory("quarry-reliability-");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot create the work directory: " + e.getMessage());
        }
    }
}
