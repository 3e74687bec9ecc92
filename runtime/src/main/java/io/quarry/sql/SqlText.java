package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The statement text as Calcite gets it, with the rewrites its grammar needs (a schema named
 * {@code default} is a reserved word to Calcite, so the unquoted word next to a dot becomes
 * {@code "default"}; {@code date_trunc(}, {@code date_add(}, {@code date_diff(} are quoted so that
 * Calcite does not parse them as BigQuery's functions; the literal {@code JSON '…'}, which Calcite's grammar lacks,
 * becomes the call {@code JSON('…')}, and a {@code TIMESTAMP '…'} literal with a zone a call of
 * {@link ZonedTimestampLiteral}; hexadecimal, binary and octal numbers and digits with underscores become plain numbers,
 * {@link NumericLiterals}; the marks {@link MatchRecognizeSyntax} leaves for the anchors of a row pattern become the
 * quoted names {@code "^"} and {@code "$"}), and the way back from positions in the rewritten text to the user's text.
 */
final class SqlText {
    /** Function names Calcite's grammar binds to BigQuery's forms; quoted, they resolve as Trino's. */
    /** TIME and TIMESTAMP literal texts (without a zone) that end at the minutes. */
    private static final java.util.regex.Pattern TIME_WITHOUT_SECONDS = java.util.regex.Pattern.compile("\\s*\\d{1,2}:\\d{1,2}");
    private static final java.util.regex.Pattern TIMESTAMP_WITHOUT_SECONDS =
            java.util.regex.Pattern.compile("\\s*\\d{1,4}-\\d{1,2}-\\d{1,2}\\s+\\d{1,2}:\\d{1,2}");
    private static final java.util.Set<String> BIGQUERY_BOUND = java.util.Set.of("date_trunc", "date_add", "date_diff");

    private final String original;
    private final String rewritten;
    /**
     * Where two quote characters were added: line, rewritten column of the opening quote, length of the word; or
     * (a negative third) where characters were inserted, or (a fourth element) where some were removed.
     */
    private final List<int[]> insertions;
    /** The table arguments of table function calls, as {@link TableArgumentText} rewrote them. */
    private final List<TableArgument> tableArguments;

    /**
     * A table argument's sub-query, by the rewritten position of its opening parenthesis; where its word
     * {@code TABLE} is in the user's text, whether it was partitioned or ordered, and where its empty behaviour
     * is (null when it has none).
     */
    record TableArgument(int line, int column, ErrorLocation table, boolean partitioned, boolean ordered,
            ErrorLocation emptyBehavior) {}

    /** The rewritten positions (line, column) of the descriptors whose fields were given types, blanked. */
    private final Set<List<Integer>> typedDescriptors;

    private SqlText(String original, String rewritten, List<int[]> insertions) {
        this(original, rewritten, insertions, List.of(), Set.of());
    }

    private SqlText(String original, String rewritten, List<int[]> insertions, List<TableArgument> tableArguments,
            Set<List<Integer>> typedDescriptors) {
        this.original = original;
        this.rewritten = rewritten;
        this.insertions = insertions;
        this.tableArguments = tableArguments;
        this.typedDescriptors = typedDescriptors;
    }

    /** Whether the descriptor at a rewritten position had types after its names ({@link TableArgumentText}). */
    boolean typedDescriptorAt(int line, int column) {
        return typedDescriptors.contains(List.of(line, column));
    }

    static SqlText of(String sql) {
        requireNonNull(sql, "sql is null");
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<int[]> insertions = new ArrayList<>();
        java.util.Set<Integer> closings = new java.util.HashSet<>();
        java.util.Set<Integer> aggregateOrders = AggregateOrderBy.orderPositions(sql);
        int line = 1;
        int lineStart = 0; // index in out where the current line starts
        int i = 0;
        int n = sql.length();
        List<TableArgument> tableArguments = new ArrayList<>();
        java.util.Set<Integer> argumentCloses = new java.util.HashSet<>();
        java.util.Set<Integer> blanked = new java.util.HashSet<>();
        java.util.Set<List<Integer>> typedDescriptors = new java.util.HashSet<>();
        java.util.Map<Integer, JsonPassing.Replacement> replacements = new java.util.HashMap<>();
        while (i < n) {
            char c = sql.charAt(i);
            JsonPassing.Replacement replacement = replacements.remove(i);
            if (replacement != null && replacement.text().startsWith(")") && closings.remove(i)) {
                // a call wrapped twice (json_query with OMIT QUOTES and RETURNING … ENCODING UTF16): the inner
                // wrapping closes first
                replacement = new JsonPassing.Replacement(replacement.end(), ")" + replacement.text());
            }
            if (replacement != null) {
                int length = replacement.end() - i;
                int column = out.length() - lineStart + 1;
                if (replacement.text().length() > length) {
                    insertions.add(new int[] {line, column, length - replacement.text().length()});
                } else if (replacement.text().length() < length) {
                    insertions.add(new int[] {line, column, 0, length - replacement.text().length()});
                }
                out.append(replacement.text());
                i = replacement.end();
                continue;
            }
            if (argumentCloses.remove(i)) {
                insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                out.append(')');
            }
            if (blanked.remove(i)) {
                out.append(' ');
                i++;
                continue;
            }
            if (c == MatchRecognizeSyntax.EMPTY_MARK) {
                // the empty pattern of a row pattern: a quoted name, as the anchors
                insertions.add(new int[] {line, out.length() - lineStart + 1, -5});
                out.append(" \"()\" ");
                i++;
            } else if (c == MatchRecognizeSyntax.START_MARK || c == MatchRecognizeSyntax.END_MARK) {
                // an anchor of a row pattern: a quoted name, blanks around it keep it apart from the quoted names beside it
                insertions.add(new int[] {line, out.length() - lineStart + 1, -4});
                out.append(c == MatchRecognizeSyntax.START_MARK ? " \"^\" " : " \"$\" ");
                i++;
            } else if (c == MatchRecognizeSyntax.SUBQUERY_MARK) {
                // the UNNEST before a MATCH_RECOGNIZE opens a sub-query; the mark stands for its first letter
                insertions.add(new int[] {line, out.length() - lineStart + 1, -MatchRecognizeSyntax.SUBQUERY_OPENING.length()});
                out.append(MatchRecognizeSyntax.SUBQUERY_OPENING).append('U');
                i++;
            } else if (c == '\n') {
                out.append(c);
                i++;
                line++;
                lineStart = out.length();
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(sql, i, c);
                for (int k = i; k < end; k++) {
                    char q = sql.charAt(k);
                    out.append(q);
                    if (q == '\n') {
                        line++;
                        lineStart = out.length();
                    }
                }
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    char q = sql.charAt(k);
                    out.append(q);
                    if (q == '\n') {
                        line++;
                        lineStart = out.length();
                    }
                }
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (word.equalsIgnoreCase("u") && end + 1 < n && sql.charAt(end) == '&' && sql.charAt(end + 1) == '\''
                        && sql.substring(end, closingQuote(sql, end + 1, '\'')).indexOf('\n') < 0) {
                    // U&'…': six-digit escapes as the grammar's four-digit ones (two more characters for a surrogate pair)
                    int close = closingQuote(sql, end + 1, '\'');
                    String body = sql.substring(end + 2, Math.max(end + 2, close - 1));
                    String widened = UnicodeEscapes.widen(body, UnicodeEscapes.escapeAfter(sql, close));
                    out.append(sql, i, end + 2).append(widened).append(sql, Math.max(end + 2, close - 1), close);
                    if (widened.length() != body.length()) {
                        insertions.add(widened.length() > body.length()
                                ? new int[] {line, out.length() - lineStart + 1, body.length() - widened.length()}
                                : new int[] {line, out.length() - lineStart + 1, 0, body.length() - widened.length()});
                    }
                    i = close;
                    continue;
                }
                int binaryEnd = word.equalsIgnoreCase("x") && end < n && sql.charAt(end) == '\'' ? closingQuote(sql, end, '\'') : -1;
                if (binaryEnd > end + 1 && sql.charAt(binaryEnd - 1) == '\'' && sql.substring(end, binaryEnd).indexOf('\n') < 0) {
                    // X'…': blanks among the digits are Trino's, and its errors for what is not one byte per two digits
                    String digits = binaryDigits(sql.substring(end + 1, Math.max(end + 1, binaryEnd - 1)), sql, i);
                    out.append(sql, i, end + 1).append(digits).append('\'');
                    out.append(" ".repeat(binaryEnd - end - 2 - digits.length()));
                    i = binaryEnd;
                    continue;
                }
                JsonTableText.Rewrite table = word.equalsIgnoreCase("json_table") ? JsonTableText.rewrite(sql, i)
                        : word.equalsIgnoreCase("left") ? JsonTableText.rewriteLeftJoin(sql, i) : null;
                if (table != null) {
                    // json_table(…) becomes its sub-query; its lines are kept (error positions inside it are approximate)
                    out.append(table.text());
                    for (int k = i; k < table.end(); k++) {
                        if (sql.charAt(k) == '\n') {
                            out.append('\n');
                            line++;
                            lineStart = out.length();
                        }
                    }
                    i = table.end();
                    continue;
                }
                if (word.equalsIgnoreCase("interval")) {
                    // the literal's text in Calcite's form of Trino's value (IntervalLiteralText)
                    IntervalLiteralText.Rewrite interval = IntervalLiteralText.rewrite(sql, i, end);
                    if (interval != null) {
                        replacements.put(interval.start(), new JsonPassing.Replacement(interval.end(), interval.text()));
                    }
                }
                if (word.equalsIgnoreCase("overlay")) {
                    TrinoOnlySyntax.checkOverlay(sql, i, end);
                }
                if (word.toLowerCase(java.util.Locale.ROOT).matches("json_(object|array|value|query|exists)")) {
                    // value FORMAT JSON ENCODING e becomes "$json_decode"(value, 'e') FORMAT JSON
                    replacements.putAll(JsonFormatInputs.rewrite(sql, i));
                }
                if (word.equalsIgnoreCase("json_value")) {
                    JsonValueReturning.checkStructuralType(sql, i);
                }
                if (word.equalsIgnoreCase("json_value") || word.equalsIgnoreCase("json_query") || word.equalsIgnoreCase("json_exists")) {
                    // 'path' PASSING v AS x becomes "$json_path"('path', v, 'X'), which the grammar keeps
                    replacements.putAll(JsonPassing.rewrite(sql, i));
                }
                JsonConstructorClauses.Clauses clauses = word.equalsIgnoreCase("json_object") || word.equalsIgnoreCase("json_array")
                        ? JsonConstructorClauses.find(sql, i)
                        : word.equalsIgnoreCase("json_query") ? JsonConstructorClauses.findQueryFormat(sql, i) : null;
                if (clauses != null) {
                    // WITH UNIQUE KEYS and RETURNING …: blanked, the call wrapped in "$json_clauses"(…) that says them
                    JsonConstructorClauses.replacements(clauses, replacements);
                    if (clauses.wraps()) {
                        String prefix = '"' + JsonConstructorClauses.NAME + "\"(";
                        insertions.add(new int[] {line, out.length() - lineStart + 1, -prefix.length()});
                        out.append(prefix);
                    }
                }
                JsonQueryQuotes.Match quotes = word.equalsIgnoreCase("json_query") ? JsonQueryQuotes.find(sql, i) : null;
                if (quotes != null) {
                    // json_query(… KEEP|OMIT QUOTES …): the clause blanked, an OMIT call wrapped in "$omit_quotes"(…)
                    for (int k = quotes.clauseStart(); k < quotes.clauseEnd(); k++) {
                        if (sql.charAt(k) != '\n') {
                            blanked.add(k);
                        }
                    }
                    if (quotes.omit()) {
                        String prefix = '"' + JsonQueryQuotes.NAME + "\"(";
                        insertions.add(new int[] {line, out.length() - lineStart + 1, -prefix.length()});
                        out.append(prefix);
                        closings.add(quotes.close());
                    }
                }
                TableArgumentText.Match argument = TableArgumentText.match(sql, i, end, out);
                if (argument != null) {
                    int column = out.length() - lineStart + 1;
                    tableArguments.add(new TableArgument(line, column, originalLocation(sql, i), argument.partitioned(),
                            argument.ordered(), argument.emptyStart() < 0 ? null : originalLocation(sql, argument.emptyStart())));
                    out.append(TableArgumentText.PREFIX);
                    insertions.add(new int[] {line, column + TableArgumentText.PREFIX.length() - 1,
                            -(TableArgumentText.PREFIX.length() - word.length())});
                    if (argument.name()) {
                        blanked.add(argument.open());
                        blanked.add(argument.close());
                    }
                    argumentCloses.add(argument.aliasEnd());
                    for (int k = argument.tailStart(); k < argument.tailEnd(); k++) {
                        if (sql.charAt(k) != '\n') {
                            blanked.add(k);
                        }
                    }
                    i = end;
                    continue;
                }
                List<int[]> descriptorTypes = TableArgumentText.descriptorTypes(sql, i, end);
                if (!descriptorTypes.isEmpty()) {
                    typedDescriptors.add(List.of(line, out.length() - lineStart + 1));
                    for (int[] type : descriptorTypes) {
                        for (int k = type[0]; k < type[1]; k++) {
                            if (sql.charAt(k) != '\n') {
                                blanked.add(k);
                            }
                        }
                    }
                }
                if (aggregateOrders.contains(i)) {
                    // sum(x ORDER BY y) becomes sum(x) WITHIN GROUP (ORDER BY y), which Calcite's grammar takes
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -AggregateOrderBy.INSERTION.length()});
                    out.append(AggregateOrderBy.INSERTION);
                }
                if (word.equalsIgnoreCase("json") && end + 1 < n && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t')
                        && sql.charAt(firstNonBlank(sql, end)) == '\'') {
                    // the literal JSON '…' becomes the call JSON('…'): a parenthesis for the blank, one inserted after
                    int quote = firstNonBlank(sql, end);
                    int close = closingQuote(sql, quote, '\'');
                    out.append(word).append('(').append(sql, end + 1, close);
                    for (int k = quote; k < close; k++) {
                        if (sql.charAt(k) == '\n') {
                            line++;
                            lineStart = out.length() - (close - k - 1);
                        }
                    }
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                    i = close;
                    continue;
                }
                if (word.equalsIgnoreCase("timestamp") && end + 1 < n && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t')
                        && sql.charAt(firstNonBlank(sql, end)) == '\''
                        && ZonedTimestampLiteral.hasZone(literalText(sql, firstNonBlank(sql, end)))) {
                    // TIMESTAMP '… zone' becomes a call of a function named as long as the word, as JSON '…' does
                    int quote = firstNonBlank(sql, end);
                    int close = closingQuote(sql, quote, '\'');
                    ZonedTimestampLiteral.check(literalText(sql, quote),
                            new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1));
                    out.append('"').append(ZonedTimestampLiteral.NAME).append('"').append('(').append(sql, end + 1, close);
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                    i = close;
                    continue;
                }
                if ((word.equalsIgnoreCase("date") || word.equalsIgnoreCase("timestamp")) && end + 1 < n
                        && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t') && sql.charAt(firstNonBlank(sql, end)) == '\''
                        && WideDateTimeLiteral.isWide(literalText(sql, firstNonBlank(sql, end)))) {
                    // DATE '-0001-01-01', TIMESTAMP '10000-01-01 00:00:00': beyond Calcite's years, calls as TIMESTAMP '… zone'
                    int quote = firstNonBlank(sql, end);
                    int close = closingQuote(sql, quote, '\'');
                    boolean date = word.length() == 4;
                    WideDateTimeLiteral.check(date, literalText(sql, quote),
                            new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1));
                    out.append('"').append(date ? WideDateTimeLiteral.DATE_NAME : WideDateTimeLiteral.TIMESTAMP_NAME).append('"')
                            .append('(').append(sql, end + 1, close);
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                    i = close;
                    continue;
                }
                boolean zonedTime = word.equalsIgnoreCase("time") && end + 1 < n && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t')
                        && sql.charAt(firstNonBlank(sql, end)) == '\''
                        && ZonedTimeLiteral.hasZone(literalText(sql, firstNonBlank(sql, end)));
                boolean ipAddress = IpAddressSql.isLiteralWord(word) && end + 1 < n && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t')
                        && sql.charAt(firstNonBlank(sql, end)) == '\'';
                if (zonedTime || ipAddress) {
                    // TIME '… +05:30' and IPADDRESS '…' become calls of functions named as long as the word, as JSON '…' does
                    int quote = firstNonBlank(sql, end);
                    int close = closingQuote(sql, quote, '\'');
                    ErrorLocation here = new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1);
                    if (zonedTime) {
                        ZonedTimeLiteral.check(literalText(sql, quote), here);
                    } else {
                        IpAddressSql.check(literalText(sql, quote), here);
                    }
                    out.append('"').append(zonedTime ? ZonedTimeLiteral.NAME : IpAddressSql.LITERAL_NAME).append('"').append('(')
                            .append(sql, end + 1, close);
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                    i = close;
                    continue;
                }
                if ((word.equalsIgnoreCase("timestamp") || word.equalsIgnoreCase("time")) && end + 1 < n
                        && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t') && sql.charAt(firstNonBlank(sql, end)) == '\''
                        && (word.length() == 4 ? TIME_WITHOUT_SECONDS : TIMESTAMP_WITHOUT_SECONDS)
                                .matcher(literalText(sql, firstNonBlank(sql, end))).matches()) {
                    // Trino takes TIMESTAMP '2024-01-01 10:00' and TIME '10:00'; Calcite wants the seconds, so ':00' goes in
                    int close = closingQuote(sql, firstNonBlank(sql, end), '\'');
                    out.append(sql, i, close - 1);
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -3});
                    out.append(":00'");
                    i = close;
                    continue;
                }
                int rowClose = word.equalsIgnoreCase("row") ? rowBeforeComma(sql, out, end) : -1;
                if (rowClose >= 0) {
                    // (ROW(…), …): Calcite's grammar reads "(ROW" as a ROW constructor of the whole list; the row
                    // parenthesised on its own is the first item, as in Trino
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append('(');
                    closings.add(rowClose);
                }
                if (word.equalsIgnoreCase("offset") && afterLimit(sql, i)) {
                    // Trino's grammar has OFFSET before LIMIT only
                    throw Errors.error(io.quarry.spi.ErrorCode.SYNTAX_ERROR, "mismatched input '" + word + "'. Expecting: <EOF>",
                            new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1));
                }
                if (word.equalsIgnoreCase("array") && end < n && sql.charAt(firstNonBlank(sql, end)) == '['
                        && firstNonBlank(sql, end) + 1 < n && sql.charAt(firstNonBlank(sql, firstNonBlank(sql, end) + 1)) == ']') {
                    // ARRAY[] becomes "$ar"(), of the same length
                    int open = firstNonBlank(sql, end);
                    int close = firstNonBlank(sql, open + 1);
                    out.append('"').append(EmptyConstructors.EMPTY_ARRAY_NAME).append('"').append(sql, end, open).append('(')
                            .append(sql, open + 1, close).append(')');
                    i = close + 1;
                    continue;
                }
                TypedLiteral.Kind typed = TypedLiteral.kindOfWord(word);
                if (typed != null && end + 1 < n && (sql.charAt(end) == ' ' || sql.charAt(end) == '\t')
                        && sql.charAt(firstNonBlank(sql, end)) == '\'') {
                    // INTEGER '3' becomes a call of a function named as long as the word, as TIMESTAMP '… zone' does
                    int quote = firstNonBlank(sql, end);
                    int close = closingQuote(sql, quote, '\'');
                    TypedLiteral.check(typed, literalText(sql, quote),
                            new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1));
                    out.append('"').append(typed.functionName()).append('"').append('(').append(sql, end + 1, close);
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                    i = close;
                    continue;
                }
                int existsClose = word.equalsIgnoreCase("exists") ? LambdaExistsText.closeOfLeadingExists(sql, end, out) : -1;
                if (existsClose >= 0) {
                    // EXISTS leading a lambda's body: (TRUE AND EXISTS (…)), which Calcite's grammar takes there
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -LambdaExistsText.OPENING.length()});
                    out.append(LambdaExistsText.OPENING);
                    closings.add(existsClose);
                }
                if (word.equalsIgnoreCase("on") && ListaggOverflowText.rewrite(sql, i, out) >= 0) {
                    i = ListaggOverflowText.rewrite(sql, i, new StringBuilder());
                    continue;
                }
                if (word.equalsIgnoreCase("at")) {
                    // x AT TIME ZONE zone becomes at_timezone(x, zone)
                    int next = AtTimeZoneText.rewrite(sql, i, end, out, insertions, line, lineStart);
                    if (next >= 0) {
                        i = next;
                        continue;
                    }
                }
                if (word.equalsIgnoreCase("as") && end < n && Character.isWhitespace(sql.charAt(end))
                        && CastTypeSyntax.startsStructural(sql, firstNonBlank(sql, end))
                        && !KeywordNames.namesRelationWithColumns(sql, firstNonBlank(sql, end), sql.indexOf('(', end))) {
                    // CAST(x AS array(T)): Trino's type spelling in Calcite's, of the same length
                    int typeStart = firstNonBlank(sql, end);
                    int typeEnd = CastTypeSyntax.end(sql, typeStart);
                    out.append(sql, i, typeStart).append(CastTypeSyntax.rewrite(sql.substring(typeStart, typeEnd)));
                    i = typeEnd;
                    continue;
                }
                if ((word.equalsIgnoreCase("default") && nextToDot(sql, i, end)) || KeywordNames.isName(sql, i, end)
                        || (BIGQUERY_BOUND.contains(word.toLowerCase(java.util.Locale.ROOT)) && beforeParenthesis(sql, end))
                        || (word.equalsIgnoreCase("trim") && beforeParenthesis(sql, end) && hasTopLevelComma(sql, end))) {
                    // quoted, trim(text, characters) is Trino's function, not the grammar's TRIM(… FROM …)
                    insertions.add(new int[] {line, out.length() - lineStart + 1, word.length()});
                    out.append('"').append(word.toLowerCase(java.util.Locale.ROOT)).append('"');
                } else {
                    out.append(word);
                }
                i = end;
            } else if (NumericLiterals.startsAt(sql, i)) {
                int end = NumericLiterals.end(sql, i);
                ErrorLocation location = new SqlText(sql, "", List.copyOf(insertions)).location(line, out.length() - lineStart + 1);
                if (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    // "1abc" is not the number 1 named abc, as Calcite would read it
                    throw Errors.error(ErrorCode.SYNTAX_ERROR,
                            "identifiers must not start with a digit; surround the identifier with double quotes", location);
                }
                String number = NumericLiterals.rewrite(sql.substring(i, end));
                if (number.equals(sql.substring(i, end))) {
                    if (number.chars().allMatch(Character::isDigit)) {
                        checkIntegerLiteral(sql, i, end, location);
                    }
                } else if (NumericLiterals.isInteger(number) && new java.math.BigInteger(number.strip()).bitLength() >= 64) {
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "Invalid numeric literal: " + sql.substring(i, end), location);
                }
                checkDecimalLiteral(number.strip(), sql.substring(i, end), location);
                out.append(number);
                i = end;
            } else {
                if (c == ')') {
                    TrinoOnlySyntax.checkMethodCall(sql, i);
                }
                out.append(c);
                if (c == ')' && closings.remove(i)) {
                    insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
                    out.append(')');
                }
                i++;
            }
        }
        if (argumentCloses.remove(n)) {
            insertions.add(new int[] {line, out.length() - lineStart + 1, -1});
            out.append(')');
        }
        return new SqlText(sql, out.toString(), List.copyOf(insertions), List.copyOf(tableArguments), Set.copyOf(typedDescriptors));
    }

    /** The 1-based position of an index into the user's text. */
    static ErrorLocation originalLocation(String sql, int index) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < index; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new ErrorLocation(line, index - lineStart + 1);
    }

    /**
     * The table argument whose sub-query starts at a rewritten position (its parenthesis, or the word SELECT
     * after it), if it is one.
     */
    java.util.Optional<TableArgument> tableArgument(int line, int column) {
        return tableArguments.stream()
                .filter(argument -> argument.line() == line && (argument.column() == column || argument.column() + 1 == column))
                .findFirst();
    }

    /**
     * For the word ROW ending at {@code end}, right after an opening parenthesis, with its own parenthesised list
     * followed by a comma: where that list closes; else -1.
     */
    private static int rowBeforeComma(String sql, StringBuilder out, int end) {
        int before = out.length() - 1;
        while (before >= 0 && Character.isWhitespace(out.charAt(before))) {
            before--;
        }
        int open = firstNonBlank(sql, end);
        if (before < 0 || out.charAt(before) != '(' || open >= sql.length() || sql.charAt(open) != '(') {
            return -1;
        }
        int depth = 0;
        for (int k = open; k < sql.length(); k++) {
            char c = sql.charAt(k);
            if (c == '\'' || c == '"') {
                k = closingQuote(sql, k, c) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                int next = firstNonBlank(sql, k + 1);
                return next < sql.length() && sql.charAt(next) == ',' ? k : -1;
            }
        }
        return -1;
    }

    /** Whether the text before {@code start} ends with {@code LIMIT n}, {@code LIMIT ALL} or {@code LIMIT ?}. */
    private static boolean afterLimit(String sql, int start) {
        java.util.regex.Matcher matcher = LIMIT_BEFORE.matcher(sql.substring(0, start));
        return matcher.find();
    }

    private static final java.util.regex.Pattern LIMIT_BEFORE = java.util.regex.Pattern.compile(
            "(?i)(?:^|[^\\w])limit\\s+(?:\\d+|all|\\?)\\s+$");


    /**
     * As in Trino, an integer literal is a bigint: one beyond is a syntax error (Calcite would make it a decimal),
     * except the magnitude of the least bigint right after a minus sign.
     */
    private static void checkIntegerLiteral(String sql, int start, int end, ErrorLocation location) {
        String digits = sql.substring(start, end);
        if (digits.length() < 19) {
            return;
        }
        java.math.BigInteger value = new java.math.BigInteger(digits);
        if (value.bitLength() < 64) {
            return;
        }
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        boolean negated = before >= 0 && sql.charAt(before) == '-';
        if (negated && value.equals(java.math.BigInteger.ONE.shiftLeft(63))) {
            return;
        }
        throw Errors.error(io.quarry.spi.ErrorCode.SYNTAX_ERROR, "Invalid numeric literal: " + digits, location);
    }

    /** A decimal literal of more than 38 digits, leading zeros aside, is invalid in Trino (Calcite would overflow on it). */
    private static void checkDecimalLiteral(String number, String written, ErrorLocation location) {
        int point = number.indexOf('.');
        if (point < 0 || number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
            return;
        }
        String integral = number.substring(0, point).replaceFirst("^0+", "");
        if (integral.length() + number.length() - point - 1 > 38) {
            throw Errors.error(ErrorCode.INVALID_LITERAL, "'" + written + "' is not a valid DECIMAL literal", location);
        }
    }

    /** The hexadecimal digits of a binary literal's body without its blanks, as Trino reads them. */
    private static String binaryDigits(String body, String sql, int literal) {
        String digits = body.replaceAll("\\s", "");
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw Errors.error(io.quarry.spi.ErrorCode.SYNTAX_ERROR, "Binary literal can only contain hexadecimal digits",
                    originalLocation(sql, literal));
        }
        if (digits.length() % 2 != 0) {
            throw Errors.error(io.quarry.spi.ErrorCode.SYNTAX_ERROR, "Binary literal must contain an even number of digits",
                    originalLocation(sql, literal));
        }
        return digits;
    }

    static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The text of the string literal whose opening quote is at {@code quote}, doubled quotes undone. */
    static String literalText(String sql, int quote) {
        int close = closingQuote(sql, quote, '\'');
        return sql.substring(quote + 1, Math.max(quote + 1, close - 1)).replace("''", "'");
    }

    private static int firstNonBlank(String sql, int from) {
        int at = from;
        while (at < sql.length() - 1 && (sql.charAt(at) == ' ' || sql.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean beforeParenthesis(String sql, int end) {
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return after < sql.length() && sql.charAt(after) == '(';
    }

    /** Whether the parenthesis after {@code end} holds a comma outside nested parentheses and quotes. */
    private static boolean hasTopLevelComma(String sql, int end) {
        int depth = 0;
        int i = sql.indexOf('(', end);
        while (i >= 0 && i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i, c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (c == ',' && depth == 1) {
                return true;
            }
            i++;
        }
        return false;
    }

    private static boolean nextToDot(String sql, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return (before >= 0 && sql.charAt(before) == '.') || (after < sql.length() && sql.charAt(after) == '.');
    }

    String original() {
        return original;
    }

    String rewritten() {
        return rewritten;
    }

    /** The position in the user's text of a 1-based position in the rewritten text; null if not known. */
    ErrorLocation location(int line, int column) {
        if (line < 1 || column < 1) {
            return null;
        }
        int shift = 0;
        for (int[] insertion : insertions) {
            if (insertion.length == 4) {
                // insertion[3] characters were removed (a BMP code point's six-digit escape written with four)
                shift -= insertion[0] == line && insertion[1] <= column ? insertion[3] : 0;
            } else if (insertion[2] < 0) {
                // -insertion[2] characters were inserted (the closing parenthesis of a JSON literal, at_timezone( …)
                shift += insertion[0] == line && insertion[1] < column ? -insertion[2] : 0;
            } else if (insertion[0] == line && insertion[1] < column) {
                // inside the quoted word the column moves by one, after it by two
                shift += column <= insertion[1] + insertion[2] + 1 ? 1 : 2;
            }
        }
        return new ErrorLocation(line, Math.max(1, column - shift));
    }

    /** Whether the user's text has a double quote at a 1-based rewritten position (a quoted identifier starts there). */
    boolean quotedAt(int line, int column) {
        ErrorLocation at = location(line, column);
        int offset = at == null ? -1 : offset(original, at);
        return offset >= 0 && offset < original.length() && original.charAt(offset) == '"';
    }

    /** The letters of the rewritten text from a 1-based position on (the word Calcite parsed there). */
    String rewrittenWord(int line, int column) {
        int from = offset(rewritten, new ErrorLocation(line, column));
        int to = Math.max(from, 0);
        while (to < rewritten.length() && Character.isLetter(rewritten.charAt(to))) {
            to++;
        }
        return from < 0 ? "" : rewritten.substring(from, to);
    }

    /** The user's text of {@code length} characters from a 1-based rewritten position; null if not there. */
    String originalText(int line, int column, int length) {
        ErrorLocation start = location(line, column);
        int from = start == null ? -1 : offset(original, start);
        return from < 0 || from + length > original.length() ? null : original.substring(from, from + length);
    }

    /** The user's text between two 1-based rewritten positions (inclusive), for messages. */
    String snippet(int line, int column, int endLine, int endColumn) {
        ErrorLocation start = location(line, column);
        ErrorLocation end = location(endLine, endColumn);
        if (start == null || end == null) {
            return null;
        }
        int from = offset(original, start);
        int to = offset(original, end) + 1;
        if (from < 0 || to > original.length() || from >= to) {
            return null;
        }
        return original.substring(from, to);
    }

    /** Where the user's text goes on after a 1-based rewritten position, past blanks (an operator after its left operand). */
    ErrorLocation after(int line, int column) {
        ErrorLocation at = location(line, column);
        if (at == null) {
            return null;
        }
        int offset = offset(original, at);
        if (offset < 0) {
            return at;
        }
        int row = at.lineNumber();
        int col = at.columnNumber() + 1;
        for (offset++; offset < original.length() && Character.isWhitespace(original.charAt(offset)); offset++) {
            if (original.charAt(offset) == '\n') {
                row++;
                col = 1;
            } else {
                col++;
            }
        }
        return new ErrorLocation(row, col);
    }

    /**
     * Whether the user's text between two 1-based rewritten positions (inclusive) is one expression in parentheses,
     * as Calcite places a parenthesized expression; true when that is not known.
     */
    boolean parenthesized(int line, int column, int endLine, int endColumn) {
        ErrorLocation start = location(line, column);
        ErrorLocation end = location(endLine, endColumn);
        int from = start == null ? -1 : offset(original, start);
        int to = end == null ? -1 : offset(original, end);
        if (from < 0 || to < from || to >= original.length()) {
            return true;
        }
        if (original.charAt(from) != '(') {
            return false;
        }
        int open = 0;
        for (int i = from; i <= to; i++) {
            char c = original.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(original, i, c) - 1;
            } else if (c == '(') {
                open++;
            } else if (c == ')' && --open == 0) {
                // the parenthesis opened first closes here: the expression is parenthesized if it ends here
                return i == to;
            }
        }
        return false;
    }

    /** A 1-based rewritten position, or the opening parenthesis just before it (past blanks) when there is one. */
    ErrorLocation withOpeningParenthesis(int line, int column) {
        ErrorLocation at = location(line, column);
        if (at == null) {
            return null;
        }
        int offset = offset(original, at);
        int before = offset - 1;
        while (before >= 0 && original.charAt(before) == ' ') {
            before--;
        }
        if (offset < 0 || before < 0 || original.charAt(before) != '(') {
            return at;
        }
        return new ErrorLocation(at.lineNumber(), at.columnNumber() - (offset - before));
    }

    /** The index into a text of a 1-based position; -1 past its lines. */
    static int offsetOf(String text, ErrorLocation location) {
        return offset(text, location);
    }

    private static int offset(String text, ErrorLocation location) {
        int line = 1;
        int i = 0;
        while (line < location.lineNumber()) {
            int next = text.indexOf('\n', i);
            if (next < 0) {
                return -1;
            }
            i = next + 1;
            line++;
        }
        return i + location.columnNumber() - 1;
    }
}
