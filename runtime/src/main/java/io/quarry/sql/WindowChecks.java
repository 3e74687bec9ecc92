package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Trino's analysis errors for window calls: DISTINCT in ntile or a value function ("DISTINCT in window function
 * parameters not yet supported: lag(DISTINCT x)"; aggregates take it) and IGNORE/RESPECT NULLS on a function other than lag,
 * lead, first_value, last_value and nth_value (NULL_TREATMENT_NOT_ALLOWED).
 */
final class WindowChecks {
    private static final Set<String> VALUE_FUNCTIONS = Set.of("lag", "lead", "first_value", "last_value", "nth_value");
    private static final Set<String> RANKING_FUNCTIONS =
            Set.of("row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile");

    /** The words after EXCLUDE in Calcite's frame exclusions. */
    private static final Set<String> EXCLUSIONS = Set.of("current", "group", "ties", "no");

    private WindowChecks() {}

    /** Checks an {@code OVER} call and an aggregate call (no window inside); other nodes pass. */
    static void check(SqlNode node, SqlText text) {
        if (node instanceof SqlCall aggregate && aggregate.getOperator().isAggregator() && node.getKind() != SqlKind.OVER) {
            for (SqlNode operand : aggregate.getOperandList()) {
                if (operand != null && containsWindow(operand)) {
                    ErrorLocation location = location(text, aggregate.getParserPosition());
                    throw new QuarryException(ErrorCode.NESTED_WINDOW, Errors.prefix(location)
                            + "Cannot nest window functions inside aggregation '"
                            + aggregate.getOperator().getName().toLowerCase(Locale.ROOT) + "'", location, null);
                }
            }
        }
        if (node.getKind() != SqlKind.OVER || !(node instanceof SqlCall over) || !(over.operand(0) instanceof SqlCall function)) {
            return;
        }
        SqlCall call = function;
        boolean nullTreatment = false;
        if (call.getKind() == SqlKind.IGNORE_NULLS || call.getKind() == SqlKind.RESPECT_NULLS) {
            nullTreatment = true;
            call = call.operand(0);
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        ErrorLocation location = location(text, call.getParserPosition());
        if (call.getFunctionQuantifier() != null && call.getFunctionQuantifier().getValue() == SqlSelectKeyword.DISTINCT
                && (VALUE_FUNCTIONS.contains(name) || name.equals("ntile"))) {
            String snippet = snippet(text, call.getParserPosition());
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, Errors.prefix(location)
                    + "DISTINCT in window function parameters not yet supported: " + (snippet != null ? snippet : call.toString()),
                    location, null);
        }
        if (nullTreatment && !VALUE_FUNCTIONS.contains(name)) {
            throw new QuarryException(ErrorCode.NULL_TREATMENT_NOT_ALLOWED, Errors.prefix(location)
                    + "Cannot specify null treatment clause for " + name + " function", location, null);
        }
    }

    /**
     * Trino's TYPE_MISMATCH for a ROWS or GROUPS offset written as a literal that is no integer ({@code 1.5 PRECEDING},
     * {@code NULL PRECEDING}), before Calcite refuses it as a frame error. Runs after {@link GroupsFrames#mark}.
     */
    static void checkCountedOffsetLiterals(SqlNode parsed, SqlText text) {
        parsed.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWindow window && window.isRows()) {
                    boolean groups = window.getPartitionList().stream()
                            .anyMatch(key -> key instanceof SqlCall marker && marker.getOperator() == GroupsFrames.MARKER);
                    checkLiteral(groups ? "GROUPS" : "ROWS", "start", window.getLowerBound(), text);
                    checkLiteral(groups ? "GROUPS" : "ROWS", "end", window.getUpperBound(), text);
                }
                return super.visit(call);
            }
        });
    }

    /**
     * Trino's grammar has no frame exclusion ({@code EXCLUDE CURRENT ROW}, {@code EXCLUDE NO OTHERS}, …): a
     * SYNTAX_ERROR before any other check, where Calcite would take it. Reads the statement's text.
     */
    static void checkNoFrameExclusion(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("exclude")) {
            return;
        }
        int[] exclude = {-1};
        SqlWords.walk(sql, (start, end) -> {
            String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
            if (exclude[0] >= 0 && EXCLUSIONS.contains(word)) {
                throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input 'EXCLUDE'", SqlWords.location(sql, exclude[0]));
            }
            exclude[0] = word.equals("exclude") ? start : -1;
        });
    }

    /**
     * Trino's INVALID_WINDOW_FRAME for a frame given by its start alone that starts FOLLOWING ({@code ROWS 1 FOLLOWING}):
     * it ends at the current row, before its start. Calcite takes it without an end.
     */
    static void checkFollowingStart(SqlNode parsed, SqlText text) {
        parsed.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                // Calcite's parser keeps such a start as the end, with no start
                if (call instanceof SqlWindow window && window.getLowerBound() == null && window.getUpperBound() != null
                        && window.getUpperBound().getKind() == SqlKind.FOLLOWING) {
                    throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from FOLLOWING cannot end with CURRENT ROW",
                            location(text, window.getUpperBound().getParserPosition()));
                }
                return super.visit(call);
            }
        });
    }

    private static void checkLiteral(String unit, String end, SqlNode bound, SqlText text) {
        if (!(bound instanceof SqlCall call) || call.operandCount() != 1 || !(call.operand(0) instanceof SqlLiteral literal)) {
            return;
        }
        String actual = null;
        if (literal instanceof SqlNumericLiteral number && (!number.isExact() || number.getScale() == null || number.getScale() != 0)) {
            actual = number.isExact()
                    ? "decimal(" + number.getPrec() + "," + number.getScale() + ")"
                    : "double";
        } else if (literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
            actual = "unknown";
        }
        if (actual != null) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH, "Window frame " + unit + " " + end
                    + " value type must be exact numeric type with scale 0 (actual " + actual + ")", location(text, literal.getParserPosition()));
        }
    }

    private static boolean containsWindow(SqlNode node) {
        if (node.getKind() == SqlKind.OVER) {
            return true;
        }
        if (node instanceof SqlCall call && call.getKind() != SqlKind.SELECT) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null && containsWindow(operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ErrorLocation location(SqlText text, SqlParserPos pos) {
        return pos == null ? null : text.location(pos.getLineNum(), pos.getColumnNum());
    }

    private static String snippet(SqlText text, SqlParserPos pos) {
        return pos == null ? null : text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
}
