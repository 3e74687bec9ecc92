package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's ALL ROWS PER MATCH SHOW EMPTY MATCHES, OMIT EMPTY MATCHES and WITH UNMATCHED ROWS, which Calcite's grammar
 * lacks: the words after ALL ROWS PER MATCH are blanked (every position stays) and the mode goes to the
 * translation of the statement's MATCH_RECOGNIZE. A statement whose clauses ask for different modes is refused.
 * {@code ALL ROWS PER MATCH WINDOW INITIAL|SEEK UNBOUNDED|n m} is the mode of a window's row pattern recognition
 * written as a MATCH_RECOGNIZE ({@link WindowPatternRecognition}): its frame end, and how many of the measures are the
 * window's own.
 */
final class RowsPerMatchModes {
    private static final Pattern MODE = Pattern.compile(
            "(?i)\\bALL\\s+ROWS\\s+PER\\s+MATCH\\s+(SHOW\\s+EMPTY\\s+MATCHES|OMIT\\s+EMPTY\\s+MATCHES|WITH\\s+UNMATCHED\\s+ROWS"
                    + "|WINDOW\\s+(?:INITIAL|SEEK)\\s+(?:UNBOUNDED|\\d+)\\s+\\d+)\\b");

    /** The statement with the modes blanked, and the mode of its ALL ROWS PER MATCH ({@code ALL_SHOW_EMPTY} by default). */
    record Stripped(String sql, String allRowsMode) {}

    private RowsPerMatchModes() {}

    static Stripped strip(String sql) {
        Matcher matcher = MODE.matcher(sql);
        StringBuilder out = new StringBuilder(sql);
        Set<String> modes = new HashSet<>();
        Set<Integer> wordStarts = new HashSet<>(); // where words start outside literals and comments: the clause's ALL is one
        while (matcher.find()) {
            if (wordStarts.isEmpty()) {
                SqlWords.walk(sql, (start, end) -> wordStarts.add(start));
            }
            if (!wordStarts.contains(matcher.start())) {
                continue;
            }
            String words = matcher.group(1).toUpperCase(Locale.ROOT);
            modes.add(words.startsWith("WINDOW") ? String.join("_", words.split("\\s+"))
                    : words.startsWith("OMIT") ? "ALL_OMIT_EMPTY" : words.startsWith("WITH") ? "ALL_WITH_UNMATCHED" : "ALL_SHOW_EMPTY");
            for (int i = matcher.start(1); i < matcher.end(1); i++) {
                if (!Character.isWhitespace(out.charAt(i))) {
                    out.setCharAt(i, ' ');
                }
            }
        }
        if (modes.size() > 1) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "MATCH_RECOGNIZE clauses with different ALL ROWS PER MATCH options in one statement are not supported yet");
        }
        return new Stripped(out.toString(), modes.isEmpty() ? "ALL_SHOW_EMPTY" : modes.iterator().next());
    }
}
