package io.quarry.sql;

/**
 * Trino's six-digit escapes in Unicode string literals ({@code U&'\+01F600'}), spelled as the four-digit escapes
 * Calcite's grammar reads: a code point beyond the Basic Multilingual Plane becomes its two UTF-16 surrogates,
 * {@code \D83D\DE00}, one within it {@code \0041}. Calcite alone would read {@code +01F} as the first four digits.
 */
final class UnicodeEscapes {
    private UnicodeEscapes() {}

    /**
     * The body of a {@code U&'…'} literal (between its quotes) with each {@code <escape>+XXXXXX} rewritten; the body
     * itself when it has none, or when a six-digit escape is malformed (the grammar then reports it).
     */
    static String widen(String body, char escape) {
        if (body.indexOf(escape + "+") < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length() + 4);
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != escape || i + 1 >= body.length()) {
                out.append(c);
                i++;
            } else if (body.charAt(i + 1) == escape) {
                out.append(c).append(c); // the escape character itself
                i += 2;
            } else if (body.charAt(i + 1) == '+') {
                int codePoint = sixHexDigits(body, i + 2);
                if (codePoint < 0 || !Character.isValidCodePoint(codePoint)) {
                    return body;
                }
                for (char unit : Character.toChars(codePoint)) {
                    out.append(escape).append(String.format("%04X", (int) unit));
                }
                i += 8;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int sixHexDigits(String text, int from) {
        if (from + 6 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + 6; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The escape character of the literal that closes before {@code end}: the one of a following UESCAPE, else {@code \}. */
    static char escapeAfter(String sql, int end) {
        int at = end;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        if (sql.regionMatches(true, at, "UESCAPE", 0, 7)) {
            int quote = sql.indexOf('\'', at + 7);
            if (quote >= 0 && quote + 1 < sql.length()) {
                return sql.charAt(quote + 1);
            }
        }
        return '\\';
    }
}
