package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The utility statements that clients and drivers send besides queries: SHOW and DESCRIBE of metadata, USE,
 * SET/RESET SESSION, transactions and prepared statements. Names are as written (lower case unless quoted);
 * statement texts (PREPARE, EXECUTE IMMEDIATE) are kept verbatim.
 */
public sealed interface UtilityStatement {
    /** A {@code LIKE pattern [ESCAPE character]} filter. */
    record LikeFilter(String pattern, Optional<String> escape) {
        public LikeFilter {
            requireNonNull(pattern, "pattern is null");
            requireNonNull(escape, "escape is null");
        }
    }

    /** SHOW CATALOGS [LIKE …]. */
    record ShowCatalogs(Optional<LikeFilter> like) implements UtilityStatement {
        public ShowCatalogs {
            requireNonNull(like, "like is null");
        }
    }

    /** SHOW SCHEMAS [FROM catalog] [LIKE …]. */
    record ShowSchemas(Optional<String> catalog, Optional<LikeFilter> like) implements UtilityStatement {
        public ShowSchemas {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(like, "like is null");
        }
    }

    /** SHOW COLUMNS FROM table [LIKE …], DESCRIBE table. */
    record ShowColumns(List<String> table, Optional<LikeFilter> like) implements UtilityStatement {
        public ShowColumns {
            table = List.copyOf(table);
            requireNonNull(like, "like is null");
        }
    }

    /** SHOW CREATE TABLE table. */
    record ShowCreateTable(List<String> table) implements UtilityStatement {
        public ShowCreateTable {
            table = List.copyOf(table);
        }
    }

    /** SHOW CREATE VIEW view. */
    record ShowCreateView(List<String> view) implements UtilityStatement {
        public ShowCreateView {
            view = List.copyOf(view);
        }
    }

    /** SHOW SESSION [LIKE …]. */
    record ShowSession(Optional<LikeFilter> like) implements UtilityStatement {
        public ShowSession {
            requireNonNull(like, "like is null");
        }
    }

    /** SHOW STATS FOR table. */
    record ShowStats(List<String> table) implements UtilityStatement {
        public ShowStats {
            table = List.copyOf(table);
        }
    }

    /** USE [catalog.]schema. */
    record Use(Optional<String> catalog, String schema) implements UtilityStatement {
        public Use {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(schema, "schema is null");
        }
    }

    /** SET SESSION [catalog.]name = value. */
    record SetSession(List<String> name, Literal value) implements UtilityStatement {
        public SetSession {
            name = List.copyOf(name);
            requireNonNull(value, "value is null");
        }
    }

    /** RESET SESSION [catalog.]name. */
    /** {@code SET TIME ZONE 'zone' | INTERVAL … | LOCAL}: the zone id or offset, empty for LOCAL (the client's zone). */
    record SetTimeZone(Optional<String> zone) implements UtilityStatement {
        public SetTimeZone {
            requireNonNull(zone, "zone is null");
        }
    }

    record ResetSession(List<String> name) implements UtilityStatement {
        public ResetSession {
            name = List.copyOf(name);
        }
    }

    /** START TRANSACTION [ISOLATION LEVEL …] [READ ONLY | READ WRITE]. */
    record StartTransaction(Optional<String> isolationLevel, Optional<Boolean> readOnly) implements UtilityStatement {
        public StartTransaction {
            requireNonNull(isolationLevel, "isolationLevel is null");
            requireNonNull(readOnly, "readOnly is null");
        }
    }

    /** COMMIT [WORK]. */
    record Commit() implements UtilityStatement {}

    /** ROLLBACK [WORK]. */
    record Rollback() implements UtilityStatement {}

    /** PREPARE name FROM statement. */
    record Prepare(String name, String statement) implements UtilityStatement {
        public Prepare {
            requireNonNull(name, "name is null");
            requireNonNull(statement, "statement is null");
        }
    }

    /** EXECUTE name [USING value, …]. */
    record Execute(String name, List<Literal> parameters) implements UtilityStatement {
        public Execute {
            requireNonNull(name, "name is null");
            parameters = List.copyOf(parameters);
        }
    }

    /** EXECUTE IMMEDIATE 'statement' [USING value, …]. */
    record ExecuteImmediate(String statement, List<Literal> parameters) implements UtilityStatement {
        public ExecuteImmediate {
            requireNonNull(statement, "statement is null");
            parameters = List.copyOf(parameters);
        }
    }

    /** DEALLOCATE PREPARE name. */
    record Deallocate(String name) implements UtilityStatement {
        public Deallocate {
            requireNonNull(name, "name is null");
        }
    }

    /** DESCRIBE INPUT name. */
    record DescribeInput(String name) implements UtilityStatement {
        public DescribeInput {
            requireNonNull(name, "name is null");
        }
    }

    /** DESCRIBE OUTPUT name. */
    record DescribeOutput(String name) implements UtilityStatement {
        public DescribeOutput {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * What EXPLAIN shows: the plan before distribution, its fragments, only whether the statement is valid, or the
     * tables it reads and writes (IO, a JSON document).
     */
    enum ExplainType {
        LOGICAL,
        DISTRIBUTED,
        VALIDATE,
        IO
    }

    /** EXPLAIN ANALYZE [VERBOSE] statement: runs it and shows its plan with the figures of the run. */
    record ExplainAnalyze(boolean verbose, String statement) implements UtilityStatement {
        public ExplainAnalyze {
            requireNonNull(statement, "statement is null");
        }
    }

    /** EXPLAIN [(TYPE …)] statement. */
    record Explain(ExplainType type, String statement) implements UtilityStatement {
        public Explain {
            requireNonNull(type, "type is null");
            requireNonNull(statement, "statement is null");
        }
    }
}
