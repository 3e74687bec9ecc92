package io.quarry.sql;

import io.quarry.spi.ErrorLocation;

/**
 * Walks a statement's text as the rewrites that run before parsing need it: the words (names and keywords) and
 * parentheses outside string literals, quoted names and comments, with their positions.
 */
final class SqlWords {
    private SqlWords() {}

    /** What a walk reports. */
    interface Visitor {
        /** A word: letters, digits and underscores from {@code start} (inclusive) to {@code end} (exclusive). */
        void word(int start, int end);

        /** A parenthesis, {@code (} or {@code )}, at {@code at}. */
        default void parenthesis(int at, boolean open) {}
    }

    static void walk(String sql, Visitor visitor) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = closingQuote(sql, i);
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                visitor.word(i, end);
                i = end;
            } else {
                if (c == '(' || c == ')') {
                    visitor.parenthesis(i, c == '(');
                }
                i++;
            }
        }
    }

    /**
     * The index of the quote that closes the quoted literal or name opened at {@code open} (a doubled quote inside it
     * is part of it), or -1 if it is not closed.
     */
    static int closingQuote(String sql, int open) {
        char quote = sql.charAt(open);
        int close = sql.indexOf(quote, open + 1);
        while (close >= 0 && close + 1 < sql.length() && sql.charAt(close + 1) == quote) {
            close = sql.indexOf(quote, close + 2);
        }
        return close;
    }

    /** The 1-based line and column of an index of the text. */
    static ErrorLocation location(String sql, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ErrorLocation(line, index - lineStart + 1);
    }

    /** The index of the first character at or after {@code from} that is not white space. */
    static int skipWhitespace(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
