package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.plan.expression.Expression;
import io.quarry.type.BigintType;
import io.quarry.type.IntegerType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonValueReturning;

/**
 * {@code json_value(… RETURNING type)} with the default NULL ON EMPTY and NULL ON ERROR: the item's text cast to
 * the type, null where the cast fails. An integer type goes through a decimal first, so that a JSON number such as
 * {@code 1.5} or {@code 1e3} becomes an integer as in Trino (2 and 1000) rather than failing as text.
 */
final class JsonValueReturning {
    /** Enough digits for every bigint and for the fraction that decides the rounding. */
    private static final Type NUMBER = Types.decimal(38, 9);

    private JsonValueReturning() {}

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("(?is)json_value\\s*\\(");
    private static final java.util.regex.Pattern STRUCTURAL = java.util.regex.Pattern.compile(
            "(?is)returning\\s+((?:array|map|row)\\s*\\()");

    /**
     * json_value's {@code RETURNING array(…)} (or map, row), which Calcite's grammar cannot read there: Trino's
     * TYPE_MISMATCH, for the call starting at {@code start}.
     */
    static void checkStructuralType(String sql, int start) {
        java.util.regex.Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return;
        }
        int depth = 1;
        for (int i = call.end(); i < sql.length() && depth > 0; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = SqlWords.closingQuote(sql, i);
                if (close < 0) {
                    return;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 1 && (c == 'r' || c == 'R') && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                java.util.regex.Matcher type = STRUCTURAL.matcher(sql).region(i, sql.length());
                if (type.lookingAt()) {
                    int end = sql.indexOf(')', type.end());
                    String written = sql.substring(type.start(1), end < 0 ? sql.length() : end + 1);
                    throw new io.quarry.spi.QuarryException(ErrorCode.TYPE_MISMATCH, "Invalid return type of function JSON_VALUE: " + written);
                }
            }
        }
    }

    /** Whether an operand of the call is the RETURNING keyword or its type, not a behaviour. */
    static boolean isTypeOperand(RexNode operand) {
        if (operand instanceof RexLiteral literal) {
            return literal.getValue() instanceof SqlJsonValueReturning;
        }
        return !(operand instanceof RexLiteral);
    }

    /**
     * The text json_value finds, as the RETURNING type: null where the cast fails, or (ERROR ON ERROR) Trino's
     * JSON_VALUE_RESULT_ERROR.
     */
    static Expression cast(Expression text, Type type, boolean failOnError) {
        Expression value = type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType
                || type instanceof BigintType
                ? new Call("try_cast", List.of(new Call("try_cast", List.of(text), NUMBER)), type)
                : new Call("try_cast", List.of(text), type);
        if (!failOnError) {
            return value;
        }
        Expression failed = new SpecialForm(Form.AND, List.of(new SpecialForm(Form.IS_NOT_NULL, List.of(text), Types.BOOLEAN),
                new SpecialForm(Form.IS_NULL, List.of(value), Types.BOOLEAN)), Types.BOOLEAN);
        Expression error = new Call("cast", List.of(new Call("fail", List.of(
                new Constant((long) ErrorCode.JSON_VALUE_RESULT_ERROR.code(), Types.BIGINT),
                new Constant("cannot extract SQL scalar from JSON: Cannot cast value of type varchar to declared return type"
                        + " of function JSON_VALUE: " + type.displayName(), Types.VARCHAR)), Types.UNKNOWN)), type);
        return new SpecialForm(Form.CASE, List.of(failed, error, value), type);
    }
}
