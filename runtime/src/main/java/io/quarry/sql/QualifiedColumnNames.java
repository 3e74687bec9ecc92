package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Util;

/**
 * Columns qualified by a table's name the way Trino reads them: the qualifier must end the table's name as FROM writes
 * it. Over {@code FROM tpch.tiny.region}, {@code region.name}, {@code tiny.region.name} and {@code
 * tpch.tiny.region.name} all name the column; over {@code FROM tiny.region}, {@code tpch.tiny.region.name} names
 * nothing. Calcite knows a table by its last name, or by a path from the root of its catalog however FROM wrote it: a
 * qualifier of two or more names that ends the written name becomes that last name, and a full {@code
 * catalog.schema.table} qualifier that FROM did not write fails as in Trino. Tables of one FROM that share their last
 * name ({@code FROM tpch.tiny.region, tpch.sf1.region}), or the last name of a table of a select within theirs, get
 * aliases of their own, so that a qualifier naming one of
 * them reaches it alone, one naming both is ambiguous, and {@code region.*} stands for the columns of both. Runs before
 * {@link TableResolver} writes every table's full name.
 */
final class QualifiedColumnNames {
    /**
     * A table of a FROM without an alias: its name as written, its full name, and the alias given to it when another
     * table of its FROM has the same last name (else null).
     */
    private record Table(List<String> written, List<String> full, String alias) {
        /** The name a qualified column of this table is written with for Calcite. */
        String reference() {
            return alias != null ? alias : written.get(written.size() - 1);
        }
    }

    /** The tables of each select's FROM, collected (and aliased) once. */
    private final Map<SqlSelect, List<Table>> tablesOfSelects = new IdentityHashMap<>();

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
            expandStars(select, inner);
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
        List<Table> tables = tablesOfSelects.computeIfAbsent(select, this::tablesOf);
        List<List<Table>> inner = new ArrayList<>(scopes);
        inner.add(tables);
        return inner;
    }

    private List<Table> tablesOf(SqlSelect select) {
        List<SqlIdentifier> identifiers = new ArrayList<>();
        collect(select.getFrom(), identifiers);
        Map<String, Integer> lastNames = new HashMap<>();
        for (SqlIdentifier identifier : identifiers) {
            lastNames.merge(Util.last(identifier.names).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Set<String> nestedNames = new HashSet<>();
        select.getOperandList().forEach(operand -> collectNested(operand, nestedNames));
        List<Table> tables = new ArrayList<>();
        for (SqlIdentifier identifier : identifiers) {
            List<String> written = lowerCase(identifier.names);
            boolean shared = lastNames.get(Util.last(written)) > 1 || nestedNames.contains(Util.last(written));
            // an alias no query can write, unique within the FROM
            String alias = shared ? "$" + String.join(".", written) + "$" + tables.size() : null;
            tables.add(new Table(written, fullName(written), alias));
        }
        if (tables.stream().anyMatch(table -> table.alias() != null)) {
            select.setFrom(aliased(select.getFrom(), tables, new int[] {0}));
        }
        return tables;
    }

    /** The last names of the tables of the selects within a node: a table of theirs would hide an outer one of that name. */
    private static void collectNested(SqlNode node, Set<String> names) {
        if (node instanceof SqlSelect select) {
            List<SqlIdentifier> identifiers = new ArrayList<>();
            collect(select.getFrom(), identifiers);
            identifiers.forEach(identifier -> names.add(Util.last(identifier.names).toLowerCase(Locale.ROOT)));
        }
        if (node instanceof SqlCall call) {
            call.getOperandList().forEach(operand -> collectNested(operand, names));
        } else if (node instanceof SqlNodeList list) {
            list.forEach(item -> collectNested(item, names));
        }
    }

    /** The FROM with its shared names aliased; {@code next} counts the tables met, in the order of {@link #collect}. */
    private static SqlNode aliased(SqlNode from, List<Table> tables, int[] next) {
        if (from instanceof SqlJoin join) {
            join.setLeft(aliased(join.getLeft(), tables, next));
            join.setRight(aliased(join.getRight(), tables, next));
            return join;
        }
        if (from instanceof SqlIdentifier identifier && !identifier.isStar()) {
            Table table = tables.get(next[0]++);
            if (table.alias() != null) {
                SqlParserPos pos = identifier.getParserPosition();
                return SqlStdOperatorTable.AS.createCall(pos, identifier, new SqlIdentifier(table.alias(), pos));
            }
        }
        return from;
    }

    /** {@code region.*} over two tables named region stands for the columns of both, in the order of FROM. */
    private void expandStars(SqlSelect select, List<List<Table>> scopes) {
        SqlNodeList items = select.getSelectList();
        if (items == null) {
            return;
        }
        List<SqlNode> expanded = new ArrayList<>();
        boolean changed = false;
        for (SqlNode item : items) {
            if (item instanceof SqlIdentifier star && star.isStar() && star.names.size() > 1) {
                List<Table> matches = matching(lowerCase(star.names.subList(0, star.names.size() - 1)), scopes);
                if (matches.size() > 1) {
                    for (Table table : matches) {
                        expanded.add(new SqlIdentifier(List.of(table.reference(), ""), star.getParserPosition()));
                    }
                    changed = true;
                    continue;
                }
            }
            expanded.add(item);
        }
        if (changed) {
            select.setSelectList(new SqlNodeList(expanded, items.getParserPosition()));
        }
    }

    /** The tables of the innermost scope having any that the qualifier ends. */
    private static List<Table> matching(List<String> qualifier, List<List<Table>> scopes) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            List<Table> matches = scopes.get(i).stream().filter(table -> endsWith(table.written(), qualifier)).toList();
            if (!matches.isEmpty()) {
                return matches;
            }
        }
        return List.of();
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

    private static void collect(SqlNode from, List<SqlIdentifier> tables) {
        if (from instanceof SqlJoin join) {
            collect(join.getLeft(), tables);
            collect(join.getRight(), tables);
        } else if (from instanceof SqlIdentifier table && !table.isStar()) {
            tables.add(table);
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
        if (identifier.names.size() < 2) {
            return;
        }
        List<String> names = lowerCase(identifier.names);
        List<String> qualifier = names.subList(0, names.size() - 1);
        List<Table> matches = matching(qualifier, scopes);
        if (matches.size() > 1 && !identifier.isStar()) {
            throw Errors.error(ErrorCode.AMBIGUOUS_NAME, "Column '" + String.join(".", names) + "' is ambiguous",
                    identifier.getParserPosition(), text);
        }
        if (matches.size() == 1 && (qualifier.size() > 1 || matches.get(0).alias() != null)) {
            identifier.setNames(List.of(matches.get(0).reference(), identifier.names.get(identifier.names.size() - 1)), null);
            return;
        }
        if (qualifier.size() < 2) {
            return;
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
