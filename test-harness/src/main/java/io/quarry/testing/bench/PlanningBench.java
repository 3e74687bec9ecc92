package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import io.quarry.actor.SqlStatementPlanner;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code bin/quarry bench --planning}: plans the TPC-H queries in this process, against a tpch catalog, as the
 * coordinator does (SQL front end, distribution, fragmenting; no execution), and reports per query the planning
 * thread's CPU time and the wall time, median and minimum of the measured runs after the warm-up rounds. Each
 * statement is planned afresh (no plan reuse); the last column is the same statement with plan reuse on, after its
 * first planning. CPU time is the figure to compare on a shared machine: the wall time also counts waiting for a core.
 */
final class PlanningBench {
    /** What to run. */
    record Settings(Path queries, String catalog, String scale, int warmup, int runs) {
        Settings {
            requireNonNull(queries, "queries is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(scale, "scale is null");
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must not be negative: " + warmup);
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1 with --planning: " + runs);
            }
        }
    }

    /** One query's figures, in milliseconds. */
    record QueryTimes(String query, double cpuMedian, double cpuMin, double wallMedian, double wallMin, double reusedCpuMedian) {}

    private final Settings settings;
    private final PrintStream out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    PlanningBench(Settings settings, PrintStream out) {
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** Plans everything and returns the report as Markdown. */
    String run() throws IOException {
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IOException("this JVM cannot measure thread CPU time");
        }
        List<Path> files = queryFiles(settings.queries());
        List<String> names = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (Path file : files) {
            names.add(file.getFileName().toString().replaceFirst("\\.sql$", ""));
            statements.add(statement(file));
        }
        CatalogManager catalogs = CatalogManager.withBuiltInConnectors(
                List.of(new CatalogEntry(settings.catalog(), "tpch", Map.of())));
        SqlStatementPlanner fresh = new SqlStatementPlanner(catalogs, 0);
        SqlStatementPlanner reusing = new SqlStatementPlanner(catalogs);
        Session session = new Session(QueryId.valueOf("20000101_000000_00000_bench"), "bench", Optional.of("quarry-bench"),
                Optional.of(settings.catalog()), Optional.of(settings.scale()), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

        long warmStart = System.nanoTime();
        for (int round = 0; round < settings.warmup(); round++) {
            for (String statement : statements) {
                fresh.plan(statement, session);
            }
        }
        out.printf(Locale.ROOT, "warm-up: %d rounds of the %d queries in %.1f s%n",
                settings.warmup(), statements.size(), (System.nanoTime() - warmStart) / 1e9);

        List<QueryTimes> results = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            double[] cpu = new double[settings.runs()];
            double[] wall = new double[settings.runs()];
            for (int run = 0; run < settings.runs(); run++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                fresh.plan(statement, session);
                wall[run] = (System.nanoTime() - wallStart) / 1e6;
                cpu[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            reusing.plan(statement, session);
            double[] reused = new double[settings.runs()];
            for (int run = 0; run < settings.runs(); run++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                reusing.plan(statement, session);
                reused[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            QueryTimes times = new QueryTimes(names.get(i), LatencySummary.median(cpu), LatencySummary.of(cpu).min(),
                    LatencySummary.median(wall), LatencySummary.of(wall).min(), LatencySummary.median(reused));
            results.add(times);
            out.printf(Locale.ROOT, "%s: cpu median %.1f ms, wall median %.1f ms%n", times.query(), times.cpuMedian(), times.wallMedian());
        }
        return markdown(results);
    }

    private String markdown(List<QueryTimes> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Planning of the TPC-H queries on %s.%s, %s, %d warm-up rounds, %d measured runs each"
                        + " (milliseconds; %d cores available, load average %.2f at the end)%n%n",
                settings.catalog(), settings.scale(), Instant.now().truncatedTo(ChronoUnit.SECONDS), settings.warmup(),
                settings.runs(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        text.append("| query   | cpu median | cpu min | wall median | wall min | reused plan cpu median |\n");
        text.append("| ------- | ---------- | ------- | ----------- | -------- | ---------------------- |\n");
        double cpuSum = 0;
        double wallSum = 0;
        double reusedSum = 0;
        for (QueryTimes times : results) {
            text.append(String.format(Locale.ROOT, "| %-7s | %10.1f | %7.1f | %11.1f | %8.1f | %22.2f |%n", times.query(),
                    times.cpuMedian(), times.cpuMin(), times.wallMedian(), times.wallMin(), times.reusedCpuMedian()));
            cpuSum += times.cpuMedian();
            wallSum += times.wallMedian();
            reusedSum += times.reusedCpuMedian();
        }
        text.append(String.format(Locale.ROOT, "| %-7s | %10.1f | %7s | %11.1f | %8s | %22.2f |%n",
                "**sum**", cpuSum, "", wallSum, "", reusedSum));
        return text.toString();
    }

    private static String statement(Path file) throws IOException {
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    private static List<Path> queryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no query directory " + directory + " (set --queries)");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().matches("q\\d+\\.sql")).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("no qNN.sql files in " + directory);
            }
            return found;
        }
    }
}
