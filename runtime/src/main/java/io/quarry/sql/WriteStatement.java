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
    /** A column of CREATE TABLE: its name and the type as written. */
    record ColumnDefinition(String name, String type) {
        public ColumnDefinition {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    record CreateSchema(List<String> name, boolean ifNotExists) implements WriteStatement {
        public CreateSchema {
            name = List.copyOf(name);
        }
    }

    record DropSchema(List<String> name, boolean ifExists) implements WriteStatement {
        public DropSchema {
            name = List.copyOf(name);
        }
    }

    record CreateTable(List<String> name, boolean ifNotExists, List<ColumnDefinition> columns) implements WriteStatement {
        public CreateTable {
            name = List.copyOf(name);
            columns = List.copyOf(columns);
        }
    }

    record CreateTableAsSelect(
            List<String> name, boolean ifNotExists, Optional<List<String>> columnAliases, String query, boolean withData)
            implements WriteStatement {
        public CreateTableAsSelect {
            name = List.copyOf(name);
            columnAliases = columnAliases.map(List::copyOf);
            requireNonNull(query, "query is null");
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

    /** DELETE, UPDATE or MERGE on a table ({@code kind}, as Trino names the statement); no connector supports them. */
    record ModifyRows(String kind, List<String> name) implements WriteStatement {
        public ModifyRows {
            requireNonNull(kind, "kind is null");
            name = List.copyOf(name);
        }
    }

    /**
     * CREATE [OR REPLACE] VIEW name [(columns)] AS query; {@code query} is positioned as in the statement,
     * {@code definition} is the query's own text (what the view stores).
     */
    record CreateView(List<String> name, boolean replace, Optional<List<String>> columnAliases, String query, String definition)
            implements WriteStatement {
        public CreateView {
            name = List.copyOf(name);
            columnAliases = columnAliases.map(List::copyOf);
            requireNonNull(query, "query is null");
            requireNonNull(definition, "definition is null");
        }
    }

    record DropView(List<String> name, boolean ifExists) implements WriteStatement {
        public DropView {
            name = List.copyOf(name);
        }
    }

    /** SHOW TABLES [FROM|IN [catalog.]schema] [LIKE pattern]. */
    record ShowTables(List<String> schema, Optional<String> likePattern) implements WriteStatement {
        public ShowTables {
            schema = List.copyOf(schema);
            requireNonNull(likePattern, "likePattern is null");
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
