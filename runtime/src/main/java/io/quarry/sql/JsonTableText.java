package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code json_table(input, 'path' COLUMNS (…))} in FROM, which Calcite's grammar lacks, rewritten in the text as the
 * sub-query it stands for: each level of paths an UNNEST of the items its path finds (as a JSON array, cast to
 * {@code array(json)}) in the items of the level above, a value column {@code json_value} of its item (a FORMAT JSON
 * column {@code json_query}), an ordinality column the item's number. A nested path joins its parent OUTER (a parent
 * without items keeps one row of nulls) unless the PLAN says INNER. Handled: one NESTED PATH per COLUMNS list, no
 * PASSING clause; other forms are left to the grammar, which refuses them.
 */
final class JsonTableText {
    private static final Pattern CALL = Pattern.compile("(?is)json_table\\s*\\(");
    private static final Pattern ORDINALITY = Pattern.compile("(?is)for\\s+ordinality");
    private static final Pattern NESTED = Pattern.compile("(?is)nested\\s+(?:path\\s+)?");
    private static final Pattern NAME = Pattern.compile("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*");

    /** One level of paths: its path, its columns, its nested level (or null). */
    private record Level(String path, List<Column> columns, Level nested) {}

    /** A column: its name as written, and the SQL of its value over the level's item, or null for ordinality. */
    private record Column(String name, String type, String path, boolean formatJson, String behaviours) {}

    /** The rewritten text of a json_table call and where the call ends (after its parenthesis). */
    record Rewrite(String text, int end) {}

    private JsonTableText() {}

    /** The sub-query for the json_table call starting at {@code start}; null when this rewriting does not handle it. */
    static Rewrite rewrite(String sql, int start) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return null;
        }
        int close = closing(sql, call.end() - 1);
        if (close < 0) {
            return null;
        }
        String body = sql.substring(call.end(), close);
        List<String> parts = split(body, ',', 1);
        if (parts.size() < 2) {
            return null;
        }
        String input = parts.get(0).strip();
        String rest = parts.get(1).strip();
        Matcher path = Pattern.compile("(?s)('(?:[^']|'')*')(?:\\s+AS\\s+" + NAME.pattern() + ")?\\s*").matcher(rest);
        if (!path.lookingAt() || !rest.regionMatches(true, path.end(), "COLUMNS", 0, 7)) {
            return null;
        }
        int columnsOpen = rest.indexOf('(', path.end());
        int columnsClose = closing(rest, columnsOpen);
        if (columnsOpen < 0 || columnsClose < 0) {
            return null;
        }
        Level root = level(path.group(1), rest.substring(columnsOpen + 1, columnsClose));
        if (root == null) {
            return null;
        }
        String tail = rest.substring(columnsClose + 1).strip().toUpperCase(Locale.ROOT);
        if (!tail.isEmpty() && !tail.startsWith("PLAN") && !tail.matches("(ERROR|EMPTY)\\s+ON\\s+ERROR")) {
            return null;
        }
        boolean inner = tail.startsWith("PLAN") && tail.replaceAll("\\s+", " ").matches("PLAN (DEFAULT )?\\(.*\\bINNER\\b.*");
        checkUniqueNames(root);
        return new Rewrite(subQuery(input, root, inner, tail.startsWith("ERROR")), close + 1);
    }

    private static Level level(String path, String columnsText) {
        List<Column> columns = new ArrayList<>();
        Level nested = null;
        for (String definition : split(columnsText, ',', Integer.MAX_VALUE)) {
            String text = definition.strip();
            Matcher nestedPath = NESTED.matcher(text);
            if (nestedPath.lookingAt()) {
                Matcher literal = Pattern.compile("(?s)('(?:[^']|'')*')(?:\\s+AS\\s+" + NAME.pattern() + ")?\\s*COLUMNS\\s*\\(")
                        .matcher(text).region(nestedPath.end(), text.length());
                if (nested != null || !literal.lookingAt() || !text.endsWith(")")) {
                    return null; // sibling nested paths: not handled
                }
                nested = level(literal.group(1), text.substring(literal.end(), text.length() - 1));
                if (nested == null) {
                    return null;
                }
                continue;
            }
            Matcher name = NAME.matcher(text);
            if (!name.lookingAt()) {
                return null;
            }
            String after = text.substring(name.end()).strip();
            if (ORDINALITY.matcher(after).matches()) {
                columns.add(new Column(name.group(), null, null, false, ""));
                continue;
            }
            Matcher pathClause = Pattern.compile("(?is)\\bPATH\\s+('(?:[^']|'')*')").matcher(after);
            String columnPath = pathClause.find() ? pathClause.group(1) : null;
            String withoutPath = columnPath == null ? after : after.substring(0, pathClause.start()) + after.substring(pathClause.end());
            boolean formatJson = Pattern.compile("(?is)\\bFORMAT\\s+JSON\\b").matcher(withoutPath).find();
            String typeAndBehaviours = withoutPath.replaceAll("(?is)\\bFORMAT\\s+JSON(\\s+ENCODING\\s+\\w+)?", " ").strip();
            Matcher type = Pattern.compile("(?is)^([A-Za-z ]+?(?:\\([^)]*\\))?)(?=\\s|$)(.*)$").matcher(typeAndBehaviours);
            if (!type.matches()) {
                return null;
            }
            if (columnPath == null) {
                // no PATH: the member of the column's name (an unquoted name upper-cased, as Trino reads it)
                String key = name.group().startsWith("\"") ? name.group().substring(1, name.group().length() - 1)
                        : name.group().toUpperCase(Locale.ROOT);
                columnPath = "'lax $.\"" + key.replace("'", "''") + "\"'";
            }
            columns.add(new Column(name.group(), type.group(1).strip(), columnPath, formatJson, type.group(2).strip()));
        }
        return new Level(path, columns, nested);
    }

    /** Trino's DUPLICATE_COLUMN_OR_PATH_NAME for two columns of one name (case aside, quoted or not). */
    private static void checkUniqueNames(Level root) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Level level = root; level != null; level = level.nested()) {
            for (Column column : level.columns()) {
                String name = column.name().startsWith("\"") ? column.name().substring(1, column.name().length() - 1) : column.name();
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.DUPLICATE_COLUMN_OR_PATH_NAME,
                            "All column and path names in JSON_TABLE invocation must be unique");
                }
            }
        }
    }

    private static String subQuery(String input, Level root, boolean inner, boolean errorOnError) {
        List<String> selected = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        Level level = root;
        String items = input;
        for (int depth = 0; level != null; depth++, level = level.nested()) {
            String item = "\"$jt_item" + depth + "\"";
            String number = "\"$jt_number" + depth + "\"";
            String onError = depth == 0 && errorOnError ? " ERROR ON ERROR" : "";
            String unnest = "UNNEST(CAST(json_parse(json_query(" + items + ", " + level.path() + " WITH ARRAY WRAPPER" + onError + ")) AS " + CastTypeSyntax.rewrite("array(json)") + "))"
                    + " WITH ORDINALITY AS \"$jt" + depth + "\"(" + item + ", " + number + ")";
            if (depth == 0) {
                from.append(unnest);
            } else {
                from.append(inner ? " CROSS JOIN " : " LEFT JOIN ").append(unnest).append(inner ? "" : " ON true");
            }
            for (Column column : level.columns()) {
                String value;
                if (column.type() == null) {
                    value = number;
                } else if (column.formatJson()) {
                    value = "json_query(json_format(" + item + "), " + column.path() + " RETURNING " + column.type() + " " + column.behaviours() + ")";
                } else {
                    value = "json_value(json_format(" + item + "), " + column.path() + " RETURNING " + column.type() + " " + column.behaviours() + ")";
                }
                selected.add(value + " AS " + column.name());
            }
            items = "json_format(" + item + ")";
        }
        // LATERAL: the input may read the columns of the relations before it in FROM
        return "LATERAL (SELECT " + String.join(", ", selected) + " FROM " + from + ")";
    }

    /** The parts of {@code text} split at top-level {@code separator}s, at most {@code limit} splits. */
    private static List<String> split(String text, char separator, int limit) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < text.length() && text.charAt(end + 1) == c) {
                    end = text.indexOf(c, end + 2);
                }
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0 && parts.size() < limit) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The index of the parenthesis closing the one at {@code open}; -1 if none. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < text.length() && text.charAt(end + 1) == c) {
                    end = text.indexOf(c, end + 2);
                }
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
