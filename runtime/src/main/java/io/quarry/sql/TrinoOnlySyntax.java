package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts Calcite's grammar takes that Trino's does not, refused as Trino's parser refuses them (a SYNTAX_ERROR at
 * the token it stops at) rather than failing later with another error: {@code overlay(s PLACING r FROM n)}, which
 * Trino 476 has no syntax for, and a call on the field of an expression ({@code CAST(… AS ROW(…)).fields()}).
 */
final class TrinoOnlySyntax {
    private static final Pattern PLACING = Pattern.compile("(?i)\\bplacing\\b");
    private static final Pattern METHOD_CALL = Pattern.compile("\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(\\()");

    private TrinoOnlySyntax() {}

    /** The word overlay (from {@code start} to {@code end}) followed by a call with PLACING in it. */
    static void checkOverlay(String sql, int start, int end) {
        int open = end;
        while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
            open++;
        }
        if (open >= sql.length() || sql.charAt(open) != '(') {
            return;
        }
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            } else if (depth == 1 && (c == 'p' || c == 'P')) {
                Matcher placing = PLACING.matcher(sql).region(i, sql.length());
                if (placing.lookingAt() && !Character.isLetterOrDigit(sql.charAt(i - 1))) {
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + placing.group() + "'. Expecting: '%', ')', "
                            + "'*', '+', ',', '-', '.', '/', 'AND', 'AT', 'OR', 'ORDER', '[', '||', <predicate>",
                            SqlText.originalLocation(sql, i));
                }
            }
        }
    }

    /** A closing parenthesis at {@code close} followed by {@code .name(}: Trino calls no function on an expression. */
    static void checkMethodCall(String sql, int close) {
        Matcher call = METHOD_CALL.matcher(sql).region(close + 1, sql.length());
        if (call.lookingAt()) {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '('", SqlText.originalLocation(sql, call.start(1)));
        }
    }
}
