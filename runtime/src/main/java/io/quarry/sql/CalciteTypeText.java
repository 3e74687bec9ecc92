package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the full type text Calcite writes in its messages ({@code RecordType(INTEGER NOT NULL EXPR$0, CHAR(1)
 * CHARACTER SET "UTF-8" NOT NULL x) NOT NULL}, {@code INTEGER ARRAY}, {@code (VARCHAR, INTEGER) MAP}) and writes
 * it as Trino names the type: {@code row(integer, x varchar(1))}. Fields named as Calcite names those of
 * {@code ROW(1, 2)} have no name, as in Trino.
 */
final class CalciteTypeText {
    private static final Pattern GENERATED_FIELD = Pattern.compile("EXPR\\$\\d+");

    private final String text;
    private int position;

    private CalciteTypeText(String text) {
        this.text = text;
    }

    /** Trino's name of the type Calcite wrote as {@code text}, or null if the text is not one Quarry reads. */
    static String trinoName(String text) {
        try {
            CalciteTypeText reader = new CalciteTypeText(text.strip());
            String name = reader.type();
            return reader.position == reader.text.length() ? name : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String type() {
        String type;
        if (text.startsWith("RecordType(", position)) {
            position += "RecordType(".length();
            List<String> fields = new ArrayList<>();
            while (true) {
                String fieldType = type();
                skip(" ");
                int end = position;
                while (text.charAt(end) != ',' && text.charAt(end) != ')') {
                    end++;
                }
                String name = text.substring(position, end);
                position = end;
                fields.add(GENERATED_FIELD.matcher(name).matches() ? fieldType : name + " " + fieldType);
                if (text.charAt(position) == ')') {
                    position++;
                    break;
                }
                skip(", ");
            }
            type = "row(" + String.join(", ", fields) + ")";
        } else if (text.charAt(position) == '(') {
            position++;
            String key = type();
            skip(", ");
            String value = type();
            skip(") MAP");
            type = "map(" + key + ", " + value + ")";
        } else {
            int start = position;
            while (position < text.length() && (Character.isLetter(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            if (position < text.length() && text.charAt(position) == '(') {
                position = text.indexOf(')', position) + 1;
            }
            if (position == start) {
                throw new IllegalArgumentException("no type at " + position);
            }
            type = Errors.trinoTypes("<" + text.substring(start, position) + ">");
        }
        while (true) {
            if (text.startsWith(" CHARACTER SET \"", position)) {
                position = text.indexOf('"', position + " CHARACTER SET \"".length()) + 1;
            } else if (text.startsWith(" NOT NULL", position)) {
                position += " NOT NULL".length();
            } else if (text.startsWith(" ARRAY", position)) {
                position += " ARRAY".length();
                type = "array(" + type + ")";
            } else {
                return type;
            }
        }
    }

    private void skip(String expected) {
        if (!text.startsWith(expected, position)) {
            throw new IllegalArgumentException("expected '" + expected + "' at " + position);
        }
        position += expected.length();
    }
}
