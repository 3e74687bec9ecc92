package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Trino CLI (the executable jar of {@code io.trino:trino-cli}, copied into target/trino-cli by the build)
 * in batch mode against a coordinator with two workers: what it prints equals what the protocol returns.
 */
class TrinoCliIT {
    private static final Path CLI = Path.of("target", "trino-cli", "trino-cli.jar");
    private static final Pattern FAILED_QUERY = Pattern.compile("Query (\\S+) failed: (.*)");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NATIONS = "SELECT nationkey, name, regionkey, comment FROM nation ORDER BY nationkey";
    private static final String CUSTOMERS =
            "SELECT custkey, name, acctbal, CAST(acctbal AS decimal(12,2)) AS balance, mktsegment FROM customer "
                    + "WHERE custkey <= 25 ORDER BY custkey";

    private static QuarryCluster cluster;

    private record Run(int exitCode, List<String> stdout, String stderr) {}

    @BeforeAll
    static void start() {
        assertThat(CLI).as("the build copies the Trino CLI here before the integration tests").isRegularFile();
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void csvWithHeaderPrintsWhatTheProtocolReturns() throws Exception {
        for (String sql : List.of(NATIONS, CUSTOMERS)) {
            StatementClient.Result expected = protocol(sql);
            Run run = cli("--output-format", "CSV_HEADER", "--execute", sql);

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<String> lines = new ArrayList<>();
            lines.add(csvLine(expected.columns().stream().map(StatementClient.Column::name).toList()));
            for (List<Object> row : expected.rows()) {
                lines.add(csvLine(row.stream().map(value -> value == null ? "" : value.toString()).toList()));
            }
            assertThat(expected.rows()).isNotEmpty();
            assertThat(run.stdout()).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void jsonPrintsOneObjectPerRowWithTheProtocolsValues() throws Exception {
        StatementClient.Result expected = protocol(CUSTOMERS);
        Run run = cli("--output-format", "JSON", "--execute", CUSTOMERS);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).hasSize(expected.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            JsonNode printed = MAPPER.readTree(run.stdout().get(i));
            List<Object> row = expected.rows().get(i);
            assertThat(printed.size()).isEqualTo(expected.columns().size());
            for (int column = 0; column < row.size(); column++) {
                JsonNode value = printed.get(expected.columns().get(column).name());
                assertThat(value.asText()).as("row %s column %s", i, column).isEqualTo(String.valueOf(row.get(column)));
            }
            // bigint and double stay JSON numbers; decimal arrives as text, exactly as the protocol sends it
            assertThat(printed.get("custkey").isNumber()).isTrue();
            assertThat(printed.get("acctbal").isNumber()).isTrue();
            assertThat(printed.get("balance").isTextual()).isTrue();
        }
    }

    @Test
    void csvQuotesAndFormatsEveryKindOfValue() throws Exception {
        Run run = cli("--output-format", "CSV_HEADER", "--execute",
                "SELECT CAST(1.5 AS decimal(5,2)) d, DATE '2024-02-29' dt, true b, CAST(NULL AS bigint) n, 'a,\"b\"' s, "
                        + "TIMESTAMP '2024-01-02 03:04:05.123' ts");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly(
                "\"d\",\"dt\",\"b\",\"n\",\"s\",\"ts\"",
                "\"1.50\",\"2024-02-29\",\"true\",\"\",\"a,\"\"b\"\"\",\"2024-01-02 03:04:05.123\"");
    }

    @Test
    void severalStatementsRunInOrder() throws Exception {
        Run run = cli("--output-format", "CSV", "--execute", "SELECT count(*) FROM region; SELECT max(name) FROM nation");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly(
                "\"" + protocol("SELECT count(*) FROM region").rows().get(0).get(0) + "\"",
                "\"" + protocol("SELECT max(name) FROM nation").rows().get(0).get(0) + "\"");
    }

    @Test
    void aMistakeInTheStatementExitsNonZeroWithTheMessageAndPosition() throws Exception {
        Run run = cli("--output-format", "CSV_HEADER", "--execute", "SELECT * FROM nonexistent");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        Matcher failed = failure(run);
        assertThat(failed.group(2)).isEqualTo("line 1:15: Table 'tpch.tiny.nonexistent' does not exist");
        assertThat(run.stderr()).contains("LINE 1: SELECT * FROM nonexistent");
        assertThat(errorName(failed.group(1))).isEqualTo("TABLE_NOT_FOUND");
    }

    @Test
    void aFailureWhileRunningExitsNonZeroAndTheQueryIsFailedWithItsErrorName() throws Exception {
        Run run = cli("--debug", "--execute", "SELECT nationkey / (regionkey - regionkey) FROM nation");

        assertThat(run.exitCode()).isNotZero();
        Matcher failed = failure(run);
        assertThat(failed.group(2)).isEqualTo("Division by zero");
        assertThat(errorName(failed.group(1))).isEqualTo("DIVISION_BY_ZERO");
        assertThat(run.stderr()).doesNotContain("\tat ");
    }

    private static Matcher failure(Run run) {
        Matcher matcher = FAILED_QUERY.matcher(run.stderr());
        assertThat(matcher.find()).as("the CLI reports the failed query: %s", run.stderr()).isTrue();
        return matcher;
    }

    private static String errorName(String queryId) {
        JsonNode info = new ProtocolRequests(cluster.coordinatorUri())
                .get("/v1/query/" + queryId, Map.of("X-Trino-User", "cli-test")).json();
        assertThat(info.path("state").asText()).isEqualTo("FAILED");
        return info.path("errorCode").path("name").asText();
    }

    private static StatementClient.Result protocol(String sql) {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute(sql);
        assertThat(result.error()).isEmpty();
        return result;
    }

    private static String csvLine(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("\"" + value.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }

    private static Run cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI.toString(),
                "--server", cluster.coordinatorUri().toString(), "--user", "cli-test",
                "--catalog", "tpch", "--schema", "tiny"));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile("trino-cli", ".out");
        Path stderr = Files.createTempFile("trino-cli", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the Trino CLI did not finish within 2 minutes: " + command);
            }
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            return new Run(process.exitValue(), lines, Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
