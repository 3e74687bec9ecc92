package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The PASSING clause of json_value, json_query and json_exists, which Calcite's grammar reads and drops. In the text
 * the path and its values become one call, {@code 'path' PASSING v AS x, w AS "y"} becoming
 * {@code "$json_path"('path' , v , 'X', w , 'y')} (an unquoted name upper-cased, as Trino reads it); the planner
 * passes each value to the kernel after the call's own arguments, with its name.
 */
final class JsonPassing {
    /** The name the rewritten text calls; quoted, not a name a user would write. */
    static final String NAME = "$json_path";

    static final SqlFunction OPERATOR = new SqlFunction(NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);

    private static final Pattern CALL = Pattern.compile("(?is)json_(?:value|query|exists)\\s*\\(");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Text to put in place of the user's characters from {@code start} to {@code end}. */
    record Replacement(int end, String text) {}

    private JsonPassing() {}

    /**
     * The replacements (by where they start) that turn the PASSING clause of the call starting at {@code start} into
     * a {@code "$json_path"} call; none when the call has no such clause, or one this rewriting leaves to Calcite
     * (a path that is no one-line literal, a value in FORMAT JSON).
     */
    static Map<Integer, Replacement> rewrite(String sql, int start) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return Map.of();
        }
        int pathStart = -1;
        int passing = -1;
        int depth = 1;
        int i = call.end();
        for (; i < sql.length() && depth > 0; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 1 && c == ',' && pathStart < 0) {
                pathStart = firstNonBlank(sql, i + 1);
            } else if (depth == 1 && pathStart >= 0 && wordAt(sql, i, "passing")) {
                passing = i;
                break;
            }
        }
        if (passing < 0 || pathStart < 0 || sql.charAt(pathStart) != '\'') {
            return Map.of();
        }
        int pathEnd = closing(sql, pathStart);
        if (firstNonBlank(sql, pathEnd) != passing || sql.substring(pathStart, pathEnd).indexOf('\n') >= 0) {
            return Map.of();
        }
        Map<Integer, Replacement> replacements = new java.util.HashMap<>();
        replacements.put(pathStart, new Replacement(pathEnd, '"' + NAME + "\"(" + sql.substring(pathStart, pathEnd)));
        replacements.put(passing, new Replacement(passing + 7, ",      "));
        // entries: value AS name, separated by commas
        i = passing + 7;
        while (true) {
            int as = -1;
            depth = 0;
            for (; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    i = closing(sql, i) - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (--depth < 0) {
                        return Map.of();
                    }
                } else if (depth == 0 && wordAt(sql, i, "format")) {
                    return Map.of();
                } else if (depth == 0 && wordAt(sql, i, "as")) {
                    as = i;
                    break;
                }
            }
            if (as < 0) {
                return Map.of();
            }
            replacements.put(as, new Replacement(as + 2, ", "));
            int nameStart = firstNonBlank(sql, as + 2);
            String name;
            int nameEnd;
            if (nameStart < sql.length() && sql.charAt(nameStart) == '"') {
                nameEnd = closing(sql, nameStart);
                name = sql.substring(nameStart + 1, nameEnd - 1).replace("\"\"", "\"");
            } else {
                Matcher word = WORD.matcher(sql).region(nameStart, sql.length());
                if (!word.lookingAt()) {
                    return Map.of();
                }
                nameEnd = word.end();
                name = word.group().toUpperCase(Locale.ROOT);
            }
            int next = firstNonBlank(sql, nameEnd);
            boolean more = next < sql.length() && sql.charAt(next) == ',';
            replacements.put(nameStart, new Replacement(nameEnd, "'" + name.replace("'", "''") + "'" + (more ? "" : ")")));
            if (!more) {
                return replacements;
            }
            i = next + 1;
        }
    }

    /** The path and the passed values of a path operand: its constant path and the values with their names. */
    record Path(RexNode path, List<Expression> passed) {}

    /** The path of a json_value, json_query or json_exists call and its passed values (none without PASSING). */
    static Path path(RexNode operand, Function<RexNode, Expression> translator) {
        if (!(operand instanceof RexCall call) || call.getOperator() != OPERATOR) {
            return new Path(operand, List.of());
        }
        List<Expression> passed = new ArrayList<>();
        List<RexNode> operands = call.getOperands();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 1; i + 1 < operands.size(); i += 2) {
            String name = ((RexLiteral) operands.get(i + 1)).getValueAs(String.class);
            if (!names.add(name)) {
                throw new QuarryException(ErrorCode.DUPLICATE_PARAMETER_NAME, name + " JSON path parameter is specified more than once");
            }
            passed.add(new Constant(name, Types.VARCHAR));
            passed.add(value(translator.apply(operands.get(i))));
        }
        return new Path(operands.get(0), List.copyOf(passed));
    }

    /** A passed value as the kernel takes it: a number, a boolean or text (date-time values as their text). */
    private static Expression value(Expression value) {
        Type type = value.type();
        if (type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType) {
            return ExpressionTranslator.coerce(value, Types.BIGINT);
        }
        if (type instanceof RealType) {
            return ExpressionTranslator.coerce(value, Types.DOUBLE);
        }
        if (type instanceof BigintType || type instanceof DoubleType || type instanceof DecimalType || type instanceof BooleanType
                || type instanceof VarcharType) {
            return value;
        }
        if (type instanceof CharType || type instanceof UnknownType || type instanceof io.quarry.type.DateType
                || io.quarry.type.TemporalTypes.isTemporal(type)) {
            return ExpressionTranslator.coerce(value, Types.VARCHAR);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Unsupported type of JSON path parameter: " + type.displayName());
    }

    private static boolean wordAt(String sql, int at, String word) {
        int end = at + word.length();
        return sql.regionMatches(true, at, word, 0, word.length())
                && (at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1)) && sql.charAt(at - 1) != '_')
                && (end >= sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_');
    }

    private static int closing(String sql, int quote) {
        char q = sql.charAt(quote);
        int i = quote + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int firstNonBlank(String sql, int from) {
        int at = from;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return at;
    }
}
