package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.ProtocolRequests.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * information_schema in every catalog, the system.jdbc tables and system.runtime.queries/tasks through SQL, on
 * a coordinator that runs no tasks and two workers (so every snapshot travels from the coordinator).
 */
class MetadataTablesIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "metadata-test");
    private static final String LONG_QUERY = "SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'";

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

    private static List<List<Object>> rows(String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
        return result.rows();
    }

    @Test
    void schemataListsEveryTpchSchemaAndInformationSchemaItself() {
        assertThat(rows("SELECT catalog_name, schema_name FROM information_schema.schemata ORDER BY schema_name"))
                .containsExactly(
                        List.of("tpch", "information_schema"), List.of("tpch", "sf1"), List.of("tpch", "sf100"),
                        List.of("tpch", "sf1000"), List.of("tpch", "sf10000"), List.of("tpch", "sf100000"),
                        List.of("tpch", "sf300"), List.of("tpch", "sf3000"), List.of("tpch", "sf30000"),
                        List.of("tpch", "tiny"));
        assertThat(rows("SELECT schema_name FROM system.information_schema.schemata ORDER BY 1"))
                .containsExactly(List.of("information_schema"), List.of("jdbc"), List.of("metadata"), List.of("runtime"));
    }

    @Test
    void tablesAndColumnsFilterBySchemaAndTable() {
        assertThat(rows("SELECT table_name, table_type FROM information_schema.tables "
                        + "WHERE table_schema = 'information_schema' ORDER BY table_name"))
                .containsExactly(
                        List.of("applicable_roles", "BASE TABLE"), List.of("columns", "BASE TABLE"),
                        List.of("enabled_roles", "BASE TABLE"), List.of("roles", "BASE TABLE"),
                        List.of("schemata", "BASE TABLE"), List.of("table_privileges", "BASE TABLE"),
                        List.of("tables", "BASE TABLE"), List.of("views", "BASE TABLE"));
        assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'sf1'"))
                .containsExactly(List.of(8));
        assertThat(rows("SELECT column_name, ordinal_position, data_type, is_nullable FROM tpch.information_schema.columns "
                        + "WHERE table_schema = 'tiny' AND table_name = 'lineitem' ORDER BY ordinal_position"))
                .hasSize(16)
                .startsWith(List.of("orderkey", 1, "bigint", "NO"), List.of("partkey", 2, "bigint", "NO"))
                .contains(List.of("quantity", 5, "double", "NO"), List.of("shipdate", 11, "date", "NO"),
                        List.of("comment", 16, "varchar(44)", "NO"));
        StatementClient.Result all = client.execute("SELECT * FROM information_schema.columns WHERE table_name = 'region'");
        assertThat(all.columns().stream().map(StatementClient.Column::name)).containsExactly(
                "table_catalog", "table_schema", "table_name", "column_name", "ordinal_position", "column_default",
                "is_nullable", "data_type");
        assertThat(all.columns().stream().map(StatementClient.Column::type)).containsExactly(
                "varchar", "varchar", "varchar", "varchar", "bigint", "varchar", "varchar", "varchar");
        assertThat(all.rows()).hasSize(3 * 9); // region in each of the nine schemas
        for (String empty : List.of("views", "table_privileges", "roles", "applicable_roles", "enabled_roles")) {
            assertThat(rows("SELECT * FROM information_schema." + empty)).as(empty).isEmpty();
        }
    }

    @Test
    void memoryTablesAppearAndVanishWithTheirDdl() {
        assertThat(client.execute("CREATE SCHEMA memory.meta_s").error()).isEmpty();
        assertThat(client.execute("CREATE TABLE memory.meta_s.t (id bigint, name varchar(10), price decimal(10,2))")
                .error()).isEmpty();
        assertThat(rows("SELECT schema_name FROM memory.information_schema.schemata WHERE schema_name = 'meta_s'"))
                .containsExactly(List.of("meta_s"));
        assertThat(rows("SELECT column_name, data_type, is_nullable FROM memory.information_schema.columns "
                        + "WHERE table_schema = 'meta_s' ORDER BY ordinal_position"))
                .containsExactly(List.of("id", "bigint", "YES"), List.of("name", "varchar(10)", "YES"),
                        List.of("price", "decimal(10,2)", "YES"));
        assertThat(rows("SELECT table_cat, table_schem, table_name, table_type FROM system.jdbc.tables "
                        + "WHERE table_cat = 'memory' AND table_schem = 'meta_s'"))
                .containsExactly(List.of("memory", "meta_s", "t", "TABLE"));
        assertThat(client.execute("DROP TABLE memory.meta_s.t").error()).isEmpty();
        assertThat(rows("SELECT table_name FROM memory.information_schema.tables WHERE table_schema = 'meta_s'"))
                .isEmpty();
        assertThat(client.execute("DROP SCHEMA memory.meta_s").error()).isEmpty();
        assertThat(rows("SELECT schema_name FROM memory.information_schema.schemata WHERE schema_name = 'meta_s'"))
                .isEmpty();
        assertThat(client.execute("CREATE TABLE memory.information_schema.x (a bigint)").error()).isPresent();
    }

    @Test
    void jdbcTablesCoverEveryCatalog() {
        assertThat(rows("SELECT table_cat FROM system.jdbc.catalogs ORDER BY table_cat"))
                .containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
        assertThat(rows("SELECT table_type FROM system.jdbc.table_types ORDER BY 1"))
                .containsExactly(List.of("TABLE"), List.of("VIEW"));
        assertThat(rows("SELECT data_type, type_name, column_size, decimal_digits, num_prec_radix, nullable, "
                        + "char_octet_length, ordinal_position, is_nullable FROM system.jdbc.columns "
                        + "WHERE table_cat = 'tpch' AND table_schem = 'tiny' AND table_name = 'orders' "
                        + "ORDER BY ordinal_position"))
                .containsExactly(
                        Arrays.asList(-5, "bigint", 19, null, 10, 0, null, 1, "NO"),
                        Arrays.asList(-5, "bigint", 19, null, 10, 0, null, 2, "NO"),
                        Arrays.asList(12, "varchar(1)", 1, null, null, 0, 1, 3, "NO"),
                        Arrays.asList(8, "double", 53, null, 2, 0, null, 4, "NO"),
                        Arrays.asList(91, "date", 14, null, null, 0, null, 5, "NO"),
                        Arrays.asList(12, "varchar(15)", 15, null, null, 0, 15, 6, "NO"),
                        Arrays.asList(12, "varchar(15)", 15, null, null, 0, 15, 7, "NO"),
                        Arrays.asList(4, "integer", 10, null, 10, 0, null, 8, "NO"),
                        Arrays.asList(12, "varchar(79)", 79, null, null, 0, 79, 9, "NO"));
        assertThat(rows("SELECT count(*) FROM system.jdbc.schemas WHERE table_catalog = 'system'"))
                .containsExactly(List.of(4));
        for (String empty : List.of("procedures", "procedure_columns", "pseudo_columns", "super_tables", "super_types",
                "udts", "attributes")) {
            assertThat(rows("SELECT * FROM system.jdbc." + empty)).as(empty).isEmpty();
        }
        assertThat(rows("SELECT catalog_name, connector_name FROM system.metadata.catalogs ORDER BY 1"))
                .containsExactly(List.of("memory", "memory"), List.of("system", "system"), List.of("tpch", "tpch"));
    }

    /** Snapshots larger than Artery's 256 KiB frame reach the workers in several messages, none dropped. */
    @Test
    void aLargeCatalogSnapshotIsNotLost() {
        assertThat(client.execute("CREATE SCHEMA memory.wide").error()).isEmpty();
        StringBuilder columns = new StringBuilder();
        for (int column = 0; column < 60; column++) {
            columns.append(column == 0 ? "" : ", ").append("a_rather_long_column_name_for_a_wide_table_number_")
                    .append(column).append(" varchar(100)");
        }
        for (int table = 0; table < 30; table++) {
            assertThat(client.execute("CREATE TABLE memory.wide.table_with_a_long_name_" + table + " (" + columns + ")")
                    .error()).isEmpty();
        }
        assertThat(rows("SELECT count(*), count(DISTINCT table_name) FROM system.jdbc.columns WHERE table_schem = 'wide'"))
                .containsExactly(List.of(1800, 30));
        assertThat(rows("SELECT count(*) FROM memory.information_schema.columns WHERE table_schema = 'wide'"))
                .containsExactly(List.of(1800));
    }

    @Test
    void runtimeQueriesAndTasksShowLiveAndFinishedQueries() {
        ProtocolRequests requests = new ProtocolRequests(cluster.coordinatorUri());
        Response submitted = requests.post(LONG_QUERY, USER);
        String running = submitted.json().path("id").asText();
        try {
            Waits.until(Duration.ofSeconds(30), "query " + running + " running", () -> {
                List<List<Object>> state = rows("SELECT state FROM system.runtime.queries WHERE query_id = '" + running + "'");
                return state.equals(List.of(List.of("RUNNING")));
            });
            assertThat(rows("SELECT \"user\", query, error_code FROM system.runtime.queries WHERE query_id = '"
                            + running + "'"))
                    .containsExactly(Arrays.asList("metadata-test", LONG_QUERY, null));
            List<List<Object>> tasks = rows("SELECT node_id, state FROM system.runtime.tasks WHERE query_id = '"
                    + running + "' AND stage_id = '" + running + ".1'");
            assertThat(tasks).hasSize(2);
            assertThat(tasks).extracting(row -> row.get(0)).containsExactlyInAnyOrder("worker-1", "worker-2");
        } finally {
            requests.delete("/v1/query/" + running, USER);
        }
        StatementClient.Result finished = client.execute("SELECT count(*) FROM nation");
        assertThat(rows("SELECT state, error_type, \"end\" IS NOT NULL FROM system.runtime.queries WHERE query_id = '"
                        + finished.queryId() + "'"))
                .containsExactly(Arrays.asList("FINISHED", null, true));
        assertThat(rows("SELECT state, error_code FROM system.runtime.queries WHERE query_id = '" + running + "'"))
                .containsExactly(List.of("FAILED", "USER_CANCELED"));
        // a task's final state reaches the coordinator a moment after the query's answer
        Waits.until(Duration.ofSeconds(10), "the three tasks of " + finished.queryId() + " finished",
                () -> rows("SELECT count(*) FROM system.runtime.tasks WHERE query_id = '" + finished.queryId()
                        + "' AND state = 'FINISHED'").equals(List.of(List.of(3))));
        assertThat(rows("SELECT count(*) FROM system.runtime.tasks WHERE query_id = '" + finished.queryId()
                        + "' AND created IS NOT NULL AND \"start\" >= created AND last_heartbeat >= \"start\" AND \"end\" >= created"))
                .containsExactly(List.of(3));
    }
}
