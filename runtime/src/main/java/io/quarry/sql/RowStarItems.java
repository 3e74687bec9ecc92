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

    private RowStarItems() {}

    /** The statement with its first row star item written out, or the statement itself without one. */
    static String rewriteFirst(String sql, Function<String, List<RowColumn>> columns) {
        requireNonNull(sql, "sql is null");
        if (!sql.contains("*")) {
            return sql;
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

    /** A column of a planned statement: its name and type. */
    record RowColumn(String name, Type type) {}

    private static String rewrite(String sql, int start, int expressionEnd, int starEnd, Function<String, List<RowColumn>> columns) {
        String expression = sql.substring(start, expressionEnd);
        Matcher aliasList = ALIASES.matcher(sql);
        int itemEnd = starEnd;
        List<String> aliases = null;
        if (aliasList.find(starEnd)) {
            itemEnd = aliasList.end();
            aliases = new ArrayList<>();
            for (String alias : aliasList.group(1).split(",")) {
                String trimmed = alias.trim();
                aliases.add(trimmed.startsWith("\"") ? trimmed : "\"" + trimmed.toUpperCase(Locale.ROOT) + "\"");
            }
        }
        String probe = sql.substring(0, start) + expression + " AS \"" + PROBE + "\"" + sql.substring(itemEnd);
        RowColumn column = columns.apply(probe).stream().filter(c -> c.name().equals(PROBE)).findFirst().orElse(null);
        if (column == null) {
            // not an item of the statement's own select list: left for the parser to refuse
            return sql;
        }
        if (!(column.type() instanceof RowType row)) {
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
