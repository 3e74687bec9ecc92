package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.client.ResultColumn;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableWriter;
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
    void charAndAnonymousRowColumnsKeepTheirTypes() {
        // as Trino 476 describes them
        plan("CREATE TABLE rc (c char(3), a array(char(2)), r row(int, varchar), m map(varchar, char(2)))");
        assertThat(table("rc").columns().stream().map(column -> column.type().displayName()).toList()).containsExactly(
                "char(3)", "array(char(2))", "row(integer, varchar)", "map(varchar, char(2))");
        assertThat(rows("DESCRIBE rc")).containsExactly(
                List.of("c", "char(3)", "", ""), List.of("a", "array(char(2))", "", ""),
                List.of("r", "row(integer, varchar)", "", ""), List.of("m", "map(varchar, char(2))", "", ""));
        assertThat(rows("SHOW CREATE TABLE rc")).containsExactly(List.of("CREATE TABLE memory.default.rc (\n   c char(3),\n"
                + "   a array(char(2)),\n   r ROW(integer, varchar),\n   m map(varchar, char(2))\n)"));
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
        assertFails("CREATE TABLE joined AS SELECT * FROM tpch.tiny.nation n JOIN tpch.tiny.region r ON n.regionkey = r.regionkey",
                ErrorCode.DUPLICATE_COLUMN_NAME, "Column name 'regionkey' specified more than once");
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
    void decimalColumnOfInvalidPrecisionOrScaleFailsAsInTrino() {
        assertFails("CREATE TABLE d (a decimal(40,2))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 40");
        assertFails("CREATE TABLE d (a decimal(0,0))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 0");
        assertFails("CREATE TABLE d (a array(decimal(39)))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 39");
        assertFails("CREATE TABLE d (a decimal(5,6))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL scale must be in range [0, precision (5)]: 6");
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
        // Trino 476 on the memory catalog: ROLE_NOT_FOUND "Role 'public' does not exist"
        assertFails("ALTER TABLE sales.t SET AUTHORIZATION ROLE PUBLIC", ErrorCode.ROLE_NOT_FOUND, "Role 'public' does not exist");
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
    void aViewShowsItsColumnsAsItsQueryWritesThem() {
        plan("CREATE VIEW v AS SELECT 1 AS Foo, 'x' AS \"Bar\", regionkey AS RK, Name FROM tpch.tiny.region");
        assertThat(columnNames("SELECT * FROM v")).containsExactly("Foo", "Bar", "RK", "Name");
        assertThat(columnNames("SELECT w.* FROM v w")).containsExactly("Foo", "Bar", "RK", "Name");
        assertThat(columnNames("SELECT * FROM (SELECT * FROM v)")).containsExactly("Foo", "Bar", "RK", "Name");
        assertThat(columnNames("SELECT foo, BAR, rk FROM v")).containsExactly("foo", "BAR", "rk");
        // the stored columns are in lower case, as DESCRIBE shows them
        assertThat(rows("DESCRIBE v").stream().map(row -> row.get(0)).toList())
                .containsExactly("foo", "bar", "rk", "name");
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

    private List<String> columnNames(String sql) {
        return plan(sql).columns().stream().map(ResultColumn::name).toList();
    }

    /** The TableWriters of a plan that drop data, by table: one chain of them runs on every worker. */
    private List<String> droppedTables(String sql) {
        List<String> tables = new ArrayList<>();
        for (PlanFragment fragment : plan(sql).fragments()) {
            collectDrops(fragment.root(), tables);
        }
        return tables;
    }

    private static void collectDrops(PlanNode node, List<String> tables) {
        if (node instanceof TableWriter writer && writer.dropData()) {
            tables.add(writer.target().table().toString());
        }
        node.sources().forEach(source -> collectDrops(source, tables));
    }

    @Test
    void dropSchemaRestrictRefusesANonEmptySchemaAndCascadeDropsItsTablesAndViews() {
        plan("CREATE SCHEMA s");
        plan("CREATE TABLE s.a (x int)");
        plan("CREATE TABLE s.b (y int)");
        plan("CREATE VIEW s.v AS SELECT 1 z");
        assertFails("DROP SCHEMA s", ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 's'");
        assertFails("DROP SCHEMA s RESTRICT", ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 's'");
        // checked for every catalog, as in Trino: tpch's schemas and information_schema hold tables
        assertFails("DROP SCHEMA tpch.tiny", ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 'tiny'");
        assertFails("DROP SCHEMA information_schema", ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 'information_schema'");
        assertFails("DROP SCHEMA tpch.tiny CASCADE", ErrorCode.NOT_SUPPORTED, "This connector does not support dropping schemas");
        assertThat(plan("DROP SCHEMA s CASCADE").updateType()).contains("DROP SCHEMA");
        assertThat(memory.schemaExists("s")).isFalse();
        assertThat(memory.view(new SchemaTableName("s", "v"))).isEmpty();
        assertFails("DROP SCHEMA s CASCADE", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.s' does not exist");
        assertThat(plan("DROP SCHEMA IF EXISTS s CASCADE").updateType()).contains("DROP SCHEMA");
        // a schema of the same name is new and empty
        plan("CREATE SCHEMA s");
        assertThat(memory.listTables("s")).isEmpty();
        plan("CREATE TABLE s.c (x int)");
        assertThat(droppedTables("DROP SCHEMA s CASCADE")).containsExactly("s.c");
    }

    @Test
    void cascadeDropsTheDataOfEachTableOnTheWorkers() {
        plan("CREATE SCHEMA d");
        plan("CREATE TABLE d.a (x int)");
        plan("CREATE TABLE d.b (y int)");
        assertThat(droppedTables("DROP SCHEMA d CASCADE")).containsExactlyInAnyOrder("d.a", "d.b");
        plan("CREATE SCHEMA e");
        // nothing to drop on the workers: answered at once
        assertThat(rows("DROP SCHEMA e CASCADE")).containsExactly(List.of(true));
    }

    @Test
    void renameSchemaMovesItsTablesAndViews() {
        plan("CREATE SCHEMA old");
        plan("CREATE TABLE old.t (a int COMMENT 'ay')");
        plan("CREATE VIEW old.v AS SELECT 1 x");
        assertThat(plan("ALTER SCHEMA old RENAME TO new").updateType()).contains("RENAME SCHEMA");
        assertThat(memory.schemaExists("old")).isFalse();
        assertThat(memory.table(new SchemaTableName("new", "t")).orElseThrow().columns())
                .containsExactly(new ColumnMetadata("a", Types.INTEGER, true, Optional.of("ay")));
        assertThat(memory.view(new SchemaTableName("new", "v"))).isPresent();
        assertFails("ALTER SCHEMA old RENAME TO other", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.old' does not exist");
        assertFails("ALTER SCHEMA new RENAME TO \"default\"", ErrorCode.SCHEMA_ALREADY_EXISTS,
                "Target schema 'memory.default' already exists");
        assertFails("ALTER SCHEMA new RENAME TO information_schema", ErrorCode.SCHEMA_ALREADY_EXISTS,
                "Target schema 'memory.information_schema' already exists");
        assertFails("ALTER SCHEMA tpch.tiny RENAME TO x", ErrorCode.NOT_SUPPORTED, "This connector does not support renaming schemas");
    }

    @Test
    void setAuthorizationFailsAsInTrino() {
        assertFails("ALTER SCHEMA \"default\" SET AUTHORIZATION alice", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER SCHEMA \"default\" SET AUTHORIZATION USER alice", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER SCHEMA \"default\" SET AUTHORIZATION ROLE admin", ErrorCode.ROLE_NOT_FOUND, "Role 'admin' does not exist");
        assertFails("ALTER SCHEMA nowhere SET AUTHORIZATION ROLE admin", ErrorCode.SCHEMA_NOT_FOUND,
                "Schema 'memory.nowhere' does not exist");
        plan("CREATE VIEW authorized AS SELECT 1 x");
        assertFails("ALTER VIEW authorized SET AUTHORIZATION alice", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER TABLE authorized SET AUTHORIZATION alice", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("ALTER VIEW nowhere SET AUTHORIZATION alice", ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.nowhere' does not exist");
    }

    @Test
    void viewsAreRenamedAndRefuseTableStatements() {
        plan("CREATE VIEW rv AS SELECT 1 x");
        plan("CREATE TABLE rt (a int)");
        assertFails("ALTER TABLE rv RENAME TO rv2", ErrorCode.GENERIC_USER_ERROR, "Table 'memory.default.rv' does not exist, "
                + "but a view with that name exists. Did you mean ALTER VIEW memory.default.rv RENAME TO ...?");
        assertFails("INSERT INTO rv VALUES (1)", ErrorCode.NOT_SUPPORTED, "Inserting into views is not supported");
        assertFails("DELETE FROM rv", ErrorCode.NOT_SUPPORTED, "Deleting from views is not supported");
        assertFails("UPDATE rv SET x = 1", ErrorCode.NOT_SUPPORTED, "Updating views is not supported");
        assertFails("TRUNCATE TABLE rv", ErrorCode.NOT_SUPPORTED, "Cannot truncate a view");
        assertFails("ALTER VIEW rv RENAME TO tpch.tiny.rv2", ErrorCode.NOT_SUPPORTED, "View rename across catalogs is not supported");
        assertFails("ALTER VIEW rv RENAME TO nowhere.rv2", ErrorCode.NOT_FOUND, "Schema nowhere not found");
        assertFails("ALTER VIEW rv RENAME TO rt", ErrorCode.TABLE_ALREADY_EXISTS,
                "Target view 'memory.default.rt' does not exist, but a table with that name exists.");
        assertFails("ALTER VIEW rt RENAME TO rv2", ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.rt' does not exist, but a table "
                + "with that name exists. Did you mean ALTER TABLE memory.default.rt RENAME TO ...?");
        assertFails("ALTER VIEW nowhere RENAME TO rv2", ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.nowhere' does not exist");
        assertThat(plan("ALTER VIEW rv RENAME TO memory.default.rv2").updateType()).contains("RENAME VIEW");
        assertThat(memory.view(new SchemaTableName("default", "rv"))).isEmpty();
        assertThat(memory.view(new SchemaTableName("default", "rv2")).orElseThrow().sql()).isEqualTo("SELECT 1 x");
        plan("CREATE VIEW rv3 AS SELECT 2 y");
        assertFails("ALTER VIEW rv2 RENAME TO rv3", ErrorCode.GENERIC_USER_ERROR, "Target view 'memory.default.rv3' already exists");
        assertFails("CREATE VIEW rv3 AS SELECT 3 z", ErrorCode.TABLE_ALREADY_EXISTS, "View already exists: 'memory.default.rv3'");
        assertFails("DROP VIEW nowhere", ErrorCode.GENERIC_USER_ERROR, "View 'memory.default.nowhere' does not exist");
        assertFails("INSERT INTO nowhere.t VALUES (1)", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.nowhere.t' does not exist");
    }

    @Test
    void createOrReplaceTableIsRefusedAsByTrinosMemoryConnector() {
        assertFails("CREATE OR REPLACE TABLE t (x int)", ErrorCode.NOT_SUPPORTED, "This connector does not support replacing tables");
        assertFails("CREATE OR REPLACE TABLE nowhere.t AS SELECT 1 x", ErrorCode.NOT_SUPPORTED,
                "This connector does not support replacing tables");
        assertFails("CREATE OR REPLACE TABLE IF NOT EXISTS t (x int)", ErrorCode.SYNTAX_ERROR,
                "line 1:1: 'OR REPLACE' and 'IF NOT EXISTS' clauses can not be used together");
        assertFails("CREATE TABLE t (x int, y varchar DEFAULT 'a')", ErrorCode.SYNTAX_ERROR,
                "line 1:34: mismatched input 'DEFAULT'. Expecting: ')', ','");
    }

    @Test
    void columnPropertiesAndOwningRolesAreRefusedAfterTheTableChecks() {
        plan("CREATE TABLE props (a int)");
        assertFails("CREATE TABLE props2 (a int WITH (x = 1))", ErrorCode.INVALID_COLUMN_PROPERTY,
                "Catalog 'memory' column property 'x' does not exist");
        assertFails("ALTER TABLE props ADD COLUMN b int WITH (\"X\" = 1)", ErrorCode.INVALID_COLUMN_PROPERTY,
                "Catalog 'memory' column property 'x' does not exist");
        assertFails("ALTER TABLE nowhere ADD COLUMN b int WITH (x = 1)", ErrorCode.TABLE_NOT_FOUND,
                "Table 'memory.default.nowhere' does not exist");
        assertFails("CREATE SCHEMA owned AUTHORIZATION ROLE admin", ErrorCode.NOT_SUPPORTED, "This connector does not support roles");
        assertFails("CREATE SCHEMA \"default\" AUTHORIZATION ROLE admin", ErrorCode.SCHEMA_ALREADY_EXISTS,
                "Schema 'memory.default' already exists");
        plan("CREATE SCHEMA owned AUTHORIZATION USER alice");
        assertThat(memory.schemaExists("owned")).isTrue();
    }

    @Test
    void defaultIsANameAsInTrino() {
        plan("CREATE TABLE defaults (a int)");
        assertFails("INSERT INTO defaults (a) VALUES (DEFAULT)", ErrorCode.COLUMN_NOT_FOUND, "line 1:34: Column 'default' cannot be resolved");
        assertFails("VALUES (1), (DEFAULT)", ErrorCode.COLUMN_NOT_FOUND, "line 1:14: Column 'default' cannot be resolved");
    }

    @Test
    void showCatalogsIsTypedByTheLongestCatalogName() {
        // tpch and memory: varchar(6), whatever LIKE keeps
        assertThat(plan("SHOW CATALOGS LIKE 'tp%'").columns().get(0).type()).isEqualTo(Types.varchar(6));
        assertThat(rows("SHOW CATALOGS LIKE 'tp%'")).containsExactly(List.of("tpch"));
    }

    @Test
    void statementsOnTablesOfAMissingCatalogFindNoTable() {
        for (String sql : List.of("INSERT INTO nowhere.a.t VALUES (1)", "DELETE FROM nowhere.a.t", "TRUNCATE TABLE nowhere.a.t",
                "ALTER TABLE nowhere.a.t ADD COLUMN b int", "DROP TABLE nowhere.a.t")) {
            assertFails(sql, ErrorCode.TABLE_NOT_FOUND, "Table 'nowhere.a.t' does not exist");
        }
        assertThat(plan("DROP TABLE IF EXISTS nowhere.a.t").updateType()).contains("DROP TABLE");
        assertThat(plan("ALTER TABLE IF EXISTS nowhere.a.t ADD COLUMN b int").updateType()).contains("ADD COLUMN");
        assertFails("DROP VIEW nowhere.a.v", ErrorCode.GENERIC_USER_ERROR, "View 'nowhere.a.v' does not exist");
        assertFails("DROP SCHEMA nowhere.a", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'nowhere.a' does not exist");
        // creating needs the catalog
        assertFails("CREATE TABLE nowhere.a.t (x int)", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nowhere' does not exist");
    }

    @Test
    void viewsKeepTheirSecurityModeAndRefuseProperties() {
        plan("CREATE VIEW invoked COMMENT 'c' SECURITY INVOKER AS SELECT 1 x");
        assertThat(rows("SHOW CREATE VIEW invoked")).containsExactly(
                List.of("CREATE VIEW memory.default.invoked COMMENT 'c' SECURITY INVOKER AS\nSELECT 1 x"));
        plan("COMMENT ON VIEW invoked IS 'd'");
        plan("ALTER VIEW invoked RENAME TO invoked2");
        assertThat(rows("SHOW CREATE VIEW invoked2")).containsExactly(
                List.of("CREATE VIEW memory.default.invoked2 COMMENT 'd' SECURITY INVOKER AS\nSELECT 1 x"));
        plan("CREATE VIEW defined SECURITY DEFINER AS SELECT 1 x");
        assertThat(rows("SHOW CREATE VIEW defined")).containsExactly(
                List.of("CREATE VIEW memory.default.defined SECURITY DEFINER AS\nSELECT 1 x"));
        assertFails("CREATE VIEW p SECURITY foo AS SELECT 1 x", ErrorCode.SYNTAX_ERROR,
                "line 1:24: mismatched input 'foo'. Expecting: 'DEFINER', 'INVOKER'");
        // Trino's order: a table of the name, the query, the properties, the schema
        assertFails("CREATE VIEW nowhere.p WITH (x = 1) AS SELECT 1 x", ErrorCode.INVALID_VIEW_PROPERTY,
                "Catalog 'memory' view property 'x' does not exist");
        assertFails("CREATE VIEW nowhere.p AS SELECT 1 x", ErrorCode.NOT_FOUND, "Schema nowhere not found");
        plan("CREATE TABLE taken (a int)");
        assertFails("CREATE VIEW taken WITH (x = 1) AS SELECT 1 a", ErrorCode.TABLE_ALREADY_EXISTS,
                "Table already exists: 'memory.default.taken'");
    }

    @Test
    void materializedViewsGrantsAnalyzeAndCallFailAsInTrino() {
        plan("CREATE SCHEMA mv");
        plan("CREATE TABLE mv.t (a int)");
        plan("CREATE VIEW mv.v AS SELECT 1 x");
        assertFails("CREATE MATERIALIZED VIEW mv.m AS SELECT 1 x", ErrorCode.NOT_SUPPORTED,
                "This connector does not support creating materialized views");
        assertFails("CREATE OR REPLACE MATERIALIZED VIEW IF NOT EXISTS nowhere.m AS SELECT 1 x", ErrorCode.NOT_SUPPORTED,
                "This connector does not support creating materialized views");
        assertFails("DROP MATERIALIZED VIEW mv.t", ErrorCode.GENERIC_USER_ERROR, "Materialized view 'memory.mv.t' does not exist, "
                + "but a table with that name exists. Did you mean DROP TABLE memory.mv.t?");
        assertFails("DROP MATERIALIZED VIEW mv.v", ErrorCode.GENERIC_USER_ERROR, "Materialized view 'memory.mv.v' does not exist, "
                + "but a view with that name exists. Did you mean DROP VIEW memory.mv.v?");
        assertFails("DROP MATERIALIZED VIEW mv.m", ErrorCode.GENERIC_USER_ERROR, "Materialized view 'memory.mv.m' does not exist");
        assertThat(plan("DROP MATERIALIZED VIEW IF EXISTS mv.m").updateType()).contains("DROP MATERIALIZED VIEW");
        assertFails("REFRESH MATERIALIZED VIEW mv.t", ErrorCode.TABLE_NOT_FOUND, "Materialized view 'memory.mv.t' does not exist");
        assertFails("SHOW CREATE MATERIALIZED VIEW mv.t", ErrorCode.NOT_SUPPORTED,
                "Relation 'memory.mv.t' is a table, not a materialized view");
        assertFails("SHOW CREATE MATERIALIZED VIEW mv.m", ErrorCode.TABLE_NOT_FOUND, "Materialized view 'memory.mv.m' does not exist");
        assertFails("ALTER MATERIALIZED VIEW mv.t RENAME TO x", ErrorCode.TABLE_NOT_FOUND, "Materialized View 'memory.mv.t' does not "
                + "exist, but a table with that name exists. Did you mean ALTER TABLE memory.mv.t RENAME TO ...?");
        assertFails("ALTER MATERIALIZED VIEW mv.m RENAME TO x", ErrorCode.TABLE_NOT_FOUND, "Materialized View 'memory.mv.m' does not exist");

        assertFails("GRANT SELECT ON mv.t TO USER bob", ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: memory");
        assertFails("REVOKE ALL PRIVILEGES ON TABLE mv.t FROM bob", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("DENY SELECT ON SCHEMA mv TO USER bob", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: memory");
        assertFails("GRANT SELECT ON tpch.tiny.nation TO bob", ErrorCode.NOT_SUPPORTED,
                "Catalog does not support permission management: tpch");
        assertFails("GRANT SELECT ON mv.nowhere TO USER bob", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.mv.nowhere' does not exist");
        assertFails("GRANT SELECT ON SCHEMA nowhere TO USER bob", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.nowhere' does not exist");

        assertFails("ANALYZE mv.t", ErrorCode.NOT_SUPPORTED, "This connector does not support analyze");
        assertFails("ANALYZE mv.v", ErrorCode.NOT_SUPPORTED, "Analyzing views is not supported");
        assertFails("ANALYZE mv.nowhere", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.mv.nowhere' does not exist");
        assertFails("CALL system.foo()", ErrorCode.PROCEDURE_NOT_FOUND, "Procedure not registered: system.foo");
        assertFails("CALL foo(1, 'a')", ErrorCode.PROCEDURE_NOT_FOUND, "Procedure not registered: default.foo");
        assertFails("CALL nowhere.system.foo()", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nowhere' does not exist");
    }

    @Test
    void rolesAreNotEnabled() {
        assertFails("CREATE ROLE r1", ErrorCode.NOT_SUPPORTED, "System roles are not enabled");
        assertFails("DROP ROLE r1", ErrorCode.ROLE_NOT_FOUND, "Role 'r1' does not exist");
        assertThat(plan("DROP ROLE IF EXISTS r1").updateType()).contains("DROP ROLE");
        assertFails("GRANT a, b TO USER bob", ErrorCode.ROLE_NOT_FOUND, "Role 'a' does not exist");
        assertFails("REVOKE admin FROM USER bob", ErrorCode.ROLE_NOT_FOUND, "Role 'admin' does not exist");
        assertFails("SET ROLE admin", ErrorCode.ROLE_NOT_FOUND, "Role 'admin' does not exist");
        assertThat(plan("SET ROLE ALL").updateType()).contains("SET ROLE");
        assertThat(plan("SHOW ROLES").columns()).extracting(ResultColumn::name).containsExactly("Role");
        assertThat(rows("SHOW CURRENT ROLES")).isEmpty();
        assertThat(plan("SHOW ROLE GRANTS").columns()).extracting(ResultColumn::name).containsExactly("Role Grants");
        for (String sql : List.of("CREATE ROLE r1 IN memory", "DROP ROLE r1 IN memory", "SHOW ROLES FROM memory",
                "SHOW CURRENT ROLES IN memory", "SHOW ROLE GRANTS FROM memory", "GRANT admin TO USER bob IN memory",
                "REVOKE admin FROM USER bob IN memory", "SET ROLE admin IN memory")) {
            assertFails(sql, ErrorCode.NOT_SUPPORTED, "Catalog 'memory' does not support role management");
        }
        assertFails("CREATE ROLE r1 IN nowhere", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nowhere' does not exist");
    }

    @Test
    void showGrantsListsNoPrivileges() {
        assertThat(plan("SHOW GRANTS ON TABLE tpch.tiny.nation").columns()).extracting(ResultColumn::name).containsExactly(
                "Grantor", "Grantor Type", "Grantee", "Grantee Type", "Catalog", "Schema", "Table", "Privilege", "Grantable",
                "With Hierarchy");
        assertThat(rows("SHOW GRANTS")).isEmpty();
        assertFails("SHOW GRANTS ON nowhere", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.nowhere' does not exist");
        assertFails("SHOW GRANTS ON nowhere.a.b", ErrorCode.TABLE_NOT_FOUND, "Table 'nowhere.a.b' does not exist");
    }

    @Test
    void showTablesLikeTakesAnEscape() {
        plan("CREATE SCHEMA esc");
        plan("CREATE TABLE esc.u2 (x int)");
        plan("CREATE TABLE esc.u_3 (x int)");
        assertThat(rows("SHOW TABLES FROM esc LIKE 'u_' ESCAPE '\\'")).containsExactly(List.of("u2"));
        assertThat(rows("SHOW TABLES FROM esc LIKE 'u\\_%' ESCAPE '\\'")).containsExactly(List.of("u_3"));
    }

    @Test
    void informationSchemaColumnsHidesCommentAndExtraInfoFromStar() {
        List<String> visible = List.of("table_catalog", "table_schema", "table_name", "column_name", "ordinal_position",
                "column_default", "is_nullable", "data_type");
        assertThat(columnNames("SELECT * FROM information_schema.columns")).isEqualTo(visible);
        assertThat(columnNames("SELECT c.*, comment, extra_info FROM information_schema.columns c")).hasSize(10).endsWith("comment", "extra_info");
        assertThat(columnNames("SELECT * FROM (SELECT comment FROM information_schema.columns)")).containsExactly("comment");
        assertThat(columnNames("SELECT * FROM information_schema.columns c, information_schema.schemata s")).hasSize(10);
        assertThat(rows("DESCRIBE information_schema.columns")).extracting(row -> row.get(0)).isEqualTo(visible);
        assertFails("SELECT * FROM information_schema.columns JOIN information_schema.tables USING (table_name)", ErrorCode.NOT_SUPPORTED,
                "SELECT * over a join with USING is not supported when a joined table has hidden columns");
    }
}
