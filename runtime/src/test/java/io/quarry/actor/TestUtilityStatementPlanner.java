package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.client.SessionUpdates;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TestUtilityStatementPlanner {
    private static final String TRANSACTION = "6a1f8b4e-2d3c-4e5f-8a9b-0c1d2e3f4a5b";
    private static final SqlStatementPlanner PLANNER = new SqlStatementPlanner(CatalogManager.withBuiltInConnectors(List.of(
            new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("memory", "memory", Map.of()))));

    private static Session session(Map<String, String> properties) {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("tpch"),
                Optional.of("tiny"), ZoneId.of("UTC"), "en_US", properties, Map.of(), 0);
    }

    private static PlannedQuery plan(String sql) {
        return PLANNER.plan(sql, session(Map.of()), new StatementContext(Map.of("q", "SELECT ? + 1, ?"), Optional.of("NONE")));
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void withSessionSetsPropertiesForTheQueryAlone() {
        String recursive = " WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 4) SELECT sum(n) FROM t";
        // the recursion is unrolled to the depth: two steps plan smaller than twenty
        String shallow = plan("WITH SESSION max_recursion_depth = 2" + recursive).fragments().toString();
        String deep = plan("WITH SESSION max_recursion_depth = 20, query_max_execution_time = '2h'" + recursive).fragments().toString();
        assertThat(shallow.length()).isLessThan(deep.length());
        assertThat(plan("WITH session AS (SELECT 1) SELECT * FROM session").columns()).hasSize(1);
        // the query runs with its own session: its run time, memory and retry limits too
        assertThat(plan("WITH SESSION query_max_run_time = '1s' SELECT 1").runSession().orElseThrow()
                .systemProperty("query_max_run_time")).contains("1s");
        assertThat(plan("SELECT 1").runSession()).isEmpty();
        assertFails(() -> plan("WITH SESSION foo = 1 SELECT 1"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("WITH SESSION query_max_execution_time = 5 SELECT 1"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("WITH SESSION tpch.foo = 1 SELECT 1"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("WITH SESSION query_max_execution_time = '2h', query_max_execution_time = '3h' SELECT 1"),
                ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("WITH SESSION join_distribution_type = 'BROADCAST' INSERT INTO memory.default.t VALUES 1"),
                ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void killQueryOfAnUnknownQueryIsNotFound() {
        // Trino 476: NOT_FOUND "Target query not found: 20151207_215727_00146_tx3nr"
        SqlStatementPlanner withSystem = new SqlStatementPlanner(CatalogManager.withBuiltInConnectors(List.of(
                new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("system", "system", Map.of()))));
        assertThatThrownBy(() -> withSystem.plan("CALL system.runtime.kill_query(query_id => '20151207_215727_00146_tx3nr',"
                        + " message => 'Using too many resources')", session(Map.of())))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Target query not found: 20151207_215727_00146_tx3nr");
                });
        assertFails(() -> withSystem.plan("CALL system.runtime.no_such_procedure('x')", session(Map.of())),
                ErrorCode.PROCEDURE_NOT_FOUND);
    }

    @Test
    void killQueryKillsAKnownQueryWithItsMessage() {
        QueryId running = QueryId.valueOf("20260101_120000_00007_abcde");
        List<String> kills = new java.util.ArrayList<>();
        ConnectorContext coordinator = new ConnectorContext() {
            @Override
            public CompletionStage<Boolean> killQuery(QueryId queryId, String message) {
                kills.add(queryId + " " + message);
                return CompletableFuture.completedFuture(queryId.equals(running));
            }
        };
        SqlStatementPlanner planner = new SqlStatementPlanner(CatalogManager.withBuiltInConnectors(
                List.of(new CatalogEntry("system", "system", Map.of())), coordinator));
        PlannedQuery killed = planner.plan("CALL system.runtime.kill_query(query_id => '" + running + "',"
                + " message => 'Using too many resources')", session(Map.of()));
        assertThat(killed.updateType()).contains("CALL");
        planner.plan("CALL system.runtime.kill_query('" + running + "')", session(Map.of()));
        assertThat(kills).containsExactly(running + " Query killed. Message: Using too many resources", running + " Query killed.");
    }

    @Test
    void useAnswersWithCatalogAndSchema() {
        PlannedQuery use = plan("USE memory.default");
        assertThat(use.updateType()).contains("USE");
        assertThat(use.sessionUpdates().setCatalog()).contains("memory");
        assertThat(use.sessionUpdates().setSchema()).contains("default");
        assertThat(plan("use sf1").sessionUpdates().setCatalog()).contains("tpch");

        assertFails(() -> plan("USE nowhere.tiny"), ErrorCode.CATALOG_NOT_FOUND);
        assertFails(() -> plan("USE tpch.nowhere"), ErrorCode.SCHEMA_NOT_FOUND);
    }

    @Test
    void setSessionIsCheckedAgainstTheKnownProperties() {
        SessionUpdates set = plan("SET SESSION join_distribution_type = 'broadcast'").sessionUpdates();
        assertThat(set.setSessionProperties()).isEqualTo(Map.of("join_distribution_type", "BROADCAST"));
        assertThat(plan("SET SESSION hash_partition_count = 8").sessionUpdates().setSessionProperties())
                .isEqualTo(Map.of("hash_partition_count", "8"));
        assertThat(plan("RESET SESSION query_max_memory").sessionUpdates().resetSessionProperties())
                .containsExactly("query_max_memory");

        assertFails(() -> plan("SET SESSION no_such_property = 'x'"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("SET SESSION hash_partition_count = 'many'"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("SET SESSION query_max_memory = 1"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("SET SESSION query_max_memory = 'lots'"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("SET SESSION tpch.splits = 4"), ErrorCode.INVALID_SESSION_PROPERTY);
        assertFails(() -> plan("RESET SESSION no_such_property"), ErrorCode.INVALID_SESSION_PROPERTY);
    }

    @Test
    void joinDistributionTypeChangesThePlan() {
        String join = "SELECT n.name, r.name FROM nation n JOIN region r ON n.regionkey = r.regionkey";
        String broadcast = PLANNER.plan(join, session(Map.of("join_distribution_type", "BROADCAST"))).fragments().toString();
        String partitioned = PLANNER.plan(join, session(Map.of("join_distribution_type", "PARTITIONED"))).fragments().toString();
        assertThat(broadcast).contains("BROADCAST").doesNotContain("PARTITIONED");
        assertThat(partitioned).contains("PARTITIONED").doesNotContain("BROADCAST");
    }

    @Test
    void transactionsNeedAClientThatSupportsThem() {
        assertThat(plan("START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY").sessionUpdates().startedTransactionId())
                .isPresent();
        assertFails(() -> plan("COMMIT"), ErrorCode.NOT_IN_TRANSACTION);
        assertFails(() -> plan("ROLLBACK"), ErrorCode.NOT_IN_TRANSACTION);

        StatementContext inTransaction = new StatementContext(Map.of(), Optional.of(TRANSACTION));
        assertThat(PLANNER.plan("COMMIT", session(Map.of()), inTransaction).sessionUpdates().clearTransactionId()).isTrue();
        assertThat(PLANNER.plan("ROLLBACK WORK", session(Map.of()), inTransaction).updateType()).contains("ROLLBACK");
        assertFails(() -> PLANNER.plan("START TRANSACTION", session(Map.of()), inTransaction), ErrorCode.NOT_SUPPORTED);
        assertFails(() -> PLANNER.plan("START TRANSACTION", session(Map.of())), ErrorCode.INCOMPATIBLE_CLIENT);
    }

    @Test
    void preparedStatementsAreBoundAndChecked() {
        assertThat(plan("PREPARE p FROM SELECT ? FROM nation").sessionUpdates().addedPreparedStatements())
                .isEqualTo(Map.of("p", "SELECT ? FROM nation"));
        PlannedQuery executed = plan("EXECUTE q USING BIGINT '41', 'text'");
        assertThat(executed.columns()).extracting(column -> column.type().displayName()).containsExactly("bigint", "varchar(4)");
        assertThat(plan("DEALLOCATE PREPARE q").sessionUpdates().deallocatedPreparedStatements()).containsExactly("q");
        assertThat(plan("DESCRIBE INPUT q").fragments()).isNotEmpty();
        assertThat(plan("EXECUTE IMMEDIATE 'SELECT ?' USING DATE '2024-02-29'").columns().get(0).type().displayName())
                .isEqualTo("date");

        assertFails(() -> plan("EXECUTE q USING 1"), ErrorCode.INVALID_PARAMETER_USAGE);
        assertFails(() -> plan("EXECUTE q USING 1, 2, 3"), ErrorCode.INVALID_PARAMETER_USAGE);
        assertFails(() -> plan("EXECUTE missing"), ErrorCode.NOT_FOUND);
        assertFails(() -> plan("DEALLOCATE PREPARE missing"), ErrorCode.NOT_FOUND);
        assertFails(() -> plan("DESCRIBE OUTPUT missing"), ErrorCode.NOT_FOUND);
        assertFails(() -> plan("PREPARE p FROM EXECUTE q"), ErrorCode.NOT_SUPPORTED);
    }

    @Test
    void explainShowsThePlanItsFragmentsOrValidity() {
        String query = "SELECT regionkey, count(*) FROM nation GROUP BY regionkey";
        String logical = explainText("EXPLAIN (TYPE LOGICAL) " + query);
        assertThat(logical).startsWith("Output[").contains("Aggregate[").contains("TableScan[").doesNotContain("Exchange[");
        String distributed = explainText("EXPLAIN (TYPE DISTRIBUTED, FORMAT TEXT) " + query);
        assertThat(distributed).startsWith("Fragment 0 [").contains("Fragment 2 [SOURCE]").contains("RemoteSource[")
                .contains("Output partitioning: REPARTITION");
        assertThat(explainText("EXPLAIN " + query)).isEqualTo(distributed);
        PlannedQuery validate = plan("EXPLAIN (TYPE VALIDATE) " + query);
        assertThat(validate.columns()).extracting(column -> column.name()).containsExactly("Valid");

        assertFails(() -> plan("EXPLAIN (TYPE VALIDATE) SELECT nothing FROM nation"), ErrorCode.COLUMN_NOT_FOUND);
        assertFails(() -> plan("EXPLAIN CREATE TABLE memory.default.t (a bigint)"), ErrorCode.NOT_SUPPORTED);
        assertFails(() -> plan("EXPLAIN (FORMAT JSON) " + query), ErrorCode.NOT_SUPPORTED);
        assertFails(() -> plan("EXPLAIN (TYPE SIDEWAYS) " + query), ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void explainAnalyzeRunsQueriesOnlyAndAnswersWithOneTextColumn() {
        String query = "SELECT regionkey, count(*) FROM nation GROUP BY regionkey";
        PlannedQuery analyze = plan("EXPLAIN ANALYZE VERBOSE " + query);
        assertThat(analyze.columns()).extracting(column -> column.name()).containsExactly("Query Plan");
        assertThat(analyze.columns().get(0).type()).isEqualTo(io.quarry.type.Types.VARCHAR);
        assertThat(analyze.analyze()).isPresent();
        assertThat(analyze.fragments()).hasSize(3);
        assertThat(plan(query).analyze()).isEmpty();

        assertFails(() -> plan("EXPLAIN ANALYZE INSERT INTO memory.default.t SELECT 1"), ErrorCode.NOT_SUPPORTED);
        assertFails(() -> plan("EXPLAIN ANALYZE CREATE TABLE memory.default.t AS SELECT 1 x"), ErrorCode.NOT_SUPPORTED);
        assertThatThrownBy(() -> plan("EXPLAIN ANALYZE SHOW CATALOGS"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED))
                .hasMessageContaining("only supported for queries").hasMessageContaining("SHOW CATALOGS");
        assertFails(() -> plan("EXPLAIN ANALYZE EXPLAIN " + query), ErrorCode.NOT_SUPPORTED);
        assertFails(() -> plan("EXPLAIN ANALYZE"), ErrorCode.SYNTAX_ERROR);
        assertFails(() -> plan("EXPLAIN ANALYZE SELECT nothing FROM nation"), ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void explainIoListsTheTablesReadWithTheirConstraintsAndTheTableWritten() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var io = json.readTree(explainText("EXPLAIN (TYPE IO, FORMAT JSON) SELECT o.orderkey, c.name FROM orders o JOIN customer c"
                + " ON o.custkey = c.custkey WHERE o.orderstatus = 'F' AND c.acctbal > 100 AND c.acctbal <= 2000"));
        assertThat(io.get("inputTableColumnInfos")).hasSize(2);
        assertThat(io.has("outputTable")).isFalse();
        var orders = inputTable(io, "orders");
        assertThat(orders.at("/table/catalog").asText()).isEqualTo("tpch");
        assertThat(orders.at("/table/schemaTable/schema").asText()).isEqualTo("tiny");
        assertThat(orders.at("/constraint/none").asBoolean()).isFalse();
        var status = orders.at("/constraint/columnConstraints/0");
        assertThat(status.get("columnName").asText()).isEqualTo("orderstatus");
        assertThat(status.at("/domain/nullsAllowed").asBoolean()).isFalse();
        assertThat(status.at("/domain/ranges/0/low/value").asText()).isEqualTo("F");
        assertThat(status.at("/domain/ranges/0/low/bound").asText()).isEqualTo("EXACTLY");
        assertThat(status.at("/domain/ranges/0/high/bound").asText()).isEqualTo("EXACTLY");
        assertThat(orders.at("/estimate/outputRowCount").asDouble()).isEqualTo(15000.0);
        var balance = inputTable(io, "customer").at("/constraint/columnConstraints/0");
        assertThat(balance.get("columnName").asText()).isEqualTo("acctbal");
        assertThat(balance.at("/domain/ranges")).hasSize(1);
        assertThat(balance.at("/domain/ranges/0/low/bound").asText()).isEqualTo("ABOVE");
        assertThat(balance.at("/domain/ranges/0/high/bound").asText()).isEqualTo("EXACTLY");
        assertThat(new java.math.BigDecimal(balance.at("/domain/ranges/0/low/value").asText())).isEqualByComparingTo("100");
        assertThat(new java.math.BigDecimal(balance.at("/domain/ranges/0/high/value").asText())).isEqualByComparingTo("2000");

        var insert = json.readTree(explainText("EXPLAIN (TYPE IO) INSERT INTO memory.default.copy SELECT * FROM nation"));
        assertThat(insert.at("/outputTable/catalog").asText()).isEqualTo("memory");
        assertThat(insert.at("/outputTable/schemaTable/table").asText()).isEqualTo("copy");
        assertThat(insert.at("/inputTableColumnInfos/0/table/schemaTable/table").asText()).isEqualTo("nation");
        assertFails(() -> plan("EXPLAIN (TYPE IO) SHOW CATALOGS"), ErrorCode.NOT_SUPPORTED);
    }

    private static com.fasterxml.jackson.databind.JsonNode inputTable(com.fasterxml.jackson.databind.JsonNode io, String table) {
        for (var input : io.get("inputTableColumnInfos")) {
            if (input.at("/table/schemaTable/table").asText().equals(table)) {
                return input;
            }
        }
        throw new AssertionError("no input table " + table + " in " + io);
    }

    private static String explainText(String sql) {
        PlannedQuery explained = plan(sql);
        assertThat(explained.columns()).extracting(column -> column.name()).containsExactly("Query Plan");
        io.quarry.plan.Values values = (io.quarry.plan.Values) explained.fragments().get(0).root().sources().get(0);
        return (String) ((io.quarry.plan.expression.Constant) values.rows().get(0).get(0)).value();
    }
}
