package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Columns qualified by a table's name the way Trino reads them: the qualifier must end the table's name as FROM writes
 * it. Over {@code FROM tpch.tiny.region}, {@code region.name}, {@code tiny.region.name} and {@code
 * tpch.tiny.region.name} all name the column; over {@code FROM tiny.region}, {@code tpch.tiny.region.name} names
 * nothing. Calcite knows a table by its last name, or by a path from the root of its catalog however FROM wrote it: a
 * qualifier of two or more names that ends the written name becomes that last name, and a full {@code
 * catalog.schema.table} qualifier that FROM did not write fails as in Trino. Runs before {@link TableResolver} writes
 * every table's full name.
 */
final class QualifiedColumnNames {
    /** A table of a FROM without an alias: its name as written and its full name. */
    private record Table(List<String> written, List<String> full) {}

    private final Session session;
    private final SqlText text;

    private QualifiedColumnNames(Session session, SqlText text) {
        this.session = session;
        this.text = text;
    }

    static void rewrite(SqlNode statement, Session session, SqlText text) {
        new QualifiedColumnNames(session, text).visit(statement, List.of());
    }

    /** Visits a node of an expression or a query, within the tables of the selects around it (innermost last). */
    private void visit(SqlNode node, List<List<Table>> scopes) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlIdentifier identifier) {
            qualify(identifier, scopes);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(item -> visit(item, scopes));
        } else if (node instanceof SqlSelect select) {
            List<List<Table>> inner = within(scopes, select);
            visitFrom(select.getFrom(), inner);
            for (SqlNode operand : select.getOperandList()) {
                if (operand != select.getFrom()) {
                    visit(operand, inner);
                }
            }
        } else if (node instanceof SqlOrderBy orderBy) {
            visit(orderBy.query, scopes);
            // ORDER BY of a select sees its tables
            visit(orderBy.orderList, orderBy.query instanceof SqlSelect select ? within(scopes, select) : scopes);
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(operand -> visit(operand, scopes));
        }
    }

    private List<List<Table>> within(List<List<Table>> scopes, SqlSelect select) {
        List<Table> tables = new ArrayList<>();
        collect(select.getFrom(), tables);
        List<List<Table>> inner = new ArrayList<>(scopes);
        inner.add(tables);
        return inner;
    }

    /** The relations of a FROM: join conditions and sub-queries are expressions and queries, table names are not. */
    private void visitFrom(SqlNode from, List<List<Table>> scopes) {
        if (from instanceof SqlJoin join) {
            visitFrom(join.getLeft(), scopes);
            visitFrom(join.getRight(), scopes);
            visit(join.getCondition(), scopes);
        } else if (from != null && from.getKind() == SqlKind.AS) {
            visitFrom(((SqlCall) from).operand(0), scopes);
        } else if (from != null && !(from instanceof SqlIdentifier)) {
            visit(from, scopes);
        }
    }

    private void collect(SqlNode from, List<Table> tables) {
        if (from instanceof SqlJoin join) {
            collect(join.getLeft(), tables);
            collect(join.getRight(), tables);
        } else if (from instanceof SqlIdentifier table && !table.isStar()) {
            List<String> written = lowerCase(table.names);
            tables.add(new Table(written, fullName(written)));
        }
    }

    /** The name a table's written name stands for in the session's catalog and schema (as written when they lack). */
    private List<String> fullName(List<String> written) {
        List<String> full = new ArrayList<>(written);
        if (full.size() < 3 && session.schema().isPresent() && session.catalog().isPresent()) {
            if (full.size() == 1) {
                full.add(0, session.schema().get().toLowerCase(Locale.ROOT));
            }
            full.add(0, session.catalog().get().toLowerCase(Locale.ROOT));
        }
        return full;
    }

    private void qualify(SqlIdentifier identifier, List<List<Table>> scopes) {
        if (identifier.names.size() < 3) {
            return;
        }
        List<String> names = lowerCase(identifier.names);
        List<String> qualifier = names.subList(0, names.size() - 1);
        for (int i = scopes.size() - 1; i >= 0; i--) {
            for (Table table : scopes.get(i)) {
                if (endsWith(table.written(), qualifier)) {
                    identifier.setNames(List.of(table.written().get(table.written().size() - 1),
                            identifier.names.get(identifier.names.size() - 1)), null);
                    return;
                }
            }
        }
        for (List<Table> scope : scopes) {
            for (Table table : scope) {
                if (table.full().equals(qualifier)) {
                    String written = String.join(".", identifier.isStar() ? qualifier : names);
                    throw identifier.isStar()
                            ? Errors.error(ErrorCode.TABLE_NOT_FOUND, "Unable to resolve reference " + written,
                                    identifier.getParserPosition(), text)
                            : Errors.error(ErrorCode.COLUMN_NOT_FOUND, "Column '" + written + "' cannot be resolved",
                                    identifier.getParserPosition(), text);
                }
            }
        }
    }

    private static boolean endsWith(List<String> name, List<String> suffix) {
        return suffix.size() <= name.size() && name.subList(name.size() - suffix.size(), name.size()).equals(suffix);
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
