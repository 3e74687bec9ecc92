package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.testing.ExpectedResult;
import io.quarry.testing.StatementClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * {@code bin/quarry bench --tpch}: on each server, copies the 8 TPC-H tables of {@code tpch.<scale>} into
 * {@code memory.<schema>} with timed {@code CREATE TABLE AS}, then runs the TPC-H queries on those tables,
 * interleaved query by query and run by run across the servers (so that all see the same machine state), with the
 * same client; checks every server's answer against the reference server's (and against expected files), and
 * reports min and median per query and server.
 */
final class TpchSideBySide {
    static final List<String> TABLES = List.of("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
    private static final String TARGET_CATALOG = "memory";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What to run. */
    record Settings(
            List<ServerSpec> servers,
            String sourceCatalog,
            String scale,
            String schema,
            Path queries,
            int warmup,
            int runs,
            Optional<String> reference,
            Optional<Path> expected,
            boolean load) {
        Settings {
            servers = List.copyOf(requireNonNull(servers, "servers is null"));
            requireNonNull(sourceCatalog, "sourceCatalog is null");
            requireNonNull(scale, "scale is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(queries, "queries is null");
            requireNonNull(reference, "reference is null");
            requireNonNull(expected, "expected is null");
            if (servers.isEmpty()) {
                throw new IllegalArgumentException("no servers");
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1 with --tpch: " + runs);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must not be negative: " + warmup);
            }
            for (String name : List.of(sourceCatalog, scale, schema)) {
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain SQL name: " + name);
                }
            }
            if (reference.isPresent() && servers.stream().noneMatch(server -> server.label().equals(reference.get()))) {
                throw new IllegalArgumentException("--reference " + reference.get() + " is none of the --server labels "
                        + servers.stream().map(ServerSpec::label).toList());
            }
        }

        int referenceIndex() {
            for (int i = 0; i < servers.size(); i++) {
                if (reference.isPresent() && servers.get(i).label().equals(reference.get())) {
                    return i;
                }
            }
            return 0;
        }
    }

    private final Settings settings;
    private final PrintStream out;

    TpchSideBySide(Settings settings, PrintStream out) {
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** Runs everything and returns the report. */
    TpchReport run() throws IOException {
        List<Path> files = queryFiles(settings.queries());
        if (settings.expected().isPresent() && !Files.isDirectory(settings.expected().get())) {
            throw new IOException("--expected " + settings.expected().get() + ": no such directory");
        }
        List<BenchClient> clients = new ArrayList<>();
        try {
            List<String> serverLines = new ArrayList<>();
            for (ServerSpec server : settings.servers()) {
                BenchClient client = new BenchClient(server.uri(), TARGET_CATALOG, settings.schema());
                clients.add(client);
                JsonNode version;
                try {
                    version = client.info().path("nodeVersion").path("version");
                } catch (IOException e) {
                    throw new IOException("server " + server.label() + " at " + server.uri() + ": " + e.getMessage(), e);
                }
                serverLines.add("server " + server.label() + ": " + server.uri()
                        + (version.isMissingNode() ? "" : " (version " + version.asText() + ")"));
            }
            String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            List<TpchReport.TableLoad> loads = settings.load() ? load(clients) : List.of();
            List<TpchReport.QueryRow> queries = new ArrayList<>();
            for (Path file : files) {
                queries.add(runQuery(clients, file));
            }
            return new TpchReport(new TpchReport.Setting(date, settingLines(serverLines)),
                    settings.servers().stream().map(ServerSpec::label).toList(), loads, queries);
        } finally {
            clients.forEach(BenchClient::close);
        }
    }

    private List<String> settingLines(List<String> serverLines) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %d cores, %s %s; client JVM %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version")));
        lines.add(String.format(Locale.ROOT, "data: %s.%s copied into %s.%s; %d warm-up and %d timed runs per query and server,"
                        + " interleaved; queries from %s", settings.sourceCatalog(), settings.scale(), TARGET_CATALOG,
                settings.schema(), settings.warmup(), settings.runs(), settings.queries()));
        List<String> against = new ArrayList<>();
        if (settings.servers().size() > 1) {
            against.add(settings.servers().get(settings.referenceIndex()).label() + "'s");
        }
        settings.expected().ifPresent(dir -> against.add("the files in " + dir));
        lines.add(against.isEmpty()
                ? "answers not checked (one server, no --expected)"
                : "answers checked against " + String.join(" and ", against)
                        + " (relative tolerance 1e-6, row order where the query orders)");
        lines.addAll(serverLines);
        return lines;
    }

    private List<TpchReport.TableLoad> load(List<BenchClient> clients) throws IOException {
        String target = TARGET_CATALOG + "." + settings.schema();
        if (!settings.schema().equals("default")) {
            for (BenchClient client : clients) {
                client.execute("CREATE SCHEMA IF NOT EXISTS " + target);
            }
        }
        List<TpchReport.TableLoad> loads = new ArrayList<>();
        for (String table : TABLES) {
            List<Double> seconds = new ArrayList<>();
            long rows = -1;
            for (int i = 0; i < clients.size(); i++) {
                BenchClient client = clients.get(i);
                client.execute("DROP TABLE IF EXISTS " + target + "." + table);
                long start = System.nanoTime();
                BenchClient.Answer answer = client.query("CREATE TABLE " + target + "." + table + " AS SELECT * FROM "
                        + settings.sourceCatalog() + "." + settings.scale() + "." + table);
                double elapsed = (System.nanoTime() - start) / 1e9;
                seconds.add(elapsed);
                long written = writtenRows(answer.result());
                if (i == 0) {
                    rows = written;
                }
                out.printf(Locale.ROOT, "load %-8s on %s: %d rows in %.3f s%n", table, settings.servers().get(i).label(), written, elapsed);
            }
            loads.add(new TpchReport.TableLoad(table, rows, seconds));
        }
        return loads;
    }

    /** The row count a CREATE TABLE AS reports: its one row's one value, or -1. */
    private static long writtenRows(LiveResult result) {
        if (result.rows().size() == 1 && result.rows().get(0).size() == 1 && result.rows().get(0).get(0).canConvertToLong()) {
            return result.rows().get(0).get(0).asLong();
        }
        return -1;
    }

    private TpchReport.QueryRow runQuery(List<BenchClient> clients, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        int servers = clients.size();
        double[][] seconds = new double[servers][settings.runs()];
        double[][] planning = new double[servers][settings.runs()];
        boolean[] hasPlanning = new boolean[servers];
        String[] errors = new String[servers];
        BenchClient.Answer[] answers = new BenchClient.Answer[servers];
        for (int run = 0; run < settings.warmup() + settings.runs(); run++) {
            for (int i = 0; i < servers; i++) {
                if (errors[i] != null) {
                    continue;
                }
                long start = System.nanoTime();
                BenchClient.Answer answer;
                try {
                    answer = clients.get(i).query(sql);
                } catch (BenchClient.QueryFailedException e) {
                    errors[i] = e.getMessage();
                    continue;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                int measured = run - settings.warmup();
                if (measured >= 0) {
                    seconds[i][measured] = elapsed;
                    JsonNode planningMillis = answer.finalStats().get("planningTimeMillis");
                    hasPlanning[i] = planningMillis != null && planningMillis.isNumber();
                    planning[i][measured] = hasPlanning[i] ? planningMillis.asDouble() : 0;
                }
                answers[i] = answer;
            }
        }
        List<TpchReport.ServerOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            if (errors[i] != null) {
                outcomes.add(TpchReport.ServerOutcome.failed(errors[i]));
            } else {
                OptionalDouble planningMillis = hasPlanning[i] ? OptionalDouble.of(RunTimes.of(planning[i]).median()) : OptionalDouble.empty();
                outcomes.add(TpchReport.ServerOutcome.ran(RunTimes.of(seconds[i]), planningMillis, answers[i].result().rows().size()));
            }
        }
        TpchReport.QueryRow row = check(name, sql, outcomes, answers, errors);
        StringBuilder progress = new StringBuilder(String.format(Locale.ROOT, "%-4s", name));
        for (int i = 0; i < servers; i++) {
            TpchReport.ServerOutcome outcome = outcomes.get(i);
            progress.append("  ").append(settings.servers().get(i).label()).append(' ').append(outcome.times()
                    .map(times -> String.format(Locale.ROOT, "min %.3f s median %.3f s", times.min(), times.median()))
                    .orElse("ERROR"));
        }
        progress.append("  ").append(row.verdict());
        row.reason().ifPresent(reason -> progress.append(": ").append(TpchReport.cell(reason)));
        out.println(progress);
        return row;
    }

    private TpchReport.QueryRow check(String name, String sql, List<TpchReport.ServerOutcome> outcomes,
            BenchClient.Answer[] answers, String[] errors) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                failures.add(settings.servers().get(i).label() + ": " + errors[i]);
            }
        }
        boolean checked = false;
        int reference = settings.referenceIndex();
        if (answers[reference] != null && errors[reference] == null && answers.length > 1) {
            LiveResult expected = answers[reference].result();
            RowOrder order = RowOrder.of(sql, expected.columns().stream().map(LiveResult.Column::name).toList());
            for (int i = 0; i < answers.length; i++) {
                if (i == reference || errors[i] != null) {
                    continue;
                }
                checked = true;
                String label = settings.servers().get(i).label();
                ResultComparison.mismatch(expected, answers[i].result(), order)
                        .ifPresent(reason -> failures.add(label + " differs from " + settings.servers().get(reference).label() + ": " + reason));
            }
        }
        if (settings.expected().isPresent()) {
            Path file = settings.expected().get().resolve(name + ".json");
            if (!Files.isRegularFile(file)) {
                failures.add("no expected file " + file);
            } else {
                ExpectedResult expected = ExpectedResult.load(file);
                for (int i = 0; i < answers.length; i++) {
                    if (errors[i] != null) {
                        continue;
                    }
                    checked = true;
                    String label = settings.servers().get(i).label();
                    expected.mismatch(asStatementResult(answers[i]), false)
                            .ifPresent(reason -> failures.add(label + " differs from " + file.getFileName() + ": " + reason));
                }
            }
        }
        if (!failures.isEmpty()) {
            return new TpchReport.QueryRow(name, outcomes, TpchReport.Verdict.FAIL, Optional.of(String.join("; ", failures)));
        }
        return new TpchReport.QueryRow(name, outcomes, checked ? TpchReport.Verdict.PASS : TpchReport.Verdict.UNCHECKED, Optional.empty());
    }

    /** The answer in the shape {@link ExpectedResult} compares. */
    private static StatementClient.Result asStatementResult(BenchClient.Answer answer) {
        List<StatementClient.Column> columns = answer.result().columns().stream()
                .map(column -> new StatementClient.Column(column.name(), column.type(), null))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : answer.result().rows()) {
            List<Object> values = new ArrayList<>();
            row.forEach(value -> values.add(MAPPER.convertValue(value, Object.class)));
            rows.add(values);
        }
        return new StatementClient.Result(answer.queryId(), columns, rows, answer.finalStats(), Optional.empty(), List.of(), Map.of());
    }

    /** The {@code *.sql} files of {@code directory}, in name order. */
    static List<Path> queryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("--queries " + directory + ": no such directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
            if (files.isEmpty()) {
                throw new IOException("--queries " + directory + ": no .sql files");
            }
            return files;
        }
    }
}
