package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trino's spelling of structural types in casts, {@code array(T)} and {@code map(K, V)} (also nested and inside
 * {@code row(…)}), in the spelling of Calcite's grammar: {@code T  ARRAY} and {@code MAP<K, V>}, of the same
 * length so that positions in messages stay right; {@code qdigest(T)} becomes the one name {@code qdigest_T}, an
 * interval type inside them one name too ({@link IntervalCastTypes}).
 */
final class CastTypeSyntax {
    private CastTypeSyntax() {}

    /** Whether the type starting at {@code from} is structural ({@code array(}, {@code map(} or {@code row(}). */
    static boolean startsStructural(String sql, int from) {
        int end = from;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(from, end).toLowerCase(Locale.ROOT);
        return (word.equals("array") || word.equals("map") || word.equals("row") || word.equals("qdigest"))
                && end < sql.length() && sql.charAt(end) == '(';
    }

    /** The index just past the type starting at {@code from}: the parenthesis matching its first one. */
    static int end(String sql, int from) {
        int open = sql.indexOf('(', from);
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }

    /** A type in Calcite's spelling. */
    static String rewrite(String type) {
        int lead = 0;
        while (lead < type.length() && Character.isWhitespace(type.charAt(lead))) {
            lead++;
        }
        int trail = type.length();
        while (trail > lead && Character.isWhitespace(type.charAt(trail - 1))) {
            trail--;
        }
        String core = type.substring(lead, trail);
        String lower = core.toLowerCase(Locale.ROOT);
        String rewritten = core;
        String interval = IntervalCastTypes.castName(core);
        if (interval != null) {
            rewritten = interval;
        } else if (core.endsWith(")")) {
            if (lower.startsWith("array(")) {
                rewritten = rewrite(core.substring(6, core.length() - 1)) + "  ARRAY";
            } else if (lower.startsWith("map(")) {
                List<String> parts = splitTopLevel(core.substring(4, core.length() - 1));
                if (parts.size() == 2) {
                    rewritten = "MAP<" + rewrite(parts.get(0)) + "," + rewrite(parts.get(1)) + ">";
                }
            } else if (lower.startsWith("qdigest(")) {
                // one identifier that DigestSql registers, padded to the same length
                String valueType = core.substring(8, core.length() - 1).strip();
                if (valueType.chars().allMatch(Character::isLetterOrDigit)) {
                    String name = DigestSql.castName(valueType.toLowerCase(Locale.ROOT));
                    rewritten = name + " ".repeat(core.length() - name.length());
                }
            } else if (lower.startsWith("row(")) {
                List<String> fields = splitTopLevel(core.substring(4, core.length() - 1));
                StringBuilder row = new StringBuilder(core.substring(0, 4));
                for (int i = 0; i < fields.size(); i++) {
                    String field = fields.get(i);
                    row.append(i > 0 ? "," : "")
                            .append(isAnonymous(field) ? " \"EXPR$" + i + "\" " + rewrite(field) : field(field));
                }
                rewritten = row.append(')').toString();
            }
        }
        return type.substring(0, lead) + rewritten + type.substring(trail);
    }

    /**
     * Whether a row field is a type alone ({@code row(integer, varchar)}): Calcite's grammar wants a name for each
     * field, so an anonymous one gets the name Calcite gives the fields of {@code ROW(1, 2)}, which Quarry reads
     * back as no name (StructuralTypeMapping).
     */
    private static boolean isAnonymous(String field) {
        String text = field.strip();
        if (text.isEmpty() || text.charAt(0) == '"') {
            return false;
        }
        int wordEnd = 0;
        while (wordEnd < text.length() && (Character.isLetterOrDigit(text.charAt(wordEnd)) || text.charAt(wordEnd) == '_')) {
            wordEnd++;
        }
        String word = text.substring(0, wordEnd).toLowerCase(Locale.ROOT);
        String rest = text.substring(wordEnd).strip();
        if (rest.startsWith("(")) {
            // varchar(3), decimal(10, 2), array(…); timestamp(3) with time zone
            int close = end(rest, 0);
            rest = rest.substring(close).strip();
        }
        if (rest.isEmpty()) {
            return true;
        }
        String next = rest.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (word) {
            case "double" -> next.equals("precision");
            case "time", "timestamp" -> next.equals("with") || next.equals("without");
            case "interval" -> MULTI_WORD_INTERVAL_STARTS.contains(next);
            default -> false;
        };
    }

    private static final java.util.Set<String> MULTI_WORD_INTERVAL_STARTS =
            java.util.Set.of("year", "month", "day", "hour", "minute", "second");

    /** A row field {@code name type}: the name as it is, the type rewritten. */
    private static String field(String field) {
        int start = 0;
        while (start < field.length() && Character.isWhitespace(field.charAt(start))) {
            start++;
        }
        int nameEnd = start;
        if (nameEnd < field.length() && field.charAt(nameEnd) == '"') {
            nameEnd = field.indexOf('"', nameEnd + 1) + 1;
        } else {
            while (nameEnd < field.length() && !Character.isWhitespace(field.charAt(nameEnd))) {
                nameEnd++;
            }
        }
        if (nameEnd <= 0 || nameEnd >= field.length()) {
            return rewrite(field);
        }
        return field.substring(0, nameEnd) + rewrite(field.substring(nameEnd));
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
