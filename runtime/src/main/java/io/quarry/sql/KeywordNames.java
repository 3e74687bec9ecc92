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
            "pattern", "unique", "unknown", "value", "uuid");

    /**
     * Words Calcite reserves and Trino does not, whose keyword uses ({@code = ANY (…)}, {@code UNION ALL}, {@code LIMIT
     * 2}, {@code OVER (…)}, {@code UPDATE t SET}) never stand where an expression or a name does: quoted where they do
     * ({@link #standsForName}).
     */
    private static final Set<String> NAME_WORDS = Set.of("set", "any", "some", "all", "uuid", "offset", "limit", "fetch",
            "over", "update", "merge", "call", "grant", "pattern", "define", "lateral", "explain", "tablesample", "unique");

    /** What may come before a name that begins an expression, or a column of a list. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("select", "where", "by", "and", "or", "on", "having",
            "when", "then", "else", "not", "distinct");
    /** What may follow an expression's name: a clause, an operator, the end of a list. */
    private static final Set<String> AFTER_EXPRESSION = Set.of("from", "where", "group", "order", "having", "as", "asc",
            "desc", "and", "or", "is", "in", "between", "like", "then", "else", "end", "when", "limit", "offset", "union",
            "intersect", "except", "not", "nulls");
    /** What may follow a relation's alias. */
    private static final Set<String> AFTER_RELATION = Set.of("where", "join", "cross", "left", "right", "full", "inner",
            "on", "using", "group", "order", "union", "intersect", "except", "natural");
    /** Types a column definition ({@code CREATE TABLE t (set bigint)}) may give a name. */
    private static final Set<String> TYPE_NAMES = Set.of("bigint", "integer", "int", "smallint", "tinyint", "double",
            "real", "decimal", "boolean", "varchar", "char", "varbinary", "date", "time", "timestamp", "interval", "json",
            "uuid", "array", "map", "row", "ipaddress");

    /** Words of clauses (window frames, FETCH, PARTITION BY, …) that are names wherever their clause cannot be. */
    private static final Set<String> CLAUSE_WORDS = Set.of("current", "next", "partition", "row", "rows", "range",
            "interval", "window", "unknown");

    private static final Set<String> INTERVAL_UNITS = Set.of("year", "month", "day", "hour", "minute", "second");

    private KeywordNames() {}

    /** The characters and words on either side of a word of the text, blanks skipped ({@code after}: where the next one starts). */
    private record Surroundings(char previousChar, String previous, int after, char nextChar, String next) {
        static Surroundings of(String sql, int start, int end) {
            int after = skipBlanks(sql, end);
            int before = start - 1;
            while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
                before--;
            }
            return new Surroundings(before >= 0 ? sql.charAt(before) : ' ', wordBefore(sql, before), after,
                    after < sql.length() ? sql.charAt(after) : ' ', wordAt(sql, after));
        }
    }

    private static boolean isClauseWordName(String sql, int start, int end, String word) {
        Surroundings around = Surroundings.of(sql, start, end);
        int after = around.after();
        char nextChar = around.nextChar();
        String next = around.next();
        char previousChar = around.previousChar();
        String previous = around.previous();
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
            case "row" -> nextChar == '(' ? namesRelationWithColumns(sql, start, end)
                    : !afterCount && !Set.of("current", "first", "next", "one", "last").contains(previous);
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
        if (NAME_WORDS.contains(word) && standsForName(sql, start, end, word)) {
            return true;
        }
        if (CLAUSE_WORDS.contains(word)) {
            return isClauseWordName(sql, start, end, word);
        }
        if (!TYPE_WORDS.contains(word)) {
            return false;
        }
        int after = skipBlanks(sql, end);
        if (after < sql.length() && sql.charAt(after) == '(') {
            // a call of date(x), a precision; or a relation with its columns: (VALUES 1) date(x)
            return namesRelationWithColumns(sql, start, end);
        }
        if (after < sql.length() && sql.charAt(after) == '\'') {
            // a literal
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
            // WITH date AS (…) names a query; timestamp with time zone
            case "with" -> next.equals("as");
            case "returning", "at", "without" -> false;
            default -> true;
        };
    }

    /**
     * Whether a word followed by parentheses names a relation and its columns rather than calls a function or gives a
     * precision: an alias after a sub-query ({@code (VALUES 1) date(x)}) or a table ({@code FROM t row(a, b)}), after
     * AS outside a CAST ({@code AS time(x)}), or a query of WITH ({@code WITH date(x) AS (…)}).
     */
    static boolean namesRelationWithColumns(String sql, int start, int end) {
        Surroundings around = Surroundings.of(sql, start, end);
        if (around.previousChar() == ')') {
            return true;
        }
        if (around.previous().equals("as")) {
            return !insideCast(sql, start);
        }
        if (around.previous().equals("with") || around.previousChar() == ',') {
            int close = closingParenthesis(sql, around.after());
            int as = skipBlanks(sql, close + 1);
            return close > 0 && wordAt(sql, as).equals("as") && sql.startsWith("(", skipBlanks(sql, as + 2));
        }
        // FROM t date(x), FROM c.s.t date(x): the word before is a table's name, after FROM or JOIN
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int nameStart = before;
        while (nameStart >= 0 && (Character.isLetterOrDigit(sql.charAt(nameStart)) || sql.charAt(nameStart) == '_'
                || sql.charAt(nameStart) == '.')) {
            nameStart--;
        }
        if (nameStart == before) {
            return false;
        }
        while (nameStart >= 0 && Character.isWhitespace(sql.charAt(nameStart))) {
            nameStart--;
        }
        String keyword = wordBefore(sql, nameStart);
        return keyword.equals("from") || keyword.equals("join");
    }

    /** Where the parenthesis opened at {@code open} closes (string literals skipped), or -1. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether one of {@link #NAME_WORDS} stands where only a name can: an alias ({@code AS set}), a relation ({@code
     * FROM t set}, {@code (VALUES 1) set(x)}), a column of a list or a definition ({@code t(set)}, {@code (set
     * bigint)}), an operand ({@code SELECT set + 1 FROM}, {@code WHERE set > 0}).
     */
    private static boolean standsForName(String sql, int start, int end, String word) {
        Surroundings around = Surroundings.of(sql, start, end);
        int after = around.after();
        char nextChar = around.nextChar();
        String next = around.next();
        char previousChar = around.previousChar();
        String previous = around.previous();
        if (nextChar == '(') {
            // a call, a sub-query (= ANY (…), LATERAL (…)), a window (OVER (…)); but (VALUES 1) set(x) names a relation
            return previousChar == ')' && !word.equals("over") && !word.equals("lateral");
        }
        if (previous.equals("as")) {
            // CAST(x AS uuid) is a type
            return !(word.equals("uuid") && insideCast(sql, start));
        }
        if (previous.equals("from") || previous.equals("join")) {
            return true;
        }
        if (previousChar == ')' && (after >= sql.length() || nextChar == ',' || nextChar == ')' || AFTER_RELATION.contains(next))) {
            // (SELECT …) set: a relation's alias
            return true;
        }
        boolean operandAfter = after >= sql.length() || nextChar == ',' || nextChar == ')' || nextChar == ';'
                || "+-*/%=<>!|.[".indexOf(nextChar) >= 0 || AFTER_EXPRESSION.contains(next);
        boolean listBefore = previousChar == '(' || previousChar == ',';
        if (listBefore && TYPE_NAMES.contains(next)) {
            return true;
        }
        boolean operandBefore = listBefore || "+-*/%=<>|[".indexOf(previousChar) >= 0 || BEFORE_EXPRESSION.contains(previous);
        if (word.equals("all") && previous.equals("select")) {
            // SELECT ALL x: the quantifier; SELECT all FROM t: the column
            return AFTER_EXPRESSION.contains(next) || nextChar == ',' || after >= sql.length();
        }
        return operandBefore && operandAfter;
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
