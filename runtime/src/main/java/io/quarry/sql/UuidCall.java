package io.quarry.sql;

import java.util.Locale;

/**
 * The function call {@code uuid()}: Calcite's grammar reads the word uuid as the start of a typed literal
 * ({@code UUID '…'}), so the call's name is quoted before parsing, which names the same function.
 */
final class UuidCall {
    private static final String QUOTED = "\"uuid\"";

    private UuidCall() {}

    /** The statement with each {@code uuid(…)} call's name quoted; other text (literals, comments) as it was. */
    static String rewrite(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("uuid")) {
            return sql;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < n && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2); // a doubled quote inside the literal
                }
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
                int next = end;
                while (next < n && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                boolean call = next < n && sql.charAt(next) == '(';
                boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
                if (call && !qualified && sql.substring(i, end).equalsIgnoreCase("uuid")) {
                    out = out == null ? new StringBuilder(sql.length() + 2) : out;
                    out.append(sql, copied, i).append(QUOTED);
                    copied = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        return out == null ? sql : out.append(sql, copied, n).toString();
    }
}
