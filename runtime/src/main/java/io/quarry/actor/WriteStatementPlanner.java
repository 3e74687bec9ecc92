package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.client.ResultColumn;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.DistributedPlanner;
import io.quarry.plan.Exchange;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Fragmenter;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.TableWriter;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.WriteTarget;
import io.quarry.sql.FunctionListing;
import io.quarry.sql.QueryPlan;
import io.quarry.sql.SqlPlanner;
import io.quarry.sql.WriteStatement;
import io.quarry.sql.WriteStatementParser;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans the statements Calcite does not run: schema and table DDL (done here, at planning time, on the
 * coordinator, as Trino does), SHOW TABLES, and the writes. A write (CREATE TABLE AS, INSERT) runs its
 * query, spreads the rows round-robin over one table-writer task per worker, gathers what the writers
 * report and commits it through a {@link WriteCompletion} once the query's output is complete.
 */
final class WriteStatementPlanner {
    private static final Pattern GENERATED_NAME = Pattern.compile("_col\\d+");
    private static final List<String> WRITER_OUTPUT = List.of("node", "data", "rows", "bytes", "statistics");

    private record QualifiedTable(String catalog, SchemaTableName table) {
        @Override
        public String toString() {
            return catalog + "." + table;
        }
    }

    private final CatalogManager catalogs;
    private final SqlPlanner planner;

    WriteStatementPlanner(CatalogManager catalogs, SqlPlanner planner) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.planner = requireNonNull(planner, "planner is null");
    }

    /** The plan of the statement, or empty when it is not one of these. */
    Optional<PlannedQuery> plan(String sql, Session session) {
        Optional<WriteStatement> parsed = WriteStatementParser.parse(sql);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        WriteStatement statement = parsed.get();
        if (statement instanceof WriteStatement.CreateSchema create) {
            return Optional.of(createSchema(create, session));
        }
        if (statement instanceof WriteStatement.RenameSchema rename) {
            return Optional.of(renameSchema(rename, session));
        }
        if (statement instanceof WriteStatement.SetSchemaAuthorization set) {
            String[] name = schemaName(set.name(), session);
            if (!catalogs.require(name[0]).metadata().schemaExists(name[1])) {
                throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name[0] + "." + name[1] + "' does not exist");
            }
            // Quarry has no roles at all, and no connector keeps owners
            throw set.role()
                    ? new QuarryException(ErrorCode.ROLE_NOT_FOUND, "Role '" + set.principal() + "' does not exist")
                    : new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + name[0]);
        }
        if (statement instanceof WriteStatement.ShowCreateSchema show) {
            return Optional.of(showCreateSchema(show, session));
        }
        if (statement instanceof WriteStatement.DropSchema drop) {
            return Optional.of(dropSchema(drop, session));
        }
        if (statement instanceof WriteStatement.CreateTable create) {
            return Optional.of(createTable(create, session));
        }
        if (statement instanceof WriteStatement.ReplaceTable replace) {
            QualifiedTable name = tableName(replace.name(), session);
            catalogs.require(name.catalog());
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support replacing tables");
        }
        if (statement instanceof WriteStatement.CreateTableAsSelect create) {
            return Optional.of(createTableAsSelect(create, session));
        }
        if (statement instanceof WriteStatement.Insert insert) {
            return Optional.of(insert(insert, session));
        }
        if (statement instanceof WriteStatement.DropTable drop) {
            return Optional.of(dropTable(drop, session));
        }
        if (statement instanceof WriteStatement.AlterTable alter) {
            return Optional.of(alterTable(alter, session));
        }
        if (statement instanceof WriteStatement.TruncateTable truncate) {
            return Optional.of(truncateTable(truncate, session));
        }
        if (statement instanceof WriteStatement.ModifyRows modify) {
            QualifiedTable name = tableName(modify.name(), session);
            ConnectorMetadata metadata = existingRelations(name.catalog());
            if (metadata.view(name.table()).isPresent()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, switch (modify.kind()) {
                    case "DELETE" -> "Deleting from views is not supported";
                    case "UPDATE" -> "Updating views is not supported";
                    default -> "Merging into views is not supported";
                });
            }
            existingTable(metadata, name);
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support modifying table rows");
        }
        if (statement instanceof WriteStatement.MaterializedViewStatement materialized) {
            return Optional.of(materializedView(materialized, session));
        }
        if (statement instanceof WriteStatement.GrantStatement grant) {
            if (grant.onSchema()) {
                String[] schema = schemaName(grant.name(), session);
                if (!existingRelations(schema[0]).schemaExists(schema[1])) {
                    throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + schema[0] + "." + schema[1] + "' does not exist");
                }
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + schema[0]);
            }
            QualifiedTable name = tableName(grant.name(), session);
            ConnectorMetadata metadata = existingRelations(name.catalog());
            if (metadata.table(name.table()).isEmpty() && metadata.view(name.table()).isEmpty()) {
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
            }
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + name.catalog());
        }
        if (statement instanceof WriteStatement.RoleStatement role) {
            return Optional.of(roles(role));
        }
        if (statement instanceof WriteStatement.ShowGrants show) {
            if (show.table().isPresent()) {
                QualifiedTable name = tableName(show.table().get(), session);
                ConnectorMetadata metadata = existingRelations(name.catalog());
                if (metadata.table(name.table()).isEmpty() && metadata.view(name.table()).isEmpty()) {
                    throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
                }
            }
            List<String> names = List.of(
                    "Grantor", "Grantor Type", "Grantee", "Grantee Type", "Catalog", "Schema", "Table", "Privilege", "Grantable",
                    "With Hierarchy");
            List<Type> types = java.util.Collections.nCopies(names.size(), Types.VARCHAR);
            PlanNode root = new Output(new Values(types, List.of()), names);
            return Optional.of(new PlannedQuery(names.stream().map(column -> new ResultColumn(column, Types.VARCHAR)).toList(),
                    Fragmenter.fragment(root)));
        }
        if (statement instanceof WriteStatement.Analyze analyze) {
            QualifiedTable name = tableName(analyze.name(), session);
            ConnectorMetadata metadata = existingRelations(name.catalog());
            if (metadata.view(name.table()).isPresent()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Analyzing views is not supported");
            }
            existingTable(metadata, name);
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support analyze");
        }
        if (statement instanceof WriteStatement.CallProcedure call) {
            List<String> parts = call.name();
            String catalog = parts.size() == 3 ? parts.get(0) : sessionCatalog(session);
            catalogs.require(catalog);
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : sessionSchema(session);
            if (catalog.equals("system") && schema.equals("runtime") && parts.get(parts.size() - 1).equals("kill_query")) {
                return Optional.of(killQuery(call));
            }
            throw new QuarryException(
                    ErrorCode.PROCEDURE_NOT_FOUND, "Procedure not registered: " + schema + "." + parts.get(parts.size() - 1));
        }
        if (statement instanceof WriteStatement.RenameView rename) {
            return Optional.of(renameView(rename, session));
        }
        if (statement instanceof WriteStatement.SetViewAuthorization set) {
            QualifiedTable name = tableName(set.name(), session);
            if (existingRelations(name.catalog()).view(name.table()).isEmpty()) {
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "View '" + name + "' does not exist");
            }
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + name.catalog());
        }
        if (statement instanceof WriteStatement.CommentOn comment) {
            return Optional.of(commentOn(comment, session));
        }
        if (statement instanceof WriteStatement.CreateView create) {
            return Optional.of(createView(create, session));
        }
        if (statement instanceof WriteStatement.DropView drop) {
            return Optional.of(dropView(drop, session));
        }
        if (statement instanceof WriteStatement.ShowFunctions show) {
            return Optional.of(showFunctions(show));
        }
        return Optional.of(showTables((WriteStatement.ShowTables) statement, session));
    }

    // ---- DDL ----

    private PlannedQuery createSchema(WriteStatement.CreateSchema statement, Session session) {
        String[] name = schemaName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name[0]).metadata();
        if (metadata.schemaExists(name[1])) {
            if (!statement.ifNotExists()) {
                throw new QuarryException(ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + name[0] + "." + name[1] + "' already exists");
            }
        } else if (statement.ownedByRole()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support roles");
        } else {
            metadata.createSchema(name[1]);
        }
        return done("CREATE SCHEMA");
    }

    /** Trino's text: {@code CREATE SCHEMA catalog.schema}, typed varchar(length); no connector has schema properties. */
    private PlannedQuery showCreateSchema(WriteStatement.ShowCreateSchema statement, Session session) {
        String[] name = schemaName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name[0]).metadata();
        if (!metadata.schemaExists(name[1])) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name[0] + "." + name[1] + "' does not exist");
        }
        String text = "CREATE SCHEMA " + name[0] + "." + name[1];
        Type type = Types.varchar(text.length());
        PlanNode root = new Output(new Values(List.of(type), List.of(List.of(new Constant(text, type)))), List.of("Create Schema"));
        return new PlannedQuery(List.of(new ResultColumn("Create Schema", type)), Fragmenter.fragment(root));
    }

    /** RESTRICT (the default) refuses a schema that holds tables or views; CASCADE drops them, their data on every worker too. */
    private PlannedQuery dropSchema(WriteStatement.DropSchema statement, Session session) {
        String[] name = schemaName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name[0]);
        if (!metadata.schemaExists(name[1])) {
            if (!statement.ifExists()) {
                throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name[0] + "." + name[1] + "' does not exist");
            }
            return done("DROP SCHEMA");
        }
        if (!statement.cascade()) {
            // checked here for every connector, as Trino does: tpch's and information_schema's schemas are not empty either
            if (!metadata.listTables(name[1]).isEmpty() || !metadata.listViews(name[1]).isEmpty()) {
                throw new QuarryException(ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema '" + name[1] + "'");
            }
            metadata.dropSchema(name[1]);
            return done("DROP SCHEMA");
        }
        List<WriteTarget> dropped = metadata.dropSchemaCascade(name[1]);
        return dropped.isEmpty() ? done("DROP SCHEMA") : dropData(name[0], dropped, "DROP SCHEMA");
    }

    private PlannedQuery renameSchema(WriteStatement.RenameSchema statement, Session session) {
        String[] name = schemaName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name[0]).metadata();
        if (!metadata.schemaExists(name[1])) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name[0] + "." + name[1] + "' does not exist");
        }
        if (metadata.schemaExists(statement.newName())) {
            throw new QuarryException(
                    ErrorCode.SCHEMA_ALREADY_EXISTS, "Target schema '" + name[0] + "." + statement.newName() + "' already exists");
        }
        metadata.renameSchema(name[1], statement.newName());
        return done("RENAME SCHEMA");
    }

    private PlannedQuery createTable(WriteStatement.CreateTable statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        checkTargetSchemaExists(metadata, name);
        if (metadata.table(name.table()).isPresent()) {
            if (statement.ifNotExists()) {
                return done("CREATE TABLE");
            }
            throw tableAlreadyExists(name);
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        for (WriteStatement.TableElement element : statement.elements()) {
            if (element instanceof WriteStatement.LikeClause like) {
                columns.addAll(likeColumns(like, name, session));
            } else {
                columns.add(column((WriteStatement.ColumnDefinition) element, name.catalog()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (ColumnMetadata column : columns) {
            if (!seen.add(column.name())) {
                throw new QuarryException(ErrorCode.DUPLICATE_COLUMN_NAME, "Column name '" + column.name() + "' specified more than once");
            }
        }
        metadata.createTable(new TableMetadata(name.table(), columns, statement.comment()));
        return done("CREATE TABLE");
    }

    /** The columns LIKE copies: names, types, NOT NULL and comments of the other table (of any catalog). */
    private List<ColumnMetadata> likeColumns(WriteStatement.LikeClause like, QualifiedTable target, Session session) {
        QualifiedTable source = tableName(like.table(), session);
        ConnectorMetadata sourceMetadata = catalogs.require(source.catalog()).metadata();
        Optional<TableMetadata> table = sourceMetadata.table(source.table());
        if (table.isEmpty()) {
            if (sourceMetadata.view(source.table()).isPresent()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "LIKE clause does not support views: '" + source + "'");
            }
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "LIKE table '" + source + "' does not exist");
        }
        if (like.includingProperties() && !source.catalog().equals(target.catalog())) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "CREATE TABLE LIKE table INCLUDING PROPERTIES across catalogs is not supported");
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        for (ColumnMetadata column : table.get().columns()) {
            boolean nullable = column.nullable() && sourceMetadata.isNullable(source.table(), column.name());
            columns.add(new ColumnMetadata(column.name(), column.type(), nullable, column.comment()));
        }
        return columns;
    }

    /**
     * COMMENT ON TABLE / VIEW / COLUMN, with Trino's checks: the relation must be of the kind named (a column's may be
     * either), and the column in it. A view's comments are stored by replacing the view with a commented copy.
     */
    private PlannedQuery commentOn(WriteStatement.CommentOn statement, Session session) {
        List<String> parts = statement.name();
        boolean onColumn = statement.target() == WriteStatement.CommentTarget.COLUMN;
        QualifiedTable name = tableName(onColumn ? parts.subList(0, parts.size() - 1) : parts, session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        Optional<TableMetadata> table = metadata.table(name.table());
        Optional<ViewDefinition> view = table.isPresent() ? Optional.empty() : metadata.view(name.table());
        if (statement.target() == WriteStatement.CommentTarget.TABLE && table.isEmpty() && view.isPresent()) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist, but a view with that name "
                    + "exists. Did you mean COMMENT ON VIEW " + name + " IS ...?");
        }
        if (statement.target() == WriteStatement.CommentTarget.VIEW) {
            if (view.isEmpty()) {
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, table.isPresent()
                        ? "View '" + name + "' does not exist, but a table with that name exists. Did you mean COMMENT ON TABLE "
                                + name + " IS ...?"
                        : "View '" + name + "' does not exist");
            }
            metadata.createView(name.table(), view.get().withComment(statement.comment()), true);
            return done("COMMENT");
        }
        if (view.isPresent()) {
            String column = parts.get(parts.size() - 1);
            List<ColumnMetadata> columns = new ArrayList<>(view.get().columns());
            if (columns.stream().noneMatch(existing -> existing.name().equals(column))) {
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column does not exist: " + column);
            }
            columns.replaceAll(existing -> existing.name().equals(column) ? existing.withComment(statement.comment()) : existing);
            metadata.createView(name.table(), view.get().withColumns(columns), true);
            return done("COMMENT");
        }
        TableMetadata existing = existingTable(metadata, name);
        if (!onColumn) {
            metadata.setTableComment(name.table(), statement.comment());
            return done("COMMENT");
        }
        String column = parts.get(parts.size() - 1);
        if (existing.column(column).isEmpty()) {
            throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column does not exist: " + column);
        }
        metadata.setColumnComment(name.table(), column, statement.comment());
        return done("COMMENT");
    }

    private PlannedQuery dropTable(WriteStatement.DropTable statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        if (metadata.table(name.table()).isEmpty()) {
            if (metadata.view(name.table()).isPresent()) {
                throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "Table '" + name
                        + "' does not exist, but a view with that name exists. Did you mean DROP VIEW " + name + "?");
            }
            if (statement.ifExists()) {
                return done("DROP TABLE");
            }
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
        }
        return dropData(name.catalog(), List.of(metadata.dropTable(name.table())), "DROP TABLE");
    }

    /**
     * One task per worker drops the data of each of {@code dropped} held there (a chain of data-dropping writers, one per
     * table); the client gets result = true.
     */
    private static PlannedQuery dropData(String catalog, List<WriteTarget> dropped, String updateType) {
        PlanNode drop = new Exchange(new Values(List.of(), List.of()), ExchangeKind.ROUND_ROBIN, List.of());
        for (WriteTarget target : dropped) {
            drop = new TableWriter(drop, catalog, target, true);
        }
        PlanNode root = new Output(new Exchange(drop, ExchangeKind.GATHER, List.of()), WRITER_OUTPUT);
        return new PlannedQuery(
                List.of(new ResultColumn("result", Types.BOOLEAN)), Fragmenter.fragment(root), Optional.of(updateType),
                Optional.of(WriteCompletion.done()));
    }

    private PlannedQuery truncateTable(WriteStatement.TruncateTable statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        if (metadata.view(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Cannot truncate a view");
        }
        existingTable(metadata, name);
        return dropData(name.catalog(), List.of(metadata.truncateTable(name.table())), "TRUNCATE TABLE");
    }

    /** ALTER TABLE, with Trino's checks and messages; IF EXISTS on a missing table changes nothing. */
    private PlannedQuery alterTable(WriteStatement.AlterTable statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        WriteStatement.TableChange change = statement.change();
        if (change instanceof WriteStatement.TableChange.SetProperties set) {
            // no connector has table properties: the first one named is unknown, whatever the table
            throw new QuarryException(ErrorCode.INVALID_TABLE_PROPERTY,
                    "Catalog '" + name.catalog() + "' table property '" + set.names().get(0) + "' does not exist");
        }
        Optional<TableMetadata> found = metadata.table(name.table());
        if (found.isEmpty() && change instanceof WriteStatement.TableChange.RenameTo && metadata.view(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "Table '" + name
                    + "' does not exist, but a view with that name exists. Did you mean ALTER VIEW " + name + " RENAME TO ...?");
        }
        if (found.isEmpty() && change instanceof WriteStatement.TableChange.SetAuthorization && metadata.view(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + name.catalog());
        }
        if (found.isEmpty() && statement.ifExists()) {
            return done(updateType(change));
        }
        TableMetadata table = existingTable(metadata, name);
        if (change instanceof WriteStatement.TableChange.RenameTo rename) {
            QualifiedTable target = renameTarget(rename.newName(), name);
            if (!target.catalog().equals(name.catalog())) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Table rename across catalogs is not supported");
            }
            checkTargetSchemaExists(metadata, target);
            if (metadata.table(target.table()).isPresent() || metadata.view(target.table()).isPresent()) {
                throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "Target table '" + target + "' already exists");
            }
            metadata.renameTable(name.table(), target.table());
        } else if (change instanceof WriteStatement.TableChange.RenameColumn rename) {
            if (table.column(rename.from()).isEmpty()) {
                if (rename.ifExists()) {
                    return done("RENAME COLUMN");
                }
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + rename.from() + "' does not exist");
            }
            if (table.column(rename.to()).isPresent()) {
                throw new QuarryException(ErrorCode.COLUMN_ALREADY_EXISTS, "Column '" + rename.to() + "' already exists");
            }
            metadata.renameColumn(name.table(), rename.from(), rename.to());
        } else if (change instanceof WriteStatement.TableChange.SetAuthorization set) {
            // Quarry has no roles at all, and no connector keeps owners
            throw set.role().isPresent()
                    ? new QuarryException(ErrorCode.ROLE_NOT_FOUND, "Role '" + set.role().get() + "' does not exist")
                    : new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog does not support permission management: " + name.catalog());
        } else if (change instanceof WriteStatement.TableChange.ExecuteProcedure execute) {
            throw new QuarryException(ErrorCode.PROCEDURE_NOT_FOUND, "Table procedure not registered: " + execute.procedure());
        } else if (change instanceof WriteStatement.TableChange.DropNotNull drop) {
            ColumnMetadata column = table.column(drop.column())
                    .orElseThrow(() -> new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + drop.column() + "' does not exist"));
            if (column.nullable()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Column is already nullable");
            }
            metadata.dropNotNullConstraint(name.table(), drop.column());
        } else if (change instanceof WriteStatement.TableChange.SetColumnType set) {
            if (table.column(set.column()).isEmpty()) {
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + set.column() + "' does not exist");
            }
            type(new WriteStatement.ColumnDefinition(set.column(), set.type()));
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support setting column types");
        } else if (change instanceof WriteStatement.TableChange.AddColumn add) {
            if (table.column(add.column().name()).isPresent()) {
                if (add.ifNotExists()) {
                    return done("ADD COLUMN");
                }
                throw new QuarryException(ErrorCode.COLUMN_ALREADY_EXISTS, "Column '" + add.column().name() + "' already exists");
            }
            ColumnMetadata column = column(add.column(), name.catalog());
            if (!column.nullable() && metadata.statistics(name.table()).rowCount() > 0) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                        "Unable to add NOT NULL column '" + column.name() + "' for non-empty table: " + name.table());
            }
            metadata.addColumn(name.table(), column);
        } else {
            WriteStatement.TableChange.DropColumn drop = (WriteStatement.TableChange.DropColumn) change;
            if (table.column(drop.column()).isEmpty()) {
                if (drop.ifExists()) {
                    return done("DROP COLUMN");
                }
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + drop.column() + "' does not exist");
            }
            if (table.columns().size() == 1) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Cannot drop the only column in a table");
            }
            metadata.dropColumn(name.table(), drop.column());
        }
        return done(updateType(change));
    }

    private static String updateType(WriteStatement.TableChange change) {
        if (change instanceof WriteStatement.TableChange.DropNotNull) {
            return "DROP NOT NULL CONSTRAINT";
        }
        if (change instanceof WriteStatement.TableChange.SetColumnType) {
            return "SET COLUMN TYPE";
        }
        if (change instanceof WriteStatement.TableChange.ExecuteProcedure) {
            return "ALTER TABLE EXECUTE";
        }
        if (change instanceof WriteStatement.TableChange.RenameTo) {
            return "RENAME TABLE";
        }
        if (change instanceof WriteStatement.TableChange.RenameColumn) {
            return "RENAME COLUMN";
        }
        return change instanceof WriteStatement.TableChange.AddColumn ? "ADD COLUMN" : "DROP COLUMN";
    }

    /** The new name of RENAME TO: the parts left out are those of the renamed table. */
    private static QualifiedTable renameTarget(List<String> parts, QualifiedTable table) {
        String catalog = parts.size() == 3 ? parts.get(0) : table.catalog();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : table.table().schema();
        return new QualifiedTable(catalog, new SchemaTableName(schema, parts.get(parts.size() - 1)));
    }

    private static TableMetadata existingTable(ConnectorMetadata metadata, QualifiedTable name) {
        return metadata.table(name.table())
                .orElseThrow(() -> new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist"));
    }

    private PlannedQuery showTables(WriteStatement.ShowTables statement, Session session) {
        String[] schema = schemaName(statement.schema(), session);
        ConnectorMetadata metadata = catalogs.require(schema[0]).metadata();
        if (!metadata.schemaExists(schema[1])) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + schema[1] + "' does not exist");
        }
        Optional<Pattern> like = statement.like().map(UtilityStatementPlanner::likeToRegex);
        List<List<Expression>> rows = new ArrayList<>();
        Set<String> relations = new java.util.TreeSet<>(metadata.listTables(schema[1]));
        relations.addAll(metadata.listViews(schema[1]));
        for (String table : relations) {
            if (like.isEmpty() || like.get().matcher(table).matches()) {
                rows.add(List.of(new Constant(table, Types.VARCHAR)));
            }
        }
        PlanNode root = new Output(new Values(List.of(Types.VARCHAR), rows), List.of("Table"));
        return new PlannedQuery(List.of(new ResultColumn("Table", Types.VARCHAR)), Fragmenter.fragment(root));
    }

    private PlannedQuery createView(WriteStatement.CreateView statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        // Trino's order: a table of that name, the query, the properties, the schema
        if (metadata.table(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: '" + name + "'");
        }
        // planning the query checks it (its own errors fail the statement) and gives the view's columns
        QueryPlan query = planner.plan(statement.query(), session);
        List<ColumnMetadata> columns = outputColumns(
                Optional.empty(), query, ErrorCode.MISSING_COLUMN_NAME, "Column name not specified at position ");
        if (statement.property().isPresent()) {
            throw new QuarryException(ErrorCode.INVALID_VIEW_PROPERTY,
                    "Catalog '" + name.catalog() + "' view property '" + statement.property().get() + "' does not exist");
        }
        checkTargetSchemaExists(metadata, name);
        metadata.createView(name.table(),
                new ViewDefinition(
                        statement.definition(), session.catalog(), session.schema(), columns, statement.comment(), statement.invoker()),
                statement.replace());
        return done("CREATE VIEW");
    }

    /** Quarry has no roles: a catalog's fail as Trino's connectors without role management, system ones are not enabled. */
    private PlannedQuery roles(WriteStatement.RoleStatement statement) {
        if (statement.catalog().isPresent()) {
            String catalog = statement.catalog().get();
            catalogs.require(catalog);
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog '" + catalog + "' does not support role management");
        }
        String role = statement.role().orElse("");
        boolean allOrNone = role.equals("all") || role.equals("none");
        return switch (statement.action()) {
            case CREATE -> throw new QuarryException(ErrorCode.NOT_SUPPORTED, "System roles are not enabled");
            case SHOW, SHOW_GRANTS -> {
                String column = statement.action() == WriteStatement.RoleAction.SHOW ? "Role" : "Role Grants";
                PlanNode root = new Output(new Values(List.of(Types.VARCHAR), List.of()), List.of(column));
                yield new PlannedQuery(List.of(new ResultColumn(column, Types.VARCHAR)), Fragmenter.fragment(root));
            }
            case SET -> {
                if (!allOrNone) {
                    throw new QuarryException(ErrorCode.ROLE_NOT_FOUND, "Role '" + role + "' does not exist");
                }
                yield done("SET ROLE");
            }
            case DROP -> {
                if (!statement.ifExists()) {
                    throw new QuarryException(ErrorCode.ROLE_NOT_FOUND, "Role '" + role + "' does not exist");
                }
                yield done("DROP ROLE");
            }
            case GRANT -> throw new QuarryException(ErrorCode.ROLE_NOT_FOUND, "Role '" + role + "' does not exist");
        };
    }

    /** No connector has materialized views: each statement fails as Trino's does when none exists, naming a table or view of the name. */
    private PlannedQuery materializedView(WriteStatement.MaterializedViewStatement statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        if (statement.action() == WriteStatement.MaterializedViewAction.CREATE) {
            catalogs.require(name.catalog());
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating materialized views");
        }
        ConnectorMetadata metadata = existingRelations(name.catalog());
        boolean table = metadata.table(name.table()).isPresent();
        boolean view = !table && metadata.view(name.table()).isPresent();
        switch (statement.action()) {
            case DROP -> {
                if (table || view) {
                    String kind = table ? "TABLE" : "VIEW";
                    throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "Materialized view '" + name + "' does not exist, but a "
                            + kind.toLowerCase(Locale.ROOT) + " with that name exists. Did you mean DROP " + kind + " " + name + "?");
                }
                if (statement.ifExists()) {
                    return done("DROP MATERIALIZED VIEW");
                }
                throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "Materialized view '" + name + "' does not exist");
            }
            case SHOW_CREATE -> {
                if (table || view) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                            "Relation '" + name + "' is a " + (table ? "table" : "view") + ", not a materialized view");
                }
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Materialized view '" + name + "' does not exist");
            }
            case ALTER -> throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, table || view
                    ? "Materialized View '" + name + "' does not exist, but a " + (table ? "table" : "view")
                            + " with that name exists. Did you mean ALTER " + (table ? "TABLE " : "VIEW ") + name + " RENAME TO ...?"
                    : "Materialized View '" + name + "' does not exist");
            default -> throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Materialized view '" + name + "' does not exist");
        }
    }

    /** Trino's checks in Trino's order; the view keeps its text, so it still reads the tables it named. */
    private PlannedQuery renameView(WriteStatement.RenameView statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        Optional<ViewDefinition> view = metadata.view(name.table());
        if (view.isEmpty()) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, metadata.table(name.table()).isPresent()
                    ? "View '" + name + "' does not exist, but a table with that name exists. Did you mean ALTER TABLE " + name
                            + " RENAME TO ...?"
                    : "View '" + name + "' does not exist");
        }
        QualifiedTable target = tableName(statement.newName(), session);
        if (!target.catalog().equals(name.catalog())) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "View rename across catalogs is not supported");
        }
        checkTargetSchemaExists(metadata, target);
        if (metadata.table(target.table()).isPresent()) {
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS,
                    "Target view '" + target + "' does not exist, but a table with that name exists.");
        }
        if (metadata.view(target.table()).isPresent()) {
            throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "Target view '" + target + "' already exists");
        }
        metadata.createView(target.table(), view.get(), false);
        metadata.dropView(name.table());
        return done("RENAME VIEW");
    }

    private PlannedQuery dropView(WriteStatement.DropView statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        if (metadata.view(name.table()).isEmpty()) {
            if (metadata.table(name.table()).isPresent()) {
                throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "View '" + name
                        + "' does not exist, but a table with that name exists. Did you mean DROP TABLE " + name + "?");
            }
            if (statement.ifExists()) {
                return done("DROP VIEW");
            }
            throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "View '" + name + "' does not exist");
        }
        metadata.dropView(name.table());
        return done("DROP VIEW");
    }

    /** The named, typed columns of a query's output, named by {@code aliases} when given (CREATE TABLE AS, CREATE VIEW). */
    private static List<ColumnMetadata> outputColumns(
            Optional<List<String>> aliases, QueryPlan query, ErrorCode missingName, String missingNameMessage) {
        List<String> names = aliases.orElse(query.columnNames());
        if (names.size() != query.columnTypes().size()) {
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES,
                    "Column alias list has " + names.size() + " entries but query has " + query.columnTypes().size() + " columns");
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i).toLowerCase(Locale.ROOT);
            if (aliases.isEmpty() && GENERATED_NAME.matcher(column).matches()) {
                throw new QuarryException(missingName, missingNameMessage + (i + 1));
            }
            if (!seen.add(column)) {
                throw new QuarryException(ErrorCode.DUPLICATE_COLUMN_NAME, "Column name '" + column + "' specified more than once");
            }
            Type type = query.columnTypes().get(i);
            if (type.equals(Types.UNKNOWN)) {
                throw new QuarryException(ErrorCode.COLUMN_TYPE_UNKNOWN, "Column type is unknown at position " + (i + 1));
            }
            columns.add(new ColumnMetadata(column, type));
        }
        return columns;
    }

    private static PlannedQuery showFunctions(WriteStatement.ShowFunctions statement) {
        PlanNode root = FunctionListing.plan(FunctionListing.list(statement.likePattern(), statement.escape()));
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < FunctionListing.COLUMNS.size(); i++) {
            columns.add(new ResultColumn(FunctionListing.COLUMNS.get(i), FunctionListing.COLUMN_TYPES.get(i)));
        }
        return new PlannedQuery(columns, Fragmenter.fragment(root));
    }

    // ---- writes ----

    private PlannedQuery createTableAsSelect(WriteStatement.CreateTableAsSelect statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        checkTargetSchemaExists(metadata, name);
        if (metadata.table(name.table()).isPresent()) {
            if (statement.ifNotExists()) {
                return rowCount(0, "CREATE TABLE");
            }
            throw tableAlreadyExists(name);
        }
        QueryPlan query = planner.plan(statement.query(), session);
        List<String> names = statement.columnAliases().orElse(query.columnNames());
        if (names.size() != query.columnTypes().size()) {
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES,
                    "Column alias list has " + names.size() + " entries but query has " + query.columnTypes().size() + " columns");
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i).toLowerCase(Locale.ROOT);
            if (statement.columnAliases().isEmpty() && GENERATED_NAME.matcher(column).matches()) {
                throw new QuarryException(ErrorCode.MISSING_COLUMN_NAME, "Column name not specified at position " + (i + 1));
            }
            if (!seen.add(column)) {
                throw new QuarryException(ErrorCode.DUPLICATE_COLUMN_NAME, "Column name '" + column + "' specified more than once");
            }
            Type type = query.columnTypes().get(i);
            if (type.equals(Types.UNKNOWN)) {
                throw new QuarryException(ErrorCode.COLUMN_TYPE_UNKNOWN, "Column type is unknown at position " + (i + 1));
            }
            columns.add(new ColumnMetadata(column, type));
        }
        TableMetadata table = new TableMetadata(name.table(), columns, statement.comment());
        if (!statement.withData()) {
            metadata.createTable(table);
            return rowCount(0, "CREATE TABLE");
        }
        WriteTarget target = metadata.beginCreateTable(table, session.queryId().toString());
        List<Expression> identity = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            identity.add(new InputRef(i, columns.get(i).type()));
        }
        return write(name, metadata, target, query, identity, "CREATE TABLE");
    }

    private PlannedQuery insert(WriteStatement.Insert statement, Session session) {
        QualifiedTable name = tableName(statement.name(), session);
        ConnectorMetadata metadata = existingRelations(name.catalog());
        if (metadata.view(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Inserting into views is not supported");
        }
        TableMetadata table = existingTable(metadata, name);
        List<String> insertColumns = statement.columns()
                .orElse(table.columns().stream().map(ColumnMetadata::name).toList());
        Set<String> seen = new HashSet<>();
        for (String column : insertColumns) {
            if (table.column(column).isEmpty()) {
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Insert column name does not exist in target table: " + column);
            }
            if (!seen.add(column)) {
                throw new QuarryException(ErrorCode.DUPLICATE_COLUMN_NAME, "Insert column name is specified more than once: " + column);
            }
        }
        QueryPlan query = planner.plan(statement.query(), session);
        List<Type> tableTypes = insertColumns.stream().map(column -> table.column(column).orElseThrow().type()).toList();
        List<Type> queryTypes = query.columnTypes();
        boolean matches = tableTypes.size() == queryTypes.size();
        for (int i = 0; matches && i < tableTypes.size(); i++) {
            matches = InsertCoercions.canCoerce(queryTypes.get(i), tableTypes.get(i));
        }
        if (!matches) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Insert query has mismatched column types: Table: "
                    + displayNames(tableTypes) + ", Query: " + displayNames(queryTypes));
        }
        List<Expression> projections = new ArrayList<>();
        for (ColumnMetadata column : table.columns()) {
            int index = insertColumns.indexOf(column.name());
            if (index < 0) {
                projections.add(Constant.nullOf(column.type()));
                continue;
            }
            Expression input = new InputRef(index, queryTypes.get(index));
            projections.add(InsertCoercions.cast(input, column.type()));
        }
        WriteTarget target = metadata.beginInsert(name.table(), session.queryId().toString());
        return write(name, metadata, target, query, projections, "INSERT");
    }

    /**
     * The distributed plan of a write: the query (its rows made into the table's columns by
     * {@code projections}), a round-robin exchange to one writer task per worker, and a gather of what
     * the writers report for the coordinator's commit.
     */
    private static PlannedQuery write(
            QualifiedTable name, ConnectorMetadata metadata, WriteTarget target, QueryPlan query, List<Expression> projections,
            String updateType) {
        PlanNode rows = new Project(query.root().source(), projections);
        List<String> columnNames = target.columns().stream().map(ColumnMetadata::name).toList();
        Output distributed = (Output) DistributedPlanner.addExchanges(new Output(rows, columnNames));
        PlanNode source = distributed.source();
        PlanNode spread = source instanceof Exchange exchange && exchange.kind() == ExchangeKind.GATHER
                ? new Exchange(exchange.source(), ExchangeKind.ROUND_ROBIN, List.of())
                : new Exchange(source, ExchangeKind.ROUND_ROBIN, List.of());
        PlanNode writer = new TableWriter(spread, name.catalog(), target, false);
        PlanNode root = new Output(new Exchange(writer, ExchangeKind.GATHER, List.of()), WRITER_OUTPUT);
        return new PlannedQuery(
                List.of(new ResultColumn("rows", Types.BIGINT)), Fragmenter.fragment(root), Optional.of(updateType),
                Optional.of(WriteCompletion.commit(metadata, name.catalog(), target)));
    }

    // ---- helpers ----

    /** What a catalog that does not exist holds: nothing (see {@link #existingRelations}). */
    private static final ConnectorMetadata NO_RELATIONS = new ConnectorMetadata() {
        @Override
        public List<String> listSchemas() {
            return List.of();
        }

        @Override
        public boolean schemaExists(String schema) {
            return false;
        }

        @Override
        public List<String> listTables(String schema) {
            return List.of();
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return Optional.empty();
        }
    };

    /**
     * The metadata a statement on an existing schema, table or view reads: a catalog that does not exist holds none, so the
     * statement fails as on a missing one (TABLE_NOT_FOUND, not CATALOG_NOT_FOUND) or, with IF EXISTS, does nothing, as in Trino.
     */
    private ConnectorMetadata existingRelations(String catalog) {
        return catalogs.connector(catalog).map(Connector::metadata).orElse(NO_RELATIONS);
    }

    /** system.runtime.kill_query(query_id, message): kills the query on the coordinator as the REST API does. */
    private PlannedQuery killQuery(WriteStatement.CallProcedure call) {
        Optional<String> queryId = argument(call, "query_id", 0);
        if (queryId.isEmpty()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "kill_query takes its arguments as string literals");
        }
        String message = argument(call, "message", 1).map(text -> "Query killed. Message: " + text).orElse("Query killed.");
        QueryId target;
        try {
            target = QueryId.valueOf(queryId.get());
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.NOT_FOUND, "Target query not found: " + queryId.get());
        }
        boolean known;
        try {
            known = catalogs.context().killQuery(target, message)
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Interrupted while killing query " + queryId.get());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Could not kill query " + queryId.get() + ": " + e);
        }
        if (!known) {
            throw new QuarryException(ErrorCode.NOT_FOUND, "Target query not found: " + queryId.get());
        }
        return done("CALL");
    }

    /** A procedure's string argument, by name or else by position. */
    private static Optional<String> argument(WriteStatement.CallProcedure call, String name, int position) {
        List<WriteStatement.CallProcedure.Argument> arguments = call.arguments();
        for (WriteStatement.CallProcedure.Argument argument : arguments) {
            if (argument.name().filter(name::equals).isPresent()) {
                return Optional.of(argument.value());
            }
        }
        return position < arguments.size() && arguments.get(position).name().isEmpty()
                ? Optional.of(arguments.get(position).value()) : Optional.empty();
    }

    private static PlannedQuery done(String updateType) {
        PlanNode root = new Output(new Values(List.of(Types.BOOLEAN), List.of(List.of(new Constant(true, Types.BOOLEAN)))), List.of("result"));
        return new PlannedQuery(
                List.of(new ResultColumn("result", Types.BOOLEAN)), Fragmenter.fragment(root), Optional.of(updateType), Optional.empty());
    }

    private static PlannedQuery rowCount(long rows, String updateType) {
        PlanNode root = new Output(new Values(List.of(Types.BIGINT), List.of(List.of(new Constant(rows, Types.BIGINT)))), List.of("rows"));
        return new PlannedQuery(
                List.of(new ResultColumn("rows", Types.BIGINT)), Fragmenter.fragment(root), Optional.of(updateType), Optional.empty());
    }

    /** The parameters of each decimal type in a column's type, which fail as in Trino when out of range. */
    private static final java.util.regex.Pattern DECIMAL_PARAMETERS =
            java.util.regex.Pattern.compile("(?i)\\bdecimal\\s*\\(\\s*(\\d{1,9})\\s*(?:,\\s*(\\d{1,9})\\s*)?\\)");

    private static ColumnMetadata column(WriteStatement.ColumnDefinition column, String catalog) {
        if (column.property().isPresent()) {
            throw new QuarryException(ErrorCode.INVALID_COLUMN_PROPERTY,
                    "Catalog '" + catalog + "' column property '" + column.property().get() + "' does not exist");
        }
        return new ColumnMetadata(column.name(), type(column), column.nullable(), column.comment());
    }

    private static Type type(WriteStatement.ColumnDefinition column) {
        java.util.regex.Matcher decimal = DECIMAL_PARAMETERS.matcher(column.type());
        while (decimal.find()) {
            String invalid = io.quarry.type.DecimalType.invalidParameters(
                    Long.parseLong(decimal.group(1)), decimal.group(2) == null ? 0 : Long.parseLong(decimal.group(2)));
            if (invalid != null) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, invalid);
            }
        }
        try {
            return Types.parse(column.type());
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.TYPE_NOT_FOUND, "Unknown type '" + column.type() + "' for column '" + column.name() + "'");
        }
    }

    /** CREATE TABLE [AS], CREATE VIEW and RENAME TO into a missing schema fail as Trino's memory connector fails them. */
    private static void checkTargetSchemaExists(ConnectorMetadata metadata, QualifiedTable name) {
        if (!metadata.schemaExists(name.table().schema())) {
            throw new QuarryException(ErrorCode.NOT_FOUND, "Schema " + name.table().schema() + " not found");
        }
    }

    private static QuarryException tableAlreadyExists(QualifiedTable name) {
        return new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "Table '" + name + "' already exists");
    }

    private static String displayNames(List<Type> types) {
        return "[" + String.join(", ", types.stream().map(Type::displayName).toList()) + "]";
    }

    /** {@code [catalog, schema]} from 0 to 2 name parts and the session. */
    private static String[] schemaName(List<String> parts, Session session) {
        if (parts.size() > 2) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Too many parts in schema name: " + String.join(".", parts));
        }
        String catalog = parts.size() == 2 ? parts.get(0) : sessionCatalog(session);
        String schema = parts.isEmpty() ? sessionSchema(session) : parts.get(parts.size() - 1);
        return new String[] {catalog, schema};
    }

    private static QualifiedTable tableName(List<String> parts, Session session) {
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : sessionSchema(session);
        String catalog = parts.size() == 3 ? parts.get(0) : sessionCatalog(session);
        return new QualifiedTable(catalog, new SchemaTableName(schema, table));
    }

    private static String sessionCatalog(Session session) {
        return session.catalog().orElseThrow(() -> new QuarryException(
                ErrorCode.MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set"));
    }

    private static String sessionSchema(Session session) {
        return session.schema().orElseThrow(() -> new QuarryException(
                ErrorCode.MISSING_SCHEMA_NAME, "Schema must be specified when session schema is not set"));
    }
}
