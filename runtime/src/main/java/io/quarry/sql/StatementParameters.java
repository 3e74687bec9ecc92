package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.sql.UtilityTokens.Token;
import java.util.List;

/**
 * The parameter markers ({@code ?}) of a prepared statement and their binding to the values of
 * {@code EXECUTE … USING}: each marker (outside strings, quoted names and comments) is replaced by the typed
 * literal of its value, so a value is always exactly one literal of its type, never SQL text of its own.
 */
public final class StatementParameters {
    private StatementParameters() {}

    /** How many parameter markers the statement has. */
    public static int count(String sql) {
        int count = 0;
        for (Token token : UtilityTokens.tokenize(sql)) {
            if (token.isSymbol("?")) {
                count++;
            }
        }
        return count;
    }

    /**
     * The statement with its markers replaced by the values, in order.
     *
     * @throws QuarryException {@code INVALID_PARAMETER_USAGE} when the number of values differs from the markers'
     */
    public static String bind(String sql, List<Literal> values) {
        List<Token> tokens = UtilityTokens.tokenize(sql);
        int markers = 0;
        for (Token token : tokens) {
            if (token.isSymbol("?")) {
                markers++;
            }
        }
        if (markers != values.size()) {
            throw new QuarryException(ErrorCode.INVALID_PARAMETER_USAGE,
                    "Incorrect number of parameters: expected " + markers + " but found " + values.size());
        }
        StringBuilder bound = new StringBuilder(sql.length() + 16 * markers);
        int copied = 0;
        int next = 0;
        for (Token token : tokens) {
            if (token.isSymbol("?")) {
                bound.append(sql, copied, token.start());
                // A blank on each side keeps the literal apart from neighbouring tokens (e.g. "-?").
                bound.append(' ').append(values.get(next++).toSql()).append(' ');
                copied = token.end();
            }
        }
        bound.append(sql, copied, sql.length());
        return bound.toString();
    }
}
