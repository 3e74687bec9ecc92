package io.quarry.sql;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * {@code SELECT … WHERE …} without a FROM clause, which Trino accepts and the JDBC drivers send for
 * {@code getPrimaryKeys} and {@code getImportedKeys} ({@code … WHERE false}): Calcite's grammar only takes WHERE
 * after FROM, so such a SELECT reads from a one-row {@code VALUES} instead, which means the same.
 */
final class FromlessSelect {
    private static final String ONE_ROW = "FROM (VALUES (0)) ";

    private FromlessSelect() {}

    /** The statement with {@code FROM (VALUES (0))} before each WHERE of a SELECT that has no FROM. */
    static String rewrite(String sql) {
        StringBuilder out = null;
        // per parenthesis depth: whether the SELECT at that depth has had no FROM yet (sub-queries too)
        ArrayDeque<Boolean> outer = new ArrayDeque<>();
        boolean selectWithoutFrom = false;
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
            } else if (c == '(') {
                outer.push(selectWithoutFrom);
                selectWithoutFrom = false;
                i++;
            } else if (c == ')') {
                selectWithoutFrom = !outer.isEmpty() && outer.pop();
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
                if (word.equals("select")) {
                    selectWithoutFrom = true;
                } else if (word.equals("from")) {
                    selectWithoutFrom = false;
                } else if (word.equals("where") && selectWithoutFrom) {
                    out = out == null ? new StringBuilder(sql.length() + ONE_ROW.length()) : out;
                    out.append(sql, copied, i).append(ONE_ROW);
                    copied = i;
                    selectWithoutFrom = false;
                }
                i = end;
            } else {
                i++;
            }
        }
        return out == null ? sql : out.append(sql, copied, n).toString();
    }
}
