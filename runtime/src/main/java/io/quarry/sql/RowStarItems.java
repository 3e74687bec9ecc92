package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A select item {@code (row_expression).* [AS (alias, ...)]}, which Calcite cannot parse: one column per field of
 * the row, written {@code (row_expression)[i] AS name}. The fields come from planning the statement with the item
 * as one column; a column is named by its alias (unquoted ones upper-cased, as Trino names them), else by its
 * field's name, else {@code _colN} for its position.
 */
final class RowStarItems {
    private static final Pattern STAR = Pattern.compile("\\G\\s*\\.\\s*\\*");
    private static final Pattern ALIASES = Pattern.compile("\\G\\s+AS\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM_START = Pattern.compile("(?is)(?:\\bSELECT|\\bDISTINCT|\\bALL|,)\\s*$");
    private static final String PROBE = "$row_star";
    private static final Pattern QUALIFIED_STAR = Pattern.compile(
            "(?is)(?<=\\bSELECT|\\bDISTINCT|\\bALL|,)(\\s*)((?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*)"
                    + "(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*))*)\\s*\\.\\s*\\*(?=\\s+AS\\s*\\()");
    private static final Pattern NAME_IN_PARENTHESES = Pattern.compile("\\(\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*\\)");
    private static final String FROM_MARK = "$star_from";
    private static final String TO_MARK = "$star_to";

    private RowStarItems() {}

    /** The statement with its first row star item written out, or the statement itself without one. */
    static String rewriteFirst(String sql, Function<String, List<RowColumn>> columns) {
        requireNonNull(sql, "sql is null");
        if (!sql.contains("*")) {
            return sql;
        }
        Matcher qualified = QUALIFIED_STAR.matcher(sql);
        if (qualified.find() && outsideQuotes(sql, qualified.start())) {
            return rewriteQualified(sql, qualified.start(2), qualified.end(2), qualified.end(), columns);
        }
        int depth = 0;
        List<Integer> opens = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < sql.length() && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2);
                }
                if (close < 0) {
                    return sql;
                }
                i = close;
            } else if (c == '(') {
                opens.add(i);
                depth++;
            } else if (c == ')' && depth > 0) {
                int open = opens.remove(--depth);
                Matcher star = STAR.matcher(sql);
                if (star.find(i + 1) && ITEM_START.matcher(sql.substring(0, open)).find()) {
                    return rewrite(sql, open, i + 1, star.end(), columns);
                }
            }
        }
        return sql;
    }

    /**
     * {@code q.* AS (a, b)}: the columns of relation {@code q} renamed, or, where {@code q} is a column, the fields of
     * its row ({@code (q).* AS (a, b)}); a column that is no row is TABLE_NOT_FOUND, as in Trino.
     */
    private static String rewriteQualified(String sql, int start, int qualifierEnd, int starEnd,
            Function<String, List<RowColumn>> columns) {
        String qualifier = sql.substring(start, qualifierEnd);
        Matcher aliasList = ALIASES.matcher(sql);
        if (!aliasList.find(starEnd)) {
            return sql;
        }
        List<String> aliases = aliases(aliasList.group(1));
        String probe = sql.substring(0, start) + "0 AS \"" + FROM_MARK + "\", " + qualifier + ".*, 0 AS \"" + TO_MARK + "\""
                + sql.substring(aliasList.end());
        List<RowColumn> planned;
        try {
            planned = columns.apply(probe);
        } catch (QuarryException e) {
            if (e.errorCode() == ErrorCode.TABLE_NOT_FOUND) {
                throw e;
            }
            // no relation of that name: a column's row
            String asRow = sql.substring(0, start) + "(" + qualifier + ")" + sql.substring(qualifierEnd);
            return rewrite(asRow, start, start + qualifier.length() + 2, starEnd + 2, columns, qualifier);
        }
        List<String> names = planned.stream().map(RowColumn::name).toList();
        int from = names.indexOf(FROM_MARK);
        int to = names.indexOf(TO_MARK);
        if (from < 0 || to < from) {
            return sql;
        }
        List<String> relation = names.subList(from + 1, to);
        if (aliases.size() != relation.size()) {
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES, "Column alias list has " + aliases.size()
                    + " entries but relation has " + relation.size() + " columns");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < relation.size(); i++) {
            items.add(qualifier + ".\"" + relation.get(i).replace("\"", "\"\"") + "\" AS " + aliases.get(i));
        }
        return sql.substring(0, start) + String.join(", ", items) + sql.substring(aliasList.end());
    }

    private static List<String> aliases(String written) {
        List<String> aliases = new ArrayList<>();
        for (String alias : written.split(",")) {
            String trimmed = alias.trim();
            aliases.add(trimmed.startsWith("\"") ? trimmed : "\"" + trimmed.toUpperCase(Locale.ROOT) + "\"");
        }
        return aliases;
    }

    /** Whether {@code at} is outside string literals and quoted names. */
    private static boolean outsideQuotes(String sql, int at) {
        char open = 0;
        for (int i = 0; i < at; i++) {
            char c = sql.charAt(i);
            if (open == 0 && (c == '\'' || c == '"')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open == 0;
    }

    /** A column of a planned statement: its name and type. */
    record RowColumn(String name, Type type) {}

    private static String rewrite(String sql, int start, int expressionEnd, int starEnd, Function<String, List<RowColumn>> columns) {
        // (x).* names column x as x.* does
        Matcher name = NAME_IN_PARENTHESES.matcher(sql.substring(start, expressionEnd));
        return rewrite(sql, start, expressionEnd, starEnd, columns, name.matches() ? name.group(1) : null);
    }

    /** As above; {@code column} the column whose row it is when the user wrote {@code column.*} (null otherwise). */
    private static String rewrite(String sql, int start, int expressionEnd, int starEnd, Function<String, List<RowColumn>> columns,
            String column) {
        String expression = sql.substring(start, expressionEnd);
        Matcher aliasList = ALIASES.matcher(sql);
        int itemEnd = starEnd;
        List<String> aliases = null;
        if (aliasList.find(starEnd)) {
            itemEnd = aliasList.end();
            aliases = aliases(aliasList.group(1));
        }
        String probe = sql.substring(0, start) + expression + " AS \"" + PROBE + "\"" + sql.substring(itemEnd);
        RowColumn planned = columns.apply(probe).stream().filter(c -> c.name().equals(PROBE)).findFirst().orElse(null);
        if (planned == null) {
            // not an item of the statement's own select list: left for the parser to refuse
            return sql;
        }
        if (!(planned.type() instanceof RowType row)) {
            if (column != null) {
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Unable to resolve reference " + column);
            }
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "expected expression of type Row");
        }
        if (aliases != null && aliases.size() != row.fields().size()) {
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES, "Column alias list has " + aliases.size()
                    + " entries but relation has " + row.fields().size() + " columns");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String item = expression + "[" + (i + 1) + "]";
            if (aliases != null) {
                item += " AS " + aliases.get(i);
            } else if (row.fields().get(i).name().isPresent()) {
                item += " AS \"" + row.fields().get(i).name().get().replace("\"", "\"\"") + "\"";
            }
            items.add(item);
        }
        return sql.substring(0, start) + String.join(", ", items) + sql.substring(itemEnd);
    }
}
