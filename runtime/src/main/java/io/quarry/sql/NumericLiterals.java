package io.quarry.sql;

import java.math.BigInteger;

/**
 * Trino's spellings of integer literals that Calcite's grammar lacks: hexadecimal {@code 0x1F}, binary
 * {@code 0b101}, octal {@code 0o17}, and underscores between digits ({@code 1_000_000}). Calcite would read
 * {@code 0x1F} as {@code 0 AS x1F} and {@code 1_000} as {@code 1 AS _000}, answering wrong values silently; these
 * become plain decimal numbers, padded with blanks to their length so that later error positions stay right.
 */
final class NumericLiterals {
    private NumericLiterals() {}

    /** Whether a number may start at {@code start}: a digit that does not continue a word or another number. */
    static boolean startsAt(String sql, int start) {
        if (!Character.isDigit(sql.charAt(start))) {
            return false;
        }
        if (start == 0) {
            return true;
        }
        char before = sql.charAt(start - 1);
        return !Character.isLetterOrDigit(before) && before != '_' && before != '.';
    }

    /** The end (exclusive) of the number starting at {@code start}. */
    static int end(String sql, int start) {
        int n = sql.length();
        if (radix(sql, start) != 10) {
            int radix = radix(sql, start);
            int i = start + 2;
            while (i < n && (Character.digit(sql.charAt(i), radix) >= 0
                    || sql.charAt(i) == '_' && i + 1 < n && Character.digit(sql.charAt(i + 1), radix) >= 0)) {
                i++;
            }
            return i;
        }
        int i = digits(sql, start);
        if (i < n && sql.charAt(i) == '.') {
            i = digits(sql, i + 1);
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < n && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            while (exponent < n && Character.isDigit(sql.charAt(exponent))) {
                i = ++exponent;
            }
        }
        return i;
    }

    /** The number as Calcite reads it: a decimal integer for the radix forms, without separators; never shorter than the text. */
    static String rewrite(String number) {
        int radix = radix(number, 0);
        String text;
        if (radix != 10) {
            String digits = withoutSeparators(number.substring(2));
            if (digits.isEmpty()) {
                return number;
            }
            text = new BigInteger(digits, radix).toString();
        } else {
            text = withoutSeparators(number);
        }
        return text.length() >= number.length() ? text : text + " ".repeat(number.length() - text.length());
    }

    /** Whether a rewritten number is an integer (digits, perhaps followed by the blanks that keep its length). */
    static boolean isInteger(String number) {
        String digits = number.strip();
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
    }

    private static int radix(String sql, int start) {
        if (sql.charAt(start) != '0' || start + 2 >= sql.length()) {
            return 10;
        }
        return switch (Character.toLowerCase(sql.charAt(start + 1))) {
            case 'x' -> 16;
            case 'b' -> 2;
            case 'o' -> 8;
            default -> 10;
        };
    }

    private static int digits(String sql, int from) {
        int i = from;
        while (i < sql.length() && (Character.isDigit(sql.charAt(i))
                || sql.charAt(i) == '_' && i > from && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
            i++;
        }
        return i;
    }

    /** Removes the underscores that stand between two digits (of any radix); others stay, for the parser to refuse. */
    private static String withoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == '_' && i > 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
            if (!separator) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
