package io.quarry.sql;

/**
 * Trino's names of row pattern variables (unquoted in upper case, quoted as written, compared exactly) as names Calcite
 * keeps apart, though it folds unquoted names to lower case and compares names without case: a name's Calcite form
 * has each character that has an upper-case form moved into the private use area, each other one in lower case. The
 * unquoted {@code A} and the quoted {@code "A"} are then both {@code a}, the quoted {@code "a"} is another name. Each
 * character keeps its place, so a rewritten quoted name keeps the positions of the text.
 */
final class PatternVariableNames {
    private static final char PRIVATE_USE = '\uE000';
    /** Characters below this move into the private use area (which ends at U+F8FF); the others cannot be told apart. */
    private static final char MOVABLE_BELOW = '\u1900';

    private PatternVariableNames() {}

    /** The Calcite form of Trino's name. */
    static String encode(String trinoName) {
        StringBuilder out = new StringBuilder(trinoName.length());
        for (int k = 0; k < trinoName.length(); k++) {
            char c = trinoName.charAt(k);
            out.append(Character.toUpperCase(c) != c && c < MOVABLE_BELOW ? (char) (PRIVATE_USE + c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Trino's name of a Calcite form. */
    static String decode(String calciteName) {
        StringBuilder out = new StringBuilder(calciteName.length());
        for (int k = 0; k < calciteName.length(); k++) {
            char c = calciteName.charAt(k);
            out.append(c >= PRIVATE_USE && c < PRIVATE_USE + MOVABLE_BELOW ? (char) (c - PRIVATE_USE) : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
