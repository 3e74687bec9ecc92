package io.quarry.connector.system;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.type.ArrayType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the system connector, with Trino's names, column order and types: {@code runtime.nodes},
 * {@code runtime.queries}, {@code runtime.tasks}, the {@code metadata} tables and the {@code jdbc} tables the
 * JDBC drivers' {@code DatabaseMetaData} reads.
 */
final class SystemTables {
    static final String RUNTIME = "runtime";
    static final String JDBC = "jdbc";
    static final String METADATA = "metadata";
    static final SchemaTableName TABLE_COMMENTS = new SchemaTableName(METADATA, "table_comments");
    static final SchemaTableName CATALOGS = new SchemaTableName(METADATA, "catalogs");
    static final SchemaTableName MATERIALIZED_VIEWS = new SchemaTableName(METADATA, "materialized_views");

    static final SchemaTableName NODES = new SchemaTableName(RUNTIME, "nodes");
    static final SchemaTableName QUERIES = new SchemaTableName(RUNTIME, "queries");
    static final SchemaTableName TASKS = new SchemaTableName(RUNTIME, "tasks");

    private static final Type TIMESTAMP_TZ = new TimestampWithTimeZoneType(3);
    private static final Map<SchemaTableName, TableMetadata> TABLES = tables();

    private SystemTables() {}

    private static Map<SchemaTableName, TableMetadata> tables() {
        Map<SchemaTableName, TableMetadata> tables = new LinkedHashMap<>();
        add(tables, NODES, "node_id", "http_uri", "node_version", "?coordinator", "state");
        add(tables, QUERIES, "query_id", "state", "user", "source", "query", "[resource_group_id",
                "#queued_time_ms", "#analysis_time_ms", "#planning_time_ms",
                "@created", "@started", "@last_heartbeat", "@end", "error_type", "error_code");
        add(tables, TASKS, "node_id", "task_id", "stage_id", "query_id", "state",
                "#splits", "#queued_splits", "#running_splits", "#completed_splits",
                "#split_scheduled_time_ms", "#split_cpu_time_ms", "#split_blocked_time_ms",
                "#raw_input_bytes", "#raw_input_rows", "#processed_input_bytes", "#processed_input_rows",
                "#output_bytes", "#output_rows", "#physical_input_bytes", "#physical_written_bytes",
                "@created", "@start", "@last_heartbeat", "@end");
        add(tables, CATALOGS, "catalog_name", "connector_id", "connector_name");
        add(tables, TABLE_COMMENTS, "catalog_name", "schema_name", "table_name", "comment");
        // no connector has schema, table, column, analyze or materialized view properties, nor materialized views
        for (String properties : List.of("schema_properties", "table_properties", "column_properties",
                "materialized_view_properties", "analyze_properties")) {
            add(tables, new SchemaTableName(METADATA, properties), "catalog_name", "property_name", "default_value", "type",
                    "description");
        }
        add(tables, MATERIALIZED_VIEWS, "catalog_name", "schema_name", "name", "storage_catalog", "storage_schema",
                "storage_table", "freshness", "!last_fresh_time", "comment", "definition");

        add(tables, jdbc("catalogs"), "table_cat");
        add(tables, jdbc("schemas"), "table_schem", "table_catalog");
        add(tables, jdbc("tables"), "table_cat", "table_schem", "table_name", "table_type", "remarks", "type_cat",
                "type_schem", "type_name", "self_referencing_col_name", "ref_generation");
        add(tables, jdbc("table_types"), "table_type");
        add(tables, jdbc("columns"), "table_cat", "table_schem", "table_name", "column_name", "#data_type",
                "type_name", "#column_size", "#buffer_length", "#decimal_digits", "#num_prec_radix", "#nullable",
                "remarks", "column_def", "#sql_data_type", "#sql_datetime_sub", "#char_octet_length",
                "#ordinal_position", "is_nullable", "scope_catalog", "scope_schema", "scope_table",
                "#source_data_type", "is_autoincrement", "is_generatedcolumn");
        add(tables, jdbc("types"), "type_name", "#data_type", "#precision", "literal_prefix", "literal_suffix",
                "create_params", "#nullable", "?case_sensitive", "#searchable", "?unsigned_attribute",
                "?fixed_prec_scale", "?auto_increment", "local_type_name", "#minimum_scale", "#maximum_scale",
                "#sql_data_type", "#sql_datetime_sub", "#num_prec_radix");
        add(tables, jdbc("procedures"), "procedure_cat", "procedure_schem", "procedure_name", "remarks",
                "#procedure_type", "specific_name");
        add(tables, jdbc("procedure_columns"), "procedure_cat", "procedure_schem", "procedure_name", "column_name",
                "#column_type", "#data_type", "type_name", "#precision", "#length", "#scale", "#radix", "#nullable",
                "remarks", "column_def", "#sql_data_type", "#sql_datetime_sub", "#char_octet_length",
                "#ordinal_position", "is_nullable", "specific_name");
        add(tables, jdbc("pseudo_columns"), "table_cat", "table_schem", "table_name", "column_name", "#data_type",
                "#column_size", "#decimal_digits", "#num_prec_radix", "column_usage", "remarks",
                "#char_octet_length", "#is_nullable");
        add(tables, jdbc("super_tables"), "table_cat", "table_schem", "table_name", "supertable_name");
        add(tables, jdbc("super_types"), "type_cat", "type_schem", "type_name", "supertype_cat", "supertype_schem",
                "supertype_name");
        add(tables, jdbc("udts"), "type_cat", "type_schem", "type_name", "class_name", "data_type", "remarks",
                "base_type");
        add(tables, jdbc("attributes"), "type_cat", "type_schem", "type_name", "attr_name", "#data_type",
                "attr_type_name", "#attr_size", "#decimal_digits", "#num_prec_radix", "#nullable", "remarks",
                "attr_def", "#sql_data_type", "#sql_datetime_sub", "#char_octet_length", "#ordinal_position",
                "is_nullable", "scope_catalog", "scope_schema", "scope_table", "#source_data_type");
        return tables;
    }

    private static SchemaTableName jdbc(String table) {
        return new SchemaTableName(JDBC, table);
    }

    /**
     * A column's type comes from the prefix of its name: {@code #} bigint, {@code ?} boolean, {@code @}
     * timestamp(3) with time zone, {@code !} timestamp(9) with time zone, {@code [} array(varchar), none unbounded varchar.
     */
    private static void add(Map<SchemaTableName, TableMetadata> tables, SchemaTableName name, String... columns) {
        List<ColumnMetadata> metadata = new ArrayList<>();
        for (String column : columns) {
            Type type = switch (column.charAt(0)) {
                case '#' -> Types.BIGINT;
                case '?' -> Types.BOOLEAN;
                case '@' -> TIMESTAMP_TZ;
                case '!' -> new TimestampWithTimeZoneType(9);
                case '[' -> new ArrayType(Types.VARCHAR);
                default -> Types.VARCHAR;
            };
            String columnName = type == Types.VARCHAR ? column : column.substring(1);
            metadata.add(new ColumnMetadata(columnName, type));
        }
        tables.put(name, new TableMetadata(name, metadata));
    }

    static Optional<TableMetadata> table(SchemaTableName name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    static List<String> schemas() {
        return List.of(JDBC, METADATA, RUNTIME);
    }

    static List<String> tables(String schema) {
        return TABLES.keySet().stream()
                .filter(name -> name.schema().equals(schema))
                .map(SchemaTableName::table)
                .sorted()
                .toList();
    }
}
