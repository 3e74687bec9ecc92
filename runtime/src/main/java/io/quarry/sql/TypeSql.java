package io.quarry.sql;

import io.quarry.type.Type;

/**
 * A type as Trino's SQL formatter writes it in generated statements (SHOW CREATE TABLE): type parameters separated
 * by ", " and {@code ROW} in upper case, e.g. {@code decimal(10, 2)} and {@code ROW(x integer, y varchar)}, where
 * DESCRIBE shows {@code decimal(10,2)} and {@code row(x integer, y varchar)}.
 */
public final class TypeSql {
    private TypeSql() {}

    public static String format(Type type) {
        String name = type.displayName();
        StringBuilder text = new StringBuilder(name.length() + 8);
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && name.startsWith("row(", i) && (i == 0 || !Character.isLetterOrDigit(name.charAt(i - 1)) && name.charAt(i - 1) != '_')) {
                text.append("ROW(");
                i += 3;
                continue;
            }
            text.append(c);
            if (!quoted && c == ',' && i + 1 < name.length() && name.charAt(i + 1) != ' ') {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
