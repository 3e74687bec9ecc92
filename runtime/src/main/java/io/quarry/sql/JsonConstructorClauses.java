package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * json_object's and json_array's {@code WITH|WITHOUT UNIQUE [KEYS]} and {@code RETURNING type [FORMAT JSON
 * [ENCODING UTF8|UTF16|UTF32]]}, which Calcite's grammar lacks. In the text the clauses are blanked and the call,
 * when it has WITH UNIQUE or RETURNING, wrapped: {@code "$json_clauses"(json_object(…), 'type', 'encoding', unique)}.
 * WITH UNIQUE KEYS makes a repeated key Trino's INVALID_FUNCTION_ARGUMENT (without it the constructor refuses it as
 * NOT_SUPPORTED); RETURNING a text type casts the JSON text, RETURNING varbinary encodes it (UTF-16 and UTF-32 little
 * endian, as Trino writes them).
 */
final class JsonConstructorClauses {
    /** The name the rewritten text calls; quoted, not a name a user would write. */
    static final String NAME = "$json_clauses";

    static final SqlFunction OPERATOR = new SqlFunction(NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            JsonConstructorClauses::returnType, null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);

    private static final Pattern CALL = Pattern.compile("(?is)json_(?:object|array)\\s*\\(");
    private static final Pattern UNIQUE = Pattern.compile("(?is)(with|without)\\s+unique(?:\\s+keys)?\\b");
    private static final Pattern RETURNING = Pattern.compile("(?is)returning\\s+");
    private static final Pattern FORMAT = Pattern.compile("(?is)\\s*format\\s+json(?:\\s+encoding\\s+(utf8|utf16|utf32))?\\b");

    /** What the clauses of a call say, where they are (blanked) and where the call closes. */
    record Clauses(List<int[]> ranges, String type, String encoding, boolean unique, int close) {
        boolean wraps() {
            return unique || !type.isEmpty();
        }

        /** The text closing the wrapper, after the call's own parenthesis. */
        String tail() {
            return ", '" + type.replace("'", "''") + "', '" + encoding + "', " + unique + ")";
        }
    }

    private JsonConstructorClauses() {}

    /** The clauses of the json_object or json_array call starting at {@code start}; null if it has none. */
    static Clauses find(String sql, int start) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return null;
        }
        List<int[]> ranges = new ArrayList<>();
        String type = "";
        String encoding = "UTF8";
        boolean unique = false;
        int depth = 1;
        for (int i = call.end(); i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = SqlWords.closingQuote(sql, i);
                if (close < 0) {
                    return null;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return ranges.isEmpty() ? null : new Clauses(List.copyOf(ranges), type, encoding, unique, i);
            } else if (depth == 1 && Character.isLetter(c) && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                Matcher words = UNIQUE.matcher(sql).region(i, sql.length());
                if (words.lookingAt()) {
                    unique = words.group(1).equalsIgnoreCase("with");
                    ranges.add(new int[] {i, words.end()});
                    i = words.end() - 1;
                    continue;
                }
                words = RETURNING.matcher(sql).region(i, sql.length());
                if (words.lookingAt()) {
                    int typeEnd = typeEnd(sql, words.end());
                    type = sql.substring(words.end(), typeEnd).strip();
                    int end = typeEnd;
                    Matcher format = FORMAT.matcher(sql).region(typeEnd, sql.length());
                    if (format.lookingAt()) {
                        encoding = format.group(1) == null ? "UTF8" : format.group(1).toUpperCase(Locale.ROOT);
                        checkEncodedType(type, format.group(1));
                        end = format.end();
                    }
                    ranges.add(new int[] {i, end});
                    i = end - 1;
                }
            }
        }
        return null;
    }

    private static final Pattern QUERY_CALL = Pattern.compile("(?is)json_query\\s*\\(");
    private static final Pattern QUERY_RETURNING = Pattern.compile("(?is)returning\\s+([a-z]+(?:\\s*\\([^)]*\\))?)(\\s+format\\s+json"
            + "(?:\\s+encoding\\s+(utf8|utf16|utf32))?\\b)");

    /**
     * json_query's {@code RETURNING type FORMAT JSON [ENCODING e]}: the FORMAT clause blanked (the RETURNING type
     * stays json_query's), and with UTF16 or UTF32 the call wrapped to encode its varbinary; null without the clause.
     */
    static Clauses findQueryFormat(String sql, int start) {
        Matcher call = QUERY_CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return null;
        }
        int depth = 1;
        for (int i = call.end(); i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = SqlWords.closingQuote(sql, i);
                if (close < 0) {
                    return null;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return null;
            } else if (depth == 1 && (c == 'r' || c == 'R') && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                Matcher returning = QUERY_RETURNING.matcher(sql).region(i, sql.length());
                if (!returning.lookingAt()) {
                    continue;
                }
                String encoding = returning.group(3) == null ? "UTF8" : returning.group(3).toUpperCase(Locale.ROOT);
                checkEncodedType(returning.group(1), returning.group(3));
                int close = closingParenthesis(sql, returning.end());
                if (close < 0) {
                    return null;
                }
                List<int[]> ranges = List.of(new int[] {returning.start(2), returning.end(2)});
                return new Clauses(ranges, encoding.equals("UTF8") ? "" : "varbinary", encoding, false, close);
            }
        }
        return null;
    }

    /** An ENCODING is varbinary's only: Trino's TYPE_MISMATCH for a text type with one. */
    private static void checkEncodedType(String type, String encoding) {
        if (encoding != null && !type.strip().equalsIgnoreCase("varbinary")) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot output JSON value as " + type.strip().toLowerCase(Locale.ROOT)
                    + " using formatting JSON ENCODING " + encoding.toUpperCase(Locale.ROOT));
        }
    }

    /** The parenthesis closing the call that encloses {@code from}; -1 if none. */
    private static int closingParenthesis(String sql, int from) {
        int depth = 1;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = SqlWords.closingQuote(sql, i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where a type name ends: before FORMAT, or the call's closing parenthesis. */
    private static int typeEnd(String sql, int from) {
        int depth = 0;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return i;
            } else if (depth == 0 && FORMAT.matcher(sql).region(i, sql.length()).lookingAt() && Character.isWhitespace(c)) {
                return i;
            }
        }
        return sql.length();
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        String type = binding.getOperandLiteralValue(1, String.class);
        if (type == null || type.isEmpty()) {
            return binding.getOperandType(0);
        }
        Type returned = Types.parse(type);
        RelDataType result = returned instanceof VarbinaryType ? factory.createSqlType(SqlTypeName.VARBINARY)
                : returned instanceof CharType fixed ? factory.createSqlType(SqlTypeName.CHAR, fixed.length())
                : returned instanceof VarcharType varchar && !varchar.isUnbounded() ? factory.createSqlType(SqlTypeName.VARCHAR, varchar.length())
                : factory.createSqlType(SqlTypeName.VARCHAR);
        return factory.createTypeWithNullability(result, true);
    }

    /** The constructor's translation with its clauses applied. */
    static Expression translate(List<RexNode> operands, Function<RexNode, Expression> translator) {
        Expression translated = translator.apply(operands.get(0));
        if (!(translated instanceof Call constructor) || !constructor.function().startsWith("json_")
                || translated.type() instanceof VarbinaryType) {
            // json_query RETURNING varbinary FORMAT JSON ENCODING UTF16: its JSON text encoded
            String encoding = ((RexLiteral) operands.get(2)).getValueAs(String.class);
            return new Call("$json_encode", List.of(translated, new Constant(encoding, Types.VARCHAR)), Types.VARBINARY);
        }
        String type = ((RexLiteral) operands.get(1)).getValueAs(String.class);
        String encoding = ((RexLiteral) operands.get(2)).getValueAs(String.class);
        boolean unique = Boolean.TRUE.equals(((RexLiteral) operands.get(3)).getValueAs(Boolean.class));
        Expression json = constructor;
        if (unique) {
            List<Expression> arguments = new ArrayList<>(constructor.arguments());
            String shape = (String) ((Constant) arguments.get(0)).value();
            arguments.set(0, new Constant(shape.replaceFirst(":", ",UNIQUE:"), Types.VARCHAR));
            json = new Call(constructor.function(), arguments, constructor.type());
        }
        if (type.isEmpty()) {
            return json;
        }
        Type returned = Types.parse(type);
        if (returned instanceof VarbinaryType) {
            return new Call("$json_encode", List.of(json, new Constant(encoding, Types.VARCHAR)), Types.VARBINARY);
        }
        if (!(returned instanceof VarcharType || returned instanceof CharType)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot output JSON value as " + returned.displayName());
        }
        return new Call("cast", List.of(json), returned); // a shorter varchar truncates the text, as Trino's cast does
    }

    /** Blanks the clauses and closes the wrapper in the text, as {@link SqlText} applies replacements. */
    static void replacements(Clauses clauses, Map<Integer, JsonPassing.Replacement> replacements) {
        for (int[] range : clauses.ranges()) {
            replacements.put(range[0], new JsonPassing.Replacement(range[1], " ".repeat(range[1] - range[0])));
        }
        if (clauses.wraps()) {
            replacements.put(clauses.close(), new JsonPassing.Replacement(clauses.close() + 1, ")" + clauses.tail()));
        }
    }
}
