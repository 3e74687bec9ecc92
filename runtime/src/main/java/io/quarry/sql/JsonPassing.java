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
    private static final Pattern FORMAT = Pattern.compile("(?is)format\\s+json(?:\\s+encoding\\s+(utf8|utf16|utf32))?\\b");

    /** The call a value in FORMAT JSON becomes: {@code "$json_formatted"(value, 'UTF16')} ('' when no encoding is said). */
    static final String FORMATTED_NAME = "$json_formatted";

    private static final String FORMATTED_CALL = '"' + FORMATTED_NAME + "\"(";

    static final SqlFunction FORMATTED = new SqlFunction(FORMATTED_NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM);

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
        List<Entry> entries = entries(sql, passing + 7, sql.length());
        if (entries == null) {
            return Map.of();
        }
        Map<Integer, Replacement> replacements = new java.util.HashMap<>();
        replacements.put(pathStart, new Replacement(pathEnd, '"' + NAME + "\"(" + sql.substring(pathStart, pathEnd)));
        replacements.put(passing, new Replacement(passing + 7, ",      "));
        for (int k = 0; k < entries.size(); k++) {
            Entry entry = entries.get(k);
            if (entry.formatStart() >= 0) {
                replacements.put(entry.valueStart(), new Replacement(entry.valueStart(), FORMATTED_CALL));
                replacements.put(entry.formatStart(), new Replacement(entry.formatEnd(), ", '" + entry.encoding() + "')"));
            }
            replacements.put(entry.as(), new Replacement(entry.as() + 2, ", "));
            replacements.put(entry.nameStart(), new Replacement(entry.nameEnd(), quoted(entry.name())
                    + (k == entries.size() - 1 ? ")" : "")));
        }
        return replacements;
    }

    /**
     * The entries of a json_table's PASSING clause, {@code v AS x, w FORMAT JSON AS "y"}, as the arguments that follow
     * the path in a {@code "$json_path"} call: {@code , v, 'X', "$json_formatted"(w, 'UTF8'), 'y'}; null if not handled.
     */
    static String entries(String text) {
        List<Entry> entries = entries(text, 0, text.length());
        if (entries == null || firstNonBlank(text, entries.get(entries.size() - 1).nameEnd()) != text.length()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            String value = text.substring(entry.valueStart(), entry.formatStart() >= 0 ? entry.formatStart() : entry.as()).strip();
            out.append(", ").append(entry.formatStart() >= 0 ? FORMATTED_CALL + value + ", '" + entry.encoding() + "')" : value)
                    .append(", ").append(quoted(entry.name()));
        }
        return out.toString();
    }

    /** An entry {@code value [FORMAT JSON [ENCODING e]] AS name}: where its parts are, its name as Trino reads it. */
    private record Entry(int valueStart, int formatStart, int formatEnd, String encoding, int as, int nameStart, int nameEnd,
            String name) {}

    /** The entries from {@code from}, separated by commas, up to the first that no comma follows; null if not handled. */
    private static List<Entry> entries(String sql, int from, int limit) {
        List<Entry> entries = new ArrayList<>();
        int i = from;
        while (true) {
            int valueStart = firstNonBlank(sql, i);
            int as = -1;
            int formatStart = -1;
            int formatEnd = -1;
            String encoding = null;
            int depth = 0;
            for (i = valueStart; i < limit; i++) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    i = closing(sql, i) - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (--depth < 0) {
                        return null;
                    }
                } else if (depth == 0 && formatStart < 0 && wordAt(sql, i, "format")) {
                    Matcher format = FORMAT.matcher(sql).region(i, limit);
                    if (!format.lookingAt()) {
                        return null;
                    }
                    formatStart = i;
                    formatEnd = format.end();
                    encoding = format.group(1) == null ? "" : format.group(1).toUpperCase(Locale.ROOT);
                    i = formatEnd - 1;
                } else if (depth == 0 && wordAt(sql, i, "as")) {
                    as = i;
                    break;
                }
            }
            if (as < 0) {
                return null;
            }
            int nameStart = firstNonBlank(sql, as + 2);
            String name;
            int nameEnd;
            if (nameStart < limit && sql.charAt(nameStart) == '"') {
                nameEnd = closing(sql, nameStart);
                name = sql.substring(nameStart + 1, nameEnd - 1).replace("\"\"", "\"");
            } else {
                Matcher word = WORD.matcher(sql).region(nameStart, limit);
                if (!word.lookingAt()) {
                    return null;
                }
                nameEnd = word.end();
                name = word.group().toUpperCase(Locale.ROOT);
            }
            entries.add(new Entry(valueStart, formatStart, formatEnd, encoding, as, nameStart, nameEnd, name));
            int next = firstNonBlank(sql, nameEnd);
            if (next >= limit || sql.charAt(next) != ',') {
                return entries;
            }
            i = next + 1;
        }
    }

    private static String quoted(String name) {
        return "'" + name.replace("'", "''") + "'";
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
            passed.add(operands.get(i) instanceof RexCall formatted && formatted.getOperator() == FORMATTED
                    ? formatted(translator.apply(formatted.getOperands().get(0)),
                            ((RexLiteral) formatted.getOperands().get(1)).getValueAs(String.class))
                    : value(translator.apply(operands.get(i))));
        }
        return new Path(operands.get(0), List.copyOf(passed));
    }

    /**
     * A value in FORMAT JSON as the kernel takes it: its JSON text as json, which the kernel reads. Text is read in
     * UTF-8 with no ENCODING said, varbinary in the encoding said; nothing else is JSON input, as in Trino.
     */
    private static Expression formatted(Expression value, String encoding) {
        Type type = value.type();
        Expression text;
        if (type instanceof VarcharType && encoding.isEmpty() || type instanceof UnknownType) {
            text = ExpressionTranslator.coerce(value, Types.VARCHAR);
        } else if (type instanceof io.quarry.type.VarbinaryType) {
            text = JsonFormatInputs.decode(value, encoding.isEmpty() ? "UTF8" : encoding);
        } else {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot read input of type " + type.displayName()
                    + " as JSON using formatting JSON" + (encoding.isEmpty() ? "" : " ENCODING " + encoding));
        }
        return new io.quarry.plan.expression.Call(FORMATTED_NAME, List.of(text), Types.JSON);
    }

    /** A passed value as the kernel takes it: a number, a boolean, text (json, intervals, uuids, … as their text) or a date-time. */
    private static Expression value(Expression value) {
        Type type = value.type();
        if (type instanceof io.quarry.type.JsonType) {
            return ExpressionTranslator.coerce(value, Types.VARCHAR); // Trino casts it, refusing arrays and objects
        }
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
        if (type instanceof CharType || type instanceof UnknownType || type instanceof io.quarry.type.IntervalDayTimeType
                || type instanceof io.quarry.type.IntervalYearMonthType || type instanceof io.quarry.type.UuidType
                || type instanceof io.quarry.type.IpAddressType) {
            return ExpressionTranslator.coerce(value, Types.VARCHAR); // a string item, its text
        }
        String dateTime = dateTimeTypeName(type);
        if (dateTime != null) {
            // its text, marked with the name type() gives it
            return new io.quarry.plan.expression.Call("$json_datetime", List.of(ExpressionTranslator.coerce(value, Types.VARCHAR),
                    new Constant(dateTime, Types.VARCHAR)), Types.VARCHAR);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Unsupported type of JSON path parameter: " + type.displayName());
    }

    /** The SQL/JSON name of a date-time type, as the path's type() gives it; null for other types. */
    private static String dateTimeTypeName(Type type) {
        return type instanceof io.quarry.type.DateType ? "date"
                : type instanceof io.quarry.type.TimeType ? "time without time zone"
                : type instanceof io.quarry.type.TimeWithTimeZoneType ? "time with time zone"
                : type instanceof io.quarry.type.TimestampType ? "timestamp without time zone"
                : type instanceof io.quarry.type.TimestampWithTimeZoneType ? "timestamp with time zone" : null;
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
