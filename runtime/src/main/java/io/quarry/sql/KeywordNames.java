package io.quarry.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Words Calcite's grammars reserve and Trino's does not, where the statement uses them as names: {@code SELECT date
 * FROM t}, {@code d AS date}, {@code t.range}. {@link SqlText} quotes them there (in lower case, as Calcite would
 * have the unquoted name), and leaves them alone where they are keywords: {@code DATE '2024-01-01'}, {@code date(x)},
 * {@code CAST(x AS date)}, {@code x::date}, {@code timestamp with time zone}.
 */
final class KeywordNames {
    /** Names of date-time types, common as column names: quoted wherever they are no keyword. */
    private static final Set<String> TYPE_WORDS = Set.of("date", "time", "timestamp");
    /** Other words Calcite reserves: quoted only next to a dot ({@code t.range}), where nothing but a name can be. */
    private static final Set<String> QUALIFIED_WORDS = Set.of("date", "time", "timestamp", "row", "rows", "range",
            "interval", "set", "some", "any", "all", "update", "window", "partition", "offset", "limit", "fetch",
            "tablesample", "grant", "call", "current", "define", "explain", "lateral", "merge", "next", "over",
            "pattern", "unique", "unknown", "value");

    /** Words of clauses (window frames, FETCH, PARTITION BY, …) that are names wherever their clause cannot be. */
    private static final Set<String> CLAUSE_WORDS = Set.of("current", "next", "partition", "row", "rows", "range",
            "interval", "window", "unknown");

    private static final Set<String> INTERVAL_UNITS = Set.of("year", "month", "day", "hour", "minute", "second");

    private KeywordNames() {}

    private static boolean isClauseWordName(String sql, int start, int end, String word) {
        int after = skipBlanks(sql, end);
        char nextChar = after < sql.length() ? sql.charAt(after) : ' ';
        String next = wordAt(sql, after);
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        char previousChar = before >= 0 ? sql.charAt(before) : ' ';
        String previous = wordBefore(sql, before);
        boolean afterCount = Character.isDigit(previousChar) || previousChar == '?';
        boolean frameBound = next.equals("between") || next.equals("unbounded") || next.equals("current")
                || next.equals("interval") || Character.isDigit(nextChar) || nextChar == '\'' || nextChar == '?';
        return switch (word) {
            // CURRENT ROW
            case "current" -> !next.equals("row") && nextChar != '(';
            // FETCH NEXT n ROWS, NEXT(x) and AFTER MATCH SKIP TO NEXT ROW of MATCH_RECOGNIZE
            case "next" -> !previous.equals("fetch") && nextChar != '(' && !next.equals("row");
            // PARTITION BY
            case "partition" -> !next.equals("by");
            // ROW(…), CURRENT ROW, FETCH FIRST ROW ONLY, OFFSET 1 ROW, ONE ROW PER MATCH, SKIP PAST LAST ROW
            case "row" -> nextChar != '(' && !afterCount && !Set.of("current", "first", "next", "one", "last").contains(previous);
            // ROWS BETWEEN …, ROWS 2 PRECEDING, FETCH FIRST 2 ROWS, OFFSET 1 ROWS, ALL ROWS PER MATCH, WITH UNMATCHED ROWS
            case "rows" -> !afterCount && !frameBound && !Set.of("first", "next", "all", "unmatched").contains(previous);
            case "range" -> !frameBound;
            // INTERVAL '1' DAY, CAST(x AS interval day to second)
            case "interval" -> nextChar != '\'' && nextChar != '-' && nextChar != '+' && !INTERVAL_UNITS.contains(next)
                    && !(previous.equals("as") && insideCast(sql, start)) && previousChar != ':';
            // WINDOW w AS (…)
            case "window" -> next.isEmpty() || next.equals("as") || !wordAt(sql, skipBlanks(sql, after + next.length())).equals("as");
            // IS [NOT] UNKNOWN, json_exists(… UNKNOWN ON ERROR)
            case "unknown" -> !previous.equals("is") && !previous.equals("not") && !next.equals("on");
            default -> false;
        };
    }

    /** Whether the word at {@code [start, end)} of the statement is a reserved word used as a name. */
    static boolean isName(String sql, int start, int end) {
        String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
        if (QUALIFIED_WORDS.contains(word) && nextToDot(sql, start, end)) {
            return true;
        }
        if (CLAUSE_WORDS.contains(word)) {
            return isClauseWordName(sql, start, end, word);
        }
        if (!TYPE_WORDS.contains(word)) {
            return false;
        }
        int after = skipBlanks(sql, end);
        if (after < sql.length() && (sql.charAt(after) == '\'' || sql.charAt(after) == '(')) {
            // a literal, a call of date(x), a precision
            return false;
        }
        String next = wordAt(sql, after);
        if (next.equals("with") || next.equals("without") || next.equals("zone")) {
            // timestamp with time zone, time zone
            return false;
        }
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        if (before >= 1 && sql.charAt(before) == ':' && sql.charAt(before - 1) == ':') {
            return false;
        }
        String previous = wordBefore(sql, before);
        return switch (previous) {
            case "as" -> !insideCast(sql, start);
            case "returning", "at", "with", "without" -> false;
            default -> true;
        };
    }

    private static boolean nextToDot(String sql, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = skipBlanks(sql, end);
        boolean afterDot = before >= 0 && sql.charAt(before) == '.' && (before == 0 || !Character.isDigit(sql.charAt(before - 1)));
        return afterDot || (after < sql.length() && sql.charAt(after) == '.');
    }

    private static int skipBlanks(String sql, int from) {
        int at = from;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String wordAt(String sql, int from) {
        int end = from;
        // a name goes on with digits after its first letter: WINDOW w1 AS (…)
        while (end < sql.length() && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_'
                || end > from && Character.isDigit(sql.charAt(end)))) {
            end++;
        }
        return sql.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /** The word that ends at {@code last} (inclusive), or "" when another character is there. */
    private static String wordBefore(String sql, int last) {
        int start = last;
        while (start >= 0 && (Character.isLetter(sql.charAt(start)) || sql.charAt(start) == '_')) {
            start--;
        }
        return sql.substring(start + 1, last + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the position is inside the parentheses of a CAST or TRY_CAST (after its AS: a type). */
    private static boolean insideCast(String sql, int position) {
        int depth = 0;
        for (int i = position - 1; i >= 0; i--) {
            char c = sql.charAt(i);
            if (c == '\'') {
                // back over a string literal
                i = sql.lastIndexOf('\'', i - 1);
                if (i < 0) {
                    return false;
                }
            } else if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    int before = i - 1;
                    while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
                        before--;
                    }
                    String function = wordBefore(sql, before);
                    return function.equals("cast") || function.equals("try_cast");
                }
                depth--;
            }
        }
        return false;
    }
}
