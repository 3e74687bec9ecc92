package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SHOW CATALOGS/SCHEMAS/TABLES/COLUMNS/CREATE TABLE/SESSION/STATS and DESCRIBE over the statement protocol and
 * through the Trino 478 and Presto 350 JDBC drivers, on a coordinator with two workers.
 */
class ShowStatementsIT {
    private static QuarryCluster cluster;
    private static StatementClient client;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        client = cluster.client("tpch", "tiny");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void showCatalogsAndSchemas() {
        StatementClient.Result catalogs = client.execute("SHOW CATALOGS");
        assertThat(names(catalogs)).containsExactly("Catalog");
        assertThat(catalogs.rows()).containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));

        assertThat(client.execute("SHOW CATALOGS LIKE 't%'").rows()).containsExactly(List.of("tpch"));

        StatementClient.Result schemas = client.execute("SHOW SCHEMAS FROM tpch LIKE 'sf_'");
        assertThat(names(schemas)).containsExactly("Schema");
        assertThat(schemas.rows()).containsExactly(List.of("sf1"));
        assertThat(client.execute("SHOW SCHEMAS").rows()).contains(List.of("information_schema"), List.of("tiny"));
        assertThat(client.execute("SHOW SCHEMAS FROM tpch LIKE 'information\\_%' ESCAPE '\\'").rows())
                .containsExactly(List.of("information_schema"));

        assertThat(client.execute("SHOW SCHEMAS FROM nowhere").errorName()).isEqualTo("CATALOG_NOT_FOUND");
    }

    @Test
    void showTablesIsKept() {
        assertThat(client.execute("SHOW TABLES LIKE 'n%'").rows()).containsExactly(List.of("nation"));
    }

    @Test
    void showColumnsAndDescribeHaveTrinosColumns() {
        StatementClient.Result columns = client.execute("SHOW COLUMNS FROM region");
        assertThat(names(columns)).containsExactly("Column", "Type", "Extra", "Comment");
        assertThat(columns.columns()).allSatisfy(column -> assertThat(column.type()).isEqualTo("varchar"));
        assertThat(columns.rows()).containsExactly(
                List.of("regionkey", "bigint", "", ""), List.of("name", "varchar(25)", "", ""),
                List.of("comment", "varchar(152)", "", ""));
        assertThat(client.execute("DESCRIBE tpch.tiny.region").rows()).isEqualTo(columns.rows());
        assertThat(client.execute("DESC region").rows()).isEqualTo(columns.rows());

        assertThat(client.execute("DESCRIBE no_such_table").errorName()).isEqualTo("TABLE_NOT_FOUND");
        assertThat(client.execute("SHOW COLUMNS FROM tpch.nowhere.region").errorName()).isEqualTo("SCHEMA_NOT_FOUND");
    }

    @Test
    void showCreateTableRecreatesAMemoryTable() {
        StatementClient memory = cluster.client("memory", "default");
        assertThat(memory.execute("CREATE TABLE show_create_source (id bigint, \"mixed name\" varchar(10), price decimal(10,2), "
                + "day date, \"order\" double)").error()).isEmpty();
        StatementClient.Result shown = memory.execute("SHOW CREATE TABLE show_create_source");
        assertThat(names(shown)).containsExactly("Create Table");
        String ddl = (String) shown.rows().get(0).get(0);
        assertThat(ddl).isEqualTo("CREATE TABLE memory.default.show_create_source (\n   id bigint,\n   \"mixed name\" varchar(10),\n"
                + "   price decimal(10, 2),\n   day date,\n   \"order\" double\n)");

        assertThat(memory.execute("DROP TABLE show_create_source").error()).isEmpty();
        assertThat(memory.execute(ddl).error()).isEmpty();
        assertThat(memory.execute("SHOW COLUMNS FROM show_create_source").rows()).containsExactly(
                List.of("id", "bigint", "", ""), List.of("mixed name", "varchar(10)", "", ""),
                List.of("price", "decimal(10,2)", "", ""), List.of("day", "date", "", ""), List.of("order", "double", "", ""));
        assertThat(memory.execute("DROP TABLE show_create_source").error()).isEmpty();
    }

    @Test
    void showSessionListsTheSystemProperties() {
        StatementClient.Result session = client.execute("SHOW SESSION LIKE 'join%'");
        assertThat(names(session)).containsExactly("Name", "Value", "Default", "Type", "Description");
        assertThat(session.rows()).hasSize(1);
        assertThat(session.rows().get(0).subList(0, 4)).containsExactly("join_distribution_type", "AUTOMATIC", "AUTOMATIC", "varchar");

        StatementClient withProperty = new StatementClient(cluster.coordinatorUri(), "X-Trino-",
                java.util.Map.of("User", "test", "Session", "hash_partition_count=7"));
        assertThat(withProperty.execute("SHOW SESSION LIKE 'hash_partition_count'").rows().get(0).subList(0, 3))
                .containsExactly("hash_partition_count", "7", "100");
    }

    @Test
    void showStatsGivesTheConnectorsStatistics() {
        StatementClient.Result stats = client.execute("SHOW STATS FOR nation");
        assertThat(names(stats)).containsExactly(
                "column_name", "data_size", "distinct_values_count", "nulls_fraction", "row_count", "low_value", "high_value");
        assertThat(stats.columns().stream().map(StatementClient.Column::type).toList())
                .containsExactly("varchar", "double", "double", "double", "double", "varchar", "varchar");
        assertThat(stats.rows()).hasSize(5);
        List<Object> summary = stats.rows().get(4);
        assertThat(summary).containsExactly(null, null, null, null, 25.0, null, null);
        assertThat(stats.rows().get(0).get(0)).isEqualTo("nationkey");
        assertThat(stats.rows().get(0).get(2)).isEqualTo(25.0);
    }

    @Test
    void explainShowsFragmentsAndExchanges() {
        String join = "SELECT n.name, r.name FROM nation n JOIN region r ON n.regionkey = r.regionkey";
        StatementClient.Result distributed = client.execute("EXPLAIN (TYPE DISTRIBUTED) " + join);
        assertThat(names(distributed)).containsExactly("Query Plan");
        assertThat((String) distributed.rows().get(0).get(0)).contains("Fragment 1").contains("Join[").contains("RemoteSource[");
        StatementClient.Result logical = client.execute("EXPLAIN (TYPE LOGICAL) " + join);
        assertThat((String) logical.rows().get(0).get(0)).startsWith("Output[").doesNotContain("Fragment");
        assertThat(client.execute("EXPLAIN (TYPE VALIDATE) " + join).rows()).containsExactly(List.of(true));
        assertThat(client.execute("EXPLAIN SELECT * FROM no_such_table").errorName()).isEqualTo("TABLE_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void jdbcDriversReadTheListings(String driver) throws Exception {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SHOW CATALOGS")).containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
            assertThat(rows(statement, "DESCRIBE nation")).hasSize(4).contains(List.of("name", "varchar(25)", "", ""));
            assertThat(rows(statement, "SHOW SCHEMAS LIKE 'tiny'")).containsExactly(List.of("tiny"));
            try (ResultSet resultSet = statement.executeQuery("SHOW COLUMNS FROM nation")) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                assertThat(metadata.getColumnLabel(1)).isEqualTo("Column");
                assertThat(metadata.getColumnLabel(4)).isEqualTo("Comment");
            }
        }
    }

    static Connection connect(String driver) throws SQLException {
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny";
        Properties properties = new Properties();
        properties.setProperty("user", "jdbc-test");
        return DriverManager.getConnection(url, properties);
    }

    static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int count = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                Object[] row = new Object[count];
                for (int i = 0; i < count; i++) {
                    row[i] = resultSet.getObject(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    private static List<String> names(StatementClient.Result result) {
        return result.columns().stream().map(StatementClient.Column::name).toList();
    }
}
