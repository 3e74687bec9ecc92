package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import io.quarry.type.VarbinaryType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * JSON text in varbinary ({@code X'5B315D' FORMAT JSON}, {@code … FORMAT JSON ENCODING UTF16}) as the SQL/JSON
 * functions read it: Calcite's FORMAT JSON takes only text and drops the encoding. In the statement's text a value
 * in FORMAT JSON becomes {@code "$json_decode"(value, 'UTF16') FORMAT JSON} (UTF8 when no encoding is said), which
 * decodes varbinary and leaves text as it is.
 */
final class JsonFormatInputs {
    /** The name the rewritten text calls; quoted, not a name a user would write. */
    static final String NAME = "$json_decode";

    static final SqlFunction DECODE = new SqlFunction(NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE),
            null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM);

    private static final Pattern CALL = Pattern.compile("(?is)json_(?:object|array|query|value|exists)\\s*\\(");
    private static final Pattern FORMAT = Pattern.compile("(?is)\\s*format\\s+json(?:\\s+encoding\\s+(utf8|utf16|utf32))?\\b");
    private static final Pattern VALUE_WORD = Pattern.compile("(?is)(value|key)\\b");
    private static final Pattern LAST_VALUE_WORD = Pattern.compile("(?is)(returning|passing)\\b");

    private JsonFormatInputs() {}

    /** The replacements that wrap each value with an ENCODING of the call starting at {@code start} in a decoding. */
    static Map<Integer, JsonPassing.Replacement> rewrite(String sql, int start) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return Map.of();
        }
        Map<Integer, JsonPassing.Replacement> replacements = new HashMap<>();
        int depth = 1;
        int valueStart = call.end();
        for (int i = call.end(); i < sql.length() && depth > 0; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = SqlWords.closingQuote(sql, i);
                i = close < 0 ? sql.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 1 && (c == ',' || c == ':')) {
                valueStart = i + 1;
            } else if (depth == 1 && Character.isLetter(c) && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                Matcher word = VALUE_WORD.matcher(sql).region(i, sql.length());
                if (word.lookingAt()) {
                    valueStart = word.end();
                    continue;
                }
                if (LAST_VALUE_WORD.matcher(sql).region(i, sql.length()).lookingAt()) {
                    // a RETURNING clause's FORMAT is its own, PASSING values are the path's: no more inputs
                    break;
                }
            }
            Matcher encoding = depth == 1 ? FORMAT.matcher(sql).region(i + 1, sql.length()) : null;
            if (encoding != null && encoding.lookingAt() && !Character.isWhitespace(c)) {
                int at = valueStart;
                while (at < i && Character.isWhitespace(sql.charAt(at))) {
                    at++;
                }
                replacements.put(at, new JsonPassing.Replacement(at, '"' + NAME + "\"("));
                // '' when no encoding is said: text then reads, as in Trino, which refuses any ENCODING of text
                String name = encoding.group(1) == null ? "" : encoding.group(1).toUpperCase(Locale.ROOT);
                String text = ", '" + name + "') FORMAT JSON";
                replacements.put(i + 1, new JsonPassing.Replacement(encoding.end(), text));
                i = encoding.end() - 1;
            }
        }
        return replacements;
    }

    /** A JSON input as text: varbinary decoded as UTF-8, text as it is. */
    static Expression asText(Expression value) {
        return value.type() instanceof VarbinaryType
                ? new Call(NAME, List.of(value, new Constant("UTF8", Types.VARCHAR)), Types.VARCHAR)
                : value;
    }

    /**
     * {@code "$json_decode"(value, 'UTF16')}: varbinary decoded (UTF-8 when no encoding is said, ''), text as it is
     * when no encoding is said (Trino reads text with none).
     */
    static Expression decode(Expression value, String encoding) {
        if (!(value.type() instanceof VarbinaryType)) {
            if (!encoding.isEmpty()) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot read input of type " + value.type().displayName()
                        + " as JSON using formatting JSON ENCODING " + encoding);
            }
            return value;
        }
        return new Call(NAME, List.of(value, new Constant(encoding.isEmpty() ? "UTF8" : encoding, Types.VARCHAR)), Types.VARCHAR);
    }
}
