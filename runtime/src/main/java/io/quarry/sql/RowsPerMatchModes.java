package io.quarry.sql;

import io.quarry.spi.ErrorLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Trino's ALL ROWS PER MATCH SHOW EMPTY MATCHES, OMIT EMPTY MATCHES and WITH UNMATCHED ROWS, which Calcite's grammar
 * lacks: the words after ALL ROWS PER MATCH are blanked (every position stays) and the mode of each MATCH_RECOGNIZE
 * goes to it by the position of its keyword ({@link MatchRecognizeSyntax#apply}). {@code ALL ROWS PER MATCH
 * \u0006WINDOW INITIAL|SEEK UNBOUNDED|n m} is the mode of a window's row pattern recognition written as a
 * MATCH_RECOGNIZE ({@link WindowPatternRecognition}): its frame end, and how many of the measures are the window's own.
 * The mark before WINDOW is no character of a user's statement ({@link WindowPatternRecognition#rewrite} refuses it),
 * so a user cannot ask for that mode: written without the mark, the words are the syntax error they are to Trino.
 */
final class RowsPerMatchModes {
    /** What starts the window's mode in the rewritten text. */
    static final char WINDOW_MARK = '\u0006';
    private static final Pattern MODE = Pattern.compile(
            "(?i)\\bALL\\s+ROWS\\s+PER\\s+MATCH\\s+(SHOW\\s+EMPTY\\s+MATCHES\\b|OMIT\\s+EMPTY\\s+MATCHES\\b|WITH\\s+UNMATCHED\\s+ROWS\\b"
                    + "|" + WINDOW_MARK + "WINDOW\\s+(?:INITIAL|SEEK)\\s+(?:UNBOUNDED|\\d+)\\s+\\d+\\b)");

    /**
     * The statement with the modes blanked, and the mode of each ALL ROWS PER MATCH that has one ({@code ALL_OMIT_EMPTY},
     * {@code ALL_WITH_UNMATCHED}, {@code WINDOW_INITIAL_UNBOUNDED_1}, …) by the location of its MATCH_RECOGNIZE.
     */
    record Stripped(String sql, Map<ErrorLocation, String> modes) {}

    /**
     * What ALL ROWS PER MATCH does in one MATCH_RECOGNIZE: {@code rowsPerMatch} as {@link io.quarry.plan.MatchRecognize}
     * takes it, and for a window the rows its frame takes after the current one (-1 unbounded) and how many measures are
     * the window's own.
     */
    record Mode(String rowsPerMatch, int frameFollowing, int windowMeasures, int hiddenColumns) {}

    private static final Mode SHOW_EMPTY = new Mode("ALL_SHOW_EMPTY", -1, 0, 0);
    private static final List<String> WRAPPED = List.of("ALL_SHOW_EMPTY", "ALL_OMIT_EMPTY", "ALL_WITH_UNMATCHED", "WINDOW_INITIAL",
            "WINDOW_SEEK");

    /**
     * The mode travels through Calcite's validator and converter in the pattern, which they keep as written: a call of
     * this operator over the pattern and four integers, the index of the mode in {@link #WRAPPED}, the frame end, the
     * window's measures, and how many of the last input columns are not shown (they carry the values of sub-queries,
     * see {@link MatchRecognizeSyntax}), which the optimizer may have renamed by then.
     */
    static final SqlFunction WITH_MODE = new SqlFunction("$ROWS_PER_MATCH", SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN, null,
            OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);

    private static final Pattern WINDOW_MODE = Pattern.compile(WINDOW_MARK + "WINDOW\\s+(?:INITIAL|SEEK)\\s+(?:UNBOUNDED|\\d+)\\s+\\d+");

    private RowsPerMatchModes() {}

    /**
     * The rewritten statement with the windows' modes taken out, which leaves the columns of every MATCH_RECOGNIZE as
     * they are: a statement of its own, to learn its columns from (the mark is no user's character).
     */
    static String withoutWindowModes(String sql) {
        return sql.indexOf(WINDOW_MARK) < 0 ? sql : WINDOW_MODE.matcher(sql).replaceAll("");
    }

    /**
     * The pattern of a MATCH_RECOGNIZE whose ALL ROWS PER MATCH has the mode (one of {@link Stripped#modes}, null for the
     * default) and whose input's last {@code hiddenColumns} are not shown.
     */
    static SqlNode withMode(SqlNode pattern, String mode, int hiddenColumns) {
        SqlParserPos pos = pattern.getParserPosition();
        String[] words = (mode == null ? SHOW_EMPTY.rowsPerMatch() : mode).split("_");
        String rowsPerMatch = words[0] + "_" + words[1] + (words.length == 3 ? "_" + words[2] : "");
        boolean window = words[0].equals("WINDOW");
        return WITH_MODE.createCall(pos, pattern, SqlLiteral.createExactNumeric(String.valueOf(WRAPPED.indexOf(rowsPerMatch)), pos),
                SqlLiteral.createExactNumeric(window && !words[2].equals("UNBOUNDED") ? words[2] : "-1", pos),
                SqlLiteral.createExactNumeric(window ? words[3] : "0", pos),
                SqlLiteral.createExactNumeric(String.valueOf(hiddenColumns), pos));
    }

    /** The mode of a converted MATCH_RECOGNIZE with ALL ROWS PER MATCH, from its pattern. */
    static Mode mode(RexNode pattern) {
        if (!(pattern instanceof RexCall call) || call.getOperator() != WITH_MODE) {
            return SHOW_EMPTY;
        }
        return new Mode(WRAPPED.get(intValue(call, 1)), intValue(call, 2), intValue(call, 3), intValue(call, 4));
    }

    /** The pattern without its mode. */
    static RexNode pattern(RexNode pattern) {
        return pattern instanceof RexCall call && call.getOperator() == WITH_MODE ? call.getOperands().get(0) : pattern;
    }

    private static int intValue(RexCall call, int operand) {
        return ((RexLiteral) call.getOperands().get(operand)).getValueAs(Integer.class);
    }

    static Stripped strip(String sql) {
        Matcher matcher = MODE.matcher(sql);
        StringBuilder out = new StringBuilder(sql);
        Map<ErrorLocation, String> modes = new HashMap<>();
        // where words start outside literals and comments (the clause's ALL is one), and where MATCH_RECOGNIZE does
        TreeMap<Integer, Boolean> words = new TreeMap<>();
        while (matcher.find()) {
            if (words.isEmpty()) {
                SqlWords.walk(sql, (start, end) -> words.put(start, sql.substring(start, end).equalsIgnoreCase("MATCH_RECOGNIZE")));
            }
            if (!words.containsKey(matcher.start())) {
                continue;
            }
            Integer keyword = words.headMap(matcher.start(), false).descendingMap().entrySet().stream()
                    .filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElse(null);
            String mode = matcher.group(1).toUpperCase(Locale.ROOT);
            if (keyword != null && !mode.startsWith("SHOW")) {
                modes.put(SqlWords.location(sql, keyword), mode.startsWith("OMIT") ? "ALL_OMIT_EMPTY"
                        : mode.startsWith("WITH") ? "ALL_WITH_UNMATCHED" : String.join("_", mode.substring(1).split("\\s+")));
            }
            for (int i = matcher.start(1); i < matcher.end(1); i++) {
                if (!Character.isWhitespace(out.charAt(i))) {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return new Stripped(out.toString(), modes);
    }
}
