package io.quarry.connector.system;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.Type;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the {@code system.jdbc} tables, from the metadata of every catalog of the node (read on the
 * coordinator when the query is scheduled). Tables of things Quarry does not have (procedures, user-defined
 * types, super tables, pseudo columns) are empty, as in Trino.
 */
final class JdbcTables {
    /** Types without parameters, as {@code system.jdbc.types} lists them. */
    private static final List<Type> CONCRETE_TYPES = List.of(
            io.quarry.type.Types.BIGINT, io.quarry.type.Types.BOOLEAN, io.quarry.type.Types.DATE,
            io.quarry.type.Types.DOUBLE, io.quarry.type.Types.INTEGER, new IntervalDayTimeType(),
            new IntervalYearMonthType(), io.quarry.type.Types.JSON, io.quarry.type.Types.REAL,
            io.quarry.type.Types.SMALLINT, io.quarry.type.Types.TINYINT, io.quarry.type.Types.UNKNOWN,
            io.quarry.type.Types.VARBINARY);
    /** Types with parameters, listed by their base name. */
    private static final List<String> PARAMETRIC_TYPES = List.of(
            "array", "char", "decimal", "map", "row", "time", "timestamp", "timestamp with time zone", "varchar");

    private JdbcTables() {}

    static List<Object[]> rows(String table, ConnectorContext context) {
        List<Object[]> rows = new ArrayList<>();
        switch (table) {
            case "catalogs" -> {
                for (String catalog : context.catalogNames()) {
                    rows.add(new Object[] {catalog});
                }
            }
            case "schemas" -> forEachSchema(context, (catalog, metadata, schema) -> rows.add(new Object[] {schema, catalog}));
            case "tables" -> forEachSchema(context, (catalog, metadata, schema) -> {
                java.util.Map<String, String> relations = new java.util.TreeMap<>();
                metadata.listTables(schema).forEach(name -> relations.put(name, "TABLE"));
                metadata.listViews(schema).forEach(name -> relations.put(name, "VIEW"));
                relations.forEach((name, type) -> rows.add(new Object[] {
                    catalog, schema, name, type, null, null, null, null, null, null
                }));
            });
            case "table_types" -> {
                rows.add(new Object[] {"TABLE"});
                rows.add(new Object[] {"VIEW"});
            }
            case "columns" -> forEachSchema(context, (catalog, metadata, schema) -> {
                for (String name : metadata.listTables(schema)) {
                    SchemaTableName tableName = new SchemaTableName(schema, name);
                    Optional<TableMetadata> found = metadata.table(tableName);
                    if (found.isPresent()) {
                        addColumns(rows, catalog, metadata, found.get());
                    }
                }
                for (String name : metadata.listViews(schema)) {
                    SchemaTableName viewName = new SchemaTableName(schema, name);
                    metadata.view(viewName).ifPresent(view -> addColumns(rows, catalog, metadata, new TableMetadata(viewName, view.columns())));
                }
            });
            case "types" -> {
                for (Type type : CONCRETE_TYPES) {
                    rows.add(typeRow(type.displayName(), JdbcTypes.dataType(type), JdbcTypes.columnSize(type),
                            DatabaseMetaData.typeSearchable, JdbcTypes.numPrecRadix(type)));
                }
                for (String name : PARAMETRIC_TYPES) {
                    rows.add(typeRow(name, name.equals("array") ? Types.ARRAY : Types.JAVA_OBJECT, null,
                            DatabaseMetaData.typePredNone, null));
                }
            }
            default -> {
                // procedures, procedure_columns, pseudo_columns, super_tables, super_types, udts, attributes
            }
        }
        return rows;
    }

    private static void addColumns(List<Object[]> rows, String catalog, ConnectorMetadata metadata, TableMetadata table) {
        long position = 1;
        for (ColumnMetadata column : table.visibleColumns()) {
            Type type = column.type();
            boolean nullable = column.nullable() && metadata.isNullable(table.name(), column.name());
            rows.add(new Object[] {
                catalog, table.name().schema(), table.name().table(), column.name(),
                (long) JdbcTypes.dataType(type), type.displayName(), JdbcTypes.columnSize(type), 0L,
                JdbcTypes.decimalDigits(type), JdbcTypes.numPrecRadix(type),
                (long) (nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls),
                column.comment().orElse(null), null, null, null, JdbcTypes.charOctetLength(type), position++,
                nullable ? "YES" : "NO",
                null, null, null, null, null, null
            });
        }
    }

    /** The rows of {@code system.metadata.table_comments}: every table and view of every catalog, and its comment. */
    static List<Object[]> tableComments(ConnectorContext context) {
        List<Object[]> rows = new ArrayList<>();
        forEachSchema(context, (catalog, metadata, schema) -> {
            for (String name : metadata.listTables(schema)) {
                String comment = metadata.table(new SchemaTableName(schema, name)).flatMap(TableMetadata::comment).orElse(null);
                rows.add(new Object[] {catalog, schema, name, comment});
            }
            for (String name : metadata.listViews(schema)) {
                String comment = metadata.view(new SchemaTableName(schema, name)).flatMap(ViewDefinition::comment).orElse(null);
                rows.add(new Object[] {catalog, schema, name, comment});
            }
        });
        return rows;
    }

    private static Object[] typeRow(String name, int dataType, Long precision, int searchable, Long radix) {
        return new Object[] {
            name, (long) dataType, precision, null, null, null, (long) DatabaseMetaData.typeNullable, false,
            (long) searchable, null, false, null, null, 0L, 0L, null, null, radix
        };
    }

    private interface SchemaVisitor {
        void visit(String catalog, ConnectorMetadata metadata, String schema);
    }

    private static void forEachSchema(ConnectorContext context, SchemaVisitor visitor) {
        for (String catalog : context.catalogNames()) {
            Optional<ConnectorMetadata> metadata = context.catalogMetadata(catalog);
            if (metadata.isEmpty()) {
                continue;
            }
            for (String schema : metadata.get().listSchemas()) {
                visitor.visit(catalog, metadata.get(), schema);
            }
        }
    }
}
