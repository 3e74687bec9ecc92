package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Trino's MATCH_RECOGNIZE grammar that Calcite's lacks, made parseable by changes to the text that keep every
 * position, then put back into the parsed tree ({@link #apply}):
 *
 * <ul>
 *   <li>an alias of the input relation ({@code FROM orders o MATCH_RECOGNIZE}, {@code (VALUES 1) t(x) MATCH_RECOGNIZE}):
 *   blanked, then given to the MATCH_RECOGNIZE's table as an AS;</li>
 *   <li>the anchors {@code ^} and {@code $} anywhere in the PATTERN: each becomes a mark, a pattern variable named
 *   {@code "^"} or {@code "$"} in {@link SqlText}, then a call of {@link MatchRecognizeCalls#PATTERN_START} or
 *   {@link MatchRecognizeCalls#PATTERN_END}; the empty pattern {@code ()} likewise a call of
 *   {@link MatchRecognizeCalls#PATTERN_EMPTY};</li>
 *   <li>{@code CLASSIFIER(S)}: the name is blanked, then the call becomes {@link MatchRecognizeCalls#CLASSIFIER_OF}
 *   of the name;</li>
 *   <li>a navigation offset in parentheses ({@code PREV(x, (2))}) loses them; an offset that is not an integer
 *   literal and a navigation without 1 or 2 arguments fail as in Trino;</li>
 *   <li>a sub-query in MEASURES or DEFINE: a column of the input that carries its value takes its place
 *   ({@link #hoist});</li>
 *   <li>the mode of ALL ROWS PER MATCH ({@link RowsPerMatchModes}) goes into the pattern.</li>
 * </ul>
 *
 * Independently of the text, a MATCH_RECOGNIZE aliased with a column list ({@code ) AS m (a, b)}) is read through
 * {@code SELECT *}, as Calcite's validator would register the alias twice.
 */
final class MatchRecognizeSyntax {
    /**
     * What {@code ^} and {@code $} of a PATTERN become in the text: characters no SQL has outside quotes, which
     * {@link SqlText} turns into the quoted names {@code "^"} and {@code "$"}, pattern variables to Calcite's grammar.
     */
    static final char START_MARK = '\u0002';
    static final char END_MARK = '\u0003';
    /** What the empty pattern {@code ()} becomes: its opening parenthesis, the closing one blanked; the quoted name {@code "()"}. */
    static final char EMPTY_MARK = '\u0005';
    /**
     * What the first letter of an UNNEST before MATCH_RECOGNIZE becomes: {@link SqlText} opens a sub-query there,
     * {@link #SUBQUERY_OPENING}, as Calcite's grammar takes MATCH_RECOGNIZE after a table or a sub-query only.
     */
    static final char SUBQUERY_MARK = '\u0004';
    static final String SUBQUERY_OPENING = "(SELECT * FROM ";
    /** What the columns that carry the values of the sub-queries of MEASURES and DEFINE are named after ({@link #hoist}). */
    static final String HOISTED = "$q";
    private static final Pattern INTEGER = Pattern.compile("\\d[\\d_]*|0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+");
    private static final Set<String> NAVIGATIONS = Set.of("PREV", "NEXT", "FIRST", "LAST");
    private static final Set<String> AFTER_ROWS_PER_MATCH = Set.of("AFTER", "INITIAL", "SEEK", "PATTERN");
    /** The words that start a clause of MATCH_RECOGNIZE. */
    private static final Set<String> CLAUSES = Set.of("PARTITION", "ORDER", "MEASURES", "ONE", "ALL", "AFTER", "PATTERN", "SUBSET",
            "DEFINE");
    /** Words before a relation's name, or that start a relation: never an alias. */
    private static final Set<String> NOT_ALIASES = Set.of("FROM", "JOIN", "AS", "LATERAL", "UNNEST", "TABLE", "VALUES", "ON",
            "BERNOULLI", "SYSTEM", "TABLESAMPLE", "SELECT", "WHERE", "WITH", "ORDINALITY");

    /** An alias written before MATCH_RECOGNIZE, its column names (empty without a list). */
    record Alias(SqlIdentifier name, List<SqlIdentifier> columns) {}

    /** An alias found in the text, and the token that ends the relation it names. */
    private record FoundAlias(Alias alias, int relationEnd) {}

    private final String sql;
    private final boolean matchRecognize;
    /** By the position of the word MATCH_RECOGNIZE in the user's text. */
    private final Map<ErrorLocation, Alias> aliases;
    /** The name given to CLASSIFIER, by the position of the word CLASSIFIER in the user's text. */
    private final Map<ErrorLocation, String> classifierArguments;
    /** The mode of ALL ROWS PER MATCH, by the position of the word MATCH_RECOGNIZE, where it is not the default. */
    private final Map<ErrorLocation, String> rowsPerMatchModes;
    /** The sub-queries taken out of MEASURES and DEFINE ({@link #HOISTED}), by the position of the word MATCH_RECOGNIZE. */
    private final Map<ErrorLocation, List<String>> subqueries;

    private MatchRecognizeSyntax(String sql, boolean matchRecognize, Map<ErrorLocation, Alias> aliases,
            Map<ErrorLocation, String> classifierArguments, Map<ErrorLocation, String> rowsPerMatchModes,
            Map<ErrorLocation, List<String>> subqueries) {
        this.sql = sql;
        this.matchRecognize = matchRecognize;
        this.aliases = aliases;
        this.classifierArguments = classifierArguments;
        this.rowsPerMatchModes = rowsPerMatchModes;
        this.subqueries = subqueries;
    }

    /** The text (with its modes of ALL ROWS PER MATCH stripped) as Calcite's grammar takes it, and what {@link #apply} puts back. */
    static MatchRecognizeSyntax of(RowsPerMatchModes.Stripped stripped) {
        String sql = stripped.sql();
        if (!sql.toUpperCase(Locale.ROOT).contains("MATCH_RECOGNIZE")) {
            return new MatchRecognizeSyntax(sql, false, Map.of(), Map.of(), Map.of(), Map.of());
        }
        List<Token> tokens = Token.scan(sql);
        StringBuilder out = new StringBuilder(sql);
        Map<ErrorLocation, Alias> aliases = new HashMap<>();
        Map<ErrorLocation, String> classifiers = new HashMap<>();
        Map<ErrorLocation, List<String>> subqueries = new HashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("MATCH_RECOGNIZE") || !tokens.get(i + 1).is('(')) {
                continue;
            }
            int close = closing(tokens, i + 1);
            ErrorLocation keyword = SqlWords.location(sql, tokens.get(i).start());
            FoundAlias alias = alias(tokens, i, out);
            if (alias != null) {
                aliases.put(keyword, alias.alias());
            }
            unnest(tokens, alias == null ? i - 1 : alias.relationEnd(), tokens.get(i).start(), out);
            Map<String, String> variables = variables(tokens, i + 2, close);
            quotedVariables(tokens, i + 2, close, out);
            for (int k = i + 2; k < close; k++) {
                Token token = tokens.get(k);
                if (token.isWord("PATTERN") && tokens.get(k + 1).is('(')) {
                    int end = closing(tokens, k + 1);
                    for (int p = k + 2; p < end; p++) {
                        if (tokens.get(p).is('^') || tokens.get(p).is('$')) {
                            out.setCharAt(tokens.get(p).start(), tokens.get(p).is('^') ? START_MARK : END_MARK);
                        } else if (tokens.get(p).is('(') && tokens.get(p + 1).is(')')) {
                            out.setCharAt(tokens.get(p).start(), EMPTY_MARK);
                            out.setCharAt(tokens.get(p + 1).start(), ' ');
                        }
                    }
                } else if ((token.isWord("INITIAL") || token.isWord("SEEK")) && tokens.get(k + 1).isWord("PATTERN")) {
                    throw Errors.error(ErrorCode.NOT_SUPPORTED, "Pattern search modifier: " + token.upper()
                            + " is not allowed in MATCH_RECOGNIZE clause", SqlWords.location(sql, token.start()));
                } else if (token.isWord("MATCH") && tokens.get(k - 1).isWord("PER") && k + 1 < close
                        && !AFTER_ROWS_PER_MATCH.contains(tokens.get(k + 1).upper())) {
                    // what Trino's grammar takes after the rows per match (their modes are blanked by now)
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + tokens.get(k + 1).text()
                            + "'. Expecting: 'AFTER', 'INITIAL', 'PATTERN', 'SEEK'", SqlWords.location(sql, tokens.get(k + 1).start()));
                } else if (token.isWord("MATCH_NUMBER") && tokens.get(k + 1).is('(') && !tokens.get(k + 2).is(')')) {
                    throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, "MATCH_NUMBER pattern recognition function takes no arguments",
                            SqlWords.location(sql, token.start()));
                } else if (token.isWord("CLASSIFIER") && tokens.get(k + 1).is('(')) {
                    classifier(sql, tokens, k, out, variables, classifiers);
                } else if (token.kind() == Token.WORD && NAVIGATIONS.contains(token.upper()) && tokens.get(k + 1).is('(')) {
                    navigation(sql, tokens, k, out);
                }
            }
            // last: what the rest wrote inside a sub-query goes with it
            List<String> hoisted = hoist(sql, tokens, i + 2, close, out, subqueries.values().stream().mapToInt(List::size).sum());
            if (!hoisted.isEmpty()) {
                subqueries.put(keyword, hoisted);
            }
        }
        return new MatchRecognizeSyntax(out.toString(), true, aliases, classifiers, stripped.modes(), subqueries);
    }

    /** The text for the rest of the rewrites and Calcite's parser. */
    String sql() {
        return sql;
    }

    /** Puts what the text lost back into the parsed statement, whose positions {@code text} maps to the user's. */
    void apply(SqlNode parsed, SqlText text) {
        if (!matchRecognize) {
            return;
        }
        List<SqlMatchRecognize> matches = new ArrayList<>();
        List<SqlBasicCall> aliasedWithColumns = new ArrayList<>();
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlMatchRecognize match) {
                    matches.add(match);
                } else if (call.getKind() == SqlKind.AS && call.operandCount() > 2 && call.operand(0) instanceof SqlMatchRecognize
                        && call instanceof SqlBasicCall basic) {
                    aliasedWithColumns.add(basic);
                }
                return super.visit(call);
            }
        });
        // after the columns of the sub-queries the text took out
        int nextColumn = subqueries.values().stream().mapToInt(List::size).sum();
        for (SqlMatchRecognize match : matches) {
            SqlParserPos pos = match.getParserPosition();
            Alias alias = aliases.get(text.location(pos.getLineNum(), pos.getColumnNum()));
            if (alias != null) {
                List<SqlNode> operands = new ArrayList<>();
                operands.add(match.getTableRef());
                operands.add(alias.name());
                operands.addAll(alias.columns());
                match.setOperand(SqlMatchRecognize.OPERAND_TABLE_REF,
                        new SqlBasicCall(SqlStdOperatorTable.AS, operands, match.getTableRef().getParserPosition()));
            }
            List<String> hoisted = subqueries.getOrDefault(text.location(pos.getLineNum(), pos.getColumnNum()), List.of());
            List<SqlNode> predicates = new ArrayList<>();
            for (SqlNodeList expressions : List.of(match.getMeasureList(), match.getPatternDefList())) {
                for (int k = 0; k < expressions.size(); k++) {
                    expressions.set(k, expressions.get(k).accept(new RowPredicates(predicates, nextColumn)));
                }
            }
            nextColumn += predicates.size();
            if (!hoisted.isEmpty() || !predicates.isEmpty()) {
                match.setOperand(SqlMatchRecognize.OPERAND_TABLE_REF, withSubqueries(match.getTableRef(), hoisted, predicates));
            }
            SqlNode pattern = match.getPattern().accept(ANCHORS);
            String mode = rowsPerMatchModes.get(text.location(pos.getLineNum(), pos.getColumnNum()));
            int hidden = hoisted.size() + predicates.size();
            match.setOperand(SqlMatchRecognize.OPERAND_PATTERN, mode == null && hidden == 0 ? pattern
                    : RowsPerMatchModes.withMode(pattern, mode, hidden));
            SqlNodeList definitions = match.getPatternDefList();
            for (int k = 0; k < definitions.size(); k++) {
                definitions.set(k, definitions.get(k).accept(PHYSICAL_PREV));
            }
            if (!classifierArguments.isEmpty()) {
                Classifiers classifiers = new Classifiers(text);
                for (SqlNodeList list : List.of(match.getMeasureList(), match.getPatternDefList())) {
                    for (int k = 0; k < list.size(); k++) {
                        list.set(k, list.get(k).accept(classifiers));
                    }
                }
            }
        }
        for (SqlBasicCall aliased : aliasedWithColumns) {
            SqlParserPos pos = aliased.operand(0).getParserPosition();
            aliased.setOperand(0, new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), aliased.operand(0), null, null,
                    null, null, null, null, null, null, null));
        }
    }

    /**
     * The sub-queries of a MATCH_RECOGNIZE's MEASURES and DEFINE (not those after IN) between tokens {@code from} and
     * {@code to}: each is blanked in {@code out}, the column that will hold its value written in its place
     * ({@code "$q0"}, numbered from {@code first}: short enough for the shortest query, {@code (SELECT 1)}), as Calcite
     * has no scope for a query there (its grammar refuses one in MEASURES). Trino refuses those correlated with the
     * match; the others have one value, which each row of the input carries ({@link #withSubqueries}).
     */
    private static List<String> hoist(String sql, List<Token> tokens, int from, int to, StringBuilder out, int first) {
        List<String> hoisted = new ArrayList<>();
        boolean expressions = false;
        int depth = 0;
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            if (depth == 0 && token.kind() == Token.WORD && CLAUSES.contains(token.upper()) && !tokens.get(k - 1).isWord("AS")) {
                expressions = token.isWord("MEASURES") || token.isWord("DEFINE");
            }
            depth += token.is('(') ? 1 : token.is(')') ? -1 : 0;
            boolean query = token.is('(') && (tokens.get(k + 1).isWord("SELECT") || tokens.get(k + 1).isWord("WITH")
                    || tokens.get(k + 1).isWord("VALUES"));
            if (!expressions || !query) {
                continue;
            }
            if (tokens.get(k - 1).isWord("IN")) {
                // its own relations stay (the predicate may go whole, RowPredicates)
                k = closing(tokens, k);
                depth--;
                continue;
            }
            int start = tokens.get(k - 1).isWord("EXISTS") ? k - 1 : k;
            int end = closing(tokens, k);
            String column = "\"" + HOISTED + (first + hoisted.size()) + "\"";
            if (tokens.get(end).end() - tokens.get(start).start() < column.length()) {
                continue;
            }
            hoisted.add(sql.substring(tokens.get(start).start(), tokens.get(end).end()) + " AS " + column);
            blank(out, tokens.get(start).start(), tokens.get(end).end());
            out.replace(tokens.get(start).start(), tokens.get(start).start() + column.length(), column);
            k = end;
            depth--;
        }
        return hoisted;
    }

    /**
     * The input of a MATCH_RECOGNIZE with the values of the sub-queries {@link #hoist} took out as its last columns,
     * which {@link MatchRecognizeRowType} does not show; under the input's name.
     */
    private static SqlNode withSubqueries(SqlNode tableRef, List<String> hoisted, List<SqlNode> predicates) {
        StringBuilder select = new StringBuilder("SELECT *");
        hoisted.forEach(column -> select.append(", ").append(column));
        select.append(" FROM t");
        SqlSelect query = (SqlSelect) SqlPlanner.parse(SqlText.of(GroupsFrames.blank(
                FromlessSelect.rewrite(KeywordCalls.rewrite(ParenthesizedTables.blank(select.toString()))))));
        predicates.forEach(query.getSelectList()::add);
        query.setFrom(tableRef);
        SqlParserPos pos = tableRef.getParserPosition();
        SqlIdentifier name = tableRef.getKind() == SqlKind.AS && ((SqlCall) tableRef).operand(1) instanceof SqlIdentifier alias ? alias
                : tableRef instanceof SqlIdentifier table ? new SqlIdentifier(table.names.get(table.names.size() - 1), pos) : null;
        return name == null ? query : SqlStdOperatorTable.AS.createCall(pos, query, name);
    }

    /**
     * {@code x IN (query)} in MEASURES or DEFINE over the row's columns only (Trino refuses a variable's, {@code A.x}):
     * the input computes it for each row, as a column ({@code "$q3"}) that takes its place, read from the current row
     * in DEFINE and from the last of the match in MEASURES, as {@code x} is; {@link #predicates} collects them.
     */
    private static final class RowPredicates extends SqlShuttle {
        private static final Set<SqlKind> MATCH_CALLS = Set.of(SqlKind.PREV, SqlKind.NEXT, SqlKind.FIRST, SqlKind.LAST,
                SqlKind.CLASSIFIER, SqlKind.MATCH_NUMBER, SqlKind.RUNNING, SqlKind.FINAL);
        private final List<SqlNode> predicates;
        private final int first;

        RowPredicates(List<SqlNode> predicates, int first) {
            this.predicates = predicates;
            this.first = first;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            boolean in = call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN;
            if (!in || call.operandCount() != 2 || !call.operand(1).isA(SqlKind.QUERY) || !readsCurrentRow(call.operand(0))) {
                return super.visit(call);
            }
            SqlParserPos pos = call.getParserPosition();
            String column = HOISTED + (first + predicates.size());
            // an identifier of its own each: later rewrites change them in place
            predicates.add(SqlStdOperatorTable.AS.createCall(pos, call, new SqlIdentifier(column, pos)));
            return new SqlIdentifier(column, pos);
        }

        private static boolean readsCurrentRow(SqlNode operand) {
            boolean[] current = {true};
            operand.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    current[0] &= !MATCH_CALLS.contains(call.getKind()) && !call.getOperator().isAggregator() && !call.isA(SqlKind.QUERY);
                    return super.visit(call);
                }

                @Override
                public Void visit(SqlIdentifier id) {
                    current[0] &= id.isSimple();
                    return null;
                }
            });
            return current[0];
        }
    }

    /**
     * PREV of a column in DEFINE, written PREV(LAST(column, 0), n): Calcite turns PREV of a column not prefixed with
     * the defined variable into LAST(column, n), which stays inside the match, where Trino's PREV moves n rows back
     * from the current one, also before the match's first row.
     */
    private static final SqlShuttle PHYSICAL_PREV = new SqlShuttle() {
        @Override
        public SqlNode visit(SqlCall call) {
            SqlCall visited = (SqlCall) super.visit(call);
            if (visited == null || visited.getKind() != SqlKind.PREV || !(visited.operand(0) instanceof SqlIdentifier column)) {
                return visited;
            }
            SqlParserPos pos = column.getParserPosition();
            List<SqlNode> operands = new ArrayList<>(visited.getOperandList());
            operands.set(0, SqlStdOperatorTable.LAST.createCall(pos, column, SqlLiteral.createExactNumeric("0", pos)));
            return visited.getOperator().createCall(visited.getParserPosition(), operands);
        }
    };

    /** The quoted names {@link SqlText} gives the anchors and the empty pattern back to them. */
    private static final SqlShuttle ANCHORS = new SqlShuttle() {
        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.isSimple() && id.getSimple().equals("^")) {
                return MatchRecognizeCalls.PATTERN_START.createCall(id.getParserPosition());
            }
            if (id.isSimple() && id.getSimple().equals("$")) {
                return MatchRecognizeCalls.PATTERN_END.createCall(id.getParserPosition());
            }
            if (id.isSimple() && id.getSimple().equals("()")) {
                return MatchRecognizeCalls.PATTERN_EMPTY.createCall(id.getParserPosition());
            }
            return id;
        }
    };

    /** CLASSIFIER() calls whose name was blanked become CLASSIFIER_OF(name). */
    private final class Classifiers extends SqlShuttle {
        private final SqlText text;

        Classifiers(SqlText text) {
            this.text = text;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (visited instanceof SqlCall rewritten && rewritten.getKind() == SqlKind.CLASSIFIER && rewritten.operandCount() == 0) {
                SqlParserPos pos = rewritten.getParserPosition();
                String name = classifierArguments.get(text.location(pos.getLineNum(), pos.getColumnNum()));
                if (name != null) {
                    return MatchRecognizeCalls.CLASSIFIER_OF.createCall(pos, SqlLiteral.createCharString(name, pos));
                }
            }
            return visited;
        }
    }

    /**
     * The alias before the MATCH_RECOGNIZE at token {@code keyword}, blanked in {@code out}; null without one. An
     * alias is a name (after AS, or after the end of the relation: a name or a closing parenthesis), with a list of
     * names in parentheses or without.
     */
    private static FoundAlias alias(List<Token> tokens, int keyword, StringBuilder out) {
        int last = keyword - 1;
        int name = last;
        List<Token> columns = new ArrayList<>();
        if (last >= 0 && tokens.get(last).is(')')) {
            int open = opening(tokens, last);
            if (open < 1 || (last - open) % 2 != 0) {
                return null;
            }
            for (int k = open + 1; k < last; k++) {
                boolean nameSlot = (k - open) % 2 == 1;
                if (nameSlot ? !tokens.get(k).isName() : !tokens.get(k).is(',')) {
                    return null;
                }
                if (nameSlot) {
                    columns.add(tokens.get(k));
                }
            }
            name = open - 1;
        }
        if (name < 1 || !tokens.get(name).isName() || NOT_ALIASES.contains(tokens.get(name).upper())) {
            return null;
        }
        Token before = tokens.get(name - 1);
        boolean afterRelation = before.is(')') || before.kind() == Token.QUOTED
                || before.kind() == Token.WORD && !NOT_ALIASES.contains(before.upper()) || before.isWord("AS")
                || before.isWord("ORDINALITY");
        if (!afterRelation) {
            return null;
        }
        int from = before.isWord("AS") ? before.start() : tokens.get(name).start();
        blank(out, from, tokens.get(last).end());
        List<SqlIdentifier> columnNames = columns.stream().map(Token::identifier).toList();
        return new FoundAlias(new Alias(tokens.get(name).identifier(), columnNames), before.isWord("AS") ? name - 2 : name - 1);
    }

    /**
     * An UNNEST (WITH ORDINALITY or not) that ends at token {@code relationEnd} becomes a sub-query: its first letter a
     * {@link #SUBQUERY_MARK}, a closing parenthesis in the first blank after it, before {@code keyword}. Left as it is
     * without such a blank.
     */
    private static void unnest(List<Token> tokens, int relationEnd, int keyword, StringBuilder out) {
        int close = relationEnd;
        if (close >= 2 && tokens.get(close).isWord("ORDINALITY") && tokens.get(close - 1).isWord("WITH")) {
            close -= 2;
        }
        if (close < 1 || !tokens.get(close).is(')')) {
            return;
        }
        int open = opening(tokens, close);
        if (open < 1 || !tokens.get(open - 1).isWord("UNNEST")) {
            return;
        }
        for (int k = tokens.get(relationEnd).end(); k < keyword; k++) {
            if (out.charAt(k) == ' ' || out.charAt(k) == '\t') {
                out.setCharAt(k, ')');
                out.setCharAt(tokens.get(open - 1).start(), SUBQUERY_MARK);
                return;
            }
        }
    }

    private static void classifier(String sql, List<Token> tokens, int at, StringBuilder out, Map<String, String> variables,
            Map<ErrorLocation, String> classifiers) {
        int close = closing(tokens, at + 1);
        int arguments = topLevelArguments(tokens, at + 1, close).size();
        ErrorLocation location = SqlWords.location(sql, tokens.get(at).start());
        if (arguments > 1) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "CLASSIFIER pattern recognition function takes no arguments or 1 argument", location);
        }
        if (arguments == 1 && (close != at + 3 || !tokens.get(at + 2).isName())) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH,
                    "CLASSIFIER function argument should be primary pattern variable or subset name", location);
        }
        if (arguments == 1) {
            Token name = tokens.get(at + 2);
            String variable = variables.get(name.trinoName());
            if (variable == null) {
                throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        (name.kind() == Token.QUOTED ? name.identifier().getSimple() : name.text()) // as written, as Trino says it
                                + " is not a primary pattern variable or subset name", location);
            }
            classifiers.put(location, variable);
            blank(out, name.start(), name.end());
        }
    }

    /**
     * The pattern variables and SUBSET names of the MATCH_RECOGNIZE between tokens {@code from} and {@code to}: Calcite's
     * name of each by Trino's (unquoted in upper case, quoted as written).
     */
    private static Map<String, String> variables(List<Token> tokens, int from, int to) {
        Map<String, String> variables = new HashMap<>();
        boolean subsets = false;
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            if (token.isWord("PATTERN") && tokens.get(k + 1).is('(')) {
                int end = closing(tokens, k + 1);
                for (int p = k + 2; p < end; p++) {
                    Token name = tokens.get(p);
                    if (name.isName() && !(name.isWord("PERMUTE") && tokens.get(p + 1).is('('))) {
                        variables.put(name.trinoName(), PatternVariableNames.encode(name.trinoName()));
                    }
                }
                k = end;
            } else if (token.isWord("SUBSET") || token.isWord("DEFINE")) {
                subsets = token.isWord("SUBSET");
            } else if (subsets && token.isName() && tokens.get(k + 1).is('=')) {
                variables.put(token.trinoName(), PatternVariableNames.encode(token.trinoName()));
            }
        }
        return variables;
    }

    /**
     * Rewrites each quoted pattern variable or SUBSET name between tokens {@code from} and {@code to} into its
     * {@link PatternVariableNames} form: in PATTERN and SUBSET, before AS in DEFINE, after SKIP TO [FIRST | LAST], and
     * before a dot.
     */
    private static void quotedVariables(List<Token> tokens, int from, int to, StringBuilder out) {
        String clause = "";
        int patternEnd = -1;
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            if (token.kind() == Token.WORD && Set.of("PATTERN", "SUBSET", "DEFINE", "MEASURES").contains(token.upper())) {
                clause = token.upper();
                if (clause.equals("PATTERN") && tokens.get(k + 1).is('(')) {
                    patternEnd = closing(tokens, k + 1);
                }
            }
            if (token.kind() != Token.QUOTED || token.text().indexOf('"', 1) != token.text().length() - 1) {
                continue;
            }
            Token before = tokens.get(k - 1);
            boolean variable = k < patternEnd || clause.equals("SUBSET") || tokens.get(k + 1).is('.')
                    || clause.equals("DEFINE") && tokens.get(k + 1).isWord("AS") && (before.isWord("DEFINE") || before.is(','))
                    || before.isWord("TO") || (before.isWord("FIRST") || before.isWord("LAST")) && tokens.get(k - 2).isWord("TO");
            if (variable) {
                String encoded = PatternVariableNames.encode(token.trinoName());
                out.replace(token.start() + 1, token.end() - 1, encoded);
            }
        }
    }

    private static void navigation(String sql, List<Token> tokens, int at, StringBuilder out) {
        int close = closing(tokens, at + 1);
        List<int[]> arguments = topLevelArguments(tokens, at + 1, close);
        String name = tokens.get(at).upper().toLowerCase(Locale.ROOT);
        ErrorLocation location = SqlWords.location(sql, tokens.get(at).start());
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, name + " pattern recognition function requires 1 or 2 arguments", location);
        }
        if (arguments.size() < 2) {
            return;
        }
        int first = arguments.get(1)[0];
        int last = arguments.get(1)[1] - 1;
        List<Token> parentheses = new ArrayList<>();
        while (last > first && tokens.get(first).is('(') && closing(tokens, first) == last) {
            parentheses.add(tokens.get(first++));
            parentheses.add(tokens.get(last--));
        }
        boolean negative = last == first + 1 && tokens.get(first).is('-');
        Token number = tokens.get(last);
        if ((last != first && !negative) || number.kind() != Token.NUMBER || !INTEGER.matcher(number.text()).matches()) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    name + " pattern recognition navigation function requires a number as the second argument", location);
        }
        parentheses.forEach(parenthesis -> blank(out, parenthesis.start(), parenthesis.end()));
    }

    /** The token ranges [from, to) of the arguments between the parentheses at {@code open} and {@code close}. */
    private static List<int[]> topLevelArguments(List<Token> tokens, int open, int close) {
        List<int[]> arguments = new ArrayList<>();
        int start = open + 1;
        int depth = 0;
        for (int k = open + 1; k < close; k++) {
            Token token = tokens.get(k);
            if (token.is('(')) {
                depth++;
            } else if (token.is(')')) {
                depth--;
            } else if (token.is(',') && depth == 0) {
                arguments.add(new int[] {start, k});
                start = k + 1;
            }
        }
        if (close > open + 1) {
            arguments.add(new int[] {start, close});
        }
        return arguments;
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).is('(')) {
                depth++;
            } else if (tokens.get(k).is(')') && --depth == 0) {
                return k;
            }
        }
        return tokens.size() - 1;
    }

    private static int opening(List<Token> tokens, int close) {
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            if (tokens.get(k).is(')')) {
                depth++;
            } else if (tokens.get(k).is('(') && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** Blanks [from, to) of the text, keeping its line breaks. */
    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n' && out.charAt(k) != '\r') {
                out.setCharAt(k, ' ');
            }
        }
    }

    /**
     * A token of the text: a word, a quoted name, a number, a string literal, or one other character; comments and
     * blanks are none.
     */
    record Token(int kind, int start, int end, String text) {
        static final int WORD = 0;
        static final int QUOTED = 1;
        static final int NUMBER = 2;
        static final int STRING = 3;
        static final int SYMBOL = 4;

        boolean is(char c) {
            return kind == SYMBOL && text.charAt(0) == c;
        }

        boolean isWord(String word) {
            return kind == WORD && text.equalsIgnoreCase(word);
        }

        boolean isName() {
            return kind == QUOTED || kind == WORD;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        /** The name as Trino reads it: unquoted in upper case, quoted as written. */
        String trinoName() {
            return kind == QUOTED ? identifier().getSimple() : text.toUpperCase(Locale.ROOT);
        }

        /** The name as Calcite reads it: unquoted in lower case, quoted as written. */
        SqlIdentifier identifier() {
            String name = kind == QUOTED ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text.toLowerCase(Locale.ROOT);
            return new SqlIdentifier(name, SqlParserPos.ZERO);
        }

        static List<Token> scan(String sql) {
            List<Token> tokens = new ArrayList<>();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                int end;
                int kind;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    end = sql.indexOf('\n', i);
                    i = end < 0 ? n : end;
                    continue;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                    continue;
                } else if (c == '\'' || c == '"' || c == '`') {
                    end = i + 1;
                    while (end < n && (sql.charAt(end) != c || end + 1 < n && sql.charAt(end + 1) == c)) {
                        end += sql.charAt(end) == c ? 2 : 1;
                    }
                    end = Math.min(n, end + 1);
                    kind = c == '\'' ? STRING : QUOTED;
                } else if (Character.isLetter(c) || c == '_') {
                    end = i;
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                        end++;
                    }
                    kind = WORD;
                } else if (Character.isDigit(c)) {
                    end = i;
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '.')) {
                        end++;
                    }
                    kind = NUMBER;
                } else {
                    end = i + 1;
                    kind = SYMBOL;
                }
                tokens.add(new Token(kind, i, end, sql.substring(i, end)));
                i = end;
            }
            return tokens;
        }
    }
}
