package io.quarry.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Function calls whose names Calcite's grammar reads as keywords: {@code uuid()} (the start of a typed literal
 * {@code UUID '…'}) and the aggregate {@code merge(…)} (the MERGE statement). Such a call's name is quoted before
 * parsing, which names the same function.
 */
final class KeywordCalls {
    private static final Set<String> NAMES = Set.of("uuid", "merge");

    private KeywordCalls() {}

    /** The statement with each such call's name quoted; other text (literals, comments) as it was. */
    static String rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("uuid") && !lower.contains("merge")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 4);
        int[] copied = {0};
        SqlWords.walk(sql, (start, end) -> {
            int next = SqlWords.skipWhitespace(sql, end);
            boolean call = next < sql.length() && sql.charAt(next) == '(';
            boolean qualified = start > 0 && sql.charAt(start - 1) == '.';
            String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
            if (call && !qualified && NAMES.contains(word)) {
                out.append(sql, copied[0], start).append('"').append(word).append('"');
                copied[0] = end;
            }
        });
        return copied[0] == 0 ? sql : out.append(sql, copied[0], sql.length()).toString();
    }
}
