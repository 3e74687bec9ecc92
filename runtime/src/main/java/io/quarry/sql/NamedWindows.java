package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Named windows ({@code WINDOW w AS (…)}) resolved before validation: each window that names another
 * ({@code OVER w}, {@code OVER (w ORDER BY x ROWS …)}, {@code w2 AS (w1 ORDER BY x)}) becomes the named window's
 * PARTITION BY and ORDER BY with its own ORDER BY and frame. Calcite's own merging drops the frame of the naming window
 * and the partitions of windows named through another, which gave wrong answers. Trino's errors: a name defined twice
 * (DUPLICATE_WINDOW_NAME), an unknown name or a named window with a frame (INVALID_WINDOW_REFERENCE), a PARTITION BY
 * (INVALID_PARTITION_BY) or a second ORDER BY (INVALID_ORDER_BY) in the naming window. Runs after {@link GroupsFrames#mark},
 * whose marker in a PARTITION BY belongs to the frame of its window.
 */
final class NamedWindows {
    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    private NamedWindows() {}

    static void inline(SqlNode parsed, SqlText text) {
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
                    new Resolver(select, text).resolve(orderBy.orderList);
                } else if (call instanceof SqlSelect select) {
                    new Resolver(select, text).resolve(null);
                }
                return super.visit(call);
            }
        });
    }

    /** The named windows of one SELECT and the windows that name them. */
    private static final class Resolver {
        private final SqlSelect select;
        private final SqlText text;
        private final Map<String, SqlWindow> declared = new LinkedHashMap<>();
        private final Map<String, SqlWindow> resolved = new HashMap<>();
        private final Set<String> resolving = new HashSet<>();
        /** The names in the order of the WINDOW clause: a named window may name only those before it. */
        private final List<String> order = new ArrayList<>();

        Resolver(SqlSelect select, SqlText text) {
            this.select = select;
            this.text = text;
        }

        void resolve(SqlNodeList outerOrder) {
            SqlNodeList windows = select.getWindowList();
            for (SqlNode node : windows) {
                SqlWindow window = (SqlWindow) node;
                String name = window.getDeclName().getSimple().toLowerCase(Locale.ROOT);
                if (declared.put(name, window) != null) {
                    throw Errors.error(ErrorCode.DUPLICATE_WINDOW_NAME,
                            "WINDOW name '" + window.getDeclName().getSimple() + "' specified more than once",
                            window.getDeclName().getParserPosition(), text);
                }
            }
            for (int i = 0; i < windows.size(); i++) {
                order.add(((SqlWindow) windows.get(i)).getDeclName().getSimple().toLowerCase(Locale.ROOT));
            }
            for (int i = 0; i < windows.size(); i++) {
                windows.set(i, declaration(((SqlWindow) windows.get(i)).getDeclName(), i));
            }
            List<SqlNode> scopes = new ArrayList<>();
            scopes.add(select.getSelectList());
            scopes.add(select.getHaving());
            scopes.add(select.getQualify());
            scopes.add(select.getOrderList());
            scopes.add(outerOrder);
            for (SqlNode scope : scopes) {
                if (scope != null) {
                    replaceReferences(scope);
                }
            }
            // nothing names them any more: unique names keep Calcite from comparing them with the windows of sub-queries
            for (SqlNode node : windows) {
                SqlWindow window = (SqlWindow) node;
                if (!window.getDeclName().getSimple().startsWith("$")) {
                    window.setDeclName(new SqlIdentifier("$" + window.getDeclName().getSimple() + "$" + UNIQUE.incrementAndGet(),
                            window.getDeclName().getParserPosition()));
                }
            }
        }

        /** The named window with its own reference resolved, under its name. */
        private SqlWindow declaration(SqlIdentifier name) {
            return declaration(name, Integer.MAX_VALUE);
        }

        /** The named window, which must come before the {@code before}-th of the WINDOW clause. */
        private SqlWindow declaration(SqlIdentifier name, int before) {
            String key = name.getSimple().toLowerCase(Locale.ROOT);
            SqlWindow window = declared.get(key);
            if (window == null || order.indexOf(key) > before) {
                throw Errors.error(ErrorCode.INVALID_WINDOW_REFERENCE, "Cannot resolve WINDOW name " + name.getSimple(),
                        name.getParserPosition(), text);
            }
            SqlWindow done = resolved.get(key);
            if (done != null) {
                return done;
            }
            if (!resolving.add(key)) {
                throw Errors.error(ErrorCode.INVALID_WINDOW_REFERENCE, "Cannot resolve WINDOW name " + name.getSimple(),
                        name.getParserPosition(), text);
            }
            SqlWindow result = window.getRefName() == null ? window : merge(window, window.getRefName(), order.indexOf(key) - 1);
            resolved.put(key, result);
            return result;
        }

        /** The window {@code child} on top of the window it names. */
        private SqlWindow merge(SqlWindow child, SqlIdentifier reference) {
            return merge(child, reference, Integer.MAX_VALUE);
        }

        private SqlWindow merge(SqlWindow child, SqlIdentifier reference, int before) {
            SqlWindow base = declaration(reference, before);
            List<SqlNode> markers = new ArrayList<>();
            for (SqlNode key : child.getPartitionList()) {
                if (key instanceof SqlCall call && call.getOperator() == GroupsFrames.MARKER) {
                    markers.add(key);
                } else {
                    throw Errors.error(ErrorCode.INVALID_PARTITION_BY,
                            "WINDOW specification with named WINDOW reference cannot specify PARTITION BY", key.getParserPosition(), text);
                }
            }
            if (!child.getOrderList().isEmpty() && !base.getOrderList().isEmpty()) {
                throw Errors.error(ErrorCode.INVALID_ORDER_BY,
                        "Cannot specify ORDER BY if referenced named WINDOW specifies ORDER BY", child.getParserPosition(), text);
            }
            if (base.getLowerBound() != null) {
                throw Errors.error(ErrorCode.INVALID_WINDOW_REFERENCE,
                        "Cannot reference named WINDOW containing frame specification", reference.getParserPosition(), text);
            }
            SqlNodeList partitions = new SqlNodeList(child.getPartitionList().getParserPosition());
            base.getPartitionList().forEach(key -> partitions.add(key.clone(key.getParserPosition())));
            partitions.addAll(markers);
            SqlNodeList order = child.getOrderList().isEmpty() ? base.getOrderList() : child.getOrderList();
            SqlNodeList orderCopy = new SqlNodeList(order.getParserPosition());
            order.forEach(key -> orderCopy.add(key.clone(key.getParserPosition())));
            return SqlWindow.create(child.getDeclName(), null, partitions, orderCopy,
                    SqlLiteral.createBoolean(child.isRows(), child.getParserPosition()), child.getLowerBound(), child.getUpperBound(),
                    child.isAllowPartial() ? null : SqlLiteral.createBoolean(false, child.getParserPosition()), child.getExclude(),
                    child.getParserPosition());
        }

        /** Replaces the windows under OVER in {@code node} that name a window, not descending into sub-queries. */
        private void replaceReferences(SqlNode node) {
            if (node instanceof SqlNodeList list) {
                for (SqlNode item : list) {
                    if (item != null) {
                        replaceReferences(item);
                    }
                }
                return;
            }
            if (!(node instanceof SqlCall call) || node instanceof SqlSelect || node instanceof SqlOrderBy) {
                return;
            }
            if (call.getKind() == SqlKind.OVER && call instanceof SqlBasicCall over) {
                SqlNode window = over.operand(1);
                if (window instanceof SqlIdentifier name) {
                    SqlWindow named = declaration(name);
                    over.setOperand(1, SqlWindow.create(null, null, copy(named.getPartitionList()), copy(named.getOrderList()),
                            SqlLiteral.createBoolean(named.isRows(), name.getParserPosition()), named.getLowerBound(),
                            named.getUpperBound(), named.isAllowPartial() ? null : SqlLiteral.createBoolean(false, name.getParserPosition()),
                            named.getExclude(), name.getParserPosition()));
                } else if (window instanceof SqlWindow inline && inline.getRefName() != null) {
                    over.setOperand(1, merge(inline, inline.getRefName()));
                }
            }
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    replaceReferences(operand);
                }
            }
        }

        private static SqlNodeList copy(SqlNodeList list) {
            SqlNodeList copy = new SqlNodeList(list.getParserPosition());
            list.forEach(node -> copy.add(node.clone(node.getParserPosition())));
            return copy;
        }
    }
}
