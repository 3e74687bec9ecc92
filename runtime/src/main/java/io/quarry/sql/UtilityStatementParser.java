package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.sql.UtilityStatement.LikeFilter;
import io.quarry.sql.UtilityTokens.Kind;
import io.quarry.sql.UtilityTokens.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the statements of {@link UtilityStatement} by their first words and parses them; anything else
 * is left to the other parsers. Hand-written because Calcite's grammar has none of them.
 */
public final class UtilityStatementParser {
    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "integer", "bigint", "real", "double");
    private static final Pattern TEMPORAL_TEXT = Pattern.compile("[0-9A-Za-z:\\-+. /_]*");

    private final String sql;
    private final List<Token> tokens;
    private int position;

    private UtilityStatementParser(String sql) {
        this.sql = sql;
        this.tokens = UtilityTokens.tokenize(sql);
    }

    /** The statement, or empty when it is not one of these. */
    public static Optional<UtilityStatement> parse(String sql) {
        return new UtilityStatementParser(sql).statement();
    }

    private Optional<UtilityStatement> statement() {
        Token first = peek(0);
        Token second = peek(1);
        if (first.isWord("show")) {
            return show(second);
        }
        if ((first.isWord("describe") || first.isWord("desc")) && second.kind() != Kind.END) {
            if ((second.isWord("input") || second.isWord("output")) && isName(peek(2)) && peek(3).kind() == Kind.END
                    || (second.isWord("input") || second.isWord("output")) && isName(peek(2)) && peek(3).isSymbol(";")) {
                position = 2;
                String name = preparedName();
                expectEnd();
                return Optional.of(second.isWord("input")
                        ? new UtilityStatement.DescribeInput(name)
                        : new UtilityStatement.DescribeOutput(name));
            }
            position = 1;
            List<String> table = qualifiedName();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowColumns(table, Optional.empty()));
        }
        if (first.isWord("use")) {
            position = 1;
            List<String> name = qualifiedName();
            expectEnd();
            if (name.size() > 2) {
                throw UtilityTokens.syntaxError(peek(0), "a schema name of one or two parts");
            }
            return Optional.of(new UtilityStatement.Use(
                    name.size() == 2 ? Optional.of(name.get(0)) : Optional.empty(), name.get(name.size() - 1)));
        }
        if (first.isWord("set") && second.isWord("session")) {
            position = 2;
            List<String> name = qualifiedName();
            expectSymbol("=");
            Literal value = literal();
            expectEnd();
            return Optional.of(new UtilityStatement.SetSession(name, value));
        }
        if (first.isWord("set") && second.isWord("time") && peek(2).isWord("zone")) {
            position = 3;
            return Optional.of(setTimeZone());
        }
        if (first.isWord("reset") && second.isWord("session")) {
            position = 2;
            List<String> name = qualifiedName();
            expectEnd();
            return Optional.of(new UtilityStatement.ResetSession(name));
        }
        if (first.isWord("start") && second.isWord("transaction")) {
            position = 2;
            return Optional.of(startTransaction());
        }
        if (first.isWord("commit") || first.isWord("rollback")) {
            position = 1;
            if (peek(0).isWord("work")) {
                position++;
            }
            expectEnd();
            return Optional.of(first.isWord("commit") ? new UtilityStatement.Commit() : new UtilityStatement.Rollback());
        }
        if (first.isWord("prepare")) {
            position = 1;
            String name = preparedName();
            expectWord("from");
            Token start = peek(0);
            if (start.kind() == Kind.END) {
                throw UtilityTokens.syntaxError(start, "a statement");
            }
            return Optional.of(new UtilityStatement.Prepare(name, sql.substring(start.start(), endOfStatement()).strip()));
        }
        if (first.isWord("execute")) {
            if (second.isWord("immediate") && peek(2).kind() == Kind.STRING) {
                position = 2;
                String statement = next().text();
                List<Literal> parameters = using();
                expectEnd();
                return Optional.of(new UtilityStatement.ExecuteImmediate(statement, parameters));
            }
            position = 1;
            String name = preparedName();
            List<Literal> parameters = using();
            expectEnd();
            return Optional.of(new UtilityStatement.Execute(name, parameters));
        }
        if (first.isWord("explain")) {
            position = 1;
            return Optional.of(explain());
        }
        if (first.isWord("deallocate") && second.isWord("prepare")) {
            position = 2;
            String name = preparedName();
            expectEnd();
            return Optional.of(new UtilityStatement.Deallocate(name));
        }
        return Optional.empty();
    }

    private Optional<UtilityStatement> show(Token second) {
        if (second.isWord("catalogs")) {
            position = 2;
            Optional<LikeFilter> like = like();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowCatalogs(like));
        }
        if (second.isWord("schemas")) {
            position = 2;
            Optional<String> catalog = Optional.empty();
            if (peek(0).isWord("from") || peek(0).isWord("in")) {
                position++;
                catalog = Optional.of(identifier());
            }
            Optional<LikeFilter> like = like();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowSchemas(catalog, like));
        }
        if (second.isWord("columns")) {
            position = 2;
            Token from = next();
            if (!from.isWord("from") && !from.isWord("in")) {
                throw UtilityTokens.syntaxError(from, "'FROM', 'IN'");
            }
            List<String> table = qualifiedName();
            Optional<LikeFilter> like = like();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowColumns(table, like));
        }
        if (second.isWord("create") && peek(2).isWord("table")) {
            position = 3;
            List<String> table = qualifiedName();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowCreateTable(table));
        }
        if (second.isWord("create") && peek(2).isWord("view")) {
            position = 3;
            List<String> view = qualifiedName();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowCreateView(view));
        }
        if (second.isWord("session")) {
            position = 2;
            Optional<LikeFilter> like = like();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowSession(like));
        }
        if (second.isWord("stats")) {
            position = 2;
            expectWord("for");
            if (peek(0).isSymbol("(")) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "SHOW STATS FOR a query is not supported");
            }
            List<String> table = qualifiedName();
            expectEnd();
            return Optional.of(new UtilityStatement.ShowStats(table));
        }
        return Optional.empty();
    }

    private UtilityStatement explain() {
        if (peek(0).isWord("analyze")) {
            position++;
            boolean verbose = false;
            if (peek(0).isWord("verbose")) {
                position++;
                verbose = true;
            }
            return new UtilityStatement.ExplainAnalyze(verbose, explainedStatement());
        }
        UtilityStatement.ExplainType type = UtilityStatement.ExplainType.DISTRIBUTED;
        String format = "TEXT";
        if (peek(0).isSymbol("(")) {
            position++;
            do {
                Token option = next();
                if (option.isWord("type")) {
                    Token value = next();
                    try {
                        type = UtilityStatement.ExplainType.valueOf(value.text().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw UtilityTokens.syntaxError(value, "'LOGICAL', 'DISTRIBUTED', 'VALIDATE', 'IO'");
                    }
                } else if (option.isWord("format")) {
                    Token value = next();
                    if (!value.isWord("text") && !value.isWord("json") && !value.isWord("graphviz")) {
                        throw UtilityTokens.syntaxError(value, "'TEXT', 'JSON', 'GRAPHVIZ'");
                    }
                    format = value.text().toUpperCase(Locale.ROOT);
                } else {
                    throw UtilityTokens.syntaxError(option, "'TYPE', 'FORMAT'");
                }
            } while (next().isSymbol(","));
            if (!tokens.get(position - 1).isSymbol(")")) {
                throw UtilityTokens.syntaxError(tokens.get(position - 1), "')'");
            }
        }
        // TYPE IO is a JSON document whatever the format; the other types are text only
        if (!format.equals("TEXT") && type != UtilityStatement.ExplainType.IO) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "EXPLAIN (FORMAT " + format + ") is not supported");
        }
        return new UtilityStatement.Explain(type, explainedStatement());
    }

    private String explainedStatement() {
        Token start = peek(0);
        if (start.kind() == Kind.END) {
            throw UtilityTokens.syntaxError(start, "a statement");
        }
        return sql.substring(start.start(), endOfStatement()).strip();
    }

    private UtilityStatement startTransaction() {
        Optional<String> isolation = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        while (peek(0).kind() != Kind.END && !peek(0).isSymbol(";")) {
            if (peek(0).isWord("isolation")) {
                position++;
                expectWord("level");
                Token level = next();
                String text;
                if (level.isWord("serializable")) {
                    text = "SERIALIZABLE";
                } else if (level.isWord("repeatable")) {
                    expectWord("read");
                    text = "REPEATABLE READ";
                } else if (level.isWord("read") && (peek(0).isWord("committed") || peek(0).isWord("uncommitted"))) {
                    text = "READ " + next().text().toUpperCase(Locale.ROOT);
                } else {
                    throw UtilityTokens.syntaxError(level, "'SERIALIZABLE', 'REPEATABLE READ', 'READ COMMITTED', 'READ UNCOMMITTED'");
                }
                isolation = Optional.of(text);
            } else if (peek(0).isWord("read")) {
                position++;
                Token mode = next();
                if (!mode.isWord("only") && !mode.isWord("write")) {
                    throw UtilityTokens.syntaxError(mode, "'ONLY', 'WRITE'");
                }
                readOnly = Optional.of(mode.isWord("only"));
            } else {
                throw UtilityTokens.syntaxError(peek(0), "'ISOLATION', 'READ'");
            }
            if (peek(0).isSymbol(",")) {
                position++;
            }
        }
        expectEnd();
        return new UtilityStatement.StartTransaction(isolation, readOnly);
    }

    private List<Literal> using() {
        List<Literal> parameters = new ArrayList<>();
        if (peek(0).isWord("using")) {
            position++;
            parameters.add(literal());
            while (peek(0).isSymbol(",")) {
                position++;
                parameters.add(literal());
            }
        }
        return parameters;
    }

    private Optional<LikeFilter> like() {
        if (!peek(0).isWord("like")) {
            return Optional.empty();
        }
        position++;
        String pattern = string();
        Optional<String> escape = Optional.empty();
        if (peek(0).isWord("escape")) {
            position++;
            Token token = peek(0);
            String character = string();
            if (character.length() != 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "line " + token.line() + ":" + token.column() + ": Escape string must be a single character");
            }
            escape = Optional.of(character);
        }
        return Optional.of(new LikeFilter(pattern, escape));
    }

    /**
     * A literal: a string, a number (optionally signed), TRUE/FALSE, NULL, {@code X'hex'}, a typed literal
     * ({@code DATE '…'}, {@code BIGINT '1'}, …) or {@code CAST(NULL AS type)}.
     */
    /**
     * The zone of {@code SET TIME ZONE}: LOCAL, a string, or an interval literal of hours (and minutes) that
     * becomes the offset {@code ±HH:MM}.
     */
    private UtilityStatement.SetTimeZone setTimeZone() {
        Token token = next();
        if (token.isWord("local")) {
            expectEnd();
            return new UtilityStatement.SetTimeZone(Optional.empty());
        }
        if (token.kind() == Kind.STRING) {
            expectEnd();
            return new UtilityStatement.SetTimeZone(Optional.of(token.text()));
        }
        if (!token.isWord("interval")) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "line " + token.line() + ":" + token.column()
                    + ": Expected expression of varchar or interval day-time type, but '" + token.text() + "' is not one");
        }
        boolean negative = peek(0).isSymbol("-");
        if (negative || peek(0).isSymbol("+")) {
            position++;
        }
        Token text = next();
        if (text.kind() != Kind.STRING) {
            throw UtilityTokens.syntaxError(text, "a string");
        }
        Token unit = next();
        boolean minutes = unit.isWord("hour") && peek(0).isWord("to") && peek(1).isWord("minute");
        if (!unit.isWord("hour")) {
            throw UtilityTokens.syntaxError(unit, "HOUR or HOUR TO MINUTE");
        }
        position += minutes ? 2 : 0;
        expectEnd();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(minutes ? "\\s*([+-]?)(\\d{1,2}):(\\d{2})\\s*"
                : "\\s*([+-]?)(\\d{1,2})\\s*").matcher(text.text());
        if (!matcher.matches() || minutes && Integer.parseInt(matcher.group(3)) > 59) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "line " + text.line() + ":" + text.column()
                    + ": '" + text.text() + "' is not a valid INTERVAL literal");
        }
        boolean west = negative ^ matcher.group(1).equals("-");
        int hours = Integer.parseInt(matcher.group(2));
        int minute = minutes ? Integer.parseInt(matcher.group(3)) : 0;
        return new UtilityStatement.SetTimeZone(Optional.of(String.format(Locale.ROOT, "%s%02d:%02d",
                west && (hours != 0 || minute != 0) ? "-" : "+", hours, minute)));
    }

    private Literal literal() {
        Token token = next();
        if (token.kind() == Kind.STRING) {
            return new Literal("varchar", Optional.of(token.text()));
        }
        boolean negative = false;
        if (token.isSymbol("-") || token.isSymbol("+")) {
            negative = token.isSymbol("-");
            token = next();
            if (token.kind() != Kind.NUMBER) {
                throw UtilityTokens.syntaxError(token, "a number");
            }
        }
        if (token.kind() == Kind.NUMBER) {
            return number(token, negative);
        }
        if (token.kind() != Kind.WORD) {
            throw UtilityTokens.syntaxError(token, "a literal");
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false")) {
            return new Literal("boolean", Optional.of(word));
        }
        if (word.equals("null")) {
            return new Literal("unknown", Optional.empty());
        }
        if (word.equals("x") && peek(0).kind() == Kind.STRING && peek(0).start() == token.end()) {
            Token hex = next();
            String digits = hex.text().replace(" ", "");
            try {
                HexFormat.of().parseHex(digits);
            } catch (IllegalArgumentException e) {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "line " + hex.line() + ":" + hex.column()
                        + ": Binary literal can only contain hexadecimal digits");
            }
            return new Literal("varbinary", Optional.of(digits.toUpperCase(Locale.ROOT)));
        }
        if (word.equals("cast") && peek(0).isSymbol("(")) {
            position++;
            Token inner = peek(0);
            Literal value = literal();
            expectWord("as");
            String type = typeName();
            expectSymbol(")");
            if (value.value().isEmpty()) {
                return new Literal(type, Optional.empty());
            }
            return typed(type, value.value().get(), inner);
        }
        String type = word;
        if ((word.equals("time") || word.equals("timestamp")) && peek(0).isWord("with")) {
            position++;
            expectWord("time");
            expectWord("zone");
            type = word + " with time zone";
        } else if (word.equals("double") && peek(0).isWord("precision")) {
            position++;
            type = "double";
        }
        Token text = peek(0);
        if (text.kind() != Kind.STRING) {
            throw UtilityTokens.syntaxError(token, "a literal");
        }
        position++;
        return typed(type, text.text(), text);
    }

    private Literal number(Token token, boolean negative) {
        String digits = (negative ? "-" : "") + token.text();
        String text = token.text();
        if (text.contains("e") || text.contains("E")) {
            return new Literal("double", Optional.of(digits));
        }
        if (text.contains(".")) {
            return decimal(digits, token);
        }
        try {
            long value = Long.parseLong(digits);
            return new Literal(value == (int) value ? "integer" : "bigint", Optional.of(Long.toString(value)));
        } catch (NumberFormatException e) {
            return decimal(digits, token);
        }
    }

    private static Literal decimal(String digits, Token token) {
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "line " + token.line() + ":" + token.column()
                    + ": '" + digits + "' is not a valid decimal literal");
        }
        int scale = Math.max(0, value.scale());
        int precision = Math.max(value.precision(), scale);
        if (precision > 38) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "line " + token.line() + ":" + token.column()
                    + ": Decimal overflow: '" + digits + "'");
        }
        return new Literal("decimal(" + Math.max(1, precision) + "," + scale + ")", Optional.of(value.toPlainString()));
    }

    /** A value given as text for a type, checked so that it renders as a literal of that type. */
    private static Literal typed(String type, String text, Token token) {
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        String value = text.strip();
        try {
            if (NUMERIC_TYPES.contains(base)) {
                if (base.equals("real") || base.equals("double")) {
                    Double.parseDouble(value);
                } else {
                    Long.parseLong(value);
                }
                return new Literal(type, Optional.of(value));
            }
            if (base.equals("decimal")) {
                if (type.equals("decimal")) {
                    return decimal(value, token);
                }
                return new Literal(type, Optional.of(new BigDecimal(value).toPlainString()));
            }
            if (base.equals("boolean")) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new IllegalArgumentException();
                }
                return new Literal(type, Optional.of(lower));
            }
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "line " + token.line() + ":" + token.column() + ": '"
                    + text + "' is not a valid " + type + " literal");
        }
        if (base.equals("varchar") || base.equals("char") || base.equals("json")) {
            return new Literal(type, Optional.of(text));
        }
        if (base.equals("date") || base.startsWith("time")) {
            if (!TEMPORAL_TEXT.matcher(value).matches()) {
                throw new QuarryException(ErrorCode.INVALID_LITERAL, "line " + token.line() + ":" + token.column()
                        + ": '" + text + "' is not a valid " + type + " literal");
            }
            return new Literal(type, Optional.of(value));
        }
        if (base.equals("varbinary")) {
            return new Literal("varbinary", Optional.of(HexFormat.of().withUpperCase().formatHex(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        throw new QuarryException(ErrorCode.TYPE_NOT_FOUND, "line " + token.line() + ":" + token.column()
                + ": Unknown type: " + type);
    }

    /** A type name as in CAST: a word or words, and optional (n[, m]) arguments. */
    private String typeName() {
        StringBuilder type = new StringBuilder(word().toLowerCase(Locale.ROOT));
        while (peek(0).kind() == Kind.WORD && !peek(0).isWord("as")) {
            type.append(' ').append(next().text().toLowerCase(Locale.ROOT));
        }
        if (peek(0).isSymbol("(")) {
            position++;
            type.append('(');
            type.append(numberText());
            while (peek(0).isSymbol(",")) {
                position++;
                type.append(',').append(numberText());
            }
            expectSymbol(")");
            type.append(')');
            while (peek(0).kind() == Kind.WORD) {
                type.append(' ').append(next().text().toLowerCase(Locale.ROOT));
            }
        }
        return type.toString().replace("double precision", "double");
    }

    private String numberText() {
        Token token = next();
        if (token.kind() != Kind.NUMBER) {
            throw UtilityTokens.syntaxError(token, "a number");
        }
        return token.text();
    }

    private String word() {
        Token token = next();
        if (token.kind() != Kind.WORD) {
            throw UtilityTokens.syntaxError(token, "a name");
        }
        return token.text();
    }

    private String string() {
        Token token = next();
        if (token.kind() != Kind.STRING) {
            throw UtilityTokens.syntaxError(token, "a string");
        }
        return token.text();
    }

    private static boolean isName(Token token) {
        return token.kind() == Kind.WORD || token.kind() == Kind.QUOTED;
    }

    /** An identifier: lower case unless quoted. */
    private String identifier() {
        Token token = next();
        if (token.kind() == Kind.WORD) {
            return token.text().toLowerCase(Locale.ROOT);
        }
        if (token.kind() == Kind.QUOTED) {
            return token.text();
        }
        throw UtilityTokens.syntaxError(token, "an identifier");
    }

    /** The name of a prepared statement, as written (clients send it back with its case). */
    private String preparedName() {
        Token token = next();
        if (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED) {
            return token.text();
        }
        throw UtilityTokens.syntaxError(token, "an identifier");
    }

    private List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (peek(0).isSymbol(".")) {
            position++;
            parts.add(identifier());
        }
        if (parts.size() > 3) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Too many dots in name: " + String.join(".", parts));
        }
        return parts;
    }

    private void expectWord(String word) {
        Token token = next();
        if (!token.isWord(word)) {
            throw UtilityTokens.syntaxError(token, "'" + word.toUpperCase(Locale.ROOT) + "'");
        }
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw UtilityTokens.syntaxError(token, "'" + symbol + "'");
        }
    }

    private void expectEnd() {
        Token token = peek(0);
        if (token.isSymbol(";") && peek(1).kind() == Kind.END) {
            return;
        }
        if (token.kind() != Kind.END) {
            throw UtilityTokens.syntaxError(token, "the end of the statement");
        }
    }

    /** Where the statement's text ends: before a trailing semicolon. */
    private int endOfStatement() {
        int last = tokens.size() - 2;
        if (last >= 0 && tokens.get(last).isSymbol(";")) {
            last--;
        }
        return last < 0 ? sql.length() : tokens.get(last).end();
    }

    private Token peek(int offset) {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    private Token next() {
        Token token = peek(0);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }
}
