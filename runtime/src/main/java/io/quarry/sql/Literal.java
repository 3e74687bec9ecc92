package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A literal value of a utility statement ({@code SET SESSION} values, {@code EXECUTE … USING} parameters):
 * its Trino type (lower case, e.g. {@code bigint}, {@code decimal(3,2)}, {@code unknown} for a bare NULL) and
 * its value as text (a string's contents, a number's digits, a binary value's hex digits), empty for NULL.
 * The value was checked against the type when parsed, so {@link #toSql()} renders a well-formed literal.
 */
public record Literal(String type, Optional<String> value) {
    public Literal {
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
    }

    /** The literal as SQL text of its own type, to stand where a parameter marker was. */
    public String toSql() {
        if (value.isEmpty()) {
            return type.equals("unknown") ? "NULL" : "CAST(NULL AS " + type.toUpperCase(Locale.ROOT) + ")";
        }
        String text = value.get();
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        return switch (base) {
            case "boolean" -> text;
            case "integer" -> text.startsWith("-") ? "(" + text + ")" : text;
            case "varchar" -> quote(text);
            case "varbinary" -> "X'" + text + "'";
            case "date" -> "DATE " + quote(text);
            case "time" -> "TIME " + quote(text);
            case "timestamp" -> "TIMESTAMP " + quote(text);
            default -> "CAST(" + quote(text) + " AS " + type.toUpperCase(Locale.ROOT) + ")";
        };
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
