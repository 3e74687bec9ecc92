package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the rows of a statement's result are ordered, read from its SQL: not at all (no top-level
 * {@code ORDER BY}), by known output columns (rows that tie on them may come in any order), or by something else
 * (then the rows must come in exactly the same order).
 */
record RowOrder(boolean ordered, Optional<List<Integer>> keys) {
    static final RowOrder UNORDERED = new RowOrder(false, Optional.empty());

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");
    private static final Pattern END_OF_ORDER_BY = Pattern.compile("(?i)\\b(limit|offset|fetch)\\b");
    private static final Pattern NULLS = Pattern.compile("(?i)\\s+nulls\\s+(first|last)$");
    private static final Pattern DIRECTION = Pattern.compile("(?i)\\s+(asc|desc)$");

    RowOrder {
        requireNonNull(keys, "keys is null");
        keys = keys.map(List::copyOf);
        if (!ordered && keys.isPresent()) {
            throw new IllegalArgumentException("unordered rows have no sort keys");
        }
    }

    /** The order of {@code sql}'s result, whose output columns are {@code columnNames}. */
    static RowOrder of(String sql, List<String> columnNames) {
        String text = withoutCommentsAndLiterals(sql);
        Optional<String> clause = topLevelOrderBy(text);
        if (clause.isEmpty()) {
            return UNORDERED;
        }
        List<Integer> keys = new ArrayList<>();
        for (String item : splitTopLevel(clause.get())) {
            String expression = DIRECTION.matcher(NULLS.matcher(item.strip()).replaceFirst("")).replaceFirst("").strip();
            int key = outputColumn(expression, columnNames);
            if (key < 0) {
                return new RowOrder(true, Optional.empty());
            }
            keys.add(key);
        }
        return new RowOrder(true, Optional.of(keys));
    }

    /** The output column an ORDER BY item names (an ordinal or a unique output name), or -1. */
    private static int outputColumn(String expression, List<String> columnNames) {
        if (expression.matches("\\d+")) {
            int ordinal = Integer.parseInt(expression);
            return ordinal >= 1 && ordinal <= columnNames.size() ? ordinal - 1 : -1;
        }
        String name = expression;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        name = name.replace("\"", "").toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                if (found >= 0) {
                    return -1; // ambiguous
                }
                found = i;
            }
        }
        return found;
    }

    /** The SQL without comments and with string literals emptied, so neither can look like an ORDER BY. */
    static String withoutCommentsAndLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                out.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < sql.length()) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, sql.length());
                out.append(c == '\'' ? "''" : sql.substring(i, end));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The items of the last ORDER BY at parenthesis depth 0, up to a LIMIT, OFFSET or FETCH at that depth. */
    private static Optional<String> topLevelOrderBy(String text) {
        int[] depth = depths(text);
        Matcher orderBy = ORDER_BY.matcher(text);
        int start = -1;
        while (orderBy.find()) {
            if (depth[orderBy.start()] == 0) {
                start = orderBy.end();
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.length();
        Matcher stop = END_OF_ORDER_BY.matcher(text);
        stop.region(start, text.length());
        while (stop.find()) {
            if (depth[stop.start()] == 0) {
                end = stop.start();
                break;
            }
        }
        String clause = text.substring(start, end).strip();
        if (clause.endsWith(";")) {
            clause = clause.substring(0, clause.length() - 1).strip();
        }
        return Optional.of(clause);
    }

    /** The parenthesis depth before each character. */
    private static int[] depths(String text) {
        int[] depth = new int[text.length() + 1];
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            depth[i] = current;
            char c = text.charAt(i);
            if (c == '(') {
                current++;
            } else if (c == ')') {
                current--;
            }
        }
        depth[text.length()] = current;
        return depth;
    }

    private static List<String> splitTopLevel(String clause) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(clause.substring(from, i));
                from = i + 1;
            }
        }
        items.add(clause.substring(from));
        return items;
    }
}
