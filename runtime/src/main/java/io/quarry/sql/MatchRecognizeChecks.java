package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Trino's rules for a MATCH_RECOGNIZE as written (ONE ROW PER MATCH shows some column) and for its MEASURES and DEFINE, checked before Calcite's validator
 * rewrites them: which navigations nest in which, RUNNING and FINAL only before a call of FIRST, LAST or an aggregate, and
 * a qualified column only of a pattern variable (the input relation's name qualifies nothing there).
 */
final class MatchRecognizeChecks {
    private MatchRecognizeChecks() {}

    static void check(SqlMatchRecognize match) {
        boolean allRows = match.getRowsPerMatch() != null
                && match.getRowsPerMatch().getValue() == SqlMatchRecognize.RowsPerMatchOption.ALL_ROWS;
        if (!allRows && match.getPartitionList().isEmpty() && match.getMeasureList().isEmpty()) {
            throw new QuarryException(ErrorCode.TABLE_HAS_NO_COLUMNS, "pattern recognition output table has no columns");
        }
        for (SqlNodeList keys : List.of(match.getPartitionList(), match.getOrderList())) {
            for (SqlNode key : keys) {
                SqlNode column = key;
                while (column instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING || call.getKind() == SqlKind.NULLS_FIRST
                        || call.getKind() == SqlKind.NULLS_LAST)) {
                    column = call.operand(0);
                }
                if (!(column instanceof SqlIdentifier)) {
                    throw new QuarryException(ErrorCode.INVALID_COLUMN_REFERENCE, "Expected column reference. Actual: " + column);
                }
            }
        }
        Set<String> primaries = new HashSet<>();
        match.getPattern().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                primaries.add(id.getSimple());
                return null;
            }
        });
        for (SqlNode subset : match.getSubsetList()) {
            String name = ((SqlIdentifier) ((SqlCall) subset).operand(0)).getSimple();
            if (primaries.contains(name)) {
                throw new QuarryException(ErrorCode.INVALID_LABEL, "union pattern variable name: " + PatternVariableNames.decode(name)
                        + " is a duplicate of primary pattern variable name");
            }
        }
        Set<String> defined = new HashSet<>();
        for (SqlNode definition : match.getPatternDefList()) {
            if (((SqlCall) definition).operand(0) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Expression defining a label must be boolean (actual type: unknown)");
            }
            String name = ((SqlIdentifier) ((SqlCall) definition).operand(1)).getSimple();
            if (!defined.add(name)) {
                throw new QuarryException(ErrorCode.INVALID_LABEL, "pattern variable with name: " + PatternVariableNames.decode(name)
                        + " is defined twice");
            }
        }
        Set<String> variables = new HashSet<>();
        match.getPattern().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                variables.add(id.getSimple().toLowerCase(Locale.ROOT));
                return null;
            }
        });
        for (SqlNode subset : match.getSubsetList()) {
            variables.add(((SqlIdentifier) ((SqlCall) subset).operand(0)).getSimple().toLowerCase(Locale.ROOT));
        }
        String relation = relationName(match.getTableRef());
        for (SqlNodeList list : List.of(match.getMeasureList(), match.getPatternDefList())) {
            for (SqlNode item : list) {
                item.accept(new Checker(variables, relation));
            }
        }
    }

    /** The name that qualifies the input relation's columns outside MATCH_RECOGNIZE: its alias or table name. */
    private static String relationName(SqlNode tableRef) {
        if (tableRef.getKind() == SqlKind.AS && ((SqlCall) tableRef).operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple().toLowerCase(Locale.ROOT);
        }
        if (tableRef instanceof SqlIdentifier table) {
            return table.names.get(table.names.size() - 1).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static boolean isNavigation(SqlNode node) {
        return switch (node.getKind()) {
            case PREV, NEXT, FIRST, LAST -> true;
            default -> false;
        };
    }

    private static boolean isPhysical(SqlNode node) {
        return node.getKind() == SqlKind.PREV || node.getKind() == SqlKind.NEXT;
    }

    private static String name(SqlCall call) {
        return call.getOperator().getName().toLowerCase(Locale.ROOT);
    }

    private static final class Checker extends SqlBasicVisitor<Void> {
        private final Set<String> variables;
        private final String relation;

        Checker(Set<String> variables, String relation) {
            this.variables = variables;
            this.relation = relation;
        }

        @Override
        public Void visit(SqlIdentifier id) {
            String qualifier = id.names.get(0).toLowerCase(Locale.ROOT);
            if (id.names.size() > 1 && qualifier.equals(relation) && !variables.contains(qualifier)) {
                throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + id + "' cannot be resolved");
            }
            return null;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call.getKind() == SqlKind.RUNNING || call.getKind() == SqlKind.FINAL) {
                checkProcessingMode(call, call.operand(0));
            } else if (isNavigation(call) && call.operandCount() > 0) {
                checkNavigationArgument(call, call.operand(0));
            } else if (call.getKind() == SqlKind.LAMBDA) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Lambda expression in pattern recognition context is not yet supported");
            } else if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN) && call.operand(1).isA(SqlKind.QUERY)) {
                // the others, over the current row, the input computed (MatchRecognizeSyntax)
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "IN-PREDICATE with labeled column reference is not yet supported");
            } else if (call.isA(SqlKind.QUERY)) {
                // Trino runs them; Calcite has no scope for a query inside MEASURES or DEFINE
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Sub-queries in MEASURES and DEFINE are not supported yet");
            } else if (call.getKind() == SqlKind.WITHIN_GROUP) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Cannot use ORDER BY with " + name(call.operand(0))
                        + " aggregate function in pattern recognition context");
            } else if (call.getOperator() instanceof SqlAggFunction) {
                if (call.getOperandList().stream().anyMatch(operand -> operand instanceof SqlNodeList)) {
                    // array_agg(x ORDER BY y): Calcite's grammar keeps the order as a last operand
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Cannot use ORDER BY with " + name(call)
                            + " aggregate function in pattern recognition context");
                }
                for (SqlNode operand : call.getOperandList()) {
                    SqlCall navigation = operand == null ? null : (SqlCall) find(operand, MatchRecognizeChecks::isNavigation);
                    if (navigation != null) {
                        throw new QuarryException(ErrorCode.INVALID_NAVIGATION_NESTING, "Cannot nest " + name(navigation)
                                + " pattern navigation function inside " + name(call) + " function");
                    }
                }
            }
            return super.visit(call);
        }

        /** Trino's RUNNING and FINAL go before a call of FIRST, LAST or an aggregate; FINAL (x + 1) calls a function named final. */
        private static void checkProcessingMode(SqlCall mode, SqlNode operand) {
            String word = mode.getKind().name().toLowerCase(Locale.ROOT);
            if (!(operand instanceof SqlCall call)) {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input after " + word + ": a function call is expected");
            }
            if (isPhysical(call) || call.getKind() == SqlKind.CLASSIFIER || call.getKind() == SqlKind.MATCH_NUMBER) {
                throw new QuarryException(ErrorCode.INVALID_PROCESSING_MODE, mode.getKind() + " semantics is not supported with "
                        + name(call).replace("$", "") + " pattern recognition function");
            }
            if (isNavigation(call) || call.getOperator() instanceof SqlAggFunction) {
                return;
            }
            if (!(call.getOperator() instanceof SqlFunction)) {
                throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Function '" + word + "' not registered");
            }
            if (call.getOperator().getSyntax() != SqlSyntax.FUNCTION && call.getOperator().getSyntax() != SqlSyntax.FUNCTION_ID) {
                // CAST, EXTRACT and the like are no function calls to Trino's grammar
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input after " + word + ": a function call is expected");
            }
            throw new QuarryException(ErrorCode.INVALID_PROCESSING_MODE, mode.getKind() + " semantics is supported only for FIRST(),"
                    + " LAST() and aggregation functions. Actual: " + name(call));
        }

        /** PREV and NEXT may hold FIRST or LAST, right inside; nothing else nests, and some column must be read. */
        private static void checkNavigationArgument(SqlCall navigation, SqlNode argument) {
            if (isNavigation(argument)) {
                if (!isPhysical(navigation) || isPhysical(argument)) {
                    throw new QuarryException(ErrorCode.INVALID_NAVIGATION_NESTING, "Cannot nest " + name((SqlCall) argument)
                            + " pattern navigation function inside " + name(navigation) + " pattern navigation function");
                }
                return;
            }
            if (argument instanceof SqlCall && find(argument, MatchRecognizeChecks::isNavigation) != null) {
                throw new QuarryException(ErrorCode.INVALID_NAVIGATION_NESTING,
                        "Immediate nesting is required for pattern navigation functions");
            }
            SqlCall aggregate = (SqlCall) find(argument, node -> node instanceof SqlCall call && call.getOperator() instanceof SqlAggFunction);
            if (aggregate != null) {
                throw new QuarryException(ErrorCode.NESTED_AGGREGATION, "Cannot nest " + name(aggregate) + " aggregate function inside "
                        + name(navigation) + " function");
            }
            if (find(argument, node -> node instanceof SqlIdentifier || node.getKind() == SqlKind.CLASSIFIER) == null) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENTS, "Pattern navigation function '"
                        + navigation.getOperator().getName().toUpperCase(Locale.ROOT) + "' must contain at least one column reference or CLASSIFIER()");
            }
        }

        /** The first node in {@code node} (itself included) that {@code test} accepts, or null. */
        private static SqlNode find(SqlNode node, Predicate<SqlNode> test) {
            SqlNode[] found = {null};
            node.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (found[0] == null && test.test(call)) {
                        found[0] = call;
                    }
                    return found[0] == null ? super.visit(call) : null;
                }

                @Override
                public Void visit(SqlIdentifier id) {
                    if (found[0] == null && test.test(id)) {
                        found[0] = id;
                    }
                    return null;
                }
            });
            return found[0];
        }
    }
}
