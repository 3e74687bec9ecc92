package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.config.CatalogConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory catalog end to end on a coordinator that runs no tasks and two workers: DDL, CREATE TABLE AS
 * and INSERT write on the workers, scans read each node's data on that node, and the errors are Trino's.
 * The limit and node-loss cases run on clusters of their own.
 */
class MemoryConnectorIT {
    private static final long MAX_DATA_PER_NODE = 6L << 20;

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static StatementClient memory() {
        return cluster.client("memory", "default");
    }

    private static StatementClient tpch() {
        return cluster.client("tpch", "tiny");
    }

    private static StatementClient.Result ok(StatementClient client, String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as("error of %s", sql).isEmpty();
        assertThat(result.state()).isEqualTo("FINISHED");
        return result;
    }

    private static void fails(StatementClient client, String sql, String errorName) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.errorName()).as("error of %s: %s", sql, result.error()).isEqualTo(errorName);
        assertThat(result.state()).isEqualTo("FAILED");
    }

    private static String updateType(StatementClient.Result result) {
        return result.responses().get(result.responses().size() - 1).path("updateType").asText(null);
    }

    private static long updateCount(StatementClient.Result result) {
        return result.responses().get(result.responses().size() - 1).path("updateCount").asLong(-1);
    }

    private static long count(StatementClient client, String sql) {
        return ((Number) ok(client, sql).rows().get(0).get(0)).longValue();
    }

    @Test
    void createTableAsSelectCopiesOrdersOntoBothWorkers() {
        StatementClient.Result created = ok(memory(), "CREATE TABLE orders_copy AS SELECT * FROM tpch.tiny.orders");
        assertThat(created.columns()).extracting(StatementClient.Column::name).containsExactly("rows");
        assertThat(created.columns()).extracting(StatementClient.Column::type).containsExactly("bigint");
        assertThat(created.rows()).containsExactly(List.of(15000));
        assertThat(updateType(created)).isEqualTo("CREATE TABLE");
        assertThat(updateCount(created)).isEqualTo(15000);
        // The update type is on the first response that has columns (JDBC reads it there).
        JsonNode firstWithColumns = created.responses().stream().filter(r -> r.has("columns")).findFirst().orElseThrow();
        assertThat(firstWithColumns.path("updateType").asText()).isEqualTo("CREATE TABLE");

        String aggregates = "SELECT count(*), sum(custkey), min(orderdate), max(clerk), count(DISTINCT orderpriority), sum(totalprice) FROM ";
        StatementClient.Result scan = ok(memory(), aggregates + "orders_copy");
        StatementClient.Result source = ok(tpch(), aggregates + "orders");
        assertThat(scan.rows().get(0).subList(0, 5)).isEqualTo(source.rows().get(0).subList(0, 5));
        // DOUBLE sums depend on the order of the additions.
        assertThat((Double) scan.rows().get(0).get(5)).isCloseTo((Double) source.rows().get(0).get(5), org.assertj.core.data.Offset.offset(1e-3));
        // One split per node holding data, each read on its node: both workers hold rows.
        JsonNode leaf = leafStage(scan);
        assertThat(leaf.path("nodes").asInt()).isEqualTo(2);
        assertThat(leaf.path("completedSplits").asInt()).isEqualTo(2);

        StatementClient.Result columns = ok(memory(), "SELECT orderstatus, count(*) FROM orders_copy GROUP BY orderstatus ORDER BY 1");
        assertThat(columns.rows()).isEqualTo(
                ok(tpch(), "SELECT orderstatus, count(*) FROM orders GROUP BY orderstatus ORDER BY 1").rows());
        assertThat(ok(memory(), "SELECT * FROM orders_copy LIMIT 1").columns())
                .extracting(StatementClient.Column::type)
                .isEqualTo(ok(tpch(), "SELECT * FROM orders LIMIT 1").columns().stream().map(StatementClient.Column::type).toList());
    }

    @Test
    void tpchQueriesOverTheMemoryCopyOfLineitemMatchTheExpectedResults() {
        StatementClient.Result created = ok(memory(), "CREATE TABLE lineitem AS SELECT * FROM tpch.tiny.lineitem");
        assertThat(created.rows()).containsExactly(List.of(60175));
        assertThat(count(memory(), "SELECT count(*) FROM lineitem")).isEqualTo(60175);
        TpchConformance.assertMatches(memory(), "q01");
        TpchConformance.assertMatches(memory(), "q06");
    }

    @Test
    void charAndZonedTimestampColumns() {
        StatementClient memory = memory();
        ok(memory, "CREATE TABLE typed_nulls AS SELECT CAST(NULL AS char(3)) AS code, 1 AS id");
        assertThat(memory.execute("SHOW COLUMNS FROM typed_nulls").rows())
                .containsExactly(List.of("code", "char(3)", "", ""), List.of("id", "integer", "", ""));
        assertThat(memory.execute("SELECT code IS NULL, id FROM typed_nulls").rows()).containsExactly(List.of(true, 1));
        ok(memory, "DROP TABLE typed_nulls");

        ok(memory, "CREATE TABLE zoned (id bigint, at timestamp(3) with time zone)");
        assertThat(memory.execute("DESCRIBE zoned").rows())
                .containsExactly(List.of("id", "bigint", "", ""), List.of("at", "timestamp(3) with time zone", "", ""));
        ok(memory, "DROP TABLE zoned");
    }

    @Test
    void timestampsBeyondTheMicrosecondAreStoredOnTheWorkersWithEveryDigit() {
        StatementClient memory = memory();
        // one row per order, spread over both workers, each with its own digits beyond the microsecond
        ok(memory, "CREATE TABLE precise AS SELECT orderkey, CAST(CAST(orderdate AS varchar) || ' 00:00:00.'"
                + " || lpad(CAST(orderkey AS varchar), 9, '0') AS timestamp(9)) AS at,"
                + " with_timezone(CAST('2020-01-01 00:00:00.123456789' AS timestamp(9)), 'Asia/Tokyo') AS zoned FROM tpch.tiny.orders");
        assertThat(ok(memory, "SELECT CAST(zoned AS varchar), count(*) FROM precise GROUP BY zoned").rows())
                .containsExactly(List.of("2020-01-01 00:00:00.123456789 Asia/Tokyo", 15000));
        ok(memory, "CREATE TABLE moved AS SELECT orderkey, at + INTERVAL '1' DAY AS at FROM precise");
        assertThat(ok(memory, "SELECT count(*), count(DISTINCT a.at), min(CAST(a.at AS varchar)), max(CAST(b.at AS varchar))"
                + " FROM precise a JOIN moved b ON a.at + INTERVAL '1' DAY = b.at").rows())
                .containsExactly(List.of(15000, 15000, "1992-01-01 00:00:00.000003271", "1998-08-03 00:00:00.000055205"));
        ok(memory, "DROP TABLE precise");
        ok(memory, "DROP TABLE moved");
    }

    @Test
    void createTableThenInsertValuesAndSelect() {
        StatementClient.Result created = ok(memory(), "CREATE TABLE people (id bigint, name varchar(20), score double)");
        assertThat(updateType(created)).isEqualTo("CREATE TABLE");
        assertThat(created.rows()).containsExactly(List.of(true));
        assertThat(count(memory(), "SELECT count(*) FROM people")).isZero();

        // Implicit coercions: integer -> bigint, varchar(n) -> varchar(20), decimal -> double.
        StatementClient.Result inserted = ok(memory(), "INSERT INTO people VALUES (1, 'ann', 1.5), (2, 'bob', 2.5), (3, NULL, NULL)");
        assertThat(inserted.rows()).containsExactly(List.of(3));
        assertThat(updateType(inserted)).isEqualTo("INSERT");
        assertThat(updateCount(inserted)).isEqualTo(3);

        ok(memory(), "INSERT INTO memory.default.people (name, id) SELECT name, nationkey FROM tpch.tiny.nation WHERE regionkey = 1");
        StatementClient.Result rows = ok(memory(), "SELECT id, name, score FROM people ORDER BY name NULLS FIRST");
        assertThat(rows.rows()).hasSize(8);
        assertThat(rows.rows().get(0)).containsExactly(3, null, null);
        assertThat(rows.rows().get(1)).containsExactly(1, "ARGENTINA", null);
        assertThat(rows.rows().get(2)).containsExactly(2, "BRAZIL", null);
        assertThat(rows.rows().get(6)).containsExactly(1, "ann", 1.5);
        assertThat(rows.rows().get(7)).containsExactly(2, "bob", 2.5);
        assertThat(ok(memory(), "SELECT count(*), count(name), sum(id) FROM people").rows())
                .containsExactly(List.of(8, 7, 6 + 1 + 2 + 3 + 17 + 24));

        StatementClient.Result dropped = ok(memory(), "DROP TABLE people");
        assertThat(updateType(dropped)).isEqualTo("DROP TABLE");
        fails(memory(), "SELECT * FROM people", "TABLE_NOT_FOUND");
    }

    @Test
    void schemasAndShowTables() {
        StatementClient.Result created = ok(memory(), "CREATE SCHEMA memory.sales");
        assertThat(updateType(created)).isEqualTo("CREATE SCHEMA");
        ok(memory(), "CREATE SCHEMA IF NOT EXISTS sales");
        fails(memory(), "CREATE SCHEMA sales", "SCHEMA_ALREADY_EXISTS");
        ok(memory(), "CREATE TABLE sales.t1 AS SELECT regionkey, name FROM tpch.tiny.region");
        ok(memory(), "CREATE TABLE sales.t2 (a integer)");
        assertThat(ok(memory(), "SHOW TABLES FROM sales").rows()).containsExactly(List.of("t1"), List.of("t2"));
        assertThat(ok(memory(), "SHOW TABLES FROM memory.sales LIKE '%2'").rows()).containsExactly(List.of("t2"));
        fails(memory(), "DROP SCHEMA sales", "SCHEMA_NOT_EMPTY");
        ok(memory(), "DROP TABLE sales.t1");
        ok(memory(), "DROP TABLE memory.sales.t2");
        ok(memory(), "DROP SCHEMA sales");
        ok(memory(), "DROP SCHEMA IF EXISTS sales");
        fails(memory(), "DROP SCHEMA sales", "SCHEMA_NOT_FOUND");
        fails(memory(), "CREATE TABLE sales.t (a bigint)", "NOT_FOUND"); // as Trino's memory connector says it
    }

    @Test
    void errorsAreTrinos() {
        ok(memory(), "CREATE TABLE errors_t (a bigint, b varchar)");
        fails(memory(), "CREATE TABLE errors_t (a bigint)", "TABLE_ALREADY_EXISTS");
        ok(memory(), "CREATE TABLE IF NOT EXISTS errors_t (a bigint)");
        fails(memory(), "CREATE TABLE errors_t AS SELECT 1 AS x", "TABLE_ALREADY_EXISTS");
        fails(memory(), "DROP TABLE missing_t", "TABLE_NOT_FOUND");
        ok(memory(), "DROP TABLE IF EXISTS missing_t");
        fails(memory(), "INSERT INTO missing_t VALUES (1)", "TABLE_NOT_FOUND");
        fails(memory(), "INSERT INTO errors_t VALUES ('x', 1)", "TYPE_MISMATCH");
        fails(memory(), "INSERT INTO errors_t VALUES (1)", "TYPE_MISMATCH");
        fails(memory(), "INSERT INTO errors_t (a, c) VALUES (1, 2)", "COLUMN_NOT_FOUND");
        // Errors in the query part point into the whole statement.
        StatementClient.Result unknownColumn = memory().execute("INSERT INTO errors_t SELECT nosuch, name FROM tpch.tiny.nation");
        assertThat(unknownColumn.errorName()).isEqualTo("COLUMN_NOT_FOUND");
        assertThat(unknownColumn.error().orElseThrow().path("errorLocation").path("columnNumber").asInt()).isEqualTo(29);
        fails(memory(), "CREATE TABLE dup_t (a bigint, a bigint)", "DUPLICATE_COLUMN_NAME");
        fails(memory(), "CREATE TABLE bad_type_t (a nosuchtype)", "TYPE_NOT_FOUND");
        fails(memory(), "CREATE TABLE unnamed_t AS SELECT 1", "MISSING_COLUMN_NAME");
        fails(tpch(), "INSERT INTO orders SELECT * FROM orders", "NOT_SUPPORTED");
        fails(tpch(), "CREATE TABLE tpch.tiny.x (a bigint)", "NOT_SUPPORTED");
        fails(tpch(), "CREATE TABLE tpch.tiny.x AS SELECT 1 AS a", "NOT_SUPPORTED");
        fails(tpch(), "DROP TABLE tpch.tiny.orders", "NOT_SUPPORTED");
        fails(memory(), "CREATE TABLE nocatalog.default.t (a bigint)", "CATALOG_NOT_FOUND");
        // A failed statement leaves nothing behind: no table, no rows.
        fails(memory(), "CREATE TABLE failed_t AS SELECT 1 / (orderkey - orderkey) AS x FROM tpch.tiny.orders", "DIVISION_BY_ZERO");
        fails(memory(), "SELECT * FROM failed_t", "TABLE_NOT_FOUND");
        ok(memory(), "CREATE TABLE failed_t AS SELECT 1 AS x");
        fails(memory(), "INSERT INTO failed_t SELECT 1 / (linenumber - linenumber) FROM tpch.tiny.lineitem", "DIVISION_BY_ZERO");
        assertThat(count(memory(), "SELECT count(*) FROM failed_t")).isEqualTo(1);
    }

    @Test
    void notNullColumnsRefuseNullAndAWriteThatHitsOneCommitsNothing() {
        ok(memory(), "CREATE TABLE nn (a integer NOT NULL, b varchar COMMENT 'bee') COMMENT 'tab'");
        StatementClient.Result refused = memory().execute("INSERT INTO nn VALUES (1, 'x'), (NULL, 'y')");
        assertThat(refused.errorName()).isEqualTo("CONSTRAINT_VIOLATION");
        assertThat(refused.error()).hasValueSatisfying(error -> assertThat(error.path("message").asText())
                .isEqualTo("NULL value not allowed for NOT NULL column: a"));
        fails(memory(), "INSERT INTO nn (b) VALUES ('x')", "CONSTRAINT_VIOLATION");
        assertThat(count(memory(), "SELECT count(*) FROM nn")).isZero();
        ok(memory(), "INSERT INTO nn (b) SELECT 'x' WHERE false");
        ok(memory(), "INSERT INTO nn VALUES (1, NULL)");
        // many rows over both workers' writers, one of them NULL: none of them is committed
        fails(memory(), "INSERT INTO nn SELECT CASE WHEN orderkey = 60000 THEN NULL ELSE CAST(orderkey AS integer) END, clerk "
                + "FROM tpch.tiny.orders", "CONSTRAINT_VIOLATION");
        assertThat(count(memory(), "SELECT count(*) FROM nn")).isEqualTo(1);
        fails(memory(), "ALTER TABLE nn ADD COLUMN c integer NOT NULL", "NOT_SUPPORTED");
        ok(memory(), "ALTER TABLE nn ADD COLUMN c integer COMMENT 'sea'");

        assertThat(ok(memory(), "DESCRIBE nn").rows()).containsExactly(
                List.of("a", "integer", "", ""), List.of("b", "varchar", "", "bee"), List.of("c", "integer", "", "sea"));
        assertThat(ok(memory(), "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'nn'").rows())
                .containsExactly(List.of("a", "NO"), List.of("b", "YES"), List.of("c", "YES"));
        assertThat(ok(memory(), "SHOW CREATE TABLE nn").rows()).containsExactly(List.of(
                "CREATE TABLE memory.default.nn (\n   a integer NOT NULL,\n   b varchar COMMENT 'bee',\n   c integer COMMENT 'sea'\n)\n"
                        + "COMMENT 'tab'"));
        assertThat(ok(memory(), "SELECT * FROM system.metadata.table_comments WHERE catalog_name = 'memory' AND table_name = 'nn'")
                .rows()).containsExactly(List.of("memory", "default", "nn", "tab"));

        ok(memory(), "COMMENT ON TABLE nn IS NULL");
        ok(memory(), "COMMENT ON COLUMN memory.default.nn.a IS 'it''s a'");
        ok(memory(), "COMMENT ON COLUMN nn.b IS NULL");
        fails(memory(), "COMMENT ON COLUMN nn.zz IS 'x'", "COLUMN_NOT_FOUND");
        fails(memory(), "COMMENT ON TABLE nowhere IS 'x'", "TABLE_NOT_FOUND");
        ok(memory(), "ALTER TABLE nn RENAME TO nn2");
        assertThat(ok(memory(), "SHOW CREATE TABLE nn2").rows()).containsExactly(List.of(
                "CREATE TABLE memory.default.nn2 (\n   a integer NOT NULL COMMENT 'it''s a',\n   b varchar,\n   c integer COMMENT 'sea'\n)"));

        // LIKE copies names, types, NOT NULL and comments, here beside columns of its own
        ok(memory(), "CREATE TABLE nn_like (x bigint, LIKE nn2 INCLUDING PROPERTIES, y double)");
        assertThat(ok(memory(), "SHOW CREATE TABLE nn_like").rows()).containsExactly(List.of(
                "CREATE TABLE memory.default.nn_like (\n   x bigint,\n   a integer NOT NULL COMMENT 'it''s a',\n   b varchar,\n"
                        + "   c integer COMMENT 'sea',\n   y double\n)"));
        fails(memory(), "CREATE TABLE nn_dup (LIKE nn2, a integer)", "DUPLICATE_COLUMN_NAME");
        ok(memory(), "CREATE TABLE nation_like (LIKE tpch.tiny.nation)");
        assertThat(ok(memory(), "SELECT count(*) FROM information_schema.columns WHERE table_name = 'nation_like' AND is_nullable = 'NO'")
                .rows()).containsExactly(List.of(4));
        ok(memory(), "CREATE TABLE nn_ctas COMMENT 'copied' AS SELECT 1 x");
        assertThat(ok(memory(), "SHOW CREATE TABLE nn_ctas").rows())
                .containsExactly(List.of("CREATE TABLE memory.default.nn_ctas (\n   x integer\n)\nCOMMENT 'copied'"));
        for (String table : List.of("nn2", "nn_like", "nation_like", "nn_ctas")) {
            ok(memory(), "DROP TABLE " + table);
        }
    }

    @Test
    void schemasAreRenamedWithTheirDataAndDroppedWithCascade() {
        ok(memory(), "CREATE SCHEMA cascade_s");
        ok(memory(), "CREATE TABLE cascade_s.a AS SELECT * FROM tpch.tiny.nation");
        ok(memory(), "CREATE TABLE cascade_s.b AS SELECT * FROM tpch.tiny.region");
        ok(memory(), "CREATE VIEW cascade_s.v AS SELECT name FROM memory.cascade_s.b");
        fails(memory(), "DROP SCHEMA cascade_s", "SCHEMA_NOT_EMPTY");
        fails(memory(), "DROP SCHEMA cascade_s RESTRICT", "SCHEMA_NOT_EMPTY");
        // the rows stay on the workers that hold them: only the names change
        assertThat(updateType(ok(memory(), "ALTER SCHEMA cascade_s RENAME TO cascade_t"))).isEqualTo("RENAME SCHEMA");
        assertThat(count(memory(), "SELECT count(*) FROM cascade_t.a")).isEqualTo(25);
        assertThat(count(memory(), "SELECT sum(regionkey) FROM cascade_t.b")).isEqualTo(10);
        fails(memory(), "SELECT count(*) FROM cascade_s.a", "SCHEMA_NOT_FOUND");
        StatementClient.Result dropped = ok(memory(), "DROP SCHEMA cascade_t CASCADE");
        assertThat(updateType(dropped)).isEqualTo("DROP SCHEMA");
        fails(memory(), "SELECT count(*) FROM cascade_t.a", "SCHEMA_NOT_FOUND");
        ok(memory(), "CREATE SCHEMA cascade_t");
        ok(memory(), "CREATE TABLE cascade_t.a (x bigint)");
        assertThat(count(memory(), "SELECT count(*) FROM cascade_t.a")).isEqualTo(0);
        ok(memory(), "DROP SCHEMA cascade_t CASCADE");
    }

    @Test
    void showStatsReportsTheRowCountAsTrinosMemoryConnector() {
        ok(memory(), "CREATE TABLE stats_nation AS SELECT * FROM tpch.tiny.nation");
        assertThat(ok(memory(), "SHOW STATS FOR stats_nation").rows()).containsExactly(
                java.util.Arrays.asList("nationkey", null, null, null, null, null, null),
                java.util.Arrays.asList("name", null, null, null, null, null, null),
                java.util.Arrays.asList("regionkey", null, null, null, null, null, null),
                java.util.Arrays.asList("comment", null, null, null, null, null, null),
                java.util.Arrays.asList(null, null, null, null, 25.0, null, null));
        ok(memory(), "DROP TABLE stats_nation");
    }

    @Test
    void informationSchemaColumnsHidesItsCommentColumnFromSelectStar() {
        ok(memory(), "CREATE SCHEMA hidden_s");
        ok(memory(), "CREATE TABLE hidden_s.t (a bigint, b varchar(3) COMMENT 'bee')");
        StatementClient.Result star = ok(memory(), "SELECT * FROM information_schema.columns WHERE table_schema = 'hidden_s'");
        assertThat(star.columns()).extracting(StatementClient.Column::name).containsExactly("table_catalog", "table_schema",
                "table_name", "column_name", "ordinal_position", "column_default", "is_nullable", "data_type");
        assertThat(ok(memory(), "SELECT column_name, comment, extra_info FROM information_schema.columns "
                        + "WHERE table_schema = 'hidden_s' ORDER BY column_name").rows())
                .containsExactly(java.util.Arrays.asList("a", null, null), java.util.Arrays.asList("b", "bee", null));
        assertThat(ok(memory(), "DESCRIBE information_schema.columns").rows()).hasSize(8);
        ok(memory(), "DROP SCHEMA hidden_s CASCADE");
    }

    @Test
    void createTableWithNoDataAndColumnAliases() {
        StatementClient.Result created = ok(memory(), "CREATE TABLE empty_t (k, n) AS SELECT nationkey, name FROM tpch.tiny.nation WITH NO DATA");
        assertThat(created.rows()).containsExactly(List.of(0));
        assertThat(updateType(created)).isEqualTo("CREATE TABLE");
        assertThat(count(memory(), "SELECT count(*) FROM empty_t")).isZero();
        ok(memory(), "INSERT INTO empty_t SELECT nationkey, name FROM tpch.tiny.nation");
        assertThat(ok(memory(), "SELECT k, n FROM empty_t WHERE k = 7").rows()).containsExactly(List.of(7, "GERMANY"));
    }

    @Test
    void exceedingTheDataLimitFailsClearlyLeavesNothingBehindAndTheServerKeepsServing() {
        // 6MB per node: one copy of lineitem at tiny (about 4.3MB a node, its flags and modes dictionary-encoded)
        // fits, two do not.
        try (QuarryCluster own = QuarryCluster.start(2, false, builder -> builder.catalogs(List.of(
                CatalogConfig.of("tpch", "tpch", "test"),
                new CatalogConfig("memory", "memory", Map.of("memory.max-data-per-node", "6MB", "memory.replication-factor", "1"), "test"))))) {
            StatementClient client = own.client("memory", "default");
            ok(client, "CREATE TABLE big AS SELECT * FROM tpch.tiny.lineitem");
            StatementClient.Result result = client.execute("INSERT INTO big SELECT * FROM tpch.tiny.lineitem");
            assertThat(result.errorName()).as("%s", result.error()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
            assertThat(result.error().orElseThrow().path("errorType").asText()).isEqualTo("EXTERNAL");
            assertThat(result.error().orElseThrow().path("message").asText())
                    .contains("Memory limit [" + MAX_DATA_PER_NODE + "] for memory connector exceeded");
            // The failed insert added no rows, and the cluster still answers.
            assertThat(count(client, "SELECT count(*) FROM big")).isEqualTo(60175);
            assertThat(count(own.client("tpch", "tiny"), "SELECT count(*) FROM nation")).isEqualTo(25);
            // The system catalog is there though the configuration names only tpch and memory, as in Trino.
            assertThat(count(client, "SELECT count(*) FROM system.runtime.nodes")).isEqualTo(3);
            // and its table function sequence, generated on the workers in several splits
            assertThat(count(client, "SELECT count(DISTINCT sequential_number) FROM TABLE(sequence(1, 1000000))")).isEqualTo(1_000_000);
            // Dropping the table gives its memory back on every worker: another copy fits again.
            ok(client, "DROP TABLE big");
            ok(client, "CREATE TABLE big_again AS SELECT * FROM tpch.tiny.lineitem");
            assertThat(count(client, "SELECT count(*) FROM big_again")).isEqualTo(60175);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"trino", "presto"})
    void jdbcDriversSeeUpdateCounts(String driver) throws Exception {
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/memory/default";
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "jdbc-test");
        String table = "jdbc_" + driver;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, properties);
                java.sql.Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("CREATE TABLE " + table + " AS SELECT * FROM tpch.tiny.region")).isEqualTo(5);
            assertThat(statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM tpch.tiny.region WHERE regionkey < 2"))
                    .isEqualTo(2);
            assertThat(statement.execute("DROP TABLE " + table)).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
        }
    }

    @Test
    void writesWorkOnASingleNodeThatIsCoordinatorAndWorker() {
        try (QuarryCluster single = QuarryCluster.singleNode()) {
            StatementClient client = single.client("memory", "default");
            assertThat(ok(client, "CREATE TABLE nation AS SELECT * FROM tpch.tiny.nation").rows()).containsExactly(List.of(25));
            ok(client, "INSERT INTO nation SELECT * FROM tpch.tiny.nation WHERE regionkey = 0");
            assertThat(ok(client, "SELECT regionkey, count(*) FROM nation GROUP BY regionkey ORDER BY 1").rows())
                    .containsExactly(List.of(0, 10), List.of(1, 5), List.of(2, 5), List.of(3, 5), List.of(4, 5));
            ok(client, "DROP TABLE nation");
            assertThat(ok(client, "SHOW TABLES").rows()).isEmpty();
        }
    }

    @Test
    void scanOfATableWhoseNodeLeftFailsInsteadOfReturningFewerRows() {
        // With one copy of each piece, the data of a worker that left is gone.
        try (QuarryCluster own = QuarryCluster.start(2, false, builder -> builder.catalogs(List.of(
                CatalogConfig.of("tpch", "tpch", "test"),
                new CatalogConfig("memory", "memory", Map.of("memory.replication-factor", "1"), "test"))))) {
            StatementClient client = own.client("memory", "default");
            ok(client, "CREATE TABLE orders AS SELECT * FROM tpch.tiny.orders");
            assertThat(count(client, "SELECT count(*) FROM orders")).isEqualTo(15000);

            QuarryCluster.Node worker = own.workers().get(1);
            worker.node().close();
            Waits.until(java.time.Duration.ofSeconds(30), "the coordinator no longer uses the stopped worker",
                    () -> own.coordinator().node().service().nodes().toCompletableFuture().join().stream()
                            .noneMatch(node -> node.nodeId().equals(worker.config().nodeId()) && !node.failed()));

            StatementClient.Result scan = client.execute("SELECT count(*) FROM orders");
            assertThat(scan.errorName()).as("%s", scan.error()).isEqualTo("MISSING_DATA");
            assertThat(scan.error().orElseThrow().path("message").asText()).contains(worker.config().nodeId());
            // Tables whose data is elsewhere, and other catalogs, still work.
            ok(client, "CREATE TABLE nation AS SELECT * FROM tpch.tiny.nation");
            assertThat(count(client, "SELECT count(*) FROM nation")).isEqualTo(25);
        }
    }

    private static JsonNode leafStage(StatementClient.Result result) {
        JsonNode stage = result.finalStats().path("rootStage");
        while (stage.path("subStages").size() > 0) {
            stage = stage.path("subStages").get(0);
        }
        return stage;
    }
}
