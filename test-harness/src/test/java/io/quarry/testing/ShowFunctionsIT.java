package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        assertThat(rows).filteredOn(row -> row.get(0).equals("abs"))
                .extracting(row -> row.subList(1, 5))
                .containsExactly(
                        List.of("bigint", "bigint", "scalar", true),
                        List.of("decimal(p,s)", "decimal(p,s)", "scalar", true),
                        List.of("double", "double", "scalar", true),
                        List.of("integer", "integer", "scalar", true),
                        List.of("real", "real", "scalar", true),
                        List.of("smallint", "smallint", "scalar", true),
                        List.of("tinyint", "tinyint", "scalar", true));
        assertThat(rows).filteredOn(row -> row.get(0).equals("transform"))
                .extracting(row -> row.subList(1, 5))
                .containsExactly(List.of("array(U)", "array(T), function(T,U)", "scalar", true));
        assertThat(rows).extracting(row -> row.subList(0, 5)).contains(
                List.of("approx_percentile", "double", "double, double", "aggregate", true),
                List.of("approx_percentile", "array(double)", "double, array(double)", "aggregate", true),
                List.of("lower", "varchar(x)", "varchar(x)", "scalar", true),
                List.of("row_number", "bigint", "", "window", true),
                List.of("random", "double", "", "scalar", false),
                List.of("array_agg", "array(T)", "T", "aggregate", true),
                List.of("translate", "varchar", "varchar(x), varchar(y), varchar(z)", "scalar", true));
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get(5)).as("description of %s", row.get(0)).isNotBlank());
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
                .containsOnly("approx_distinct", "approx_most_frequent", "approx_percentile", "approx_set");
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
                boolean unresolvedName = "FUNCTION_NOT_FOUND".equals(error) && !message.contains("Unexpected parameters")
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
        List<String> values = argumentTypes.isEmpty() ? List.of() : Arrays.stream(argumentTypes.split(", "))
                .map(type -> functionType.equals("window") && type.equals("bigint") ? "2" : sampleValue(type))
                .toList();
        if (functionType.equals("table")) {
            // a table function is called in FROM; its table and descriptor arguments are listed as unknown
            String arguments = name.equals("exclude_columns")
                    ? "TABLE(SELECT 1 a, 2 b), DESCRIPTOR(a)"
                    : String.join(", ", values);
            return "SELECT * FROM TABLE(" + name + "(" + arguments + "))";
        }
        if (name.equals("grouping")) {
            return "SELECT grouping(x) FROM (VALUES 1) t(x) GROUP BY GROUPING SETS ((x), ())";
        }
        if (name.equals("position")) {
            return "SELECT position(" + values.get(1) + " IN " + values.get(0) + ")";
        }
        String invocation = name.startsWith("current_") && !name.equals("current_timezone") || name.startsWith("localtime")
                ? name
                : name + "(" + (values.isEmpty() && name.equals("count") ? "*" : String.join(", ", values)) + ")";
        return switch (functionType) {
            case "aggregate" -> "SELECT " + invocation + " FROM (VALUES 1) t(x)";
            case "window" -> "SELECT " + invocation + " OVER (ORDER BY x) FROM (VALUES 1) t(x)";
            default -> "SELECT " + invocation;
        };
    }

    private static String sampleValue(String type) {
        if (type.startsWith("function(")) {
            // a lambda of the listed arity whose body is a null of the listed result (type variables as bigint)
            List<String> types = List.of(type.substring("function(".length(), type.length() - 1).split(","));
            String parameters = IntStream.range(0, types.size() - 1)
                    .mapToObj(i -> "p" + i)
                    .collect(Collectors.joining(", "));
            parameters = types.size() == 2 ? parameters : "(" + parameters + ")";
            return parameters + " -> CAST(NULL AS " + concrete(types.get(types.size() - 1)) + ")";
        }
        return "CAST(NULL AS " + concrete(type).replace("row(bigint,bigint)", "row(k bigint, v bigint)") + ")";
    }

    /** The listed type with its parameters and type variables replaced by instances. */
    private static String concrete(String type) {
        return type.replace("decimal(p,s)", "decimal(10,2)")
                .replace("timestamp(p)", "timestamp(3)")
                .replace("time(p)", "time(3)")
                .replaceAll("varchar\\([a-z]\\)", "varchar(5)")
                .replaceAll("\\b[A-Z][0-9]?\\b", "bigint");
    }
}
