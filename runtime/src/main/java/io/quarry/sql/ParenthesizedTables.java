package io.quarry.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table in parentheses after FROM or JOIN ({@code FROM (region) r}, {@code JOIN (region r) ON …}), which Trino's
 * grammar takes and Calcite's does not: the parentheses become blanks, which keeps every position of the text.
 */
final class ParenthesizedTables {
    private static final String NAME = "(?:\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*)";
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s*(\\()\\s*" + NAME + "(?:\\s*\\.\\s*" + NAME
            + ")*(?:\\s+(?:AS\\s+)?" + NAME + ")?\\s*(\\))");
    /** Words that start a query or a join inside parentheses, which Calcite's grammar takes as they are. */
    private static final Pattern QUERY_START = Pattern.compile("(?i)\\(\\s*(?:SELECT|VALUES|WITH|TABLE|UNNEST|LATERAL)\\b.*",
            Pattern.DOTALL);

    private ParenthesizedTables() {}

    static String blank(String sql) {
        if (sql.indexOf('(') < 0) {
            return sql;
        }
        Matcher matcher = TABLE.matcher(sql);
        StringBuilder blanked = null;
        while (matcher.find()) {
            if (insideQuotes(sql, matcher.start()) || QUERY_START.matcher(sql.substring(matcher.start(1), matcher.end(2))).matches()) {
                continue;
            }
            if (blanked == null) {
                blanked = new StringBuilder(sql);
            }
            blanked.setCharAt(matcher.start(1), ' ');
            blanked.setCharAt(matcher.start(2), ' ');
        }
        return blanked == null ? sql : blanked.toString();
    }

    /** Whether a position of the text is inside a string literal, a quoted name or a comment. */
    private static boolean insideQuotes(String sql, int position) {
        char open = 0;
        for (int i = 0; i < position; i++) {
            char c = sql.charAt(i);
            if (open != 0) {
                if (c == open) {
                    open = 0;
                }
            } else if (c == '\'' || c == '"') {
                open = c;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                if (end < 0 || end >= position) {
                    return true;
                }
                i = end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0 || end >= position) {
                    return true;
                }
                i = end + 1;
            }
        }
        return open != 0;
    }
}
