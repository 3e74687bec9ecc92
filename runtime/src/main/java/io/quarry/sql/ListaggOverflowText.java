package io.quarry.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * listagg's {@code ON OVERFLOW ERROR} and {@code ON OVERFLOW TRUNCATE ['filler'] WITH|WITHOUT COUNT}, which
 * Calcite's grammar lacks, in the text: they become three more arguments of the call, as Trino's own listagg takes
 * them ({@code , overflowError, filler, withCount}).
 */
final class ListaggOverflowText {
    private static final Pattern CLAUSE = Pattern.compile(
            "(?is)on\\s+overflow\\s+(?:(error)|truncate(?:\\s+('(?:[^']|'')*'))?\\s+(with|without)\\s+count)");

    private ListaggOverflowText() {}

    /**
     * Appends the arguments standing for the clause starting at {@code start} (the word ON) to {@code out} and returns
     * where the text goes on, or -1 (appending nothing) when no such clause starts there.
     */
    static int rewrite(String sql, int start, StringBuilder out) {
        Matcher matcher = CLAUSE.matcher(sql);
        matcher.region(start, sql.length());
        if (!matcher.lookingAt()) {
            return -1;
        }
        if (matcher.group(1) != null) {
            out.append(", true, '...', false");
        } else {
            String filler = matcher.group(2) == null ? "'...'" : matcher.group(2);
            boolean withCount = matcher.group(3).toLowerCase(Locale.ROOT).equals("with");
            out.append(", false, ").append(filler).append(", ").append(withCount);
        }
        return matcher.end();
    }
}
