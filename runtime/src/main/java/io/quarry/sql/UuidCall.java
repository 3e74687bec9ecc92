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
        StringBuilder out = new StringBuilder(sql.length() + 2);
        int[] copied = {0};
        SqlWords.walk(sql, (start, end) -> {
            int next = SqlWords.skipWhitespace(sql, end);
            boolean call = next < sql.length() && sql.charAt(next) == '(';
            boolean qualified = start > 0 && sql.charAt(start - 1) == '.';
            if (call && !qualified && sql.substring(start, end).equalsIgnoreCase("uuid")) {
                out.append(sql, copied[0], start).append(QUOTED);
                copied[0] = end;
            }
        });
        return copied[0] == 0 ? sql : out.append(sql, copied[0], sql.length()).toString();
    }
}
