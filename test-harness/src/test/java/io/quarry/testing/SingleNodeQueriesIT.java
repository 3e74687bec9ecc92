package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded shape: one node that is coordinator and worker, queried over the statement protocol. */
class SingleNodeQueriesIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void tpchQ1MatchesTheReference() {
        TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q01");
    }

    @Test
    void tpchQ6MatchesTheReference() {
        TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q06");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quarry.testing.ClusterQueriesIT#tpchQueries")
    void tpchQueryMatchesTheReference(String query) {
        TpchConformance.assertMatches(cluster.client("tpch", "tiny"), query);
    }

    @Test
    void countsLineitemWithEitherPrefix() {
        for (String prefix : List.of("X-Trino-", "X-Presto-")) {
            StatementClient.Result result =
                    cluster.client(null, null).withPrefix(prefix).execute("SELECT count(*) FROM tpch.tiny.lineitem");
            assertThat(result.rows()).containsExactly(List.of(60175));
            assertThat(result.state()).isEqualTo("FINISHED");
            assertThat(result.columns()).extracting(StatementClient.Column::type).containsExactly("bigint");
        }
    }

    @Test
    void selectOneNeedsNoTable() {
        StatementClient.Result result = cluster.client(null, null).execute("SELECT 1");
        assertThat(result.rows()).containsExactly(List.of(1));
        assertThat(result.columns()).extracting(StatementClient.Column::name).containsExactly("_col0");
    }

    @Test
    void statisticsAreFilledIn() {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute("SELECT count(*) FROM orders");
        JsonNode stats = result.finalStats();
        assertThat(stats.path("state").asText()).isEqualTo("FINISHED");
        assertThat(stats.path("processedRows").asLong()).isEqualTo(15000);
        assertThat(stats.path("processedBytes").asLong()).isPositive();
        assertThat(stats.path("nodes").asInt()).isEqualTo(1);
        assertThat(stats.path("totalSplits").asInt()).isPositive();
        assertThat(stats.path("completedSplits").asInt()).isEqualTo(stats.path("totalSplits").asInt());
    }

    @Test
    void syntaxErrorHasItsLocation() {
        StatementClient.Result result = cluster.client(null, null).execute("SELEC 1");
        assertThat(result.errorName()).isEqualTo("SYNTAX_ERROR");
        JsonNode error = result.error().orElseThrow();
        assertThat(error.path("errorCode").asInt()).isEqualTo(1);
        assertThat(error.path("errorType").asText()).isEqualTo("USER_ERROR");
        assertThat(error.path("errorLocation").path("lineNumber").asInt()).isEqualTo(1);
        assertThat(error.path("errorLocation").path("columnNumber").asInt()).isEqualTo(1);
        assertThat(error.path("failureInfo").path("stack").isArray()).isTrue();
        assertThat(error.path("failureInfo").path("suppressed").isArray()).isTrue();
        assertThat(result.state()).isEqualTo("FAILED");
    }

    @Test
    void userErrorsHaveTheirStandardNames() {
        StatementClient client = cluster.client("tpch", "tiny");
        assertThat(client.execute("SELECT * FROM nosuch.tiny.nation").errorName()).isEqualTo("CATALOG_NOT_FOUND");
        assertThat(client.execute("SELECT * FROM tpch.nosuch.nation").errorName()).isEqualTo("SCHEMA_NOT_FOUND");
        assertThat(client.execute("SELECT * FROM tpch.tiny.nosuch").errorName()).isEqualTo("TABLE_NOT_FOUND");
        assertThat(client.execute("SELECT nosuch FROM nation").errorName()).isEqualTo("COLUMN_NOT_FOUND");
        assertThat(client.execute("SELECT nosuch(1)").errorName()).isEqualTo("FUNCTION_NOT_FOUND");
        assertThat(client.execute("SELECT 1 + 'a'").errorName()).isEqualTo("TYPE_MISMATCH");
        assertThat(client.execute("SELECT name, count(*) FROM nation GROUP BY regionkey").errorName())
                .isEqualTo("EXPRESSION_NOT_AGGREGATE");
        assertThat(client.execute("SELECT 1 / 0").errorName()).isEqualTo("DIVISION_BY_ZERO");
        assertThat(client.execute("SELECT 2147483647 + 1").errorName()).isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE");
        assertThat(client.execute("SELECT CAST('x' AS integer)").errorName()).isEqualTo("INVALID_CAST_ARGUMENT");
    }

    @Test
    void everyColumnTypeOfTheFirstCutReadsBack() {
        StatementClient.Result result = cluster.client(null, null).execute(
                "SELECT true, CAST(1 AS tinyint), CAST(2 AS smallint), 3, CAST(4 AS bigint), CAST(1.5 AS double), "
                        + "CAST(2.25 AS real), 12.34, CAST('abc' AS varchar(5)), 'x', DATE '2024-02-29', CAST(NULL AS bigint)");
        assertThat(result.columns()).extracting(StatementClient.Column::type).containsExactly(
                "boolean", "tinyint", "smallint", "integer", "bigint", "double", "real", "decimal(4,2)", "varchar(5)",
                "varchar(1)", "date", "bigint");
        assertThat(result.rows()).hasSize(1);
        List<Object> row = result.rows().get(0);
        assertThat(row.subList(0, 5)).containsExactly(true, 1, 2, 3, 4);
        assertThat(row.get(5)).isEqualTo(1.5);
        assertThat(row.get(6)).isEqualTo(2.25);
        assertThat(row.subList(7, 12)).containsExactly("12.34", "abc", "x", "2024-02-29", null);
    }
}
