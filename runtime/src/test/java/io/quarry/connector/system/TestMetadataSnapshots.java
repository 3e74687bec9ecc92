package io.quarry.connector.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.Values;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuerySummary;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The jdbc and runtime tables of the system connector over real catalogs, read back from their splits. */
class TestMetadataSnapshots {
    private final CompletableFuture<List<QuerySummary>> queries = new CompletableFuture<>();
    private final CatalogManager catalogs = new CatalogManager(
            List.of(new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("system", "system", Map.of()),
                    new CatalogEntry("memory", "memory", Map.of())),
            io.quarry.connector.BuiltInConnectors.factories(),
            new ConnectorContext() {
                @Override
                public CompletionStage<List<QuerySummary>> queries() {
                    return queries;
                }
            });
    private final Connector system = catalogs.require("system");

    private List<List<Object>> read(String schema, String table, String... columns) {
        SchemaTableName name = new SchemaTableName(schema, table);
        List<Split> splits = system.splitsAsync(name, 4).toCompletableFuture().join();
        return read(system, name, splits, columns);
    }

    private static List<List<Object>> read(Connector connector, SchemaTableName name, List<Split> splits, String... columns) {
        TableMetadata metadata = connector.metadata().table(name).orElseThrow();
        List<ColumnMetadata> wanted = Arrays.stream(columns).map(c -> metadata.column(c).orElseThrow()).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : splits) {
            PageSource source = connector.pageSource(split, wanted);
            while (!source.isFinished()) {
                Page page = source.nextPage();
                for (int position = 0; page != null && position < page.positionCount(); position++) {
                    List<Object> row = new ArrayList<>();
                    for (int channel = 0; channel < wanted.size(); channel++) {
                        row.add(Values.toObject(wanted.get(channel).type(), page.block(channel), position));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void catalogsSchemasAndTablesCoverEveryCatalogWithItsInformationSchema() {
        assertThat(read("jdbc", "catalogs", "table_cat")).containsExactly(List.of("tpch"), List.of("system"), List.of("memory"));
        assertThat(read("jdbc", "schemas", "table_catalog", "table_schem"))
                .contains(List.of("tpch", "tiny"), List.of("tpch", "information_schema"), List.of("system", "jdbc"),
                        List.of("memory", "default"), List.of("memory", "information_schema"))
                .hasSize(10 + 4 + 2);
        assertThat(read("jdbc", "tables", "table_cat", "table_schem", "table_name", "table_type"))
                .contains(List.of("tpch", "sf1", "lineitem", "TABLE"), List.of("system", "runtime", "queries", "TABLE"),
                        List.of("memory", "information_schema", "columns", "TABLE"));
        assertThat(read("jdbc", "table_types", "table_type")).containsExactly(List.of("TABLE"), List.of("VIEW"));
        assertThat(read("metadata", "catalogs", "catalog_name", "connector_id", "connector_name"))
                .contains(List.of("memory", "memory", "memory"));
    }

    @Test
    void columnsDescribeEachTypeAsTrinoDoes() {
        catalogs.require("memory").metadata().createTable(new TableMetadata(new SchemaTableName("default", "t"), List.of(
                new ColumnMetadata("c", new io.quarry.type.CharType(3)),
                new ColumnMetadata("d", Types.decimal(12, 2)),
                new ColumnMetadata("ts", new io.quarry.type.TimestampType(6)))));
        List<List<Object>> rows = read("jdbc", "columns", "table_cat", "table_schem", "table_name", "column_name",
                "data_type", "type_name", "column_size", "decimal_digits", "num_prec_radix", "nullable",
                "char_octet_length", "ordinal_position", "is_nullable", "buffer_length");
        assertThat(rows.stream().filter(row -> row.get(0).equals("memory") && row.get(2).equals("t")))
                .containsExactly(
                        Arrays.asList("memory", "default", "t", "c", 1L, "char(3)", 3L, null, null, 1L, 3L, 1L, "YES", 0L),
                        Arrays.asList("memory", "default", "t", "d", 3L, "decimal(12,2)", 12L, 2L, 10L, 1L, null, 2L, "YES", 0L),
                        Arrays.asList("memory", "default", "t", "ts", 93L, "timestamp(6)", 28L, 6L, null, 1L, null, 3L, "YES", 0L));
        assertThat(rows.stream().filter(row -> row.get(0).equals("tpch") && row.get(1).equals("tiny")
                        && row.get(2).equals("nation")))
                .extracting(row -> row.get(3), row -> row.get(9), row -> row.get(11), row -> row.get(12))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nationkey", 0L, 1L, "NO"),
                        org.assertj.core.groups.Tuple.tuple("name", 0L, 2L, "NO"),
                        org.assertj.core.groups.Tuple.tuple("regionkey", 0L, 3L, "NO"),
                        org.assertj.core.groups.Tuple.tuple("comment", 0L, 4L, "NO"));
    }

    @Test
    void commentsAndNotNullColumnsAreListed() {
        io.quarry.spi.ConnectorMetadata memory = catalogs.require("memory").metadata();
        memory.createTable(new TableMetadata(new SchemaTableName("default", "commented"), List.of(
                new ColumnMetadata("a", Types.INTEGER, false, Optional.of("it's a")),
                new ColumnMetadata("b", Types.VARCHAR)), Optional.of("table comment")));
        memory.createView(new SchemaTableName("default", "v"), new io.quarry.spi.ViewDefinition("SELECT 1 x", Optional.empty(),
                Optional.empty(), List.of(new ColumnMetadata("x", Types.INTEGER)), Optional.of("view comment")), false);
        assertThat(read("metadata", "table_comments", "catalog_name", "schema_name", "table_name", "comment").stream()
                        .filter(row -> row.get(0).equals("memory") && row.get(1).equals("default")))
                .containsExactlyInAnyOrder(
                        Arrays.asList("memory", "default", "commented", "table comment"),
                        Arrays.asList("memory", "default", "v", "view comment"));
        // Trino: remarks is the column's comment, nullable 0 (columnNoNulls) for NOT NULL; table remarks stay null
        assertThat(read("jdbc", "columns", "table_name", "column_name", "remarks", "nullable", "is_nullable").stream()
                        .filter(row -> row.get(0).equals("commented")))
                .containsExactly(Arrays.asList("commented", "a", "it's a", 0L, "NO"), Arrays.asList("commented", "b", null, 1L, "YES"));
        assertThat(read("jdbc", "tables", "table_name", "remarks").stream().filter(row -> row.get(0).equals("commented")))
                .containsExactly(Arrays.asList("commented", null));
    }

    @Test
    void typesListEveryQuarryType() {
        List<List<Object>> types = read("jdbc", "types", "type_name", "data_type", "precision", "nullable", "searchable");
        assertThat(types).contains(
                Arrays.asList("bigint", (long) java.sql.Types.BIGINT, 19L, (long) DatabaseMetaData.typeNullable,
                        (long) DatabaseMetaData.typeSearchable),
                Arrays.asList("decimal", (long) java.sql.Types.JAVA_OBJECT, null, (long) DatabaseMetaData.typeNullable,
                        (long) DatabaseMetaData.typePredNone),
                Arrays.asList("array", (long) java.sql.Types.ARRAY, null, (long) DatabaseMetaData.typeNullable,
                        (long) DatabaseMetaData.typePredNone));
        assertThat(types).extracting(row -> row.get(0)).contains("json", "varbinary", "timestamp with time zone");
    }

    @Test
    void jdbcSizesFollowTrino() {
        Type zoned = new io.quarry.type.TimestampWithTimeZoneType(3);
        assertThat(JdbcTypes.columnSize(zoned)).isGreaterThan(27L);
        assertThat(JdbcTypes.columnSize(new io.quarry.type.TimeType(0))).isEqualTo(8L);
        assertThat(JdbcTypes.columnSize(Types.VARCHAR)).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(JdbcTypes.columnSize(Types.JSON)).isNull();
        assertThat(JdbcTypes.dataType(new io.quarry.type.ArrayType(Types.BIGINT))).isEqualTo(java.sql.Types.ARRAY);
        assertThat(JdbcTypes.dataType(new io.quarry.type.MapType(Types.VARCHAR, Types.BIGINT)))
                .isEqualTo(java.sql.Types.JAVA_OBJECT);
    }

    @Test
    void queriesAndTasksWaitForTheCoordinatorsAnswer() {
        CompletionStage<List<Split>> pending = system.splitsAsync(SystemTables.QUERIES, 4);
        assertThat(pending.toCompletableFuture()).isNotDone();
        QuerySummary.Task task = new QuerySummary.Task(
                "worker-1", "q1.1.0.0", "q1.1", "FINISHED", 3, 0, 0, 3, 12, 40, 1000, 10, 500, 5);
        queries.complete(List.of(new QuerySummary("q1", "FAILED", "alice", Optional.of("cli"), "SELECT 1", 0, 7,
                Instant.ofEpochMilli(1_000), Optional.of(Instant.ofEpochMilli(1_000)), Optional.of(Instant.ofEpochMilli(2_000)),
                Optional.of(Instant.ofEpochMilli(2_000)), Optional.of(ErrorCode.USER_CANCELED), List.of(task))));
        List<Split> splits = pending.toCompletableFuture().join();
        assertThat(read(system, SystemTables.QUERIES, splits, "query_id", "state", "user", "source", "planning_time_ms",
                        "error_type", "error_code"))
                .containsExactly(List.of("q1", "FAILED", "alice", "cli", 7L, "USER_ERROR", "USER_CANCELED"));
        assertThat(read("runtime", "tasks", "node_id", "task_id", "stage_id", "query_id", "state", "splits",
                        "completed_splits", "output_rows"))
                .containsExactly(List.of("worker-1", "q1.1.0.0", "q1.1", "q1", "FINISHED", 3L, 3L, 5L));
        Object created = read("runtime", "queries", "created").get(0).get(0);
        assertThat(io.quarry.type.DateTimeValues.unpackMillis((Long) created)).isEqualTo(1_000L);
        List<Object> taskTimes = read("runtime", "tasks", "created", "start", "last_heartbeat", "end").get(0);
        assertThat(taskTimes).doesNotContainNull();
        assertThat(taskTimes.stream().map(time -> io.quarry.type.DateTimeValues.unpackMillis((Long) time)).toList())
                .containsExactly(1_000L, 1_000L, 2_000L, 2_000L);
    }

    @Test
    void emptyTablesHaveOneEmptySplit() {
        List<Split> splits = system.splits(new SchemaTableName("jdbc", "procedures"), 4);
        assertThat(splits).hasSize(1);
        assertThat(read("jdbc", "procedures", "procedure_name")).isEmpty();
    }

    /** Trino's metadata tables beside catalogs and table_comments: no connector has properties or materialized views. */
    @Test
    void propertyAndMaterializedViewTablesAreThereAndEmpty() {
        assertThat(system.metadata().listTables("metadata")).containsExactlyInAnyOrder("analyze_properties", "catalogs",
                "column_properties", "materialized_view_properties", "materialized_views", "schema_properties", "table_comments",
                "table_properties");
        for (String table : List.of("analyze_properties", "column_properties", "materialized_view_properties", "schema_properties",
                "table_properties")) {
            assertThat(system.metadata().table(new SchemaTableName("metadata", table)).orElseThrow().columns())
                    .extracting(ColumnMetadata::name)
                    .containsExactly("catalog_name", "property_name", "default_value", "type", "description");
            assertThat(read("metadata", table, "catalog_name", "property_name")).isEmpty();
        }
        TableMetadata views = system.metadata().table(new SchemaTableName("metadata", "materialized_views")).orElseThrow();
        assertThat(views.columns()).extracting(ColumnMetadata::name).containsExactly("catalog_name", "schema_name", "name",
                "storage_catalog", "storage_schema", "storage_table", "freshness", "last_fresh_time", "comment", "definition");
        assertThat(views.column("last_fresh_time").orElseThrow().type().displayName()).isEqualTo("timestamp(9) with time zone");
        assertThat(read("metadata", "materialized_views", "name", "last_fresh_time")).isEmpty();
        assertThat(read("metadata", "catalogs", "catalog_name")).contains(List.of("memory"), List.of("tpch"));
    }
}
