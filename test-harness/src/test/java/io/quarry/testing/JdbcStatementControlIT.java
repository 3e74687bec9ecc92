package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What JDBC applications do to a running statement, through the real Trino 478 and Presto 350 drivers against a
 * coordinator with two workers: {@code Statement.cancel()} and {@code setMaxRows}.
 */
class JdbcStatementControlIT {
    private static final String USER = "jdbc-control";
    private static final Map<String, String> HEADERS = Map.of("X-Trino-User", USER);
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private static QuarryCluster cluster;
    private static ProtocolRequests requests;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        requests = new ProtocolRequests(cluster.coordinatorUri());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static Connection connect(String driver) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(
                "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny", properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void cancelEndsTheQueryAsUserCanceledAndItsTasksWithinASecond(String driver) throws Exception {
        // the marker finds the query among the server's; sf10 runs for far longer than the test
        String marker = "cancel-" + UUID.randomUUID();
        String sql = "SELECT count(*) FROM tpch.sf10.lineitem WHERE comment LIKE '%x%' AND '" + marker + "' <> ''";
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            CompletableFuture<Object> execution = CompletableFuture.supplyAsync(() -> {
                try (ResultSet resultSet = statement.executeQuery(sql)) {
                    return resultSet.next();
                } catch (SQLException e) {
                    return e;
                }
            });
            AtomicReference<String> found = new AtomicReference<>();
            Waits.until(Duration.ofSeconds(60), "the query's tasks running on both workers", () -> {
                queryWithMarker(marker).ifPresent(found::set);
                return found.get() != null && cluster.tasksOf(found.get()).size() == 2;
            });
            String queryId = found.get();

            statement.cancel();
            Waits.until(WITHIN_A_SECOND, queryId + " failed", () -> state(queryId).equals("FAILED"));
            Waits.until(WITHIN_A_SECOND, "no task of " + queryId + " on any node", () -> cluster.tasksOf(queryId).isEmpty());

            JsonNode info = requests.get("/v1/query/" + queryId, HEADERS).json();
            assertThat(info.path("errorCode").path("name").asText()).isEqualTo("USER_CANCELED");
            assertThat(info.path("errorType").asText()).isEqualTo("USER_ERROR");
            // the application's executeQuery ends too, with an exception rather than a result
            Object outcome = execution.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void maxRowsLimitsTheRowsTheApplicationSees(String driver) throws Exception {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            statement.setMaxRows(3);
            assertThat(statement.getMaxRows()).isEqualTo(3);
            int rows = 0;
            try (ResultSet resultSet = statement.executeQuery("SELECT nationkey FROM nation ORDER BY nationkey")) {
                while (resultSet.next()) {
                    assertThat(resultSet.getLong(1)).isEqualTo(rows);
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(3);

            // the limit holds for every statement run on it until it is changed back
            statement.setMaxRows(0);
            try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM (SELECT nationkey FROM nation)")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getLong(1)).isEqualTo(25);
            }
        }
    }

    private static Optional<String> queryWithMarker(String marker) {
        for (JsonNode query : requests.get("/v1/query", HEADERS).json()) {
            if (query.path("query").asText().contains(marker)) {
                return Optional.of(query.path("queryId").asText());
            }
        }
        return Optional.empty();
    }

    private static String state(String queryId) {
        return requests.get("/v1/query/" + queryId, HEADERS).json().path("state").asText();
    }
}
