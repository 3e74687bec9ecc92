package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DatabaseMetaData} of the real Trino 478 and Presto 350 JDBC drivers against a coordinator with two
 * workers: what BI tools browse (catalogs, schemas, tables, columns, types) comes from system.jdbc.
 */
class JdbcMetadataIT {
    /** Through CREATE TABLE AS: the column list of CREATE TABLE does not take every type's syntax. */
    private static final String ALL_TYPES = "CREATE TABLE memory.default.jdbc_all_types AS SELECT "
            + "CAST(NULL AS boolean) b, CAST(NULL AS tinyint) ti, CAST(NULL AS smallint) si, CAST(NULL AS integer) i, "
            + "CAST(NULL AS bigint) bi, CAST(NULL AS real) r, CAST(NULL AS double) d, CAST(NULL AS decimal(10,2)) dec, "
            + "CAST(NULL AS decimal(30,5)) ldec, CAST(NULL AS varchar(20)) vc, CAST(NULL AS varchar) uvc, "
            + "CAST(NULL AS varbinary) vb, CAST(NULL AS date) dt, CAST(NULL AS time(3)) tm, "
            + "CAST(NULL AS timestamp(6)) ts, CAST(NULL AS timestamp(3) with time zone) tstz, "
            + "CAST(NULL AS array(bigint)) arr, CAST(NULL AS map(varchar, bigint)) m, "
            + "CAST(NULL AS row(x bigint, y varchar)) rw, CAST(NULL AS json) j";

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        StatementClient.Result created = cluster.client("tpch", "tiny").execute(ALL_TYPES);
        assertThat(created.error()).as("%s", created.error()).isEmpty();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static Connection connect(String driver) throws SQLException {
        String url = "jdbc:" + driver + "://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny";
        Properties properties = new Properties();
        properties.setProperty("user", "jdbc-metadata");
        return DriverManager.getConnection(url, properties);
    }

    /** The given columns (by label) of every row. */
    private static List<List<Object>> read(ResultSet resultSet, String... labels) throws SQLException {
        try (resultSet) {
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (String label : labels) {
                    row.add(resultSet.getObject(label));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private interface MetadataCall {
        ResultSet call() throws SQLException;
    }

    /**
     * The call answers an empty result: Trino 478 asks system.jdbc (or a SELECT … WHERE false) every time;
     * Presto 350 refuses a few calls itself, without asking the server (SQLFeatureNotSupportedException).
     */
    private static void assertEmpty(String driver, MetadataCall call, String label) throws SQLException {
        ResultSet resultSet;
        try {
            resultSet = call.call();
        } catch (SQLFeatureNotSupportedException e) {
            assertThat(driver).as("only Presto 350 refuses %s: %s", label, e.getMessage()).isEqualTo("presto");
            return;
        }
        assertThat(read(resultSet, label)).as(label).isEmpty();
    }

    /** A row as the drivers return it: the bigint columns of system.jdbc read back as Long. */
    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value instanceof Integer number ? Long.valueOf(number) : value);
        }
        return row;
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void catalogsSchemasAndTableTypes(String driver) throws Exception {
        try (Connection connection = connect(driver)) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(read(metadata.getCatalogs(), "TABLE_CAT"))
                    .containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
            List<List<Object>> allSchemas = read(metadata.getSchemas(), "TABLE_CATALOG", "TABLE_SCHEM");
            assertThat(allSchemas).contains(List.of("tpch", "tiny"), List.of("tpch", "information_schema"),
                    List.of("system", "jdbc"), List.of("system", "runtime"), List.of("memory", "default"));
            assertThat(read(metadata.getSchemas("tpch", null), "TABLE_SCHEM")).hasSize(10).startsWith(
                    List.of("information_schema"), List.of("sf1"));
            assertThat(read(metadata.getSchemas("tpch", "sf1%"), "TABLE_SCHEM")).containsExactly(
                    List.of("sf1"), List.of("sf100"), List.of("sf1000"), List.of("sf10000"), List.of("sf100000"));
            assertThat(read(metadata.getSchemas(null, "ti_y"), "TABLE_CATALOG", "TABLE_SCHEM"))
                    .containsExactly(List.of("tpch", "tiny"));
            assertThat(read(metadata.getSchemas("system", "%"), "TABLE_SCHEM")).containsExactly(
                    List.of("information_schema"), List.of("jdbc"), List.of("metadata"), List.of("runtime"));
            assertThat(read(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly(List.of("TABLE"), List.of("VIEW"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void tablesByPatternEscapeAndType(String driver) throws Exception {
        try (Connection connection = connect(driver)) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(read(metadata.getTables("tpch", "tiny", "%", null), "TABLE_NAME")).containsExactly(
                    List.of("customer"), List.of("lineitem"), List.of("nation"), List.of("orders"), List.of("part"),
                    List.of("partsupp"), List.of("region"), List.of("supplier"));
            assertThat(read(metadata.getTables("tpch", "tiny", "part%", new String[] {"TABLE"}),
                            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"))
                    .containsExactly(Arrays.asList("tpch", "tiny", "part", "TABLE", null),
                            Arrays.asList("tpch", "tiny", "partsupp", "TABLE", null));
            assertThat(read(metadata.getTables("tpch", "tiny", "_ation", null), "TABLE_NAME"))
                    .containsExactly(List.of("nation"));
            assertThat(read(metadata.getTables("tpch", "tiny", "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
            assertThat(read(metadata.getTables("system", "jdbc", "%", null), "TABLE_NAME")).hasSize(13);
            String escape = metadata.getSearchStringEscape();
            // "table\_types" matches only the name with an underscore, "table_types" also "tableXtypes"
            assertThat(read(metadata.getTables("system", "jdbc", "table" + escape + "_types", null), "TABLE_NAME"))
                    .containsExactly(List.of("table_types"));
            assertThat(read(metadata.getTables(null, "information_schema", "columns", null), "TABLE_CAT"))
                    .containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void tpchColumnsWithTypesSizesAndPositions(String driver) throws Exception {
        try (Connection connection = connect(driver)) {
            List<List<Object>> columns = read(connection.getMetaData().getColumns("tpch", "tiny", "lineitem", null),
                    "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX",
                    "NULLABLE", "ORDINAL_POSITION", "IS_NULLABLE");
            assertThat(columns).hasSize(16);
            // NULLABLE is 0 (columnNoNulls): the tpch columns are NOT NULL, as Trino reports them
            assertThat(columns.get(0)).isEqualTo(row("orderkey", Types.BIGINT, "bigint", 19, null, 10, 0, 1, "NO"));
            assertThat(columns.get(3)).isEqualTo(row("linenumber", Types.INTEGER, "integer", 10, null, 10, 0, 4, "NO"));
            assertThat(columns.get(4)).isEqualTo(row("quantity", Types.DOUBLE, "double", 53, null, 2, 0, 5, "NO"));
            assertThat(columns.get(8)).isEqualTo(row("returnflag", Types.VARCHAR, "varchar(1)", 1, null, null, 0, 9, "NO"));
            assertThat(columns.get(10)).isEqualTo(row("shipdate", Types.DATE, "date", 14, null, null, 0, 11, "NO"));
            assertThat(columns.get(15)).isEqualTo(row("comment", Types.VARCHAR, "varchar(44)", 44, null, null, 0, 16, "NO"));
            List<List<Object>> filtered = read(connection.getMetaData().getColumns("tpch", "tiny", "nation", "%key"),
                    "COLUMN_NAME", "ORDINAL_POSITION");
            assertThat(filtered).containsExactly(row("nationkey", 1), row("regionkey", 3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void memoryColumnsOfEveryType(String driver) throws Exception {
        try (Connection connection = connect(driver)) {
            List<List<Object>> columns = read(
                    connection.getMetaData().getColumns("memory", "default", "jdbc_all_types", null),
                    "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX",
                    "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE");
            int zone = java.time.ZoneId.getAvailableZoneIds().stream().mapToInt(String::length).max().orElseThrow();
            assertThat(columns).containsExactly(
                    row("b", Types.BOOLEAN, "boolean", null, null, null, null, 1, "YES"),
                    row("ti", Types.TINYINT, "tinyint", 3, null, 10, null, 2, "YES"),
                    row("si", Types.SMALLINT, "smallint", 5, null, 10, null, 3, "YES"),
                    row("i", Types.INTEGER, "integer", 10, null, 10, null, 4, "YES"),
                    row("bi", Types.BIGINT, "bigint", 19, null, 10, null, 5, "YES"),
                    row("r", Types.REAL, "real", 24, null, 2, null, 6, "YES"),
                    row("d", Types.DOUBLE, "double", 53, null, 2, null, 7, "YES"),
                    row("dec", Types.DECIMAL, "decimal(10,2)", 10, 2, 10, null, 8, "YES"),
                    row("ldec", Types.DECIMAL, "decimal(30,5)", 30, 5, 10, null, 9, "YES"),
                    row("vc", Types.VARCHAR, "varchar(20)", 20, null, null, 20, 10, "YES"),
                    row("uvc", Types.VARCHAR, "varchar", Integer.MAX_VALUE, null, null, Integer.MAX_VALUE, 11, "YES"),
                    row("vb", Types.VARBINARY, "varbinary", Integer.MAX_VALUE, null, null, Integer.MAX_VALUE, 12, "YES"),
                    row("dt", Types.DATE, "date", 14, null, null, null, 13, "YES"),
                    row("tm", Types.TIME, "time(3)", 12, 3, null, null, 14, "YES"),
                    row("ts", Types.TIMESTAMP, "timestamp(6)", 28, 6, null, null, 15, "YES"),
                    row("tstz", Types.TIMESTAMP_WITH_TIMEZONE, "timestamp(3) with time zone", 27 + zone, 3,
                            null, null, 16, "YES"),
                    row("arr", Types.ARRAY, "array(bigint)", null, null, null, null, 17, "YES"),
                    row("m", Types.JAVA_OBJECT, "map(varchar, bigint)", null, null, null, null, 18, "YES"),
                    row("rw", Types.JAVA_OBJECT, "row(x bigint, y varchar)", null, null, null, null, 19, "YES"),
                    row("j", Types.JAVA_OBJECT, "json", null, null, null, null, 20, "YES"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void typeInfoAndTheEmptyTables(String driver) throws Exception {
        try (Connection connection = connect(driver)) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<List<Object>> types = read(metadata.getTypeInfo(), "TYPE_NAME", "DATA_TYPE", "PRECISION", "NUM_PREC_RADIX");
            assertThat(types).contains(
                    row("bigint", Types.BIGINT, 19, 10),
                    row("double", Types.DOUBLE, 53, 2),
                    row("boolean", Types.BOOLEAN, null, null),
                    row("array", Types.ARRAY, null, null),
                    row("varchar", Types.JAVA_OBJECT, null, null));
            List<Long> dataTypes = types.stream().map(values -> (Long) values.get(1)).toList();
            assertThat(dataTypes).isSorted();
            assertEmpty(driver, () -> metadata.getPrimaryKeys("tpch", "tiny", "orders"), "COLUMN_NAME");
            assertEmpty(driver, () -> metadata.getImportedKeys("tpch", "tiny", "orders"), "PKCOLUMN_NAME");
            assertEmpty(driver, () -> metadata.getProcedures(null, null, "%"), "PROCEDURE_NAME");
            assertEmpty(driver, () -> metadata.getProcedureColumns(null, null, "%", "%"), "COLUMN_NAME");
            assertEmpty(driver, () -> metadata.getSuperTables(null, null, "%"), "TABLE_NAME");
            assertEmpty(driver, () -> metadata.getSuperTypes(null, null, "%"), "TYPE_NAME");
            assertEmpty(driver, () -> metadata.getUDTs(null, null, "%", null), "TYPE_NAME");
            assertEmpty(driver, () -> metadata.getAttributes(null, null, "%", "%"), "ATTR_NAME");
            assertEmpty(driver, () -> metadata.getPseudoColumns(null, null, "%", "%"), "COLUMN_NAME");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trino", "presto"})
    void informationSchemaThroughStatements(String driver) throws Exception {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            List<List<Object>> rows = read(statement.executeQuery(
                            "SELECT table_name, column_name, data_type FROM information_schema.columns "
                                    + "WHERE table_schema = 'tiny' AND table_name = 'region' ORDER BY ordinal_position"),
                    "table_name", "column_name", "data_type");
            assertThat(rows).containsExactly(List.of("region", "regionkey", "bigint"),
                    List.of("region", "name", "varchar(25)"), List.of("region", "comment", "varchar(152)"));
        }
    }
}
