package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.plan.expression.Form;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * json_query's {@code KEEP QUOTES} and {@code OMIT QUOTES [ON SCALAR STRING]}, which Calcite's grammar lacks. In the
 * text the clause is blanked (KEEP is the default); an OMIT call is wrapped in {@code "$omit_quotes"(…)}, which
 * becomes: the string itself where the result is a JSON string, the result as it is otherwise. As in Trino, OMIT
 * QUOTES goes with no array wrapper.
 */
final class JsonQueryQuotes {
    /** The name the rewritten text calls; quoted, not a name a user would write. */
    static final String NAME = "$omit_quotes";

    static final SqlFunction OPERATOR = new SqlFunction(NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0_NULLABLE, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private static final Pattern CLAUSE = Pattern.compile("(?is)(keep|omit)\\s+quotes(?:\\s+on\\s+scalar\\s+string)?\\b");
    private static final Pattern CALL = Pattern.compile("(?is)json_query\\s*\\(");
    /** A behavior ON EMPTY or ON ERROR, which Trino's grammar has after the QUOTES clause only. */
    private static final Pattern ON_BEHAVIOR = Pattern.compile("(?is)on\\s+(empty|error)\\b");
    /** The clauses Trino's grammar has before the QUOTES clause only. */
    private static final Pattern EARLIER_CLAUSE = Pattern.compile("(?is)(with|without|returning)\\b");
    private static final Pattern WITH_WRAPPER = Pattern.compile("(?is)with\\s+(conditional\\s+|unconditional\\s+)?(array\\s+)?wrapper\\b");

    /** A QUOTES clause of the json_query call whose name starts the text at {@code start}: where, and whether OMIT. */
    record Match(int clauseStart, int clauseEnd, boolean omit, int close) {}

    private JsonQueryQuotes() {}

    /** The clause of the json_query call starting at {@code start}, at the call's own level; null if none. */
    static Match find(String sql, int start) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return null;
        }
        int depth = 1;
        Match clause = null;
        boolean behaviorSeen = false;
        boolean onErrorSeen = false;
        String wrapper = null;
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
                return clause == null ? null : new Match(clause.clauseStart, clause.clauseEnd, clause.omit, i);
            } else if (depth == 1 && Character.isLetter(c) && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                if (clause == null && CLAUSE.matcher(sql).region(i, sql.length()).lookingAt()) {
                    Matcher words = CLAUSE.matcher(sql).region(i, sql.length());
                    words.lookingAt();
                    if (behaviorSeen) {
                        throw mismatched(words.group(1));
                    }
                    if (wrapper != null && words.group(1).equalsIgnoreCase("keep")) {
                        // OMIT's is the translation's error (omitQuotes)
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "KEEP QUOTES behavior specified with " + wrapper
                                + " behavior");
                    }
                    clause = new Match(i, words.end(), words.group(1).equalsIgnoreCase("omit"), -1);
                    i = words.end() - 1;
                } else if (ON_BEHAVIOR.matcher(sql).region(i, sql.length()).lookingAt()) {
                    Matcher behavior = ON_BEHAVIOR.matcher(sql).region(i, sql.length());
                    behavior.lookingAt();
                    boolean onError = behavior.group(1).equalsIgnoreCase("error");
                    if (onErrorSeen || behaviorSeen && !onError) {
                        // ON EMPTY comes before ON ERROR, each once
                        throw mismatched(behavior.group(1));
                    }
                    onErrorSeen = onError;
                    behaviorSeen = true;
                    i = behavior.end() - 1;
                } else if (clause == null && WITH_WRAPPER.matcher(sql).region(i, sql.length()).lookingAt()) {
                    Matcher with = WITH_WRAPPER.matcher(sql).region(i, sql.length());
                    with.lookingAt();
                    boolean conditional = with.group(1) != null && with.group(1).strip().equalsIgnoreCase("conditional");
                    wrapper = conditional ? "WITH CONDITIONAL ARRAY WRAPPER" : "WITH UNCONDITIONAL ARRAY WRAPPER";
                } else if (clause != null) {
                    Matcher earlier = EARLIER_CLAUSE.matcher(sql).region(i, sql.length());
                    if (earlier.lookingAt()) {
                        throw mismatched(earlier.group(1));
                    }
                }
            }
        }
        return null;
    }

    /** Trino's grammar takes json_query's clauses in one order: RETURNING, wrapper, quotes, ON EMPTY, ON ERROR. */
    private static QuarryException mismatched(String word) {
        return new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input '" + word.toUpperCase(Locale.ROOT) + "'");
    }

    /** {@code query} (json_query's translation) with OMIT QUOTES: a JSON string as its text, any other item as it is. */
    static Expression omitQuotes(Expression query) {
        if (query instanceof Call cast && cast.function().equals("cast") && cast.arguments().get(0) instanceof Call inner
                && inner.function().equals("json_query")) {
            // RETURNING varchar(n) or char(n): the text cut to the type's length after the quotes go
            return new Call("cast", List.of(omitQuotes(inner)), cast.type());
        }
        if (!(query instanceof Call call) || !call.function().equals("json_query")) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "OMIT QUOTES belongs to json_query");
        }
        if (query.type() instanceof io.quarry.type.VarbinaryType) {
            // RETURNING varbinary: the text without its quotes, in UTF-8 (which a FORMAT's ENCODING then re-encodes)
            Expression text = omitQuotes(new Call("json_query", call.arguments(), Types.VARCHAR));
            return new Call("to_utf8", List.of(text), query.type());
        }
        List<Expression> arguments = call.arguments();
        String wrapper = (String) ((Constant) arguments.get(2)).value();
        if (!wrapper.equals("WITHOUT_ARRAY")) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "OMIT QUOTES behavior specified with "
                    + wrapper.replace("WITH_", "WITH ").replace('_', ' ') + " WRAPPER behavior");
        }
        // the item json_query found is a string: json_value gives its text
        Expression text = new Call("json_value", JsonPathSql.withPassed(arguments.subList(5, arguments.size()),
                arguments.get(0), arguments.get(1), new Constant("NULL", Types.VARCHAR), new Constant("NULL", Types.VARCHAR),
                new Constant("TEXT", Types.VARCHAR)),
                Types.VARCHAR);
        Expression quoted = new Call("starts_with", List.of(query, new Constant("\"", Types.VARCHAR)), Types.BOOLEAN);
        return new SpecialForm(Form.CASE, List.of(quoted, ExpressionTranslator.coerce(text, query.type()), query), query.type());
    }
}
