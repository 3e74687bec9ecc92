package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Checks on a parsed statement before its tables are resolved, where Calcite would fail later with a misleading
 * or internal error: {@code coalesce} with fewer
 * than two arguments is a SYNTAX_ERROR, {@code greatest()} / {@code least()} are FUNCTION_NOT_FOUND, and a lambda
 * among the operands of coalesce, nullif, if or try is a TYPE_MISMATCH and one among the arguments of greatest,
 * least or concat FUNCTION_NOT_FOUND, an expression inside GROUPING SETS, ROLLUP or CUBE INVALID_COLUMN_REFERENCE,
 * {@code count} with several arguments FUNCTION_NOT_FOUND, a listagg separator other than a literal a SYNTAX_ERROR, and trim with three arguments written as a plain call a SYNTAX_ERROR, as in Trino.
 */
final class ParsedStatementChecks {
    /** What Trino parses as special forms, not function calls: a lambda among their operands is a type error. */
    private static final Set<String> SPECIAL_FORMS = Set.of("coalesce", "nullif", "if", "try", "case");
    /** Functions whose arguments Calcite brings to a common type, which a lambda has none of. */
    private static final Set<String> COMMON_TYPE_FUNCTIONS = Set.of("greatest", "least", "concat");

    private static final Set<String> TRUTH_TESTS = Set.of("IS UNKNOWN", "IS NOT UNKNOWN", "IS TRUE", "IS NOT TRUE",
            "IS FALSE", "IS NOT FALSE");
    private static final Set<SqlKind> PREDICATES = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IN, SqlKind.NOT_IN,
            SqlKind.SOME, SqlKind.ALL, SqlKind.BETWEEN, SqlKind.LIKE, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL,
            SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

    private static final Set<SqlKind> GROUPING_ELEMENTS = Set.of(SqlKind.ROLLUP, SqlKind.CUBE, SqlKind.GROUPING_SETS);

    private ParsedStatementChecks() {}

    /** Trino groups by columns only inside GROUPING SETS, ROLLUP and CUBE: no expressions, no ordinals. */
    private static void checkGroupingElement(SqlNode element, SqlText text) {
        if (element instanceof SqlIdentifier) {
            return;
        }
        if (element instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                checkGroupingElement(item, text);
            }
            return;
        }
        if (element instanceof SqlCall nested && (GROUPING_ELEMENTS.contains(nested.getKind())
                || Set.of("rollup", "cube").contains(nested.getOperator().getName().toLowerCase(Locale.ROOT)))) {
            // Calcite nests them (inside ROLLUP and CUBE as plain calls); Trino's grammar has them at the top of GROUP BY only
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + nested.getOperator().getName().toUpperCase(Locale.ROOT) + "'",
                    element.getParserPosition(), text);
        }
        if (element instanceof SqlCall set && set.getKind() == SqlKind.ROW) {
            for (SqlNode item : set.getOperandList()) {
                checkGroupingElement(item, text);
            }
            return;
        }
        throw Errors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "GROUP BY expression must be a column reference: " + element,
                element.getParserPosition(), text);
    }

    static void check(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                checkNullTreatment(item, false, text);
                check(item, text);
            }
        } else if (node instanceof SqlCall call) {
            checkCall(call, text);
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                checkNullTreatment(operands.get(i), call.getKind() == SqlKind.OVER && i == 0, text);
                check(operands.get(i), text);
            }
        }
    }

    /** LIMIT, OFFSET and FETCH take an integer in Trino's grammar: {@code LIMIT 1e0} or {@code 1.0} is a SYNTAX_ERROR. */
    private static void checkRowCount(SqlNode count, SqlText text) {
        if (count instanceof org.apache.calcite.sql.SqlNumericLiteral number
                && (!number.isExact() || number.bigDecimalValue().scale() > 0 || number.toString().contains("."))) {
            SqlParserPos pos = number.getParserPosition();
            String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + (written == null ? number.toString() : written) + "'",
                    pos, text);
        }
    }

    /** IGNORE NULLS and RESPECT NULLS belong to Trino's grammar of a window call: elsewhere they are a SYNTAX_ERROR. */
    private static void checkNullTreatment(SqlNode node, boolean windowed, SqlText text) {
        if (!windowed && node != null && (node.getKind() == SqlKind.IGNORE_NULLS || node.getKind() == SqlKind.RESPECT_NULLS)) {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input 'NULLS'. Expecting: 'OVER'", node.getParserPosition(), text);
        }
    }

    /** Window functions and aggregates with FILTER have no meaning over the rows of a match, as in Trino. */
    private static void checkPatternExpressions(SqlNodeList expressions, SqlText text) {
        expressions.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER) {
                    throw Errors.error(ErrorCode.NESTED_WINDOW,
                            "Cannot nest window functions or row pattern measures inside pattern recognition expressions", call.getParserPosition(), text);
                }
                if (call.getKind() == SqlKind.FILTER && call.operand(0) instanceof SqlCall aggregate) {
                    throw Errors.error(ErrorCode.NOT_SUPPORTED, "Cannot use FILTER with " + aggregate.getOperator().getName().toLowerCase(Locale.ROOT)
                            + " aggregate function in pattern recognition context", call.getParserPosition(), text);
                }
                return super.visit(call);
            }
        });
    }

    /** A statement to run has no parameter markers: only EXECUTE … USING gives them values. */
    static void checkNoParameters(SqlNode statement) {
        int[] markers = {0};
        statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlDynamicParam param) {
                markers[0]++;
                return null;
            }
        });
        if (markers[0] > 0) {
            throw Errors.error(ErrorCode.INVALID_PARAMETER_USAGE,
                    "Incorrect number of parameters: expected " + markers[0] + " but found 0", new ErrorLocation(1, 1));
        }
    }

    private static void checkCall(SqlCall call, SqlText text) {
        checkNestedPredicates(call, text);
        if (call instanceof org.apache.calcite.sql.SqlJoin join) {
            checkJoin(join, text);
        }
        if (call instanceof org.apache.calcite.sql.SqlSelect select) {
            checkRowCount(select.getOffset(), text);
            checkRowCount(select.getFetch(), text);
        }
        if (call instanceof org.apache.calcite.sql.SqlOrderBy orderBy) {
            checkRowCount(orderBy.offset, text);
            checkRowCount(orderBy.fetch, text);
        }
        if (call instanceof org.apache.calcite.sql.SqlMatchRecognize match) {
            checkPatternExpressions(match.getMeasureList(), text);
            checkPatternExpressions(match.getPatternDefList(), text);
        }
        String predicate = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (TRUTH_TESTS.contains(predicate)) {
            // Trino's grammar has IS [NOT] NULL and IS [NOT] DISTINCT FROM, no IS [NOT] UNKNOWN, TRUE or FALSE
            SqlParserPos pos = call.getParserPosition();
            String word = predicate.substring(predicate.lastIndexOf(' ') + 1);
            SqlParserPos at = new SqlParserPos(pos.getEndLineNum(), pos.getEndColumnNum() - word.length() + 1);
            String expecting = predicate.startsWith("IS NOT") ? "'DISTINCT', 'NULL'" : "'DISTINCT', 'NOT', 'NULL'";
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + word + "'. Expecting: " + expecting, at, text);
        }
        if (call.getKind() == SqlKind.SIMILAR) {
            // Calcite's grammar has [NOT] SIMILAR TO, Trino's has not (OVERLAY … PLACING: see TrinoOnlySyntax)
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input 'SIMILAR'", call.getParserPosition(), text);
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (SPECIAL_FORMS.contains(name) || COMMON_TYPE_FUNCTIONS.contains(name)) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand instanceof SqlLambda && COMMON_TYPE_FUNCTIONS.contains(name)) {
                    // Calcite would look for a common type of the lambda and the other arguments, and fail on it
                    throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Function " + name + " does not take a lambda expression",
                            call.getParserPosition(), text);
                }
                if (operand instanceof SqlLambda lambda) {
                    // Calcite places a lambda at its arrow, Trino at its start
                    SqlParserPos start = lambda.getParameters().isEmpty()
                            ? lambda.getParserPosition()
                            : lambda.getParameters().get(0).getParserPosition();
                    throw Errors.error(ErrorCode.TYPE_MISMATCH, "Lambda expression should always be used inside a function",
                            start, text);
                }
            }
        }
        if (name.equals("trim") && call.operandCount() == 3
                && !(call.operand(0) instanceof SqlLiteral flag && flag.getValue() instanceof Enum<?>)) {
            // trim(a, b, c) as a plain call: Calcite would take the first argument for TRIM's BOTH/LEADING/TRAILING
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "trim takes one or two arguments",
                    call.getParserPosition(), text);
        }
        if (name.equals("normalize") && call.operandCount() == 2 && !isNormalForm(call.operand(1), text)) {
            // Trino's grammar takes the form as a bare word only
            SqlNode form = call.operand(1);
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + firstToken(form, text)
                    + "'. Expecting: 'NFC', 'NFD', 'NFKC', 'NFKD'", form.getParserPosition(), text);
        }
        if (name.equals("coalesce") && call.operandCount() < 2) {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "The 'coalesce' function must have at least two arguments",
                    call.getParserPosition(), text);
        }
        if (GROUPING_ELEMENTS.contains(call.getKind())) {
            for (SqlNode operand : call.getOperandList()) {
                checkGroupingElement(operand, text);
            }
        }
        if (name.equals("listagg") && call.operandCount() > 1 && !(call.operand(1) instanceof SqlLiteral)) {
            // Trino's grammar takes the separator as a string literal only
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + call.operand(1) + "'. Expecting: <string>",
                    call.operand(1).getParserPosition(), text);
        }
        if (name.equals("count") && call.operandCount() > 1) {
            // Calcite counts the rows where all of several arguments are set; Trino's count takes one
            throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters for function count. Expected: count(), count(t) T",
                    call.getParserPosition(), text);
        }
        if ((name.equals("greatest") || name.equals("least")) && call.operandCount() == 0) {
            throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters () for function " + name,
                    call.getParserPosition(), text);
        }
    }

    private static final Set<String> NORMAL_FORMS = Set.of("NFC", "NFD", "NFKC", "NFKD");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d*)?|\\S");

    /** An unquoted NFC, NFD, NFKC or NFKD, in any case. */
    private static boolean isNormalForm(SqlNode node, SqlText text) {
        return node instanceof SqlIdentifier identifier && identifier.isSimple()
                && NORMAL_FORMS.contains(identifier.getSimple().toUpperCase(Locale.ROOT))
                && !firstToken(node, text).startsWith("\"");
    }

    /** The first token of a node as the statement writes it. */
    private static String firstToken(SqlNode node, SqlText text) {
        SqlParserPos pos = node.getParserPosition();
        String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
        java.util.regex.Matcher token = written == null ? null : TOKEN.matcher(written.strip());
        return token != null && token.lookingAt() ? token.group() : node.toString();
    }

    /**
     * Trino's grammar takes one predicate (comparison, IN, BETWEEN, LIKE, IS NULL, IS DISTINCT FROM) after a value
     * expression: a predicate as the operand of another one is a SYNTAX_ERROR unless it is in parentheses
     * ({@code x IN (SELECT …) = false}, {@code 1 = 1 = true}). Calcite's parser drops parentheses: the text tells.
     */
    private static void checkNestedPredicates(SqlCall call, SqlText text) {
        if (!PREDICATES.contains(call.getKind())) {
            return;
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i) instanceof SqlCall operand && PREDICATES.contains(operand.getKind())) {
                SqlParserPos pos = operand.getParserPosition();
                if (!text.parenthesized(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum())) {
                    // Trino stops at the token after the value expression that the first predicate completed
                    SqlParserPos before = i == 0 ? pos : operand.operand(0).getParserPosition();
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input after a predicate. Expecting: 'AND', 'OR'",
                            text.after(before.getEndLineNum(), before.getEndColumnNum()));
                }
            }
        }
    }

    /**
     * What Trino's grammar refuses and Calcite's takes: an inner or outer join without ON or USING, a CROSS or
     * NATURAL join with one; and a USING list that names a column twice.
     */
    private static void checkJoin(org.apache.calcite.sql.SqlJoin join, SqlText text) {
        org.apache.calcite.sql.JoinConditionType condition = join.getConditionType();
        boolean conditioned = condition == org.apache.calcite.sql.JoinConditionType.ON
                || condition == org.apache.calcite.sql.JoinConditionType.USING;
        org.apache.calcite.sql.JoinType type = join.getJoinType();
        boolean cross = type == org.apache.calcite.sql.JoinType.CROSS || type == org.apache.calcite.sql.JoinType.COMMA;
        if (!cross && !join.isNatural() && !conditioned) {
            SqlParserPos right = join.getRight().getParserPosition();
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input. Expecting: 'ON', 'USING'",
                    text.after(right.getEndLineNum(), right.getEndColumnNum()));
        }
        if ((cross || join.isNatural()) && conditioned) {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + (condition == org.apache.calcite.sql.JoinConditionType.ON
                    ? "ON" : "USING") + "'", join.getCondition().getParserPosition(), text);
        }
        if (condition == org.apache.calcite.sql.JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using) {
            Set<String> seen = new java.util.HashSet<>();
            for (SqlNode column : using) {
                String columnName = column.toString().toLowerCase(Locale.ROOT);
                if (column instanceof org.apache.calcite.sql.SqlIdentifier identifier) {
                    columnName = identifier.getSimple().toLowerCase(Locale.ROOT);
                }
                if (!seen.add(columnName)) {
                    throw Errors.error(ErrorCode.DUPLICATE_COLUMN_NAME,
                            "Column '" + columnName + "' appears multiple times in USING clause", column.getParserPosition(), text);
                }
            }
        }
    }
}
