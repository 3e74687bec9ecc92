package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.sql.MatchRecognizeSyntax.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Row pattern recognition in a window ({@code m OVER w … WINDOW w AS (ORDER BY x MEASURES … ROWS BETWEEN CURRENT ROW
 * AND UNBOUNDED FOLLOWING PATTERN (…) DEFINE …)}), which Calcite's grammar lacks. Trino's errors for a frame it
 * refuses there or a missing DEFINE; then the query block is written as a MATCH_RECOGNIZE over its FROM and WHERE
 * whose rows per match are those of the window ({@code ALL ROWS PER MATCH WINDOW INITIAL|SEEK n|UNBOUNDED m} after a
 * mark no statement has, see {@link RowsPerMatchModes}): one row per input row with, as measures, the window's measures
 * and the functions computed over its frame ({@code avg(x) OVER w} the measure {@code avg(x)}, {@code first_value(x)
 * OVER w} the measure {@code FIRST(x)}). A block with GROUP BY, HAVING or aggregates first moves them into a sub-query
 * of its FROM, so that the window reads the grouped rows; a {@code *} of the block becomes the columns it stands for.
 * Each window of the statement is rewritten in turn.
 */
final class WindowPatternRecognition {
    private static final Set<String> FRAME_TYPES = Set.of("ROWS", "RANGE", "GROUPS");
    /** Window functions that take no frame: Trino refuses them over a frame of pattern recognition. */
    private static final Set<String> FRAMELESS = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE",
            "LAG", "LEAD");
    private static final Set<String> TAIL_CLAUSES = Set.of("ORDER", "LIMIT", "OFFSET", "FETCH");

    /**
     * A window specification of pattern recognition: tokens {@code open} to {@code close} (its parentheses), its
     * name in the WINDOW clause (null inline), where MEASURES and the frame are, the token after the frame, how many
     * rows after the current one the frame takes ("UNBOUNDED" or a count), and the INITIAL or SEEK token (-1 without).
     */
    private record Spec(int open, int close, String name, int nameAt, ErrorLocation location, int measuresAt, int frameAt,
            int afterFrame, String following, int modeAt) {}

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A grouping key that is an expression: its words (upper case) and its name in the grouped sub-query. */
    private record KeyExpression(List<String> words, String name) {}

    private WindowPatternRecognition() {}

    /**
     * The statement with each window of pattern recognition written as a MATCH_RECOGNIZE, one after the other; unchanged
     * without one.
     */
    static String rewrite(String sql, Function<String, List<String>> columnNames) {
        int mark = sql.indexOf(RowsPerMatchModes.WINDOW_MARK);
        if (mark >= 0) {
            // the mark of the window's internal mode is no character of SQL
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "token recognition error at: '" + RowsPerMatchModes.WINDOW_MARK + "'",
                    SqlWords.location(sql, mark));
        }
        if (!mayHaveSpec(sql)) {
            return sql;
        }
        String rewritten = sql;
        for (int round = 0; ; round++) {
            List<Token> tokens = Token.scan(rewritten);
            List<Spec> specs = specs(rewritten, tokens);
            if (specs.isEmpty()) {
                return rewritten;
            }
            rewritten = new Rewrite(rewritten, tokens, specs.get(0), round, columnNames).text();
        }
    }

    /** Whether the text has a word a window of pattern recognition needs: most statements are spared the tokens. */
    private static boolean mayHaveSpec(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        return upper.contains("PATTERN") || upper.contains("MEASURES");
    }

    private static List<Spec> specs(String sql, List<Token> tokens) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Spec spec = null;
            if (tokens.get(i).isWord("OVER") && tokens.get(i + 1).is('(')) {
                spec = specification(sql, tokens, i + 1, null, -1);
            } else if (i + 3 < tokens.size() && (tokens.get(i).isWord("WINDOW") || tokens.get(i).is(',')) && tokens.get(i + 1).isName()
                    && tokens.get(i + 2).isWord("AS") && tokens.get(i + 3).is('(')) {
                spec = specification(sql, tokens, i + 3, tokens.get(i + 1).trinoName(), i + 1);
            }
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    private static Spec specification(String sql, List<Token> tokens, int open, String name, int nameAt) {
        int depth = 0;
        Token frame = null;
        int frameAt = -1;
        Token frameStart = null;
        int measuresAt = -1;
        int modeAt = -1;
        int close = tokens.size() - 1;
        boolean pattern = false;
        boolean define = false;
        for (int k = open; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.is('(')) {
                depth++;
            } else if (token.is(')') && --depth == 0) {
                close = k;
                break;
            } else if (depth == 1 && token.kind() == Token.WORD) {
                // as clauses, not as columns named so (PARTITION BY pattern)
                Token before = tokens.get(k - 1);
                Token after = tokens.get(Math.min(k + 1, tokens.size() - 1));
                boolean definition = token.isWord("DEFINE") && after.isName() && k + 2 < tokens.size() && tokens.get(k + 2).isWord("AS");
                boolean measures = token.isWord("MEASURES") && !before.isWord("BY") && !before.is(',') && !after.is(',') && !after.is(')');
                pattern |= token.isWord("PATTERN") && after.is('(') || definition || measures;
                define |= definition;
                if (measures && measuresAt < 0) {
                    measuresAt = k;
                }
                if ((token.isWord("INITIAL") || token.isWord("SEEK")) && after.isWord("PATTERN")) {
                    modeAt = k;
                }
                if (frame == null && FRAME_TYPES.contains(token.upper())) {
                    frame = token;
                    frameAt = k;
                }
                if (frameStart == null && (token.isWord("MEASURES") || FRAME_TYPES.contains(token.upper()))) {
                    frameStart = token;
                }
            }
        }
        if (!pattern || frame == null) {
            // without a frame, the words are a syntax error to Trino too, which the parser reports
            return null;
        }
        // Trino tells where the frame starts (its MEASURES)
        ErrorLocation location = SqlWords.location(sql, frameStart.start());
        if (!frame.isWord("ROWS")) {
            throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires ROWS frame type",
                    location);
        }
        boolean fromCurrentRow = frameAt + 3 < tokens.size() && tokens.get(frameAt + 1).isWord("BETWEEN")
                && tokens.get(frameAt + 2).isWord("CURRENT") && tokens.get(frameAt + 3).isWord("ROW");
        if (!fromCurrentRow) {
            throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires frame specified as BETWEEN CURRENT ROW AND ...",
                    location);
        }
        if (!define) {
            throw Errors.error(ErrorCode.MISSING_VARIABLE_DEFINITIONS, "Pattern recognition requires DEFINE clause",
                    location);
        }
        for (int k = open; k < close; k++) {
            if (tokens.get(k).isWord("PATTERN") && tokens.get(k + 1).is('(')) {
                for (int p = k + 2; p < close && !tokens.get(p).isWord("DEFINE") && !tokens.get(p).isWord("SUBSET"); p++) {
                    if (tokens.get(p).is('^') || tokens.get(p).is('$')) {
                        throw Errors.error(ErrorCode.INVALID_ROW_PATTERN, "Anchor pattern syntax is not allowed in window",
                                SqlWords.location(sql, tokens.get(p).start()));
                    }
                }
            }
            if (tokens.get(k).isWord("MATCH_NUMBER") && tokens.get(k + 1).is('(')) {
                throw Errors.error(ErrorCode.INVALID_PATTERN_RECOGNITION_FUNCTION, "MATCH_NUMBER function is not supported in window",
                        SqlWords.location(sql, tokens.get(k).start()));
            }
        }
        String following = null;
        int end = frameAt + 5;
        if (end + 1 < close && tokens.get(frameAt + 4).isWord("AND") && tokens.get(end + 1).isWord("PRECEDING")) {
            throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from CURRENT ROW cannot end with PRECEDING",
                    location);
        }
        if (end + 1 < close && tokens.get(frameAt + 4).isWord("AND") && tokens.get(end + 1).isWord("FOLLOWING")) {
            Token bound = tokens.get(end);
            // a frame longer than any partition can be is unbounded
            following = bound.isWord("UNBOUNDED") || bound.text().matches("\\d{10,}") ? "UNBOUNDED"
                    : bound.kind() == Token.NUMBER && bound.text().matches("\\d+") ? bound.text() : null;
        } else if (end + 1 < close && tokens.get(frameAt + 4).isWord("AND") && tokens.get(end).isWord("CURRENT") && tokens.get(end + 1).isWord("ROW")) {
            following = "0";
        }
        return new Spec(open, close, name, nameAt, location, measuresAt, frameAt, following == null ? -1 : end + 2, following, modeAt);
    }

    private static RuntimeException notSupported(Spec spec) {
        return Errors.error(ErrorCode.NOT_SUPPORTED, "Row pattern recognition in a window is not supported yet", spec.location());
    }

    /** The query block of one window specification, written anew. */
    private static final class Rewrite {
        private final String sql;
        private final List<Token> tokens;
        private final Spec spec;
        /** The depth of parentheses of each token: a parenthesis has that of its outside. */
        private final int[] depth;
        /** Generated names of the measures, by the window's measure name (Trino's reading). */
        private final Map<String, String> measureNames = new HashMap<>();
        private final List<String> measures = new ArrayList<>();
        /** Names of more than one measure: an error where read. */
        private final Set<String> ambiguousMeasures = new HashSet<>();
        /** The grouping keys that are expressions, with the names the grouped sub-query shows them under. */
        private final List<KeyExpression> keyExpressions = new ArrayList<>();
        /** The names the input gives its columns when some have one name ({@link #inputColumns}); null otherwise. */
        private List<String> inputColumnNames;
        /** The names more than one column of the input has, which the block may not read. */
        private Set<String> duplicateNames = Set.of();
        /** What the generated names of this rewrite start with: each window of the statement has its own. */
        private final String prefix;

        /** The names of the columns of a query, in their order: for a {@code *} beside the window. */
        private final Function<String, List<String>> columnNames;

        Rewrite(String sql, List<Token> tokens, Spec spec, int round, Function<String, List<String>> columnNames) {
            this.prefix = "\"$window" + round + "_";
            this.columnNames = columnNames;
            this.sql = sql;
            this.tokens = tokens;
            this.spec = spec;
            this.depth = new int[tokens.size()];
            int level = 0;
            for (int k = 0; k < tokens.size(); k++) {
                if (tokens.get(k).is(')')) {
                    level--;
                }
                depth[k] = level;
                if (tokens.get(k).is('(')) {
                    level++;
                }
            }
        }

        String text() {
            if (spec.following() == null) {
                throw notSupported(spec);
            }
            // the block: the SELECT at the depth of the OVER or the WINDOW clause, up to the end of its depth
            int anchor = spec.name() == null ? spec.open() - 1 : spec.nameAt();
            int level = depth[anchor];
            int select = -1;
            for (int k = anchor; k >= 0 && depth[k] >= level; k--) {
                if (depth[k] == level && tokens.get(k).isWord("SELECT")) {
                    select = k;
                    break;
                }
            }
            if (select < 0) {
                throw notSupported(spec);
            }
            int blockEnd = tokens.size();
            for (int k = select + 1; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (depth[k] < level || depth[k] == level && (token.is(';') || token.isWord("UNION") || token.isWord("INTERSECT")
                        || token.isWord("EXCEPT"))) {
                    blockEnd = k;
                    break;
                }
            }
            int from = -1;
            int windowAt = -1;
            int groupingAt = -1;
            int tailAt = blockEnd;
            for (int k = select + 1; k < blockEnd; k++) {
                Token token = tokens.get(k);
                if (depth[k] != level || token.kind() != Token.WORD) {
                    continue;
                }
                if (from < 0 && token.isWord("FROM")) {
                    from = k;
                } else if (from >= 0 && groupingAt < 0 && (token.isWord("GROUP") || token.isWord("HAVING"))) {
                    groupingAt = k;
                } else if (from >= 0 && windowAt < 0 && token.isWord("WINDOW")) {
                    windowAt = k;
                } else if (from >= 0 && TAIL_CLAUSES.contains(token.upper()) && (!token.isWord("ORDER") || tokens.get(k + 1).isWord("BY"))) {
                    tailAt = k;
                    break;
                }
            }
            if (from < 0 || spec.name() == null && (spec.open() < select || spec.open() > from)
                    || spec.name() != null && (windowAt < 0 || spec.nameAt() < windowAt || spec.nameAt() > tailAt)) {
                throw notSupported(spec);
            }
            if (groupingAt >= 0 || !withGroupedAggregates(select, from, new HashMap<>(), select).equals(text(select, from - 1))) {
                // grouped, or aggregated as a whole
                return grouped(select, from, groupingAt, windowAt, tailAt, blockEnd, level);
            }
            collectMeasures();
            int ownMeasures = measures.size();
            String items = items(select, from, windowAt >= 0 ? windowAt : tailAt);
            checkNotReferred(select + 1, from);
            checkNotReferred(tailAt, blockEnd);
            for (int k = from; k < blockEnd; k++) {
                // the window is read in the select list only
                if (k >= windowAt && k < tailAt && windowAt >= 0 || !tokens.get(k).isWord("OVER")) {
                    continue;
                }
                if (targetsSpec(k)) {
                    throw notSupported(spec);
                }
            }
            int bodyEnd = windowAt >= 0 ? windowAt : tailAt;
            StringBuilder out = new StringBuilder(sql.substring(0, tokens.get(select).start()));
            String alias = alias(from, bodyEnd);
            int keysEnd = spec.measuresAt() >= 0 ? spec.measuresAt() : spec.frameAt();
            List<String> computedKeys = new ArrayList<>();
            String keys = keys(keysEnd, computedKeys);
            out.append(items).append(" FROM (SELECT *");
            computedKeys.forEach(key -> out.append(", ").append(key));
            out.append(" FROM ").append(sql, tokens.get(from + 1).start(), position(bodyEnd)).append(')');
            if (inputColumnNames != null) {
                List<String> columns = new ArrayList<>(inputColumnNames);
                computedKeys.forEach(key -> columns.add(key.substring(key.lastIndexOf(" AS ") + 4)));
                out.append(" AS ").append(prefix).append("input\" (").append(String.join(", ", columns)).append(')');
            } else {
                out.append(alias);
            }
            out.append(" MATCH_RECOGNIZE (").append(keys);
            if (!measures.isEmpty()) {
                out.append(" MEASURES ").append(String.join(", ", measures));
            }
            out.append(" ALL ROWS PER MATCH ").append(RowsPerMatchModes.WINDOW_MARK).append("WINDOW ")
                    .append(spec.modeAt() >= 0 ? tokens.get(spec.modeAt()).upper() : "INITIAL")
                    .append(' ').append(spec.following()).append(' ').append(ownMeasures).append(' ');
            if (spec.modeAt() >= 0) {
                out.append(sql, position(spec.afterFrame()), tokens.get(spec.modeAt()).start())
                        .append(sql, tokens.get(spec.modeAt()).end(), tokens.get(spec.close()).start());
            } else {
                out.append(sql, position(spec.afterFrame()), tokens.get(spec.close()).start());
            }
            out.append(')').append(alias);
            if (windowAt >= 0) {
                out.append(' ').append(otherWindows(windowAt, tailAt));
            }
            out.append(' ').append(sql.substring(position(tailAt)));
            return out.toString();
        }

        private int position(int token) {
            return token < tokens.size() ? tokens.get(token).start() : sql.length();
        }

        private String text(int first, int last) {
            return sql.substring(tokens.get(first).start(), tokens.get(last).end());
        }

        /**
         * The PARTITION BY and ORDER BY of the window, each key that is no column replaced by a column the input
         * computes (added to {@code computedKeys}), as MATCH_RECOGNIZE orders and partitions by columns only.
         */
        private String keys(int keysEnd, List<String> computedKeys) {
            StringBuilder keys = new StringBuilder();
            int specLevel = depth[spec.open()] + 1;
            int copied = spec.open() + 1;
            int start = -1;
            for (int k = spec.open() + 1; k <= keysEnd; k++) {
                Token token = tokens.get(k);
                boolean clause = depth[k] == specLevel && k + 1 < keysEnd && tokens.get(k + 1).isWord("BY")
                        && (token.isWord("PARTITION") || token.isWord("ORDER"));
                if (start >= 0 && (k == keysEnd || clause || token.is(',') && depth[k] == specLevel)) {
                    int last = k - 1;
                    while (last > start && depth[last] == specLevel && (tokens.get(last).isWord("ASC") || tokens.get(last).isWord("DESC")
                            || tokens.get(last).isWord("NULLS") || tokens.get(last).isWord("FIRST") || tokens.get(last).isWord("LAST"))) {
                        last--;
                    }
                    if (!isColumn(start, last)) {
                        String name = prefix + "key_" + computedKeys.size() + "\"";
                        computedKeys.add(text(start, last) + " AS " + name);
                        keys.append(sql, tokens.get(copied).start(), tokens.get(start).start()).append(name);
                        copied = last + 1;
                    }
                    start = -1;
                }
                if (clause) {
                    start = k + 2;
                    k++;
                } else if (token.is(',') && depth[k] == specLevel) {
                    start = k + 1;
                }
            }
            return keys.append(sql, tokens.get(copied).start(), tokens.get(keysEnd).start()).toString();
        }

        /** Whether tokens first to last are a column's name, qualified or not. */
        private boolean isColumn(int first, int last) {
            for (int k = first; k <= last; k++) {
                if ((k - first) % 2 == 0 ? !tokens.get(k).isName() : !tokens.get(k).is('.')) {
                    return false;
                }
            }
            return (last - first) % 2 == 0;
        }

        /** The window's measures, each under a name no column has, and those names by the measures'. */
        private void collectMeasures() {
            if (spec.measuresAt() < 0) {
                return;
            }
            int start = spec.measuresAt() + 1;
            int specLevel = depth[spec.open()] + 1;
            for (int k = start; k <= spec.frameAt(); k++) {
                if (k == spec.frameAt() || tokens.get(k).is(',') && depth[k] == specLevel) {
                    int as = k - 2;
                    if (as <= start || !tokens.get(as).isWord("AS") || !tokens.get(k - 1).isName()) {
                        throw notSupported(spec);
                    }
                    String generated = prefix + "measure_" + measures.size() + "\"";
                    if (measureNames.put(tokens.get(k - 1).trinoName(), generated) != null) {
                        ambiguousMeasures.add(tokens.get(k - 1).trinoName());
                    }
                    measures.add(text(start, as - 1) + " AS " + generated);
                    start = k + 1;
                }
            }
        }

        /**
         * The select list, each {@code f(x) OVER w} and {@code measure OVER w} read from a measure of the match, and each
         * {@code *} the columns of the FROM and WHERE ending at token {@code bodyEnd}, which the match shows in another order.
         */
        private String items(int select, int from, int bodyEnd) {
            StringBuilder items = new StringBuilder();
            int copied = tokens.get(select).start();
            for (int k = select + 1; k < from; k++) {
                if (tokens.get(k).is('*') && depth[k] == depth[select] && (isItemStart(select, k) || tokens.get(k - 1).is('.'))) {
                    int first = tokens.get(k - 1).is('.') ? k - 2 : k;
                    if (first < k && !isItemStart(select, first)) {
                        throw notSupported(spec);
                    }
                    items.append(sql, copied, tokens.get(first).start()).append(inputColumns(from, bodyEnd, text(first, k)));
                    copied = tokens.get(k).end();
                    continue;
                }
                if (!tokens.get(k).isWord("OVER") || !targetsSpec(k)) {
                    continue;
                }
                int end = spec.name() == null ? spec.close() : k + 1;
                Token before = tokens.get(k - 1);
                int first;
                String measure;
                if (before.is(')')) {
                    int open = opening(k - 1);
                    first = open - 1;
                    Token function = tokens.get(first);
                    if (first <= select || !function.isName() || tokens.get(first - 1).is('.')) {
                        throw notSupported(spec);
                    }
                    String name = function.upper();
                    if (name.equals("FILTER")) {
                        throw Errors.error(ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions",
                                SqlWords.location(sql, tokens.get(select + 1).start()));
                    }
                    if (FRAMELESS.contains(name)) {
                        throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Cannot specify window frame for " + name.toLowerCase(Locale.ROOT)
                                + " function", spec.location());
                    }
                    String arguments = text(open, k - 1);
                    String expression = switch (name) {
                        case "FIRST_VALUE" -> "FIRST" + arguments;
                        case "LAST_VALUE" -> "LAST" + arguments;
                        case "NTH_VALUE" -> "FIRST(" + text(open + 1, k - 4) + ", " + nthOffset(open, k - 1) + ")";
                        // Trino reads the rows of the match with or without DISTINCT, as all of them
                        default -> tokens.get(open + 1).isWord("DISTINCT") || tokens.get(open + 1).isWord("ALL")
                                ? text(first, open) + sql.substring(tokens.get(open + 1).end(), tokens.get(k - 1).end())
                                : text(first, k - 1);
                    };
                    measure = prefix + "measure_" + measures.size() + "\"";
                    measures.add(expression + " AS " + measure);
                } else if (before.isName() && k - 1 > select) {
                    first = k - 1;
                    measure = measureNames.get(before.trinoName());
                    if (ambiguousMeasures.contains(before.trinoName())) {
                        throw Errors.error(ErrorCode.AMBIGUOUS_NAME, "Measure " + before.identifier().getSimple() + " is defined more than once",
                                SqlWords.location(sql, before.start()));
                    }
                    if (measure == null) {
                        throw Errors.error(ErrorCode.INVALID_WINDOW_MEASURE, "Measure " + before.identifier().getSimple()
                                + " is not defined in the corresponding window", SqlWords.location(sql, before.start()));
                    }
                } else {
                    throw notSupported(spec);
                }
                items.append(sql, copied, tokens.get(first).start()).append(measure);
                Token beforeItem = tokens.get(first - 1);
                boolean wholeItem = first - 1 == select || beforeItem.is(',') && depth[first - 1] == depth[select]
                        || beforeItem.isWord("DISTINCT") || beforeItem.isWord("ALL");
                if (wholeItem && (end + 1 == from || tokens.get(end + 1).is(','))) {
                    // a column without an alias keeps Trino's name of an expression
                    items.append(" AS \"_col").append(itemIndex(select, first)).append('"');
                }
                copied = tokens.get(end).end();
                k = end;
            }
            return items.append(sql, copied, tokens.get(from).start()).toString();
        }

        /** The offset from the first row of {@code nth_value(x, n)}'s literal n, whose arguments are tokens open to close. */
        private long nthOffset(int open, int close) {
            Token n = tokens.get(close - 1);
            if (close - 3 <= open || !tokens.get(close - 2).is(',') || n.kind() != Token.NUMBER || !n.text().matches("\\d{1,18}")) {
                throw notSupported(spec);
            }
            long offset = Long.parseLong(n.text());
            if (offset < 1) {
                throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid offset for nth_value: " + offset,
                        SqlWords.location(sql, n.start()));
            }
            return offset - 1;
        }

        private boolean targetsSpec(int over) {
            if (over + 1 >= tokens.size()) {
                return false;
            }
            Token target = tokens.get(over + 1);
            return spec.name() == null ? over + 1 == spec.open() : target.isName() && target.trinoName().equals(spec.name());
        }

        private int itemIndex(int select, int token) {
            int index = 0;
            for (int k = select + 1; k < token; k++) {
                if (tokens.get(k).is(',') && depth[k] == depth[select]) {
                    index++;
                }
            }
            return index;
        }

        private int opening(int close) {
            int level = 0;
            for (int k = close; k >= 0; k--) {
                if (tokens.get(k).is(')')) {
                    level++;
                } else if (tokens.get(k).is('(') && --level == 0) {
                    return k;
                }
            }
            throw notSupported(spec);
        }

        /** The alias of a single table the block reads ({@code FROM orders o}), for the columns qualified with it. */
        private String alias(int from, int bodyEnd) {
            int last = bodyEnd - 1;
            for (int k = from + 1; k < bodyEnd; k++) {
                if (tokens.get(k).isWord("WHERE") && depth[k] == depth[from]) {
                    last = k - 1;
                    break;
                }
            }
            if (tokens.get(last).is(')') && isColumnList(opening(last), last)) {
                // an alias with column names, t(a, b), after a relation in parentheses
                int open = opening(last);
                Token name = tokens.get(open - 1);
                Token before = tokens.get(open - 2);
                return open - 2 > from && name.isName() && !name.isWord("AS") && (before.is(')') || before.isWord("AS"))
                        ? " AS " + name.text() : "";
            }
            Token name = tokens.get(last);
            Token before = tokens.get(last - 1);
            boolean aliased = last - 1 > from && name.isName() && (before.isWord("AS") || before.isName() && last - 2 == from
                    || before.isName() && tokens.get(last - 2).is('.'));
            return aliased && !name.isWord("AS") ? " AS " + name.text() : "";
        }

        /** Whether the parentheses at tokens {@code open} and {@code close} hold names separated by commas. */
        private boolean isColumnList(int open, int close) {
            for (int k = open + 1; k < close; k++) {
                if ((k - open) % 2 == 1 ? !tokens.get(k).isName() : !tokens.get(k).is(',')) {
                    return false;
                }
            }
            return close > open + 1 && (close - open) % 2 == 0;
        }

        /** Whether token {@code k} starts an item of the select list that starts at token {@code select}. */
        private boolean isItemStart(int select, int k) {
            Token previous = tokens.get(k - 1);
            return k - 1 == select || previous.is(',') && depth[k - 1] == depth[select]
                    || (previous.isWord("DISTINCT") || previous.isWord("ALL")) && k - 2 == select;
        }

        /**
         * The columns {@code star} ({@code *} or {@code t.*}) stands for over the FROM and WHERE from token {@code from} to
         * {@code bodyEnd}, quoted and in their order, read by their names. Columns of one name ({@code *} of a join) are
         * told apart by the input's names for its columns ({@link #inputColumnNames}), which rename all but the first.
         */
        private String inputColumns(int from, int bodyEnd, String star) {
            String body = sql.substring(tokens.get(from + 1).start(), position(bodyEnd));
            String with = withClause(from);
            List<String> all = columnNames.apply(RowsPerMatchModes.withoutWindowModes(with + "SELECT * FROM " + body)).stream()
                    .map(name -> name.toLowerCase(Locale.ROOT)).toList();
            if (star.equals("*")) {
                List<String> unique = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    String name = quoted(all.get(i));
                    String renamed = all.indexOf(all.get(i)) == all.lastIndexOf(all.get(i)) ? name : prefix + "column_" + i + "\"";
                    unique.add(renamed);
                    items.add(renamed.equals(name) ? name : renamed + " AS " + name);
                }
                if (!unique.equals(all.stream().map(WindowPatternRecognition::quoted).toList())) {
                    inputColumnNames = unique;
                    duplicateNames = all.stream().filter(name -> all.indexOf(name) != all.lastIndexOf(name)).collect(Collectors.toSet());
                }
                return String.join(", ", items);
            }
            List<String> names = columnNames.apply(RowsPerMatchModes.withoutWindowModes(with + "SELECT " + star + " FROM " + body));
            if (names.stream().map(name -> name.toLowerCase(Locale.ROOT)).anyMatch(name -> all.indexOf(name) != all.lastIndexOf(name))) {
                // which of the columns of one name the relation has is not known here
                throw notSupported(spec);
            }
            return String.join(", ", names.stream().map(WindowPatternRecognition::quoted).toList());
        }

        /** Fails where tokens {@code first} to {@code end} (exclusive) name a column of {@link #duplicateNames}. */
        private void checkNotReferred(int first, int end) {
            for (int k = first; k < end; k++) {
                Token token = tokens.get(k);
                if (k >= spec.open() && k <= spec.close() || !token.isName() || !duplicateNames.contains(token.identifier().getSimple())
                        || tokens.get(k - 1).is('.') || tokens.get(k - 1).isWord("AS") || k + 1 < tokens.size()
                        && (tokens.get(k + 1).is('(') || tokens.get(k + 1).is('.'))) {
                    continue;
                }
                throw Errors.error(ErrorCode.AMBIGUOUS_NAME, "Column '" + token.identifier().getSimple() + "' is ambiguous",
                        SqlWords.location(sql, token.start()));
            }
        }

        /**
         * The WITH queries the FROM at token {@code from} may read, for a query over it alone: those of each WITH whose
         * query holds it, defined before it; empty without.
         */
        private String withClause(int from) {
            List<String> queries = new ArrayList<>();
            boolean recursive = false;
            for (int k = 0; k < from; k++) {
                if (!tokens.get(k).isWord("WITH") || depth[k] > depth[from]) {
                    continue;
                }
                boolean holds = true;
                for (int between = k + 1; between < from && holds; between++) {
                    holds = depth[between] >= depth[k];
                }
                int name = tokens.get(k + 1).isWord("RECURSIVE") ? k + 2 : k + 1;
                recursive |= holds && name == k + 2;
                while (holds && name + 1 < from) {
                    int as = tokens.get(name + 1).is('(') ? closing(name + 1) + 1 : name + 1;
                    if (!tokens.get(as).isWord("AS") || !tokens.get(as + 1).is('(') || closing(as + 1) >= from) {
                        break;
                    }
                    int end = closing(as + 1);
                    queries.add(text(name, end));
                    if (!tokens.get(end + 1).is(',')) {
                        break;
                    }
                    name = end + 2;
                }
            }
            return queries.isEmpty() ? "" : (recursive ? "WITH RECURSIVE " : "WITH ") + String.join(", ", queries) + " ";
        }

        /**
         * The block with its GROUP BY and HAVING (from token {@code groupingAt}) in a sub-query of its FROM, which gives the
         * window the grouped rows: the sub-query shows the grouping keys, which must be columns, and the aggregates the rest of
         * the block reads (but those of the window's own MEASURES and DEFINE, which aggregate the match), each under a name.
         */
        private String grouped(int select, int from, int groupingAt, int windowAt, int tailAt, int blockEnd, int level) {
            int groupingEnd = windowAt >= 0 ? windowAt : tailAt;
            List<String> keys = new ArrayList<>();
            int keysEnd = groupingEnd;
            for (int k = Math.max(groupingAt, from); k < groupingEnd; k++) {
                if (tokens.get(k).isWord("HAVING") && depth[k] == level) {
                    keysEnd = k;
                }
            }
            if (groupingAt >= 0 && tokens.get(groupingAt).isWord("GROUP")) {
                if (!tokens.get(groupingAt + 1).isWord("BY")) {
                    throw notSupported(spec);
                }
                int start = groupingAt + 2;
                for (int k = start; k <= keysEnd; k++) {
                    if (k == keysEnd || tokens.get(k).is(',') && depth[k] == level) {
                        for (String key : groupingKeys(select, from, start, k - 1)) {
                            if (!keys.contains(key)) {
                                keys.add(key);
                            }
                        }
                        start = k + 1;
                    }
                }
            }
            Map<String, String> aggregates = new LinkedHashMap<>();
            String items = withGroupedAggregates(select, from, aggregates, select);
            String tail = withGroupedAggregates(tailAt, blockEnd, aggregates, -1) + ' ' + sql.substring(position(blockEnd));
            List<String> inner = new ArrayList<>(keys);
            aggregates.forEach((aggregate, name) -> inner.add(aggregate + " AS " + name));
            if (inner.isEmpty()) {
                inner.add("0 AS " + prefix + "group\"");
            }
            String windows = windowAt >= 0 ? withGroupedAggregates(windowAt, tailAt, aggregates, -1) : "";
            String alias = alias(from, groupingAt >= 0 ? groupingAt : groupingEnd);
            StringBuilder out = new StringBuilder(sql.substring(0, tokens.get(select).start()));
            out.append(items).append(" FROM (SELECT ").append(String.join(", ", inner)).append(" FROM ")
                    .append(sql, tokens.get(from + 1).start(), position(groupingEnd)).append(')').append(alias).append(' ');
            return out.append(windows).append(' ').append(tail).toString();
        }

        /**
         * The items the grouped sub-query shows for the grouping element of tokens first to last: the columns of a column,
         * of the item an ordinal names, or of ROLLUP, CUBE and GROUPING SETS; an expression under a name, which replaces
         * it where the block reads it ({@link #keyExpressions}).
         */
        private List<String> groupingKeys(int select, int from, int first, int last) {
            if (first == last && tokens.get(first).kind() == Token.NUMBER && tokens.get(first).text().matches("\\d{1,9}")) {
                int ordinal = Integer.parseInt(tokens.get(first).text());
                int start = select + 1;
                int index = 1;
                for (int k = start; k <= from; k++) {
                    if (k == from || tokens.get(k).is(',') && depth[k] == depth[select]) {
                        if (index++ == ordinal) {
                            int end = k - 1;
                            if (end - 2 >= start && tokens.get(end - 1).isWord("AS")) {
                                end -= 2;
                            }
                            return groupingKeys(select, from, start, end);
                        }
                        start = k + 1;
                    }
                }
            }
            if (last < first) {
                throw notSupported(spec);
            }
            if (tokens.get(first).isWord("ROLLUP") || tokens.get(first).isWord("CUBE") || tokens.get(first).isWord("GROUPING")) {
                List<String> columns = new ArrayList<>();
                for (int k = first + 1; k <= last; k++) {
                    Token token = tokens.get(k);
                    if (token.isName() && !token.isWord("SETS")) {
                        int end = k;
                        while (end + 2 <= last && tokens.get(end + 1).is('.') && tokens.get(end + 2).isName()) {
                            end += 2;
                        }
                        columns.add(text(k, end));
                        k = end;
                    } else if (!token.is('(') && !token.is(')') && !token.is(',')) {
                        throw notSupported(spec);
                    }
                }
                return columns;
            }
            if (isColumn(first, last)) {
                return List.of(text(first, last));
            }
            String name = prefix + "key_" + keyExpressions.size() + "\"";
            keyExpressions.add(new KeyExpression(tokens.subList(first, last + 1).stream().map(Token::upper).toList(), name));
            return List.of(text(first, last) + " AS " + name);
        }

        /** How many tokens from {@code k} are a grouping expression, and its name; null where none starts. */
        private KeyExpression keyExpressionAt(int k, int end) {
            for (KeyExpression key : keyExpressions) {
                int n = key.words().size();
                if (k + n <= end && tokens.subList(k, k + n).stream().map(Token::upper).toList().equals(key.words())) {
                    return key;
                }
            }
            return null;
        }

        /**
         * The text of tokens {@code first} to {@code end} (exclusive) with each aggregate call outside the window's
         * specification read from its name in {@code aggregates} (given one when new); in the select list that starts at
         * token {@code select} (-1 elsewhere) an item that was such a call keeps Trino's name of an expression.
         */
        private String withGroupedAggregates(int first, int end, Map<String, String> aggregates, int select) {
            if (first >= end) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            int copied = tokens.get(first).start();
            for (int k = first; k < end; k++) {
                Token token = tokens.get(k);
                if (k == (spec.measuresAt() >= 0 ? spec.measuresAt() : spec.frameAt())) {
                    // the window's MEASURES and DEFINE aggregate the rows of the match; its keys those of the groups
                    k = spec.close();
                    continue;
                }
                if (token.is('(') && (tokens.get(k + 1).isWord("SELECT") || tokens.get(k + 1).isWord("WITH")
                        || tokens.get(k + 1).isWord("VALUES"))) {
                    // a sub-query's aggregates are its own
                    k = closing(k);
                    continue;
                }
                KeyExpression key = keyExpressionAt(k, end);
                if (key != null) {
                    int keyEnd = k + key.words().size() - 1;
                    out.append(sql, copied, token.start()).append(key.name());
                    if (select >= 0 && isItemStart(select, k) && (keyEnd + 1 == end || tokens.get(keyEnd + 1).is(','))) {
                        out.append(" AS \"_col").append(itemIndex(select, k)).append('"');
                    }
                    copied = tokens.get(keyEnd).end();
                    k = keyEnd;
                    continue;
                }
                if (!token.isName() || k + 1 >= end || !tokens.get(k + 1).is('(') || tokens.get(k - 1).is('.')
                        || !FunctionListing.isAggregate(token.text().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                int close = closing(k + 1);
                if (close + 2 < end && tokens.get(close + 1).isWord("FILTER") && tokens.get(close + 2).is('(')) {
                    close = closing(close + 2);
                }
                if (close + 1 < end && tokens.get(close + 1).isWord("OVER")) {
                    // a window function: its arguments may hold aggregates of the groups
                    continue;
                }
                String aggregate = text(k, close);
                String name = aggregates.computeIfAbsent(aggregate, a -> prefix + "aggregate_" + aggregates.size() + "\"");
                out.append(sql, copied, token.start()).append(name);
                if (select >= 0 && isItemStart(select, k) && (close + 1 == end || tokens.get(close + 1).is(','))) {
                    out.append(" AS \"_col").append(itemIndex(select, k)).append('"');
                }
                copied = tokens.get(close).end();
                k = close;
            }
            return out.append(sql, copied, tokens.get(end - 1).end()).toString();
        }

        private int closing(int open) {
            for (int k = open; k < tokens.size(); k++) {
                if (tokens.get(k).is(')') && depth[k] == depth[open]) {
                    return k;
                }
            }
            throw notSupported(spec);
        }

        /** The WINDOW clause without the window of pattern recognition, empty when it had no other. */
        private String otherWindows(int windowAt, int tailAt) {
            List<String> others = new ArrayList<>();
            int start = windowAt + 1;
            for (int k = start; k <= tailAt; k++) {
                if (k == tailAt || tokens.get(k).is(',') && depth[k] == depth[windowAt]) {
                    if (start != spec.nameAt()) {
                        others.add(text(start, k - 1));
                    }
                    start = k + 1;
                }
            }
            return others.isEmpty() ? "" : "WINDOW " + String.join(", ", others);
        }
    }
}
