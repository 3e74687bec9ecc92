package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CREATE [OR REPLACE] VIEW, DROP VIEW, querying views and the listings that show them, on a coordinator with
 * two workers, over the statement protocol and through the Trino and Presto JDBC drivers.
 */
class ViewsIT {
    private static QuarryCluster cluster;
    private static StatementClient memory;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        memory = cluster.client("memory", "default");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static void run(String sql) {
        StatementClient.Result result = memory.execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
    }

    @Test
    void aViewIsExpandedInTheCatalogAndSchemaItWasCreatedIn() {
        run("CREATE SCHEMA views_expand");
        StatementClient tpch = cluster.client("tpch", "tiny");
        assertThat(tpch.execute("CREATE VIEW memory.views_expand.asia AS "
                + "SELECT n.nationkey AS key, n.name FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE r.name = 'ASIA'")
                .error()).isEmpty();
        // the session of the reader does not matter: nation and region are tpch.tiny's, as when the view was created
        assertThat(memory.execute("SELECT name FROM views_expand.asia WHERE key < 10 ORDER BY key").rows())
                .containsExactly(List.of("INDIA"), List.of("INDONESIA"));
        assertThat(memory.execute("SELECT a.name, count(*) FROM views_expand.asia a JOIN views_expand.asia b ON a.key <= b.key "
                + "GROUP BY a.name ORDER BY 2 DESC, 1 LIMIT 1").rows()).containsExactly(List.of("INDIA", 5));
        assertThat(memory.execute("SELECT count(*) FROM (SELECT * FROM memory.views_expand.asia)").rows())
                .containsExactly(List.of(5));

        // a view of a view, and OR REPLACE
        run("CREATE VIEW views_expand.asia_names AS SELECT upper(name) AS upper_name FROM views_expand.asia");
        assertThat(memory.execute("SELECT * FROM views_expand.asia_names ORDER BY 1 LIMIT 2").rows())
                .containsExactly(List.of("CHINA"), List.of("INDIA"));
        assertThat(memory.execute("CREATE VIEW views_expand.asia_names AS SELECT 1 x").errorName()).isEqualTo("TABLE_ALREADY_EXISTS");
        run("CREATE OR REPLACE VIEW views_expand.asia_names AS SELECT lower(name) AS lower_name FROM views_expand.asia");
        assertThat(memory.execute("SELECT * FROM views_expand.asia_names ORDER BY 1 LIMIT 1").rows())
                .containsExactly(List.of("china"));

        assertThat(memory.execute("DROP SCHEMA views_expand").errorName()).isEqualTo("SCHEMA_NOT_EMPTY");
        run("DROP VIEW views_expand.asia_names");
        run("DROP VIEW views_expand.asia");
        run("DROP VIEW IF EXISTS views_expand.asia");
        assertThat(memory.execute("DROP VIEW views_expand.asia").errorName()).isEqualTo("GENERIC_USER_ERROR");
        assertThat(memory.execute("SELECT * FROM views_expand.asia").errorName()).isEqualTo("TABLE_NOT_FOUND");
        run("DROP SCHEMA views_expand");
    }

    @Test
    void tablesAndViewsDoNotShareNames() {
        run("CREATE TABLE names_table (a bigint)");
        run("CREATE VIEW names_view AS SELECT 1 AS a");
        assertThat(memory.execute("CREATE VIEW names_table AS SELECT 1 AS a").errorName()).isEqualTo("TABLE_ALREADY_EXISTS");
        assertThat(memory.execute("CREATE OR REPLACE VIEW names_table AS SELECT 1 AS a").errorName())
                .isEqualTo("TABLE_ALREADY_EXISTS");
        assertThat(memory.execute("CREATE TABLE names_view (a bigint)").errorName()).isEqualTo("TABLE_ALREADY_EXISTS");
        assertThat(memory.execute("CREATE TABLE names_view AS SELECT 1 AS a").errorName()).isEqualTo("TABLE_ALREADY_EXISTS");

        StatementClient.Result dropTable = memory.execute("DROP TABLE names_view");
        assertThat(dropTable.errorName()).isEqualTo("GENERIC_USER_ERROR");
        assertThat(dropTable.error().orElseThrow().path("message").asText()).contains("Did you mean DROP VIEW");
        StatementClient.Result dropView = memory.execute("DROP VIEW names_table");
        assertThat(dropView.errorName()).isEqualTo("GENERIC_USER_ERROR");
        assertThat(dropView.error().orElseThrow().path("message").asText()).contains("Did you mean DROP TABLE");

        assertThat(cluster.client("tpch", "tiny").execute("CREATE VIEW v AS SELECT 1 AS a").errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(memory.execute("CREATE VIEW bad_view AS SELECT nope FROM names_table").errorName()).isEqualTo("COLUMN_NOT_FOUND");
        assertThat(memory.execute("CREATE VIEW bad_view AS SELECT 1").errorName()).isEqualTo("MISSING_COLUMN_NAME");
        assertThat(memory.execute("CREATE VIEW bad_view AS SELECT * FROM no_such_table").errorName()).isEqualTo("TABLE_NOT_FOUND");
        run("DROP VIEW names_view");
        run("DROP TABLE names_table");
    }

    @Test
    void aViewOfADroppedTableFailsWhenQueried() {
        run("CREATE TABLE stale_source AS SELECT 1 AS a");
        run("CREATE VIEW stale_view AS SELECT a FROM stale_source");
        assertThat(memory.execute("SELECT * FROM stale_view").rows()).containsExactly(List.of(1));
        run("DROP TABLE stale_source");
        StatementClient.Result stale = memory.execute("SELECT * FROM stale_view");
        assertThat(stale.errorName()).isEqualTo("INVALID_VIEW");
        assertThat(stale.error().orElseThrow().path("message").asText())
                .contains("Failed analyzing stored view 'memory.default.stale_view'")
                .contains("Table 'memory.default.stale_source' does not exist");
        run("DROP VIEW stale_view");
    }

    @Test
    void viewsAreListedAndDescribed() {
        run("CREATE SCHEMA views_listed");
        run("CREATE TABLE views_listed.base (id bigint, label varchar(5))");
        run("CREATE VIEW views_listed.labels AS SELECT id, label, id * 2 AS twice FROM views_listed.base");

        assertThat(memory.execute("SHOW TABLES FROM views_listed").rows()).containsExactly(List.of("base"), List.of("labels"));
        List<List<Object>> columns = List.of(
                List.of("id", "bigint", "", ""), List.of("label", "varchar(5)", "", ""), List.of("twice", "bigint", "", ""));
        assertThat(memory.execute("DESCRIBE views_listed.labels").rows()).isEqualTo(columns);
        assertThat(memory.execute("SHOW COLUMNS FROM views_listed.labels").rows()).isEqualTo(columns);

        assertThat(memory.execute("SELECT table_name, table_type FROM information_schema.tables "
                + "WHERE table_schema = 'views_listed' ORDER BY 1").rows())
                .containsExactly(List.of("base", "BASE TABLE"), List.of("labels", "VIEW"));
        assertThat(memory.execute("SELECT table_name, view_definition FROM information_schema.views "
                + "WHERE table_schema = 'views_listed'").rows())
                .containsExactly(List.of("labels", "SELECT id, label, id * 2 AS twice FROM views_listed.base"));
        assertThat(memory.execute("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'views_listed' AND table_name = 'labels' ORDER BY ordinal_position").rows())
                .containsExactly(List.of("id", "bigint"), List.of("label", "varchar(5)"), List.of("twice", "bigint"));
        assertThat(memory.execute("SELECT table_name, table_type FROM system.jdbc.tables "
                + "WHERE table_cat = 'memory' AND table_schem = 'views_listed' ORDER BY 1").rows())
                .containsExactly(List.of("base", "TABLE"), List.of("labels", "VIEW"));

        StatementClient.Result shown = memory.execute("SHOW CREATE VIEW views_listed.labels");
        assertThat(shown.columns().get(0).name()).isEqualTo("Create View");
        assertThat(shown.rows()).containsExactly(List.of("CREATE VIEW memory.views_listed.labels SECURITY DEFINER AS\n"
                + "SELECT id, label, id * 2 AS twice FROM views_listed.base"));
        assertThat(memory.execute("SHOW CREATE VIEW views_listed.base").errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(memory.execute("SHOW CREATE TABLE views_listed.labels").errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(memory.execute("SHOW CREATE VIEW views_listed.nothing").errorName()).isEqualTo("TABLE_NOT_FOUND");

        run("DROP VIEW views_listed.labels");
        run("DROP TABLE views_listed.base");
        run("DROP SCHEMA views_listed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void jdbcDriversListViews(String driver) throws Exception {
        String schema = "views_jdbc_" + driver;
        run("CREATE SCHEMA " + schema);
        run("CREATE TABLE " + schema + ".t (a bigint)");
        run("CREATE VIEW " + schema + ".v AS SELECT a FROM " + schema + ".t");
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/memory/default";
        Properties properties = new Properties();
        properties.setProperty("user", "jdbc-test");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            assertThat(tables(connection, schema, new String[] {"VIEW"})).containsExactly(List.of("v", "VIEW"));
            assertThat(tables(connection, schema, new String[] {"TABLE"})).containsExactly(List.of("t", "TABLE"));
            assertThat(tables(connection, schema, null)).containsExactly(List.of("t", "TABLE"), List.of("v", "VIEW"));
            try (ResultSet columns = connection.getMetaData().getColumns("memory", schema, "v", null)) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("a");
                assertThat(columns.getString("TYPE_NAME")).isEqualTo("bigint");
            }
        }
        run("DROP VIEW " + schema + ".v");
        run("DROP TABLE " + schema + ".t");
        run("DROP SCHEMA " + schema);
    }

    private static List<List<String>> tables(Connection connection, String schema, String[] types) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables("memory", schema, null, types)) {
            while (tables.next()) {
                rows.add(List.of(tables.getString("TABLE_NAME"), tables.getString("TABLE_TYPE")));
            }
        }
        return rows;
    }
}
