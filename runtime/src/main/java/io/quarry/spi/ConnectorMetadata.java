package io.quarry.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The schemas, tables, columns and statistics of one catalog. Names are lower case. */
public interface ConnectorMetadata {
    List<String> listSchemas();

    boolean schemaExists(String schema);

    /** The tables of a schema; empty when the schema does not exist. */
    List<String> listTables(String schema);

    Optional<TableMetadata> table(SchemaTableName name);

    /** Row count and per-column distinct counts, as well as the connector knows them. */
    default TableStatistics statistics(SchemaTableName name) {
        return TableStatistics.UNKNOWN;
    }

    /** The statistics SHOW STATS reports, which may be fewer than the planner's estimates; by default the same. */
    default TableStatistics reportedStatistics(SchemaTableName name) {
        return statistics(name);
    }

    /**
     * Whether a column may hold NULL, as {@code information_schema.columns.is_nullable} reports it; true unless
     * the connector knows better (the tpch generator never produces NULL).
     */
    default boolean isNullable(SchemaTableName table, String column) {
        return true;
    }

    /**
     * A number that changes whenever any schema, table, column or statistic of this catalog changes (and only
     * goes up), so that plans made against it may be reused until then; empty (the default) when the connector
     * cannot promise that, and then no plan reading it is reused.
     */
    default OptionalLong metadataVersion() {
        return OptionalLong.empty();
    }

    // ---- DDL and writes; a read-only connector keeps these defaults (NOT_SUPPORTED, as Trino says it) ----

    /** Creates a schema; SCHEMA_ALREADY_EXISTS if it exists. */
    default void createSchema(String schema) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating schemas");
    }

    /** Drops an empty schema; SCHEMA_NOT_FOUND, SCHEMA_NOT_EMPTY. */
    default void dropSchema(String schema) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping schemas");
    }

    /**
     * Drops a schema with its tables and views (DROP SCHEMA ... CASCADE) and returns the targets naming the dropped
     * tables' data, which the engine then drops on every node with {@link Connector#dropData}; SCHEMA_NOT_FOUND.
     */
    default List<WriteTarget> dropSchemaCascade(String schema) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping schemas");
    }

    /** Renames a schema, its tables and views with it; the caller has checked that {@code from} exists and {@code to} does not. */
    default void renameSchema(String from, String to) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support renaming schemas");
    }

    /** Creates an empty table, visible at once; TABLE_ALREADY_EXISTS, SCHEMA_NOT_FOUND. */
    default void createTable(TableMetadata table) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating tables");
    }

    /**
     * Drops a table at once (TABLE_NOT_FOUND if missing) and returns the target naming its data, which the
     * engine then drops on every node with {@link Connector#dropData}.
     */
    default WriteTarget dropTable(SchemaTableName table) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping tables");
    }

    /** Renames a table within its catalog; the caller has checked that {@code from} exists and {@code to} does not. */
    default void renameTable(SchemaTableName from, SchemaTableName to) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support renaming tables");
    }

    /** Adds a column at the end of a table; existing rows read NULL in it. */
    default void addColumn(SchemaTableName table, ColumnMetadata column) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support adding columns");
    }

    default void renameColumn(SchemaTableName table, String from, String to) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support renaming columns");
    }

    default void dropColumn(SchemaTableName table, String column) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping columns");
    }

    /** Makes a NOT NULL column nullable: ALTER TABLE … ALTER COLUMN … DROP NOT NULL. */
    default void dropNotNullConstraint(SchemaTableName table, String column) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping a not null constraint");
    }

    /** Sets (or, when empty, removes) a table's comment: COMMENT ON TABLE. */
    default void setTableComment(SchemaTableName table, Optional<String> comment) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support setting table comments");
    }

    /** Sets (or, when empty, removes) a column's comment: COMMENT ON COLUMN. */
    default void setColumnComment(SchemaTableName table, String column, Optional<String> comment) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support setting column comments");
    }

    /**
     * Empties a table at once; the returned target names the data the workers must drop (as {@link #dropTable}),
     * which no later write goes to.
     */
    default WriteTarget truncateTable(SchemaTableName table) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support truncating tables");
    }

    /** Starts CREATE TABLE AS: the table is reserved but stays invisible until {@link #finishWrite}. */
    default WriteTarget beginCreateTable(TableMetadata table, String writeId) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating tables with data");
    }

    /** Starts an INSERT into an existing table. */
    default WriteTarget beginInsert(SchemaTableName table, String writeId) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support inserts");
    }

    /** Commits a write with what every sink wrote; returns the rows written. */
    default long finishWrite(WriteTarget target, List<WrittenFragment> fragments) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support writes");
    }

    /** Forgets a write that will not be committed (the query failed); idempotent. */
    default void abortWrite(WriteTarget target) {}

    // ---- views: kept apart from tables (listTables and table() never return them) ----

    /** The views of a schema; empty when the schema does not exist or the connector has no views. */
    default List<String> listViews(String schema) {
        return List.of();
    }

    default Optional<ViewDefinition> view(SchemaTableName name) {
        return Optional.empty();
    }

    /**
     * Stores a view, replacing one of that name when {@code replace}; ALREADY_EXISTS if a view of that name
     * exists and {@code replace} is false, TABLE_ALREADY_EXISTS if a table has the name, SCHEMA_NOT_FOUND.
     */
    default void createView(SchemaTableName name, ViewDefinition definition, boolean replace) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating views");
    }

    /** Drops a view; TABLE_NOT_FOUND if there is no such view. */
    default void dropView(SchemaTableName name) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping views");
    }
}
