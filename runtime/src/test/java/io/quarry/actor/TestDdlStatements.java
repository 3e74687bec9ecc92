package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.Output;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memory catalog's DDL as planned on the coordinator: NOT NULL, comments and LIKE, with Trino's results and errors. */
class TestDdlStatements {
    private final CatalogManager catalogs = CatalogManager.withBuiltInConnectors(List.of(
            new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("memory", "memory", Map.of())));
    private final SqlStatementPlanner planner = new SqlStatementPlanner(catalogs);
    private final ConnectorMetadata memory = catalogs.require("memory").metadata();

    private PlannedQuery plan(String sql) {
        Session session = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("memory"),
                Optional.of("default"), ZoneId.of("UTC"), "en_US", Map.of(), Map.of(), 0);
        return planner.plan(sql, session, new StatementContext(Map.of(), Optional.of("NONE")));
    }

    /** The rows of a statement answered from metadata (a single Values). */
    private List<List<Object>> rows(String sql) {
        Values values = (Values) ((Output) plan(sql).fragments().get(0).root()).source();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Expression> row : values.rows()) {
            rows.add(row.stream().map(value -> ((Constant) value).value()).toList());
        }
        return rows;
    }

    private TableMetadata table(String name) {
        return memory.table(new SchemaTableName("default", name)).orElseThrow();
    }

    private void assertFails(String sql, ErrorCode code, String message) {
        assertThatThrownBy(() -> plan(sql)).isInstanceOfSatisfying(QuarryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void notNullAndCommentsAreKeptAndShown() {
        assertThat(plan("CREATE TABLE t (a int NOT NULL, b varchar COMMENT 'bee', d decimal(10,2), r row(x int, y varchar)) "
                + "COMMENT 'tab'").updateType()).contains("CREATE TABLE");
        assertThat(table("t").columns()).containsExactly(
                new ColumnMetadata("a", Types.INTEGER, false, Optional.empty()),
                new ColumnMetadata("b", Types.VARCHAR, true, Optional.of("bee")),
                new ColumnMetadata("d", Types.decimal(10, 2)),
                new ColumnMetadata("r", Types.parse("row(x integer, y varchar)")));
        assertThat(table("t").comment()).contains("tab");
        assertThat(memory.isNullable(new SchemaTableName("default", "t"), "a")).isFalse();
        assertThat(rows("DESCRIBE t")).containsExactly(
                List.of("a", "integer", "", ""), List.of("b", "varchar", "", "bee"), List.of("d", "decimal(10,2)", "", ""),
                List.of("r", "row(x integer, y varchar)", "", ""));
        // Trino's text, types written as its formatter writes them, typed varchar(length)
        String created = "CREATE TABLE memory.default.t (\n   a integer NOT NULL,\n   b varchar COMMENT 'bee',\n"
                + "   d decimal(10, 2),\n   r ROW(x integer, y varchar)\n)\nCOMMENT 'tab'";
        assertThat(rows("SHOW CREATE TABLE t")).containsExactly(List.of(created));
        assertThat(plan("SHOW CREATE TABLE t").columns().get(0).type()).isEqualTo(Types.varchar(created.length()));

        plan("COMMENT ON TABLE t IS NULL");
        plan("COMMENT ON COLUMN memory.default.t.a IS 'it''s'");
        plan("COMMENT ON COLUMN t.b IS NULL");
        plan("ALTER TABLE t ADD COLUMN e bigint NOT NULL COMMENT 'e'");
        plan("ALTER TABLE t RENAME COLUMN a TO aa");
        plan("ALTER TABLE t RENAME TO t2");
        assertThat(rows("SHOW CREATE TABLE t2")).containsExactly(List.of("CREATE TABLE memory.default.t2 (\n"
                + "   aa integer NOT NULL COMMENT 'it''s',\n   b varchar,\n   d decimal(10, 2),\n   r ROW(x integer, y varchar),\n"
                + "   e bigint NOT NULL COMMENT 'e'\n)"));
        assertThat(rows("SHOW COLUMNS FROM t2").get(0)).isEqualTo(List.of("aa", "integer", "", "it's"));

        assertFails("COMMENT ON COLUMN t2.zz IS 'x'", ErrorCode.COLUMN_NOT_FOUND, "Column does not exist: zz");
        assertFails("COMMENT ON TABLE nowhere IS 'x'", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.nowhere' does not exist");
        assertFails("COMMENT ON VIEW t2 IS 'x'", ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.t2' does not exist, but a table "
                + "with that name exists. Did you mean COMMENT ON TABLE memory.default.t2 IS ...?");
        assertFails("CREATE TABLE bad (a int, A bigint)", ErrorCode.DUPLICATE_COLUMN_NAME, "Column name 'a' specified more than once");
        assertFails("CREATE TABLE nowhere.t (a int)", ErrorCode.NOT_FOUND, "Schema nowhere not found");
        assertFails("CREATE TABLE nowhere.t AS SELECT 1 a", ErrorCode.NOT_FOUND, "Schema nowhere not found");
    }

    @Test
    void alterColumnDropsNotNullOnlyAndOtherAlterationsFailAsInTrino() {
        plan("CREATE TABLE n (a int NOT NULL, b varchar)");
        assertThat(plan("ALTER TABLE n ALTER COLUMN a DROP NOT NULL").updateType()).contains("DROP NOT NULL CONSTRAINT");
        assertThat(table("n").column("a").orElseThrow().nullable()).isTrue();
        assertFails("ALTER TABLE n ALTER COLUMN b DROP NOT NULL", ErrorCode.NOT_SUPPORTED, "Column is already nullable");
        assertFails("ALTER TABLE n ALTER COLUMN zz DROP NOT NULL", ErrorCode.COLUMN_NOT_FOUND, "Column 'zz' does not exist");
        assertThat(plan("ALTER TABLE IF EXISTS nowhere ALTER COLUMN a DROP NOT NULL").updateType()).isPresent();
        assertFails("ALTER TABLE n ALTER COLUMN a SET DATA TYPE bigint", ErrorCode.NOT_SUPPORTED,
                "This connector does not support setting column types");
        assertFails("ALTER TABLE n ALTER COLUMN a SET DATA TYPE nosuchtype", ErrorCode.TYPE_NOT_FOUND,
                "Unknown type 'nosuchtype' for column 'a'");
        assertFails("ALTER TABLE nowhere SET PROPERTIES x = 1", ErrorCode.INVALID_TABLE_PROPERTY,
                "Catalog 'memory' table property 'x' does not exist");
        assertFails("ALTER TABLE n EXECUTE optimize", ErrorCode.PROCEDURE_NOT_FOUND, "Table procedure not registered: OPTIMIZE");
        assertFails("ALTER TABLE nowhere EXECUTE optimize", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.nowhere' does not exist");
    }

    @Test
    void showCreateSchemaAsTrinoWritesIt() {
        plan("CREATE SCHEMA memory.sales AUTHORIZATION someone");
        assertThat(rows("SHOW CREATE SCHEMA memory.sales")).containsExactly(List.of("CREATE SCHEMA memory.sales"));
        assertThat(plan("SHOW CREATE SCHEMA sales").columns().get(0).type()).isEqualTo(Types.varchar(26));
        assertFails("SHOW CREATE SCHEMA nowhere", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.nowhere' does not exist");
        assertFails("ALTER SCHEMA sales SET AUTHORIZATION someone", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER SCHEMA nowhere SET AUTHORIZATION someone", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.nowhere' does not exist");
        plan("CREATE TABLE sales.t (a int)");
        assertFails("ALTER TABLE sales.t SET AUTHORIZATION someone", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER TABLE sales.nowhere SET AUTHORIZATION someone", ErrorCode.TABLE_NOT_FOUND,
                "Table 'memory.sales.nowhere' does not exist");
    }

    @Test
    void viewCommentsReplaceTheStoredView() {
        plan("CREATE VIEW v COMMENT 'first' AS SELECT 1 x, 'a' y");
        plan("COMMENT ON COLUMN v.x IS 'ex'");
        assertThat(rows("DESCRIBE v")).containsExactly(List.of("x", "integer", "", "ex"), List.of("y", "varchar(1)", "", ""));
        assertThat(rows("SHOW CREATE VIEW v")).containsExactly(
                List.of("CREATE VIEW memory.default.v COMMENT 'first' SECURITY DEFINER AS\nSELECT 1 x, 'a' y"));
        plan("COMMENT ON VIEW v IS NULL");
        assertThat(memory.view(new SchemaTableName("default", "v")).orElseThrow().comment()).isEmpty();
        assertFails("COMMENT ON TABLE v IS 'x'", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.v' does not exist, but a view "
                + "with that name exists. Did you mean COMMENT ON VIEW memory.default.v IS ...?");
        assertFails("COMMENT ON VIEW nowhere IS 'x'", ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.nowhere' does not exist");
        assertFails("COMMENT ON COLUMN v.zz IS 'x'", ErrorCode.COLUMN_NOT_FOUND, "Column does not exist: zz");
    }

    @Test
    void likeCopiesColumnsNotNullAndComments() {
        plan("CREATE TABLE src (a int NOT NULL COMMENT 'ay', b varchar)");
        plan("CREATE TABLE copy (x bigint, LIKE src INCLUDING PROPERTIES, y double)");
        assertThat(table("copy").columns()).containsExactly(
                new ColumnMetadata("x", Types.BIGINT),
                new ColumnMetadata("a", Types.INTEGER, false, Optional.of("ay")),
                new ColumnMetadata("b", Types.VARCHAR),
                new ColumnMetadata("y", Types.DOUBLE));
        // the tpch connector's columns are NOT NULL
        plan("CREATE TABLE nation_copy (LIKE tpch.tiny.nation EXCLUDING PROPERTIES)");
        assertThat(table("nation_copy").columns()).extracting(ColumnMetadata::name, ColumnMetadata::nullable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nationkey", false), org.assertj.core.groups.Tuple.tuple("name", false),
                org.assertj.core.groups.Tuple.tuple("regionkey", false), org.assertj.core.groups.Tuple.tuple("comment", false));
        assertFails("CREATE TABLE dup (LIKE src, a int)", ErrorCode.DUPLICATE_COLUMN_NAME, "Column name 'a' specified more than once");
        assertFails("CREATE TABLE missing (LIKE nowhere)", ErrorCode.TABLE_NOT_FOUND, "LIKE table 'memory.default.nowhere' does not exist");
        assertFails("CREATE TABLE nowhere.t (LIKE src)", ErrorCode.NOT_FOUND, "Schema nowhere not found");
    }
}
