package io.quarry.sql;

/**
 * {@code EXISTS (…)} at the start of a lambda's body ({@code x -> EXISTS (…)}, {@code x -> NOT (EXISTS (…))}), which
 * Trino plans and Calcite's grammar refuses there (a query is no operand where a lambda's body begins, though it is
 * after an operator). In the text Calcite gets, such an EXISTS becomes {@code (TRUE AND EXISTS (…))}: the same value,
 * and a parenthesised operand wherever it stands.
 */
final class LambdaExistsText {
    /** What goes before the EXISTS; a closing parenthesis goes after the EXISTS's own. */
    static final String OPENING = "(TRUE AND ";

    private LambdaExistsText() {}

    /**
     * Where the parenthesis that closes the EXISTS whose word ends at {@code end} is, when that EXISTS starts a lambda's
     * body in the text written so far ({@code written}, only NOTs and opening parentheses since the arrow); else -1.
     */
    static int closeOfLeadingExists(String sql, int end, CharSequence written) {
        int open = skipBlanksAndComments(sql, end);
        if (open >= sql.length() || sql.charAt(open) != '(' || !startsLambdaBody(written)) {
            return -1;
        }
        return closingParenthesis(sql, open);
    }

    private static int skipBlanksAndComments(String sql, int from) {
        int at = SqlWords.skipWhitespace(sql, from);
        while (at + 1 < sql.length() && (sql.startsWith("--", at) || sql.startsWith("/*", at))) {
            int end = sql.startsWith("--", at) ? sql.indexOf('\n', at) : sql.indexOf("*/", at + 2);
            at = end < 0 ? sql.length() : SqlWords.skipWhitespace(sql, end + (sql.startsWith("--", at) ? 1 : 2));
        }
        return at;
    }

    /** Whether the text ends with an arrow, then only NOTs, opening parentheses and blanks. */
    private static boolean startsLambdaBody(CharSequence written) {
        int at = written.length();
        while (true) {
            while (at > 0 && Character.isWhitespace(written.charAt(at - 1))) {
                at--;
            }
            if (at == 0) {
                return false;
            }
            if (written.charAt(at - 1) == '(') {
                at--;
            } else if (at >= 2 && written.charAt(at - 1) == '>' && written.charAt(at - 2) == '-') {
                return true;
            } else if (at >= 3 && "not".equalsIgnoreCase(written.subSequence(at - 3, at).toString())
                    && (at == 3 || !isWordCharacter(written.charAt(at - 4)))) {
                at -= 3;
            } else {
                return false;
            }
        }
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The parenthesis that closes the one at {@code open}, past quoted text and comments; -1 if none does. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlWords.closingQuote(sql, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int lineEnd = sql.indexOf('\n', i);
                i = lineEnd < 0 ? sql.length() : lineEnd;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int commentEnd = sql.indexOf("*/", i + 2);
                i = commentEnd < 0 ? sql.length() : commentEnd + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
