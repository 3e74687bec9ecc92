package io.quarry.connector.informationschema;

import static java.util.Objects.requireNonNull;

import io.quarry.connector.system.SnapshotRows;
import io.quarry.connector.system.SnapshotSplit;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSink;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * A catalog's connector with the catalog's {@code information_schema} added: the schema is listed beside the
 * connector's own, its tables read the connector's metadata when a query is scheduled (on the coordinator,
 * which alone knows e.g. the memory connector's tables), and everything else goes to the connector.
 *
 * <p>Every method of {@link Connector} and {@link ConnectorMetadata} is forwarded explicitly (a test checks
 * it), so a connector's own implementation of a method added later is never hidden by a default.
 */
public final class InformationSchemaConnector implements Connector {
    private final String catalogName;
    private final Connector delegate;
    private final Metadata metadata;

    public InformationSchemaConnector(String catalogName, Connector delegate) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.metadata = new Metadata(delegate.metadata());
    }

    /** The wrapped connector. */
    public Connector delegate() {
        return delegate;
    }

    @Override
    public ConnectorMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Split> splits(SchemaTableName table, int targetSplitCount) {
        if (!isInformationSchema(table.schema())) {
            return delegate.splits(table, targetSplitCount);
        }
        InformationSchemaPushdown.ConstrainedName name = InformationSchemaPushdown.parse(table.table());
        TableMetadata tableMetadata = InformationSchemaTables.table(name.table()).orElseThrow(() -> notFound(table));
        return SnapshotRows.splits(
                tableMetadata, InformationSchemaTables.rows(name.table(), catalogName, metadata, name.listing()));
    }

    @Override
    public CompletionStage<List<Split>> splitsAsync(SchemaTableName table, int targetSplitCount) {
        if (!isInformationSchema(table.schema())) {
            return delegate.splitsAsync(table, targetSplitCount);
        }
        return Connector.super.splitsAsync(table, targetSplitCount);
    }

    @Override
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        if (split instanceof SnapshotSplit snapshot && isInformationSchema(snapshot.table().schema())) {
            return SnapshotRows.pageSource(snapshot, columns);
        }
        return delegate.pageSource(split, columns);
    }

    @Override
    public PageSink pageSink(WriteTarget target) {
        requireWritable(target.table());
        return delegate.pageSink(target);
    }

    @Override
    public void dropData(WriteTarget target) {
        delegate.dropData(target);
    }

    @Override
    public void dropWrite(WriteTarget target) {
        delegate.dropWrite(target);
    }

    private static boolean isInformationSchema(String schema) {
        return schema.equals(InformationSchemaTables.SCHEMA);
    }

    private QuarryException notFound(SchemaTableName table) {
        return new QuarryException(
                ErrorCode.TABLE_NOT_FOUND, "Table '" + catalogName + "." + table + "' does not exist");
    }

    /** A new table or view: information_schema is not the connector's schema, so the connector does not find it (Trino's answer). */
    private void requireCreatable(SchemaTableName table) {
        if (isInformationSchema(table.schema())) {
            throw new QuarryException(ErrorCode.NOT_FOUND, "Schema " + table.schema() + " not found");
        }
    }

    private void requireWritable(SchemaTableName table) {
        if (isInformationSchema(table.schema())) {
            throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Schema '" + catalogName + "." + table.schema() + "' is read-only");
        }
    }

    /** The connector's metadata with {@code information_schema} added. */
    private final class Metadata implements ConnectorMetadata {
        private final ConnectorMetadata delegate;

        Metadata(ConnectorMetadata delegate) {
            this.delegate = requireNonNull(delegate, "delegate is null");
        }

        @Override
        public List<String> listSchemas() {
            List<String> schemas = new ArrayList<>(delegate.listSchemas());
            schemas.remove(InformationSchemaTables.SCHEMA);
            schemas.add(InformationSchemaTables.SCHEMA);
            return List.copyOf(schemas);
        }

        @Override
        public boolean schemaExists(String schema) {
            return isInformationSchema(schema) || delegate.schemaExists(schema);
        }

        @Override
        public List<String> listTables(String schema) {
            return isInformationSchema(schema) ? InformationSchemaTables.tableNames() : delegate.listTables(schema);
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return isInformationSchema(name.schema()) ? InformationSchemaTables.table(name.table()) : delegate.table(name);
        }

        @Override
        public TableStatistics statistics(SchemaTableName name) {
            return isInformationSchema(name.schema()) ? TableStatistics.UNKNOWN : delegate.statistics(name);
        }

        @Override
        public TableStatistics reportedStatistics(SchemaTableName name) {
            return isInformationSchema(name.schema()) ? TableStatistics.UNKNOWN : delegate.reportedStatistics(name);
        }

        @Override
        public boolean isNullable(SchemaTableName table, String column) {
            return isInformationSchema(table.schema()) || delegate.isNullable(table, column);
        }

        /** The delegate's: the information_schema tables themselves never change and have no statistics. */
        @Override
        public OptionalLong metadataVersion() {
            return delegate.metadataVersion();
        }

        @Override
        public void createSchema(String schema) {
            if (isInformationSchema(schema)) {
                throw new QuarryException(
                        ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + catalogName + "." + schema + "' already exists");
            }
            delegate.createSchema(schema);
        }

        @Override
        public void dropSchema(String schema) {
            if (isInformationSchema(schema)) {
                throw new QuarryException(
                        ErrorCode.NOT_SUPPORTED, "Schema '" + catalogName + "." + schema + "' cannot be dropped");
            }
            delegate.dropSchema(schema);
        }

        @Override
        public List<WriteTarget> dropSchemaCascade(String schema) {
            if (isInformationSchema(schema)) {
                // not the connector's own schema, so the connector does not find it (Trino's answer too)
                throw new QuarryException(ErrorCode.NOT_FOUND, "Schema '" + catalogName + "." + schema + "' does not exist");
            }
            return delegate.dropSchemaCascade(schema);
        }

        @Override
        public void renameSchema(String from, String to) {
            if (isInformationSchema(from)) {
                throw new QuarryException(ErrorCode.NOT_FOUND, "Schema '" + catalogName + "." + from + "' does not exist");
            }
            if (isInformationSchema(to)) {
                throw new QuarryException(ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + catalogName + "." + to + "' already exists");
            }
            delegate.renameSchema(from, to);
        }

        @Override
        public void createTable(TableMetadata table) {
            requireCreatable(table.name());
            delegate.createTable(table);
        }

        @Override
        public WriteTarget dropTable(SchemaTableName table) {
            requireWritable(table);
            return delegate.dropTable(table);
        }

        @Override
        public void renameTable(SchemaTableName from, SchemaTableName to) {
            requireWritable(from);
            requireWritable(to);
            delegate.renameTable(from, to);
        }

        @Override
        public void addColumn(SchemaTableName table, ColumnMetadata column) {
            requireWritable(table);
            delegate.addColumn(table, column);
        }

        @Override
        public void renameColumn(SchemaTableName table, String from, String to) {
            requireWritable(table);
            delegate.renameColumn(table, from, to);
        }

        @Override
        public void dropColumn(SchemaTableName table, String column) {
            requireWritable(table);
            delegate.dropColumn(table, column);
        }

        @Override
        public void dropNotNullConstraint(SchemaTableName table, String column) {
            requireWritable(table);
            delegate.dropNotNullConstraint(table, column);
        }

        @Override
        public void setTableComment(SchemaTableName table, Optional<String> comment) {
            requireWritable(table);
            delegate.setTableComment(table, comment);
        }

        @Override
        public void setColumnComment(SchemaTableName table, String column, Optional<String> comment) {
            requireWritable(table);
            delegate.setColumnComment(table, column, comment);
        }

        @Override
        public WriteTarget truncateTable(SchemaTableName table) {
            requireWritable(table);
            return delegate.truncateTable(table);
        }

        @Override
        public WriteTarget beginCreateTable(TableMetadata table, String writeId) {
            requireCreatable(table.name());
            return delegate.beginCreateTable(table, writeId);
        }

        @Override
        public WriteTarget beginInsert(SchemaTableName table, String writeId) {
            requireWritable(table);
            return delegate.beginInsert(table, writeId);
        }

        @Override
        public long finishWrite(WriteTarget target, List<WrittenFragment> fragments) {
            return delegate.finishWrite(target, fragments);
        }

        @Override
        public void abortWrite(WriteTarget target) {
            delegate.abortWrite(target);
        }

        @Override
        public List<String> listViews(String schema) {
            return isInformationSchema(schema) ? List.of() : delegate.listViews(schema);
        }

        @Override
        public Optional<ViewDefinition> view(SchemaTableName name) {
            return isInformationSchema(name.schema()) ? Optional.empty() : delegate.view(name);
        }

        @Override
        public void createView(SchemaTableName name, ViewDefinition definition, boolean replace) {
            requireCreatable(name);
            delegate.createView(name, definition, replace);
        }

        @Override
        public void dropView(SchemaTableName name) {
            requireWritable(name);
            delegate.dropView(name);
        }
    }
}
