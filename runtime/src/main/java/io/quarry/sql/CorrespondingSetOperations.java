package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code UNION | INTERSECT | EXCEPT [ALL | DISTINCT] CORRESPONDING}, which Calcite cannot parse: the columns are
 * matched by name. Each operand is planned alone for its column names, then the operation is written over the
 * names both operands have, in the order of the left one: {@code SELECT a, b FROM (left) UNION SELECT a, b FROM (right)}.
 */
final class CorrespondingSetOperations {
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "INTERSECT", "EXCEPT");
    /** What ends the right operand at its own level: another set operation or the clauses that apply to the whole. */
    private static final Set<String> OPERAND_ENDS = Set.of("UNION", "INTERSECT", "EXCEPT", "ORDER", "LIMIT", "OFFSET", "FETCH");
    private static final Pattern ANONYMOUS = Pattern.compile("_col\\d+");

    private CorrespondingSetOperations() {}

    /** A word of the text outside quotes and comments, with its parenthesis depth. */
    private record Word(String upper, int start, int end, int depth) {}

    /**
     * The statement with its first CORRESPONDING set operation written by position, or the statement itself
     * without one; {@code columnNames} plans a query text for its column names.
     */
    static String rewriteFirst(String sql, Function<String, List<String>> columnNames) {
        requireNonNull(sql, "sql is null");
        if (!sql.toUpperCase(Locale.ROOT).contains("CORRESPONDING")) {
            return sql;
        }
        List<Word> words = new ArrayList<>();
        List<int[]> closes = new ArrayList<>();
        Deque<Integer> opens = new ArrayDeque<>();
        int[] enclosingOpen = new int[sql.length() + 1];
        scan(sql, words, closes, opens, enclosingOpen);
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (!word.upper().equals("CORRESPONDING")) {
                continue;
            }
            int operator = i - 1;
            if (operator >= 0 && (words.get(operator).upper().equals("ALL") || words.get(operator).upper().equals("DISTINCT"))) {
                operator--;
            }
            if (operator < 0 || !SET_OPERATORS.contains(words.get(operator).upper()) || words.get(operator).depth() != word.depth()) {
                continue;
            }
            if (i + 1 < words.size() && words.get(i + 1).upper().equals("BY") && words.get(i + 1).depth() == word.depth()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "CORRESPONDING with columns is unsupported");
            }
            Word setOperator = words.get(operator);
            int leftStart = enclosingOpen[setOperator.start()] + 1;
            int rightEnd = rightEnd(sql, words, closes, i + 1, word.end(), word.depth());
            String left = sql.substring(leftStart, setOperator.start());
            String right = sql.substring(word.end(), rightEnd);
            List<String> common = commonColumns(columnNames.apply(left), columnNames.apply(right));
            String columns = String.join(", ", common.stream().map(CorrespondingSetOperations::quoted).toList());
            return sql.substring(0, leftStart)
                    + "SELECT " + columns + " FROM (" + left + ") "
                    + sql.substring(setOperator.start(), word.start())
                    + "SELECT " + columns + " FROM (" + right + ")"
                    + sql.substring(rightEnd);
        }
        return sql;
    }

    /** Walks the text once: its words, where each ')' closes (position and depth), and each position's enclosing '('. */
    private static void scan(String sql, List<Word> words, List<int[]> closes, Deque<Integer> opens, int[] enclosingOpen) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int enclosing = opens.isEmpty() ? -1 : opens.peek();
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < sql.length() && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2);
                }
                int end = close < 0 ? sql.length() : close + 1;
                java.util.Arrays.fill(enclosingOpen, i, end, enclosing);
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                java.util.Arrays.fill(enclosingOpen, i, end, enclosing);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                words.add(new Word(sql.substring(i, end).toUpperCase(Locale.ROOT), i, end, opens.size()));
                java.util.Arrays.fill(enclosingOpen, i, end, enclosing);
                i = end;
            } else {
                enclosingOpen[i] = enclosing;
                if (c == '(') {
                    opens.push(i);
                } else if (c == ')' && !opens.isEmpty()) {
                    opens.pop();
                    closes.add(new int[] {i, opens.size()});
                }
                i++;
            }
        }
    }

    /** Where the right operand ends: at the first word ending it, ')' or ';' of its own level, or the end. */
    private static int rightEnd(String sql, List<Word> words, List<int[]> closes, int firstWord, int from, int depth) {
        int end = sql.length();
        for (int j = firstWord; j < words.size(); j++) {
            Word next = words.get(j);
            if (next.depth() == depth && OPERAND_ENDS.contains(next.upper())) {
                end = next.start();
                break;
            }
        }
        for (int[] close : closes) {
            // a ')' at depth-1 after the operand's start closes its level
            if (close[0] >= from && close[1] == depth - 1 && close[0] < end) {
                end = close[0];
                break;
            }
        }
        int semicolon = sql.indexOf(';', from);
        return semicolon >= 0 && semicolon < end && depth == 0 ? semicolon : end;
    }

    /** The left operand's names that the right one has too, each checked as Trino checks them. */
    private static List<String> commonColumns(List<String> left, List<String> right) {
        Set<String> rightNames = names(right);
        List<String> common = new ArrayList<>();
        for (String name : names(left)) {
            if (rightNames.contains(name)) {
                common.add(name);
            }
        }
        if (common.isEmpty()) {
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES, "No corresponding columns");
        }
        return common;
    }

    private static Set<String> names(List<String> columns) {
        Set<String> names = new LinkedHashSet<>();
        for (String column : columns) {
            String name = column.toLowerCase(Locale.ROOT);
            if (ANONYMOUS.matcher(name).matches()) {
                throw new QuarryException(ErrorCode.MISSING_COLUMN_NAME,
                        "Anonymous columns are not allowed in set operations with CORRESPONDING");
            }
            if (!names.add(name)) {
                throw new QuarryException(ErrorCode.AMBIGUOUS_NAME,
                        "Duplicate columns found when using CORRESPONDING in set operations: " + name);
            }
        }
        return names;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
