package io.quarry.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's {@code value AT TIME ZONE zone}, which Calcite's grammar lacks, written for {@link SqlText} as the call
 * {@code "$at_timezone"(value, zone)}: at_timezone itself, but for a time with time zone, which only the syntax takes. The value is the primary expression before {@code AT} (AT binds tighter than
 * any operator): a literal, a name, a parenthesised expression or a call; the zone a string or interval literal.
 * Only blanks may separate the words, so the rewrite never spans lines.
 */
final class AtTimeZoneText {
    /** The name of the call the syntax becomes; quoted, so that no one writes it. */
    static final String NAME = "$at_timezone";
    static final String FUNCTION = "\"" + NAME + "\"(";

    /** The function the call resolves to: at_timezone's types under {@link #NAME}. */
    static final org.apache.calcite.sql.SqlFunction OPERATOR = ScalarFunctionTable.atTimeZoneFunction(NAME.toUpperCase(Locale.ROOT));

    /** {@code TIME ZONE} and the zone after {@code AT}: a string literal or an interval literal with its fields. */
    private static final Pattern ZONE = Pattern.compile(
            "[ \\t]+TIME[ \\t]+ZONE[ \\t]+('(?:[^']|'')*'|INTERVAL[ \\t]*[+-]?[ \\t]*'[^'\\n]*'[ \\t]*"
                    + "(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)(?:[ \\t]+TO[ \\t]+(?:MONTH|DAY|HOUR|MINUTE|SECOND))?)",
            Pattern.CASE_INSENSITIVE);

    /** Words before a parenthesis that are syntax, not the name of a function called. */
    private static final Set<String> KEYWORDS = Set.of("select", "where", "and", "or", "not", "on", "when", "then",
            "else", "by", "in", "is", "as", "case", "having", "from", "between", "like", "values", "return", "distinct",
            "all", "any", "some", "exists", "join", "using", "set", "with", "over", "end");

    private AtTimeZoneText() {}

    /**
     * Rewrites {@code AT TIME ZONE zone} starting at {@code atStart} in {@code sql} (the word AT ends at {@code
     * atEnd}), with the value already written to {@code out}; returns where to go on in {@code sql}, or -1 (nothing
     * done) when the text is not this syntax. Insertions are recorded as {@link SqlText} reads them: line, rewritten
     * column, and minus the number of characters inserted.
     */
    static int rewrite(String sql, int atStart, int atEnd, StringBuilder out, List<int[]> insertions, int line, int lineStart) {
        Matcher zone = ZONE.matcher(sql).region(atEnd, sql.length());
        if (!zone.lookingAt()) {
            return -1;
        }
        int valueEnd = out.length();
        while (valueEnd > lineStart && Character.isWhitespace(out.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        int valueStart = primaryStart(out, valueEnd, lineStart);
        if (valueStart < 0) {
            return -1;
        }
        int column = valueStart - lineStart + 1;
        for (int[] insertion : insertions) {
            if (insertion[0] == line && insertion[1] >= column) {
                insertion[1] += FUNCTION.length();
            }
        }
        out.insert(valueStart, FUNCTION);
        insertions.add(new int[] {line, column, -FUNCTION.length()});
        // AT TIME ZONE becomes a comma and blanks of the same length, so that the zone keeps its column
        String words = sql.substring(atStart, zone.start(1));
        out.append(",").append(" ".repeat(words.length() - 1)).append(zone.group(1));
        insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
        out.append(')');
        return zone.end();
    }

    /** Where the primary expression ending at {@code end} (exclusive) starts in {@code out}, or -1 if unsure. */
    private static int primaryStart(StringBuilder out, int end, int lineStart) {
        int p = end - 1;
        if (p < lineStart) {
            return -1;
        }
        char c = out.charAt(p);
        if (c == ')') {
            int open = matchingOpen(out, p, lineStart);
            if (open < 0) {
                return -1;
            }
            int before = open - 1;
            while (before >= lineStart && (out.charAt(before) == ' ' || out.charAt(before) == '\t')) {
                before--;
            }
            if (before >= lineStart && out.charAt(before) == '"') {
                int quote = out.lastIndexOf("\"", before - 1);
                return quote < lineStart ? -1 : quote;
            }
            int word = wordStart(out, before + 1, lineStart);
            if (word <= before && !KEYWORDS.contains(out.substring(word, before + 1).toLowerCase(Locale.ROOT))) {
                return word;
            }
            return open;
        }
        if (c == '\'') {
            int quote = p - 1;
            while (true) {
                quote = out.lastIndexOf("'", quote);
                if (quote < lineStart) {
                    return -1;
                }
                if (quote > lineStart && out.charAt(quote - 1) == '\'') {
                    quote -= 2; // a doubled quote inside the literal
                    continue;
                }
                break;
            }
            int before = quote - 1;
            while (before >= lineStart && (out.charAt(before) == ' ' || out.charAt(before) == '\t')) {
                before--;
            }
            int word = wordStart(out, before + 1, lineStart);
            String type = out.substring(word, before + 1).toLowerCase(Locale.ROOT);
            return type.equals("timestamp") || type.equals("date") || type.equals("time") ? word : quote;
        }
        if (Character.isLetterOrDigit(c) || c == '_' || c == '"') {
            int start = end;
            while (start > lineStart) {
                char previous = out.charAt(start - 1);
                if (previous == '"') {
                    int quote = out.lastIndexOf("\"", start - 2);
                    if (quote < lineStart) {
                        return -1;
                    }
                    start = quote;
                } else if (Character.isLetterOrDigit(previous) || previous == '_' || previous == '.') {
                    start--;
                } else {
                    break;
                }
            }
            return start;
        }
        return -1;
    }

    private static int wordStart(StringBuilder out, int end, int lineStart) {
        int start = end;
        while (start > lineStart && (Character.isLetterOrDigit(out.charAt(start - 1)) || out.charAt(start - 1) == '_')) {
            start--;
        }
        return start;
    }

    /** The opening parenthesis matching the closing one at {@code close}, skipping quoted text; -1 if none. */
    private static int matchingOpen(StringBuilder out, int close, int lineStart) {
        int depth = 0;
        for (int i = close; i >= lineStart; i--) {
            char c = out.charAt(i);
            if (c == '\'' || c == '"') {
                int quote = out.lastIndexOf(String.valueOf(c), i - 1);
                if (quote < lineStart) {
                    return -1;
                }
                i = quote;
            } else if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
