package io.quarry.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses the names of array, map and row types as Trino prints them ({@code row(id integer, tags array(varchar))}). */
final class StructuralTypeNames {
    private StructuralTypeNames() {}

    static boolean isStructural(String name) {
        String text = name.trim().toLowerCase(Locale.ROOT);
        return text.startsWith("array(") || text.startsWith("map(") || text.startsWith("row(");
    }

    static Type parse(String name) {
        String text = name.trim();
        int open = text.indexOf('(');
        if (!text.endsWith(")")) {
            throw new IllegalArgumentException("Malformed type: " + name);
        }
        String base = text.substring(0, open).trim().toLowerCase(Locale.ROOT);
        List<String> parts = splitTopLevel(text.substring(open + 1, text.length() - 1));
        switch (base) {
            case "array":
                if (parts.size() != 1) {
                    throw new IllegalArgumentException("Malformed type: " + name);
                }
                return new ArrayType(Types.parse(parts.get(0)));
            case "map":
                if (parts.size() != 2) {
                    throw new IllegalArgumentException("Malformed type: " + name);
                }
                return new MapType(Types.parse(parts.get(0)), Types.parse(parts.get(1)));
            default:
                List<RowType.Field> fields = new ArrayList<>();
                for (String part : parts) {
                    String field = part.trim();
                    int space = field.indexOf(' ');
                    int paren = field.indexOf('(');
                    boolean named = space > 0 && (paren < 0 || space < paren);
                    fields.add(named
                            ? new RowType.Field(Optional.of(field.substring(0, space)), Types.parse(field.substring(space + 1)))
                            : new RowType.Field(Optional.empty(), Types.parse(field)));
                }
                return new RowType(fields);
        }
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
