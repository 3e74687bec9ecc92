package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SHOW FUNCTIONS end to end: Trino's columns, known rows, Trino's order, LIKE with ESCAPE, and every listed
 * function resolving when called with arguments of a listed signature.
 */
class ShowFunctionsIT {
    private static final List<String> COLUMNS =
            List.of("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");

    private static QuarryCluster cluster;
    private static StatementClient client;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode();
        client = cluster.client("tpch", "tiny");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static List<List<Object>> show(String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
        assertThat(result.columns()).extracting(StatementClient.Column::name).containsExactlyElementsOf(COLUMNS);
        assertThat(result.columns()).extracting(StatementClient.Column::type)
                .containsExactly("varchar", "varchar", "varchar", "varchar", "boolean", "varchar");
        return result.rows();
    }

    @Test
    void listsEverySignatureInTrinosOrder() {
        List<List<Object>> rows = show("SHOW FUNCTIONS");
        assertThat(rows).contains(
                List.of("approx_percentile", "double", "double, double", "aggregate", true, ""),
                List.of("approx_percentile", "array(double)", "double, double, array(T)", "aggregate", true, ""),
                List.of("lower", "varchar", "varchar", "scalar", true, ""),
                List.of("row_number", "bigint", "", "window", true, ""),
                List.of("random", "double", "", "scalar", false, ""),
                List.of("array_agg", "array(T)", "T", "aggregate", true, ""),
                List.of("translate", "varchar", "varchar, varchar, varchar", "scalar", true, ""));
        assertThat(rows.stream().map(row -> (String) row.get(0)).collect(Collectors.toSet()))
                .contains("count", "sum", "avg", "min", "max", "rank", "lag", "cardinality", "transform", "date_trunc")
                .doesNotContain("cast", "extract");
        Comparator<List<Object>> trinoOrder = Comparator.<List<Object>, String>comparing(row -> (String) row.get(0))
                .thenComparing(row -> (String) row.get(1))
                .thenComparing(row -> (String) row.get(2))
                .thenComparing(row -> (String) row.get(3));
        assertThat(rows).isSortedAccordingTo(trinoOrder).doesNotHaveDuplicates();
    }

    @Test
    void likeFiltersNamesWithAnEscape() {
        assertThat(show("SHOW FUNCTIONS LIKE 'approx%'")).extracting(row -> row.get(0))
                .containsOnly("approx_distinct", "approx_percentile");
        assertThat(show("SHOW FUNCTIONS LIKE 'day\\_%' ESCAPE '\\'")).extracting(row -> row.get(0))
                .isNotEmpty()
                .allSatisfy(name -> assertThat((String) name).startsWith("day_"));
        assertThat(show("SHOW FUNCTIONS LIKE 'no_such_function%'")).isEmpty();
    }

    @Test
    void everyListedFunctionResolves() {
        Map<String, List<List<Object>>> byName = new LinkedHashMap<>();
        for (List<Object> row : show("SHOW FUNCTIONS")) {
            byName.computeIfAbsent((String) row.get(0), name -> new ArrayList<>()).add(row);
        }
        List<String> unresolved = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> entry : byName.entrySet()) {
            List<String> errors = new ArrayList<>();
            for (List<Object> signature : entry.getValue()) {
                String sql = call(entry.getKey(), (String) signature.get(2), (String) signature.get(3));
                StatementClient.Result result = client.execute(sql);
                String error = result.errorName();
                // the planner did not find the name (Trino names Quarry lacks say "is not supported yet");
                // any other outcome, a wrong argument type included, means the name resolved to a function
                // ("Unexpected parameters ... for function f" is Trino's FUNCTION_NOT_FOUND for a known name
                // called with the wrong types)
                String message = error == null ? "" : result.error().orElseThrow().path("message").asText();
                boolean unresolvedName = "FUNCTION_NOT_FOUND".equals(error) && !message.startsWith("Unexpected parameters")
                        || message.contains("Function '" + entry.getKey() + "' is not supported yet");
                if (!unresolvedName) {
                    errors.clear();
                    break;
                }
                errors.add(sql + " -> " + error + ": " + result.error().orElseThrow().path("message").asText());
            }
            unresolved.addAll(errors);
        }
        assertThat(unresolved).as("functions listed but not resolved").isEmpty();
        assertThat(byName).hasSizeGreaterThan(150);
        // translate is parsed into a call of its own name: it runs
        assertThat(client.execute("SELECT translate('abc', 'b', 'x')").rows()).containsExactly(List.of("axc"));
    }

    /** A call with a value of each listed argument type, in the clause its function type needs. */
    private static String call(String name, String argumentTypes, String functionType) {
        String arguments = argumentTypes.isEmpty() ? "" : Arrays.stream(argumentTypes.split(", "))
                .map(ShowFunctionsIT::sampleValue)
                .collect(Collectors.joining(", "));
        String invocation = name + "(" + arguments + ")";
        return switch (functionType) {
            case "aggregate" -> "SELECT " + invocation + " FROM (VALUES 1) t(x)";
            case "window" -> "SELECT " + invocation + " OVER (ORDER BY x) FROM (VALUES 1) t(x)";
            default -> "SELECT " + invocation;
        };
    }

    private static String sampleValue(String type) {
        return switch (type) {
            case "varchar" -> "'a'";
            case "bigint" -> "BIGINT '1'";
            case "double" -> "DOUBLE '0.5'";
            case "decimal(p,s)" -> "1.5";
            case "boolean" -> "true";
            case "varbinary" -> "to_utf8('a')";
            case "date" -> "DATE '2020-01-02'";
            case "time(p)" -> "TIME '01:02:03'";
            case "timestamp(p)" -> "TIMESTAMP '2020-01-02 03:04:05'";
            case "interval day to second" -> "INTERVAL '1' DAY";
            case "interval year to month" -> "INTERVAL '1' MONTH";
            case "array(T)" -> "ARRAY[1]";
            case "map(T,T)" -> "MAP(ARRAY[1], ARRAY[2])";
            default -> "1";
        };
    }
}
