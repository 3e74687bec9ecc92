package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Trino 478 and Presto 350 JDBC drivers against a coordinator with two workers. */
class JdbcDriversIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static Connection connect(String driver) throws SQLException {
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny";
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "jdbc-test");
        return DriverManager.getConnection(url, properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void tpchQueriesMatchTheReference(String driver) throws Exception {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            for (String query : List.of("q01", "q06")) {
                try (ResultSet resultSet = statement.executeQuery(TpchConformance.query(query))) {
                    StatementClient.Result result = toResult(resultSet);
                    assertThat(TpchConformance.expected(query).mismatch(result, false)).as(driver + " " + query).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void everyTypeReadsBackAsItsJavaClass(String driver) throws Exception {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(
                        "SELECT true, CAST(1 AS tinyint), CAST(2 AS smallint), 3, CAST(4 AS bigint), CAST(1.5 AS double), "
                                + "CAST(2.25 AS real), 12.34, CAST('abc' AS varchar(5)), DATE '2024-02-29', "
                                + "CAST(NULL AS integer)")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getObject(1)).isEqualTo(true);
            assertThat(resultSet.getObject(2)).isEqualTo((byte) 1);
            assertThat(resultSet.getObject(3)).isEqualTo((short) 2);
            assertThat(resultSet.getObject(4)).isEqualTo(3);
            assertThat(resultSet.getObject(5)).isEqualTo(4L);
            assertThat(resultSet.getObject(6)).isEqualTo(1.5);
            assertThat(resultSet.getObject(7)).isEqualTo(2.25f);
            assertThat(resultSet.getObject(8)).isEqualTo(new BigDecimal("12.34"));
            assertThat(resultSet.getObject(9)).isEqualTo("abc");
            assertThat(resultSet.getObject(10)).isEqualTo(Date.valueOf(LocalDate.of(2024, 2, 29)));
            assertThat(resultSet.getObject(11)).isNull();
            assertThat(resultSet.wasNull()).isTrue();
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(metadata.getColumnType(8)).isEqualTo(java.sql.Types.DECIMAL);
            assertThat(metadata.getPrecision(8)).isEqualTo(4);
            assertThat(metadata.getScale(8)).isEqualTo(2);
            assertThat(metadata.getColumnType(9)).isEqualTo(java.sql.Types.VARCHAR);
            assertThat(resultSet.next()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void timestampsKeepEveryDigitOfTheirPrecision(String driver) throws Exception {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(
                        "SELECT TIMESTAMP '2020-01-02 03:04:05.123456789', TIMESTAMP '2020-01-02 03:04:05.123456 UTC'")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getTimestamp(1).toLocalDateTime()).isEqualTo(java.time.LocalDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_789));
            assertThat(resultSet.getString(2)).isEqualTo("2020-01-02 03:04:05.123456 UTC");
            assertThat(resultSet.getMetaData().getColumnTypeName(1)).isEqualTo("timestamp(9)");
            // the Presto 350 driver writes the type's arguments after its whole raw name
            assertThat(resultSet.getMetaData().getColumnTypeName(2))
                    .isEqualTo(driver.equals("trino") ? "timestamp(6) with time zone" : "timestamp with time zone(6)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void failuresBecomeSqlExceptionsWithTheErrorCode(String driver) throws Exception {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            SQLException error = null;
            try {
                statement.executeQuery("SELECT * FROM no_such_table");
            } catch (SQLException e) {
                error = e;
            }
            assertThat((Object) error).isNotNull();
            assertThat(error.getErrorCode()).isEqualTo(46);
            assertThat(error.getMessage()).contains("no_such_table");
        }
    }

    private static StatementClient.Result toResult(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<StatementClient.Column> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(new StatementClient.Column(metadata.getColumnLabel(i), metadata.getColumnTypeName(i), null));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                Object value = resultSet.getObject(i);
                row.add(value instanceof Date date ? date.toLocalDate().toString() : value);
            }
            rows.add(row);
        }
        return new StatementClient.Result(
                "", columns, rows, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), Optional.empty(),
                List.of(), Map.of());
    }
}
