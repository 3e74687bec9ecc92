package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL that users of Trino expect and Quarry lacked: the json type (literals, casts, functions, json columns of
 * memory tables), lambdas that use the row's columns, window options, and varchar(n) and char(n) on write. Each
 * case runs on one node and on a coordinator with two workers, and checks values and types as the protocol
 * gives them.
 */
class SqlGapsIT {
    private static QuarryCluster singleNode;
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        singleNode = QuarryCluster.singleNode();
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        if (singleNode != null) {
            singleNode.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static Stream<String> clusters() {
        return Stream.of("single node", "coordinator and 2 workers");
    }

    private static StatementClient memory(String which) {
        return (which.equals("single node") ? singleNode : cluster).client("memory", "default");
    }

    private static StatementClient.Result ok(StatementClient client, String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as("error of %s", sql).isEmpty();
        assertThat(result.state()).isEqualTo("FINISHED");
        return result;
    }

    private static void assertRows(StatementClient client, String sql, List<String> types, List<?>... rows) {
        StatementClient.Result result = ok(client, sql);
        assertThat(result.columns().stream().map(StatementClient.Column::type).toList()).as("types of %s", sql).isEqualTo(types);
        assertThat(result.rows()).as("rows of %s", sql).isEqualTo(List.of(rows));
    }

    private static void assertFails(StatementClient client, String sql, String errorName, String message) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.errorName()).as("error of %s: %s", sql, result.error()).isEqualTo(errorName);
        assertThat(result.error().orElseThrow().path("message").asText()).contains(message);
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void jsonValuesTravelAsTheirText(String which) {
        StatementClient client = memory(which);
        StatementClient.Result result = ok(client, "SELECT JSON '{\"b\": [1, 2], \"a\": \"x\"}' AS j, CAST(ARRAY[1, 2] AS JSON),"
                + " json_extract(json_parse('{\"k\": {\"v\": true}}'), '$.k')");
        assertThat(result.columns().get(0).type()).isEqualTo("json");
        assertThat(result.columns().get(0).typeSignature().path("rawType").asText()).isEqualTo("json");
        assertThat(result.rows()).containsExactly(List.of("{\"a\":\"x\",\"b\":[1,2]}", "[1,2]", "{\"v\":true}"));
        assertRows(client, "SELECT CAST(JSON '[1, 2, 3]' AS array(bigint)), CAST(JSON '{\"a\": 1}' AS map(varchar, integer)),"
                        + " json_format(CAST(MAP(ARRAY['y', 'x'], ARRAY[1.5E0, 2.5E0]) AS JSON)), CAST(JSON '\"s\"' AS varchar)",
                List.of("array(bigint)", "map(varchar, integer)", "varchar", "varchar"),
                List.of(List.of(1, 2, 3), java.util.Map.of("a", 1), "{\"x\":2.5,\"y\":1.5}", "s"));
        assertRows(client, "SELECT json_array_length(JSON '[1, [2]]'), json_array_get(JSON '[1, [2]]', 1),"
                        + " json_array_contains(JSON '[1, 2]', 2), json_size(JSON '{\"a\": {\"b\": 1, \"c\": 2}}', '$.a'),"
                        + " is_json_scalar(JSON '3'), json_extract_scalar(JSON '{\"a\": [10, 20]}', '$.a[1]')",
                List.of("bigint", "json", "boolean", "bigint", "boolean", "varchar"),
                List.of(2, "[2]", true, 2, true, "20"));
        assertFails(client, "SELECT CAST(JSON '[1, 2]' AS varchar)", "INVALID_CAST_ARGUMENT", "Cannot cast '[1,2]' to varchar");
        assertFails(client, "SELECT json_parse('{bad')", "INVALID_FUNCTION_ARGUMENT", "Cannot convert value to JSON: '{bad'");
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void jsonColumnsOfMemoryTables(String which) {
        StatementClient client = memory(which);
        ok(client, "CREATE TABLE events (id bigint, payload json)");
        try {
            ok(client, "INSERT INTO events VALUES (1, JSON '{\"kind\": \"click\", \"n\": 3}'), (2, json_parse('[1, 2]')),"
                    + " (3, NULL)");
            assertRows(client, "SELECT id, payload, json_extract_scalar(payload, '$.kind') FROM events ORDER BY id",
                    List.of("bigint", "json", "varchar"),
                    List.of(1, "{\"kind\":\"click\",\"n\":3}", "click"), Arrays.asList(2, "[1,2]", null),
                    Arrays.asList(3, null, null));
            ok(client, "CREATE TABLE events_copy AS SELECT id, CAST(payload AS map(varchar, json)) AS m FROM events WHERE id = 1");
            assertRows(client, "SELECT m['n'], typeof(m) FROM events_copy", List.of("json", "varchar"),
                    List.of("3", "map(varchar, json)"));
        } finally {
            client.execute("DROP TABLE IF EXISTS events_copy");
            client.execute("DROP TABLE IF EXISTS events");
        }
    }
}
