package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The statements Calcite does not run and Quarry plans itself: schema and table DDL (ALTER TABLE and TRUNCATE
 * too), CREATE TABLE AS, INSERT, the refused row changes (DELETE, UPDATE, MERGE) and SHOW TABLES. Names are as written (lower case unless quoted), 1 to 3 parts; queries are
 * the text of their SELECT/VALUES part, planned separately, preceded by blanks where the rest of the
 * statement was (so that error positions stay those of the statement).
 */
public sealed interface WriteStatement {
    /** What the parenthesised list of CREATE TABLE holds: column definitions and LIKE clauses, in order. */
    sealed interface TableElement {}

    /**
     * A column of CREATE TABLE or ADD COLUMN: its name, the type as written, NOT NULL (nullable false), COMMENT and the first
     * of its WITH properties (no connector has any: the statement fails naming it once the table has been checked).
     */
    record ColumnDefinition(String name, String type, boolean nullable, Optional<String> comment, Optional<String> property)
            implements TableElement {
        public ColumnDefinition {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(property, "property is null");
        }

        /** Without column properties. */
        public ColumnDefinition(String name, String type, boolean nullable, Optional<String> comment) {
            this(name, type, nullable, comment, Optional.empty());
        }

        /** A nullable column without a comment. */
        public ColumnDefinition(String name, String type) {
            this(name, type, true, Optional.empty());
        }
    }

    /** LIKE table [INCLUDING | EXCLUDING PROPERTIES]: the columns of another table. */
    record LikeClause(List<String> table, boolean includingProperties) implements TableElement {
        public LikeClause {
            table = List.copyOf(table);
        }
    }

    /** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION [USER | ROLE] principal]: an owning role is refused (no connector has roles). */
    record CreateSchema(List<String> name, boolean ifNotExists, boolean ownedByRole) implements WriteStatement {
        public CreateSchema {
            name = List.copyOf(name);
        }

        public CreateSchema(List<String> name, boolean ifNotExists) {
            this(name, ifNotExists, false);
        }
    }

    /** ALTER SCHEMA name RENAME TO newName (a name within the same catalog). */
    record RenameSchema(List<String> name, String newName) implements WriteStatement {
        public RenameSchema {
            name = List.copyOf(name);
            requireNonNull(newName, "newName is null");
        }
    }

    /** ALTER SCHEMA name SET AUTHORIZATION [USER | ROLE] principal: Quarry keeps no owners, so it only fails as Trino does. */
    record SetSchemaAuthorization(List<String> name, boolean role, String principal) implements WriteStatement {
        public SetSchemaAuthorization {
            name = List.copyOf(name);
            requireNonNull(principal, "principal is null");
        }
    }

    /** SHOW CREATE SCHEMA name. */
    record ShowCreateSchema(List<String> name) implements WriteStatement {
        public ShowCreateSchema {
            name = List.copyOf(name);
        }
    }

    /** DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]: CASCADE drops the schema's tables and views with it. */
    record DropSchema(List<String> name, boolean ifExists, boolean cascade) implements WriteStatement {
        public DropSchema {
            name = List.copyOf(name);
        }
    }

    /** CREATE TABLE [IF NOT EXISTS] name (elements) [COMMENT comment]. */
    record CreateTable(List<String> name, boolean ifNotExists, List<TableElement> elements, Optional<String> comment)
            implements WriteStatement {
        public CreateTable {
            name = List.copyOf(name);
            elements = List.copyOf(elements);
            requireNonNull(comment, "comment is null");
        }

        /** Without a table comment. */
        public CreateTable(List<String> name, boolean ifNotExists, List<? extends TableElement> elements) {
            this(name, ifNotExists, List.copyOf(elements), Optional.empty());
        }
    }

    /** CREATE OR REPLACE TABLE (with columns or AS a query): only its table's name is kept, no connector replaces tables. */
    record ReplaceTable(List<String> name) implements WriteStatement {
        public ReplaceTable {
            name = List.copyOf(name);
        }
    }

    record CreateTableAsSelect(
            List<String> name, boolean ifNotExists, Optional<List<String>> columnAliases, String query, boolean withData,
            Optional<String> comment)
            implements WriteStatement {
        public CreateTableAsSelect {
            name = List.copyOf(name);
            columnAliases = columnAliases.map(List::copyOf);
            requireNonNull(query, "query is null");
            requireNonNull(comment, "comment is null");
        }

        /** Without a table comment. */
        public CreateTableAsSelect(List<String> name, boolean ifNotExists, Optional<List<String>> columnAliases, String query,
                boolean withData) {
            this(name, ifNotExists, columnAliases, query, withData, Optional.empty());
        }
    }

    /** What COMMENT ON names. */
    enum CommentTarget { TABLE, VIEW, COLUMN }

    /**
     * COMMENT ON TABLE | VIEW name IS 'text' | NULL, or COMMENT ON COLUMN relation.column IS …: the column is the
     * name's last part.
     */
    record CommentOn(CommentTarget target, List<String> name, Optional<String> comment) implements WriteStatement {
        public CommentOn {
            requireNonNull(target, "target is null");
            name = List.copyOf(name);
            requireNonNull(comment, "comment is null");
        }
    }

    record Insert(List<String> name, Optional<List<String>> columns, String query) implements WriteStatement {
        public Insert {
            name = List.copyOf(name);
            columns = columns.map(List::copyOf);
            requireNonNull(query, "query is null");
        }
    }

    record DropTable(List<String> name, boolean ifExists) implements WriteStatement {
        public DropTable {
            name = List.copyOf(name);
        }
    }

    /** ALTER TABLE [IF EXISTS] name, with one change. */
    record AlterTable(List<String> name, boolean ifExists, TableChange change) implements WriteStatement {
        public AlterTable {
            name = List.copyOf(name);
            requireNonNull(change, "change is null");
        }
    }

    /** What ALTER TABLE changes. */
    sealed interface TableChange {
        /** RENAME TO newName: 1 to 3 parts; the parts left out are the table's own. */
        record RenameTo(List<String> newName) implements TableChange {
            public RenameTo {
                newName = List.copyOf(newName);
            }
        }

        /** RENAME COLUMN [IF EXISTS] from TO to. */
        record RenameColumn(String from, String to, boolean ifExists) implements TableChange {
            public RenameColumn {
                requireNonNull(from, "from is null");
                requireNonNull(to, "to is null");
            }
        }

        /** ADD COLUMN [IF NOT EXISTS] column. */
        record AddColumn(ColumnDefinition column, boolean ifNotExists) implements TableChange {
            public AddColumn {
                requireNonNull(column, "column is null");
            }
        }

        /** ALTER COLUMN column DROP NOT NULL. */
        record DropNotNull(String column) implements TableChange {
            public DropNotNull {
                requireNonNull(column, "column is null");
            }
        }

        /** ALTER COLUMN column SET DATA TYPE type (the type as written). */
        record SetColumnType(String column, String type) implements TableChange {
            public SetColumnType {
                requireNonNull(column, "column is null");
                requireNonNull(type, "type is null");
            }
        }

        /** SET PROPERTIES name = value, …: only the names matter (no connector has table properties). */
        record SetProperties(List<String> names) implements TableChange {
            public SetProperties {
                names = List.copyOf(names);
            }
        }

        /** SET AUTHORIZATION [USER | ROLE] name: Quarry has no owners or permissions. */
        record SetAuthorization(Optional<String> role) implements TableChange {
            public SetAuthorization {
                requireNonNull(role, "role is null");
            }
        }

        /** EXECUTE procedure [(arguments)]: a table procedure, named in upper case as Trino reports it. */
        record ExecuteProcedure(String procedure) implements TableChange {
            public ExecuteProcedure {
                requireNonNull(procedure, "procedure is null");
            }
        }

        /** DROP COLUMN [IF EXISTS] column. */
        record DropColumn(String column, boolean ifExists) implements TableChange {
            public DropColumn {
                requireNonNull(column, "column is null");
            }
        }
    }

    /** TRUNCATE TABLE name. */
    record TruncateTable(List<String> name) implements WriteStatement {
        public TruncateTable {
            name = List.copyOf(name);
        }
    }

    /** ALTER VIEW name RENAME TO newName; the parts newName leaves out are the session's, as for a new view. */
    record RenameView(List<String> name, List<String> newName) implements WriteStatement {
        public RenameView {
            name = List.copyOf(name);
            newName = List.copyOf(newName);
        }
    }

    /** ALTER VIEW name SET AUTHORIZATION principal: Quarry keeps no owners, so it only fails as Trino does. */
    record SetViewAuthorization(List<String> name) implements WriteStatement {
        public SetViewAuthorization {
            name = List.copyOf(name);
        }
    }

    /** What a statement on a materialized view does; no connector has materialized views. */
    enum MaterializedViewAction {
        CREATE,
        DROP,
        REFRESH,
        ALTER,
        SHOW_CREATE
    }

    /** CREATE / DROP [IF EXISTS] / REFRESH / ALTER / SHOW CREATE MATERIALIZED VIEW name: refused as Trino refuses it. */
    record MaterializedViewStatement(MaterializedViewAction action, List<String> name, boolean ifExists) implements WriteStatement {
        public MaterializedViewStatement {
            requireNonNull(action, "action is null");
            name = List.copyOf(name);
        }
    }

    /** GRANT, REVOKE or DENY ({@code kind}) privileges ON [SCHEMA | TABLE] name: no connector manages permissions. */
    record GrantStatement(String kind, boolean onSchema, List<String> name) implements WriteStatement {
        public GrantStatement {
            requireNonNull(kind, "kind is null");
            name = List.copyOf(name);
        }
    }

    /** What a statement on roles does. */
    enum RoleAction {
        CREATE,
        DROP,
        SET,
        SHOW,
        SHOW_GRANTS,
        GRANT
    }

    /**
     * A statement on roles: the first role it names, IF EXISTS of DROP ROLE, and the catalog of {@code IN catalog}. Quarry
     * has no roles: system roles are not enabled and no connector manages roles.
     */
    record RoleStatement(RoleAction action, Optional<String> role, boolean ifExists, Optional<String> catalog)
            implements WriteStatement {
        public RoleStatement {
            requireNonNull(action, "action is null");
            requireNonNull(role, "role is null");
            requireNonNull(catalog, "catalog is null");
        }
    }

    /** SHOW GRANTS [ON [TABLE] name]: no connector keeps privileges, so there are none to show. */
    record ShowGrants(Optional<List<String>> table) implements WriteStatement {
        public ShowGrants {
            table = table.map(List::copyOf);
        }
    }

    /** ANALYZE table: no connector collects statistics on demand. */
    record Analyze(List<String> name) implements WriteStatement {
        public Analyze {
            name = List.copyOf(name);
        }
    }

    /** CALL procedure(...): no connector has procedures. */
    /** CALL name(arguments): the arguments kept when each is a string literal, named ({@code name => 'x'}) or not. */
    record CallProcedure(List<String> name, List<Argument> arguments) implements WriteStatement {
        public CallProcedure {
            name = List.copyOf(name);
            arguments = List.copyOf(arguments);
        }

        /** A string argument, with the parameter's name when it was passed by name. */
        public record Argument(Optional<String> name, String value) {
            public Argument {
                requireNonNull(name, "name is null");
                requireNonNull(value, "value is null");
            }
        }
    }

    /** DELETE, UPDATE or MERGE on a table ({@code kind}, as Trino names the statement); no connector supports them. */
    record ModifyRows(String kind, List<String> name) implements WriteStatement {
        public ModifyRows {
            requireNonNull(kind, "kind is null");
            name = List.copyOf(name);
        }
    }

    /**
     * CREATE [OR REPLACE] VIEW name [COMMENT text] [SECURITY DEFINER | INVOKER] [WITH (properties)] AS query; {@code query}
     * is positioned as in the statement, {@code definition} is the query's own text (what the view stores). A view's
     * columns are named by its query alone. {@code property} is the first property named (no connector has any).
     */
    record CreateView(
            List<String> name, boolean replace, String query, String definition, Optional<String> comment, boolean invoker,
            Optional<String> property)
            implements WriteStatement {
        public CreateView {
            name = List.copyOf(name);
            requireNonNull(query, "query is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(property, "property is null");
        }

        /** A SECURITY DEFINER view without a comment or properties. */
        public CreateView(List<String> name, boolean replace, String query, String definition) {
            this(name, replace, query, definition, Optional.empty(), false, Optional.empty());
        }
    }

    record DropView(List<String> name, boolean ifExists) implements WriteStatement {
        public DropView {
            name = List.copyOf(name);
        }
    }

    /** SHOW TABLES [FROM|IN [catalog.]schema] [LIKE pattern]. */
    record ShowTables(List<String> schema, Optional<UtilityStatement.LikeFilter> like) implements WriteStatement {
        public ShowTables {
            schema = List.copyOf(schema);
            requireNonNull(like, "like is null");
        }
    }

    /** SHOW FUNCTIONS [LIKE pattern [ESCAPE character]]. */
    record ShowFunctions(Optional<String> likePattern, Optional<String> escape) implements WriteStatement {
        public ShowFunctions {
            requireNonNull(likePattern, "likePattern is null");
            requireNonNull(escape, "escape is null");
        }
    }
}
