package io.quarry.testing.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/quarry bench}: against a running server, the round-trip latency of {@code SELECT 1} over
 * {@code /v1/statement} and the times of TPC-H Q1 and Q6; with {@code --startup}, the time a fresh node takes
 * from launch to its first answered {@code SELECT 1}; with {@code --tpch}, the 22 TPC-H queries on memory tables on
 * one or more servers side by side ({@link TpchSideBySide}); with {@code --planning}, the warm planning time of the 22
 * TPC-H queries in this process, without a server ({@link PlanningBench}). Prints plain text; exit code 1 when a query fails or
 * the server cannot be reached, 2 on bad options.
 */
@Command(
        name = "quarry bench",
        mixinStandardHelpOptions = true,
        description = "Measures SELECT 1 latency and TPC-H Q1/Q6 times of a running Quarry (or Trino) server,"
                + " or with --startup the start-up time of a fresh Quarry node,"
                + " or with --tpch the 22 TPC-H queries on memory tables of several servers side by side,"
                + " or with --planning the warm planning time of the 22 TPC-H queries in this process.")
public final class Bench implements Callable<Integer> {
    private static final List<String> TPCH_QUERIES = List.of("q01", "q06");

    @Option(names = "--server", paramLabel = "[LABEL=]URL", description = "The server (default: http://127.0.0.1:8080);"
            + " with --tpch repeatable, LABEL defaulting to host:port.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--latency-count", paramLabel = "N", description = "Measured SELECT 1 queries (default: ${DEFAULT-VALUE}; 0 skips).")
    int latencyCount = 500;

    @Option(names = "--warmup", paramLabel = "N", description = "SELECT 1 queries before measuring (default: 50);"
            + " with --tpch, unmeasured runs of each query (default: 1).")
    Integer warmup;

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs of each TPC-H query, after one warm-up run;"
            + " with --startup, the number of starts (default: ${DEFAULT-VALUE}; 0 skips the TPC-H queries).")
    int runs = 3;

    @Option(names = "--catalog", paramLabel = "NAME", description = "The TPC-H catalog; with --tpch, the one the tables"
            + " are copied from (default: ${DEFAULT-VALUE}).")
    String catalog = "tpch";

    @Option(names = "--scale", paramLabel = "SCHEMA", description = "The TPC-H schema, e.g. tiny, sf1 (default: ${DEFAULT-VALUE}).")
    String scale = "sf1";

    @Option(names = "--queries", paramLabel = "DIR", description = "The TPC-H query files qNN.sql"
            + " (default: <conformance dir>/tpch/queries).")
    Path queries;

    @Option(names = "--tpch", description = "Copy the TPC-H tables of <catalog>.<scale> into memory.<schema> on every"
            + " --server (timed CREATE TABLE AS), then run the 22 queries there, interleaved across the servers, and"
            + " check the answers against the reference server's.")
    boolean tpch;

    @Option(names = "--schema", paramLabel = "NAME", description = "With --tpch, the memory schema (default: ${DEFAULT-VALUE}).")
    String schema = "default";

    @Option(names = "--reference", paramLabel = "LABEL", description = "With --tpch, the server whose answers the others'"
            + " are compared with (default: the first).")
    String reference;

    @Option(names = "--expected", paramLabel = "DIR", description = "With --tpch, also compare every answer with"
            + " DIR/qNN.json (e.g. <conformance dir>/tpch/tiny at --scale tiny).")
    Path expected;

    @Option(names = "--out", paramLabel = "FILE.md", description = "With --tpch or --planning, also write the report as Markdown to FILE.md.")
    Path outFile;

    @Option(names = "--skip-load", description = "With --tpch, use the memory tables already there.")
    boolean skipLoad;

    @Option(names = "--planning", description = "Plan the 22 TPC-H queries in this process against a tpch catalog"
            + " (no server): thread CPU and wall time per query after --warmup rounds (default: 100), median of --runs"
            + " (default: 21).")
    boolean planning;

    @Option(names = "--startup", description = "Measure the start-up of a fresh node (bin/quarry server on a free port) instead.")
    boolean startup;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", description = "Give up on a start after this long (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds = 120;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;
    private URI server;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if ((tpch ? 1 : 0) + (startup ? 1 : 0) + (planning ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "--tpch, --startup and --planning cannot be combined");
        }
        if (planning) {
            return runPlanning();
        }
        if (tpch) {
            TpchSideBySide.Settings settings = tpchSettings();
            try {
                return runTpch(settings);
            } catch (IOException | BenchClient.QueryFailedException e) {
                System.err.println("quarry bench: " + e.getMessage());
                return 1;
            }
        }
        List<ServerSpec> parsed = parseServers();
        if (parsed.size() > 1) {
            throw new ParameterException(spec.commandLine(), "several --server only with --tpch");
        }
        server = parsed.get(0).uri();
        if (warmup == null) {
            warmup = 50;
        }
        try {
            return startup ? measureStartup() : measureServer();
        } catch (IOException | BenchClient.QueryFailedException e) {
            System.err.println("quarry bench: " + e.getMessage());
            return 1;
        }
    }

    private int measureServer() throws IOException {
        out.printf("server %s%n", server);
        if (latencyCount > 0) {
            measureLatency();
        }
        if (runs > 0) {
            for (String name : TPCH_QUERIES) {
                measureQuery(name);
            }
        }
        return 0;
    }

    /** The --tpch settings; a {@link ParameterException} (exit code 2) when the options do not fit together. */
    TpchSideBySide.Settings tpchSettings() {
        if (latencyCountGiven()) {
            throw new ParameterException(spec.commandLine(), "--latency-count does not apply to --tpch");
        }
        try {
            return new TpchSideBySide.Settings(parseServers(), catalog, scale, schema, queriesDir(), warmup == null ? 1 : warmup,
                    runs, Optional.ofNullable(reference), Optional.ofNullable(expected), !skipLoad);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private boolean latencyCountGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--latency-count");
    }

    private List<ServerSpec> parseServers() {
        try {
            return ServerSpec.parseAll(servers.isEmpty() ? List.of("http://127.0.0.1:8080") : servers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int runPlanning() {
        boolean runsGiven = spec.commandLine().getParseResult().hasMatchedOption("--runs");
        PlanningBench.Settings settings;
        try {
            settings = new PlanningBench.Settings(queriesDir(), catalog, scale, warmup == null ? 100 : warmup, runsGiven ? runs : 21);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            String markdown = new PlanningBench(settings, out).run();
            out.println();
            out.print(markdown);
            if (outFile != null) {
                Files.writeString(outFile, markdown, StandardCharsets.UTF_8);
                out.println("written to " + outFile);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("quarry bench: " + e.getMessage());
            return 1;
        }
    }

    private int runTpch(TpchSideBySide.Settings settings) throws IOException {
        TpchReport report = new TpchSideBySide(settings, out).run();
        String markdown = report.markdown();
        out.println();
        out.print(markdown);
        if (outFile != null) {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, markdown, StandardCharsets.UTF_8);
            out.println("written to " + outFile);
        }
        boolean allRan = report.queries().stream()
                .allMatch(query -> query.outcomes().stream().allMatch(outcome -> outcome.error().isEmpty()));
        return allRan && report.failed() == 0 ? 0 : 1;
    }

    private void measureLatency() throws IOException {
        try (BenchClient client = new BenchClient(server, null, null)) {
            measureLatency(client);
        }
    }

    private void measureLatency(BenchClient client) throws IOException {
        for (int i = 0; i < warmup; i++) {
            client.execute("SELECT 1");
        }
        double[] millis = new double[latencyCount];
        long requests = 0;
        long loopStart = System.nanoTime();
        for (int i = 0; i < latencyCount; i++) {
            long start = System.nanoTime();
            requests += client.execute("SELECT 1").requests();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double seconds = (System.nanoTime() - loopStart) / 1e9;
        LatencySummary summary = LatencySummary.of(millis);
        out.printf(Locale.ROOT,
                "SELECT 1 x %d (after %d warm-up): p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  mean %.1f ms  min %.1f ms"
                        + "  max %.1f ms  %.0f queries/s  %.1f HTTP requests/query%n",
                summary.count(), warmup, summary.p50(), summary.p95(), summary.p99(), summary.mean(), summary.min(),
                summary.max(), summary.count() / seconds, (double) requests / summary.count());
    }

    private void measureQuery(String name) throws IOException {
        Path file = queriesDir().resolve(name + ".sql");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no query file " + file + " (set --queries)");
        }
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        try (BenchClient client = new BenchClient(server, catalog, scale)) {
            measureQuery(name, sql, client);
        }
    }

    private void measureQuery(String name, String sql, BenchClient client) throws IOException {
        client.execute(sql);
        double[] seconds = new double[runs];
        long rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows = client.execute(sql).rows();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        out.printf(Locale.ROOT, "TPC-H %s on %s.%s: min %.2f s  median %.2f s  (%d runs after 1 warm-up, %d rows)%n",
                name, catalog, scale, LatencySummary.of(seconds).min(), LatencySummary.median(seconds), runs, rows);
    }

    private int measureStartup() throws IOException, InterruptedException {
        Path launcher = quarryHome().resolve("bin").resolve("quarry");
        StartupProbe probe = new StartupProbe(launcher, Duration.ofSeconds(startupTimeoutSeconds));
        int starts = Math.max(1, runs);
        double[] seconds = new double[starts];
        double[] tableSeconds = new double[starts];
        for (int i = 0; i < starts; i++) {
            StartupProbe.Startup result = probe.measure();
            seconds[i] = result.untilFirstAnswer().toNanos() / 1e9;
            tableSeconds[i] = result.untilTableQuery().toNanos() / 1e9;
            out.printf(Locale.ROOT, "start %d: first SELECT 1 answered %.2f s after launch, then %s %.2f s (log %s)%n",
                    i + 1, seconds[i], StartupProbe.TABLE_QUERY, tableSeconds[i], result.log());
        }
        out.printf(Locale.ROOT, "start-up to first SELECT 1: min %.2f s  median %.2f s  (%d starts)%n",
                LatencySummary.of(seconds).min(), LatencySummary.median(seconds), starts);
        out.printf(Locale.ROOT, "start-up to first %s: min %.2f s  median %.2f s%n",
                StartupProbe.TABLE_QUERY, LatencySummary.of(tableSeconds).min(), LatencySummary.median(tableSeconds));
        return 0;
    }

    private Path queriesDir() {
        if (queries != null) {
            return queries;
        }
        String conformance = System.getProperty("quarry.conformance.dir");
        Path base = conformance != null
                ? Path.of(conformance)
                : quarryHome().resolve("..").resolve("shared").resolve("conformance");
        return base.resolve("tpch").resolve("queries").normalize();
    }

    /** The project root: set by bin/quarry, else the working directory. */
    private static Path quarryHome() {
        String home = System.getProperty("quarry.home");
        List<Path> candidates = new ArrayList<>();
        if (home != null) {
            candidates.add(Path.of(home));
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("bin").resolve("quarry"))) {
                return candidate;
            }
        }
        return candidates.get(0);
    }
}
