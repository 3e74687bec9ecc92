package io.quarry.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trino's table argument of a table function call, {@code TABLE(name)} or {@code TABLE(query)} with an optional
 * alias, written for {@link SqlText} as the sub-query {@code (SELECT * FROM name alias)}: Calcite's grammar takes
 * {@code TABLE name} without parentheses and no alias. What may follow ({@code PARTITION BY}, {@code PRUNE WHEN
 * EMPTY} or {@code KEEP WHEN EMPTY}, {@code ORDER BY}) is blanked and remembered, for {@link TableFunctionCalls} to
 * judge: Calcite would read an {@code ORDER BY} there as the sub-query's, running into the next argument.
 */
final class TableArgumentText {
    /** What replaces the word {@code TABLE}. */
    static final String PREFIX = "(SELECT * FROM ";

    private static final Pattern NAME = Pattern.compile(
            "\\s*(?:\"(?:[^\"]|\"\")*\"|[\\p{L}_][\\p{L}\\p{N}_]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")*\"|[\\p{L}_][\\p{L}\\p{N}_]*))*\\s*");
    private static final Set<String> QUERY_WORDS = Set.of("select", "with", "values", "table");
    /** Words after the parenthesis that are the argument's syntax, not an alias. */
    private static final Set<String> NOT_ALIASES = Set.of("partition", "order", "prune", "keep", "copartition");

    /**
     * Where a table argument's parts are in the user's text (indexes into it): the parentheses after {@code TABLE},
     * whether they hold a name (not a query), where the alias ends (the sub-query closes there), the text after it
     * that is blanked (empty when nothing follows), whether it partitions or orders, and where its empty behaviour
     * starts (-1 when it has none).
     */
    record Match(int open, int close, boolean name, int aliasEnd, int tailStart, int tailEnd, boolean partitioned,
            boolean ordered, int emptyStart) {}

    private TableArgumentText() {}

    /**
     * The table argument starting with the word {@code TABLE} at {@code start} (ending at {@code end}) in {@code
     * sql}, {@code out} holding the rewritten text before it; null when it is not one (the function call of {@code
     * TABLE(f(...))}, an explicit table, anything else).
     */
    static Match match(String sql, int start, int end, StringBuilder out) {
        if (!sql.regionMatches(true, start, "table", 0, 5) || end - start != 5) {
            return null;
        }
        int before = out.length() - 1;
        while (before >= 0 && Character.isWhitespace(out.charAt(before))) {
            before--;
        }
        boolean argumentStart = before >= 0 && (out.charAt(before) == '(' || out.charAt(before) == ','
                || (out.charAt(before) == '>' && before > 0 && out.charAt(before - 1) == '='));
        int open = skipBlanks(sql, end);
        if (!argumentStart || open >= sql.length() || sql.charAt(open) != '(') {
            return null;
        }
        int close = closing(sql, open);
        if (close < 0) {
            return null;
        }
        String content = sql.substring(open + 1, close);
        int first = skipBlanks(content, 0);
        boolean query = first < content.length() && (content.charAt(first) == '(' || QUERY_WORDS.contains(word(content, first)));
        boolean name = !query && NAME.matcher(content).matches();
        if (!query && !name) {
            return null;
        }
        int aliasEnd = close + 1;
        int next = skipBlanks(sql, aliasEnd);
        String following = word(sql, next);
        if (following.equals("as")) {
            next = skipBlanks(sql, next + 2);
            following = word(sql, next);
        }
        if (!following.isEmpty() && !NOT_ALIASES.contains(following) || next < sql.length() && sql.charAt(next) == '"') {
            aliasEnd = next < sql.length() && sql.charAt(next) == '"' ? quoteEnd(sql, next) : next + following.length();
            int columns = skipBlanks(sql, aliasEnd);
            if (columns < sql.length() && sql.charAt(columns) == '(') {
                int columnsClose = closing(sql, columns);
                aliasEnd = columnsClose < 0 ? aliasEnd : columnsClose + 1;
            }
        }
        // the rest of the argument: PARTITION BY, PRUNE or KEEP WHEN EMPTY and ORDER BY, noted and blanked
        int tailStart = skipBlanks(sql, aliasEnd);
        int tailEnd = tailStart;
        boolean partitioned = false;
        boolean ordered = false;
        int emptyStart = -1;
        for (int at = tailStart, depth = 0; at < sql.length(); ) {
            char c = sql.charAt(at);
            if (c == '\'' || c == '"') {
                at = quoteEnd(sql, at);
                tailEnd = at;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',') {
                if (depth == 0) {
                    break;
                }
                depth -= c == ')' ? 1 : 0;
            } else if (depth == 0) {
                String word = word(sql, at);
                String nextWord = word(sql, skipBlanks(sql, at + word.length()));
                partitioned |= word.equals("partition") && nextWord.equals("by");
                ordered |= word.equals("order") && nextWord.equals("by");
                if ((word.equals("prune") || word.equals("keep")) && nextWord.equals("when") && emptyStart < 0) {
                    emptyStart = at;
                }
            }
            at += Character.isLetterOrDigit(c) || c == '_' ? Math.max(1, word(sql, at).length()) : 1;
            tailEnd = Character.isWhitespace(c) ? tailEnd : at;
        }
        if (!partitioned && !ordered && emptyStart < 0) {
            tailEnd = tailStart;
        }
        return new Match(open, close, name, aliasEnd, tailStart, tailEnd, partitioned, ordered, emptyStart);
    }

    /**
     * For the word {@code DESCRIPTOR} ending at {@code end}, the types its fields were given ({@code DESCRIPTOR(a
     * varchar, b)}), as pairs of indexes (start inclusive, end exclusive) for {@link SqlText} to blank: Calcite's
     * grammar has names only, and Trino's {@code exclude_columns} refuses types with an error of its own. Empty when
     * there are none or the text is not a descriptor.
     */
    static java.util.List<int[]> descriptorTypes(String sql, int start, int end) {
        java.util.List<int[]> types = new java.util.ArrayList<>();
        int open = skipBlanks(sql, end);
        if (end - start != 10 || !sql.regionMatches(true, start, "descriptor", 0, 10) || open >= sql.length()
                || sql.charAt(open) != '(') {
            return types;
        }
        int close = closing(sql, open);
        if (close < 0) {
            return types;
        }
        int field = open + 1;
        while (field < close) {
            int name = skipBlanks(sql, field);
            int nameEnd = name < close && sql.charAt(name) == '"' ? quoteEnd(sql, name) : name + word(sql, name).length();
            int fieldEnd = nameEnd;
            for (int depth = 0; fieldEnd < close && (depth > 0 || sql.charAt(fieldEnd) != ','); fieldEnd++) {
                char c = sql.charAt(fieldEnd);
                if (c == '\'' || c == '"') {
                    fieldEnd = quoteEnd(sql, fieldEnd) - 1;
                } else {
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
            }
            int type = skipBlanks(sql, nameEnd);
            boolean nameOnly = nameEnd > name && (type >= fieldEnd || sql.charAt(type) == '.');
            if (!nameOnly && nameEnd > name && Character.isLetter(sql.charAt(type))) {
                types.add(new int[] {type, fieldEnd});
            }
            field = fieldEnd + 1;
        }
        return types;
    }

    /** The word starting at {@code at}, lower case; empty when none starts there. */
    private static String word(String text, int at) {
        int end = at;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(Math.min(at, end), end).toLowerCase(Locale.ROOT);
    }

    private static int skipBlanks(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int quoteEnd(String sql, int start) {
        char quote = sql.charAt(start);
        int at = start + 1;
        while (at < sql.length()) {
            if (sql.charAt(at) == quote) {
                if (at + 1 < sql.length() && sql.charAt(at + 1) == quote) {
                    at += 2;
                    continue;
                }
                return at + 1;
            }
            at++;
        }
        return sql.length();
    }

    /** The index of the parenthesis closing the one at {@code open}, past quotes and comments; -1 if none. */
    private static int closing(String sql, int open) {
        int depth = 0;
        for (int at = open; at < sql.length(); ) {
            char c = sql.charAt(at);
            if (c == '\'' || c == '"') {
                at = quoteEnd(sql, at);
                continue;
            }
            if (c == '-' && at + 1 < sql.length() && sql.charAt(at + 1) == '-') {
                int line = sql.indexOf('\n', at);
                at = line < 0 ? sql.length() : line;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return at;
            }
            at++;
        }
        return -1;
    }
}
