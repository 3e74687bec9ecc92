package io.quarry.connector.informationschema;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables of {@code information_schema}, with Trino's names, column order and types (every column an
 * unbounded varchar but {@code ordinal_position}), and the rows of each for one catalog.
 */
public final class InformationSchemaTables {
    public static final String SCHEMA = "information_schema";

    private static final Map<String, TableMetadata> TABLES = tables();

    private InformationSchemaTables() {}

    private static Map<String, TableMetadata> tables() {
        Map<String, TableMetadata> tables = new LinkedHashMap<>();
        add(tables, "columns", "table_catalog", "table_schema", "table_name", "column_name", "#ordinal_position",
                "column_default", "is_nullable", "data_type", "?comment", "?extra_info");
        add(tables, "tables", "table_catalog", "table_schema", "table_name", "table_type");
        add(tables, "views", "table_catalog", "table_schema", "table_name", "view_definition");
        add(tables, "schemata", "catalog_name", "schema_name");
        add(tables, "table_privileges", "grantor", "grantor_type", "grantee", "grantee_type", "table_catalog",
                "table_schema", "table_name", "privilege_type", "is_grantable", "with_hierarchy");
        add(tables, "roles", "role_name");
        add(tables, "applicable_roles", "grantee", "grantee_type", "role_name", "is_grantable");
        add(tables, "enabled_roles", "role_name");
        return Map.copyOf(tables);
    }

    /**
     * Columns named with a leading {@code #} are bigint, the others unbounded varchar; a leading {@code ?} makes a hidden
     * varchar column, as Trino hides {@code comment} and {@code extra_info} of {@code columns}.
     */
    private static void add(Map<String, TableMetadata> tables, String name, String... columns) {
        List<ColumnMetadata> metadata = new ArrayList<>();
        for (String column : columns) {
            if (column.startsWith("#")) {
                metadata.add(new ColumnMetadata(column.substring(1), Types.BIGINT));
            } else if (column.startsWith("?")) {
                metadata.add(ColumnMetadata.hidden(column.substring(1), Types.VARCHAR));
            } else {
                metadata.add(new ColumnMetadata(column, Types.VARCHAR));
            }
        }
        tables.put(name, new TableMetadata(new SchemaTableName(SCHEMA, name), metadata));
    }

    /** The table names, sorted as Trino lists them. */
    public static List<String> tableNames() {
        return TABLES.keySet().stream().sorted().toList();
    }

    public static Optional<TableMetadata> table(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    /**
     * The rows of {@code table} for catalog {@code catalog}, whose metadata (information_schema included) is
     * {@code metadata}; one value per column of the table.
     */
    static List<Object[]> rows(String table, String catalog, ConnectorMetadata metadata) {
        return rows(table, catalog, metadata, InformationSchemaPushdown.Listing.ALL);
    }

    /** The rows, listing only the schemas and tables {@code listing} names (the query's filter drops the others anyway). */
    static List<Object[]> rows(String table, String catalog, ConnectorMetadata metadata, InformationSchemaPushdown.Listing listing) {
        List<Object[]> rows = new ArrayList<>();
        List<String> schemas = listing.schema().isPresent()
                ? (metadata.schemaExists(listing.schema().get()) ? List.of(listing.schema().get()) : List.of())
                : metadata.listSchemas();
        switch (table) {
            case "schemata" -> {
                for (String schema : metadata.listSchemas()) {
                    rows.add(new Object[] {catalog, schema});
                }
            }
            case "tables" -> {
                for (String schema : schemas) {
                    Map<String, String> relations = new TreeMap<>();
                    tables(metadata, schema, listing).forEach(name -> relations.put(name, "BASE TABLE"));
                    views(metadata, schema, listing).forEach(name -> relations.put(name, "VIEW"));
                    relations.forEach((name, type) -> rows.add(new Object[] {catalog, schema, name, type}));
                }
            }
            case "views" -> {
                for (String schema : schemas) {
                    for (String name : views(metadata, schema, listing)) {
                        metadata.view(new SchemaTableName(schema, name))
                                .ifPresent(view -> rows.add(new Object[] {catalog, schema, name, view.sql()}));
                    }
                }
            }
            case "columns" -> {
                for (String schema : schemas) {
                    for (String name : tables(metadata, schema, listing)) {
                        SchemaTableName tableName = new SchemaTableName(schema, name);
                        Optional<TableMetadata> found = metadata.table(tableName);
                        if (found.isEmpty()) {
                            continue; // dropped while listing
                        }
                        long position = 1;
                        for (ColumnMetadata column : found.get().visibleColumns()) {
                            rows.add(new Object[] {
                                catalog, schema, name, column.name(), position++, null,
                                column.nullable() && metadata.isNullable(tableName, column.name()) ? "YES" : "NO",
                                column.type().displayName(), column.comment().orElse(null), null
                            });
                        }
                    }
                    for (String name : views(metadata, schema, listing)) {
                        Optional<ViewDefinition> view = metadata.view(new SchemaTableName(schema, name));
                        long position = 1;
                        for (ColumnMetadata column : view.map(ViewDefinition::columns).orElse(List.of())) {
                            rows.add(new Object[] {
                                catalog, schema, name, column.name(), position++, null, "YES", column.type().displayName(),
                                column.comment().orElse(null), null
                            });
                        }
                    }
                }
            }
            default -> {
                // privileges and roles: Quarry has none of them yet
            }
        }
        return rows;
    }

    /** The tables of a schema the listing includes: one look-up, not a listing, when it names the table. */
    private static List<String> tables(ConnectorMetadata metadata, String schema, InformationSchemaPushdown.Listing listing) {
        if (listing.table().isPresent()) {
            String table = listing.table().get();
            return metadata.table(new SchemaTableName(schema, table)).isPresent() ? List.of(table) : List.of();
        }
        return metadata.listTables(schema);
    }

    private static List<String> views(ConnectorMetadata metadata, String schema, InformationSchemaPushdown.Listing listing) {
        if (listing.table().isPresent()) {
            String view = listing.table().get();
            return metadata.view(new SchemaTableName(schema, view)).isPresent() ? List.of(view) : List.of();
        }
        return metadata.listViews(schema);
    }
}
