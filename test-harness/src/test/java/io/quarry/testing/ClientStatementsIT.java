package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements that change a client's session (USE, SET/RESET SESSION), transactions and prepared statements,
 * over the statement protocol (their response headers) and through the Trino 478 and Presto 350 JDBC drivers,
 * on a coordinator with two workers.
 */
class ClientStatementsIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static StatementClient client(String prefix, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User", "test");
        headers.put("Catalog", "tpch");
        headers.put("Schema", "tiny");
        headers.putAll(extra);
        return new StatementClient(cluster.coordinatorUri(), prefix, headers);
    }

    private static String header(StatementClient.Result result, String name) {
        List<String> values = result.lastHeaders().get(name);
        return values == null ? null : String.join(",", values);
    }

    // ---- over the protocol ----

    @Test
    void useSetsCatalogAndSchemaHeaders() {
        StatementClient.Result use = client("X-Trino-", Map.of()).execute("USE memory.default");
        assertThat(use.error()).isEmpty();
        assertThat(header(use, "X-Trino-Set-Catalog")).isEqualTo("memory");
        assertThat(header(use, "X-Trino-Set-Schema")).isEqualTo("default");
        assertThat(use.responses().stream().filter(response -> response.has("columns")).findFirst().orElseThrow()
                .path("updateType").asText()).isEqualTo("USE");

        StatementClient.Result presto = client("X-Presto-", Map.of()).execute("USE sf1");
        assertThat(header(presto, "X-Presto-Set-Catalog")).isEqualTo("tpch");
        assertThat(header(presto, "X-Presto-Set-Schema")).isEqualTo("sf1");

        StatementClient.Result unknown = client("X-Trino-", Map.of()).execute("USE nowhere.tiny");
        assertThat(unknown.errorName()).isEqualTo("CATALOG_NOT_FOUND");
        assertThat(header(unknown, "X-Trino-Set-Catalog")).isNull();
        StatementClient.Result noSchema = client("X-Trino-", Map.of()).execute("USE tpch.nowhere");
        assertThat(noSchema.errorName()).isEqualTo("SCHEMA_NOT_FOUND");
        assertThat(header(noSchema, "X-Trino-Set-Schema")).isNull();
    }

    @Test
    void setAndResetSessionAnswerWithHeaders() {
        StatementClient.Result set = client("X-Trino-", Map.of()).execute("SET SESSION query_max_memory = '1 GB'");
        assertThat(set.error()).isEmpty();
        assertThat(header(set, "X-Trino-Set-Session")).isEqualTo("query_max_memory=1+GB");
        StatementClient.Result reset = client("X-Presto-", Map.of()).execute("RESET SESSION join_distribution_type");
        assertThat(header(reset, "X-Presto-Clear-Session")).isEqualTo("join_distribution_type");

        StatementClient.Result unknown = client("X-Trino-", Map.of()).execute("SET SESSION no_such_property = 'x'");
        assertThat(unknown.errorName()).isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(header(unknown, "X-Trino-Set-Session")).isNull();
        assertThat(client("X-Trino-", Map.of()).execute("SET SESSION hash_partition_count = 'x'").errorName())
                .isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(client("X-Trino-", Map.of("Session", "no_such_property=1")).execute("SELECT 1").errorName())
                .isEqualTo("INVALID_SESSION_PROPERTY");
    }

    @Test
    void setTimeZoneChangesTheZoneOfLaterStatements() {
        StatementClient.Result set = client("X-Trino-", Map.of()).execute("SET TIME ZONE 'America/New_York'");
        assertThat(set.error()).isEmpty();
        assertThat(header(set, "X-Trino-Set-Session")).isEqualTo("time_zone_id=America%2FNew_York");
        StatementClient.Result offset = client("X-Trino-", Map.of()).execute("SET TIME ZONE INTERVAL '-08:30' HOUR TO MINUTE");
        assertThat(header(offset, "X-Trino-Set-Session")).isEqualTo("time_zone_id=-08%3A30");
        StatementClient.Result local = client("X-Presto-", Map.of()).execute("SET TIME ZONE LOCAL");
        assertThat(header(local, "X-Presto-Clear-Session")).isEqualTo("time_zone_id");
        assertThat(client("X-Trino-", Map.of()).execute("SET TIME ZONE 'Mars/Olympus'").errorName()).isEqualTo("NOT_SUPPORTED");
        // the client sends the property back: it wins over the Time-Zone header
        StatementClient.Result zone = client("X-Trino-", Map.of("Session", "time_zone_id=Asia/Tokyo", "Time-Zone", "UTC"))
                .execute("SELECT current_timezone()");
        assertThat(zone.rows()).containsExactly(List.of("Asia/Tokyo"));
    }

    @Test
    void catalogSessionPropertiesAreCheckedByName() {
        // Quarry's connectors declare no session properties (as Trino's tpch and memory): each is refused by name
        StatementClient.Result unknownProperty = client("X-Trino-", Map.of("Session", "tpch.no_such=1")).execute("SELECT 1");
        assertThat(unknownProperty.errorName()).isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(unknownProperty.error().orElseThrow().path("message").asText()).contains("tpch.no_such");
        StatementClient.Result unknownCatalog = client("X-Trino-", Map.of("Session", "nowhere.splits=1")).execute("SELECT 1");
        assertThat(unknownCatalog.errorName()).isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(unknownCatalog.error().orElseThrow().path("message").asText()).contains("catalog 'nowhere' does not exist");
        StatementClient.Result set = client("X-Trino-", Map.of()).execute("SET SESSION memory.max_splits = 4");
        assertThat(set.errorName()).isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(set.error().orElseThrow().path("message").asText()).contains("memory.max_splits");
        assertThat(client("X-Trino-", Map.of()).execute("SET SESSION nowhere.x = 4").errorName()).isEqualTo("INVALID_SESSION_PROPERTY");
        assertThat(client("X-Trino-", Map.of()).execute("SHOW SESSION LIKE '%.%'").rows()).isEmpty();
    }

    @Test
    void hashPartitionCountLimitsTheTasksOfPartitionedStages() {
        String query = "SELECT regionkey, count(*) FROM nation GROUP BY regionkey";
        StatementClient.Result one = client("X-Trino-", Map.of("Session", "hash_partition_count=1")).execute(query);
        StatementClient.Result all = client("X-Trino-", Map.of()).execute(query);
        assertThat(one.rows()).containsExactlyInAnyOrderElementsOf(all.rows()).hasSize(5);
        assertThat(hashStageTasks(one.queryId())).isEqualTo(1);
        assertThat(hashStageTasks(all.queryId())).isEqualTo(2);
    }

    /** The tasks of the query's stage that reads from a repartitioning stage (the final aggregation). */
    private static int hashStageTasks(String queryId) {
        ProtocolRequests.Response info = new ProtocolRequests(cluster.coordinatorUri())
                .get("/v1/query/" + queryId, Map.of("X-Trino-User", "test"));
        com.fasterxml.jackson.databind.JsonNode stage = info.json().path("outputStage");
        // Stage 0 gathers; its child is the hash-partitioned final aggregation.
        return stage.path("subStages").get(0).path("tasks").size();
    }

    @Test
    void malformedHeadersAreRejected() {
        assertThatThrownBy(() -> client("X-Trino-", Map.of("Prepared-Statement", "no-equals-sign")).execute("SELECT 1"))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> client("X-Trino-", Map.of("Transaction-Id", "not-a-uuid")).execute("SELECT 1"))
                .hasMessageContaining("400");
    }

    @Test
    void transactionsAnswerWithTransactionHeaders() {
        StatementClient.Result start = client("X-Trino-", Map.of("Transaction-Id", "NONE"))
                .execute("START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED, READ WRITE");
        assertThat(start.error()).isEmpty();
        String id = header(start, "X-Trino-Started-Transaction-Id");
        assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);

        StatementClient inTransaction = client("X-Trino-", Map.of("Transaction-Id", id));
        assertThat(inTransaction.execute("SELECT count(*) FROM nation").rows()).containsExactly(List.of(25));
        StatementClient.Result commit = inTransaction.execute("COMMIT");
        assertThat(header(commit, "X-Trino-Clear-Transaction-Id")).isEqualTo("true");
        assertThat(header(inTransaction.execute("ROLLBACK"), "X-Trino-Clear-Transaction-Id")).isEqualTo("true");

        StatementClient.Result outside = client("X-Presto-", Map.of("Transaction-Id", "NONE")).execute("COMMIT");
        assertThat(outside.errorName()).isEqualTo("NOT_IN_TRANSACTION");
        assertThat(header(outside, "X-Presto-Clear-Transaction-Id")).isNull();
    }

    @Test
    void preparedStatementsAnswerWithHeadersAndRunFromTheRequestHeader() {
        StatementClient.Result prepare = client("X-Trino-", Map.of())
                .execute("PREPARE my_query FROM SELECT name FROM nation WHERE nationkey = ? AND regionkey = ?");
        assertThat(header(prepare, "X-Trino-Added-Prepare")).isEqualTo(
                "my_query=" + URLEncoder.encode("SELECT name FROM nation WHERE nationkey = ? AND regionkey = ?", StandardCharsets.UTF_8));

        String prepared = "my_query=" + URLEncoder.encode("SELECT name FROM nation WHERE nationkey = ? AND regionkey = ?",
                StandardCharsets.UTF_8);
        StatementClient withPrepared = client("X-Trino-", Map.of("Prepared-Statement", prepared));
        assertThat(withPrepared.execute("EXECUTE my_query USING 7, BIGINT '3'").rows()).containsExactly(List.of("GERMANY"));
        assertThat(withPrepared.execute("DESCRIBE INPUT my_query").rows()).containsExactly(List.of(0, "bigint"), List.of(1, "bigint"));
        StatementClient.Result output = withPrepared.execute("DESCRIBE OUTPUT my_query");
        assertThat(output.rows()).containsExactly(List.of("name", "tpch", "tiny", "nation", "varchar(25)", 0, false));
        assertThat(header(withPrepared.execute("DEALLOCATE PREPARE my_query"), "X-Trino-Deallocated-Prepare")).isEqualTo("my_query");

        assertThat(withPrepared.execute("EXECUTE my_query USING 7").errorName()).isEqualTo("INVALID_PARAMETER_USAGE");
        assertThat(withPrepared.execute("EXECUTE other").errorName()).isEqualTo("NOT_FOUND");
        assertThat(client("X-Presto-", Map.of()).execute("EXECUTE IMMEDIATE 'SELECT ? * 2' USING 21").rows())
                .containsExactly(List.of(42));
    }

    @Test
    void describeInputAndOutputTypeParametersAndNameTheColumnsTables() {
        String sql = "SELECT orderkey, totalprice * 2 AS doubled, o.orderstatus AS status, 1 FROM orders o "
                + "WHERE orderkey = ? AND orderdate > ? LIMIT ?";
        StatementClient withPrepared = client("X-Trino-",
                Map.of("Prepared-Statement", "described=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)));
        StatementClient.Result input = withPrepared.execute("DESCRIBE INPUT described");
        assertThat(input.rows()).containsExactly(
                List.of(0, "bigint"), List.of(1, "date"), List.of(2, "bigint"));
        StatementClient.Result output = withPrepared.execute("DESCRIBE OUTPUT described");
        assertThat(output.rows()).containsExactly(
                List.of("orderkey", "tpch", "tiny", "orders", "bigint", 8, false),
                List.of("doubled", "", "", "", "double", 8, true),
                List.of("status", "tpch", "tiny", "orders", "varchar(1)", 0, true),
                List.of("_col3", "", "", "", "integer", 4, false));
    }

    // ---- through the JDBC drivers ----

    private static Connection connect(String driver, Map<String, String> extra) throws SQLException {
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny";
        Properties properties = new Properties();
        properties.setProperty("user", "jdbc-test");
        extra.forEach(properties::setProperty);
        return DriverManager.getConnection(url, properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void jdbcCatalogSchemaAndSessionProperties(String driver) throws Exception {
        try (Connection connection = connect(driver, Map.of("sessionProperties", "join_distribution_type:BROADCAST"));
                Statement statement = connection.createStatement()) {
            assertThat(ShowStatementsIT.rows(statement, "SHOW SESSION LIKE 'join_distribution_type'").get(0).get(1))
                    .isEqualTo("BROADCAST");
            statement.execute("USE memory.default");
            assertThat(connection.getCatalog()).isEqualTo("memory");
            assertThat(connection.getSchema()).isEqualTo("default");
            connection.setCatalog("tpch");
            connection.setSchema("tiny");
            assertThat(ShowStatementsIT.rows(statement, "SELECT count(*) FROM region")).containsExactly(List.of(5L));
            statement.execute("SET SESSION hash_partition_count = 9");
            assertThat(ShowStatementsIT.rows(statement, "SHOW SESSION LIKE 'hash_partition_count'").get(0).get(1)).isEqualTo("9");
            statement.execute("RESET SESSION hash_partition_count");
            assertThat(ShowStatementsIT.rows(statement, "SHOW SESSION LIKE 'hash_partition_count'").get(0).get(1)).isEqualTo("100");
            assertThatThrownBy(() -> statement.execute("SET SESSION no_such_property = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no_such_property");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void jdbcTransactions(String driver) throws Exception {
        try (Connection connection = connect(driver, Map.of()); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThat(ShowStatementsIT.rows(statement, "SELECT count(*) FROM nation")).containsExactly(List.of(25L));
            connection.commit();
            assertThat(ShowStatementsIT.rows(statement, "SELECT count(*) FROM region")).containsExactly(List.of(5L));
            connection.rollback();
            connection.setAutoCommit(true);
            assertThat(ShowStatementsIT.rows(statement, "SELECT 1")).containsExactly(List.of(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void jdbcPreparedStatementsTakeEveryType(String driver) throws Exception {
        try (Connection connection = connect(driver, Map.of());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
            statement.setLong(1, 5_000_000_000L);
            statement.setInt(2, -7);
            statement.setShort(3, (short) 300);
            statement.setByte(4, (byte) 12);
            statement.setDouble(5, 2.5);
            statement.setFloat(6, 1.25f);
            statement.setBigDecimal(7, new BigDecimal("-123.450"));
            statement.setString(8, "it's");
            statement.setBoolean(9, true);
            statement.setDate(10, Date.valueOf("2024-02-29"));
            statement.setTime(11, Time.valueOf("10:11:12"));
            statement.setTimestamp(12, Timestamp.valueOf("2024-02-29 10:11:12.345"));
            statement.setBytes(13, new byte[] {1, 2, (byte) 0xff});
            statement.setNull(14, java.sql.Types.VARCHAR);
            try (ResultSet resultSet = statement.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getLong(1)).isEqualTo(5_000_000_000L);
                assertThat(resultSet.getInt(2)).isEqualTo(-7);
                assertThat(resultSet.getShort(3)).isEqualTo((short) 300);
                assertThat(resultSet.getByte(4)).isEqualTo((byte) 12);
                assertThat(resultSet.getObject(4)).isEqualTo((byte) 12);
                assertThat(resultSet.getDouble(5)).isEqualTo(2.5);
                assertThat(resultSet.getObject(6)).isEqualTo(1.25f);
                assertThat(resultSet.getBigDecimal(7)).isEqualTo(new BigDecimal("-123.450"));
                assertThat(resultSet.getString(8)).isEqualTo("it's");
                assertThat(resultSet.getBoolean(9)).isTrue();
                assertThat(resultSet.getDate(10)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(resultSet.getTime(11)).isEqualTo(Time.valueOf("10:11:12"));
                assertThat(resultSet.getTimestamp(12)).isEqualTo(Timestamp.valueOf("2024-02-29 10:11:12.345"));
                assertThat(resultSet.getBytes(13)).containsExactly(1, 2, (byte) 0xff);
                assertThat(resultSet.getObject(14)).isNull();
                assertThat(resultSet.next()).isFalse();
            }
        }
        try (Connection connection = connect(driver, Map.of());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT name FROM nation WHERE regionkey = ? AND name LIKE ? ORDER BY name")) {
            statement.setLong(1, 3);
            statement.setString(2, "%KING%");
            try (ResultSet resultSet = statement.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).isEqualTo("UNITED KINGDOM");
                assertThat(resultSet.next()).isFalse();
            }
            statement.setLong(1, 1);
            statement.setString(2, "%N%");
            try (ResultSet resultSet = statement.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).isEqualTo("ARGENTINA");
            }
        }
    }
}
