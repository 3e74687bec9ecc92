package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of the statements Quarry parses itself ({@link UtilityStatementParser}, {@link WriteStatementParser})
 * and of a prepared statement whose parameters are bound ({@link StatementParameters}): words, numbers, strings,
 * quoted identifiers and symbols, with their positions; comments and blanks are skipped.
 */
final class UtilityTokens {
    enum Kind {
        WORD,
        NUMBER,
        QUOTED,
        STRING,
        SYMBOL,
        END
    }

    record Token(Kind kind, String text, int start, int end, int line, int column) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private UtilityTokens() {}

    static QuarryException syntaxError(Token token, String expected) {
        String found = token.kind() == Kind.END ? "<EOF>" : "'" + token.text() + "'";
        return new QuarryException(
                ErrorCode.SYNTAX_ERROR,
                "line " + token.line() + ":" + token.column() + ": mismatched input " + found + ". Expecting: " + expected,
                new ErrorLocation(token.line(), token.column()),
                null);
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (sql.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int start = i;
                int column = i - lineStart + 1;
                int startLine = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = sql.charAt(i);
                    if (q == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    text.append(q);
                    i++;
                }
                if (!closed) {
                    throw new QuarryException(ErrorCode.SYNTAX_ERROR,
                            "line " + startLine + ":" + column + ": unterminated " + (c == '"' ? "quoted identifier" : "string"),
                            new ErrorLocation(startLine, column), null);
                }
                i++;
                tokens.add(new Token(c == '"' ? Kind.QUOTED : Kind.STRING, text.toString(), start, i, startLine, column));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                if (i < n && sql.charAt(i) == '.') {
                    i++;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    int exponent = i + 1;
                    if (exponent < n && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                        exponent++;
                    }
                    if (exponent < n && Character.isDigit(sql.charAt(exponent))) {
                        i = exponent;
                        while (i < n && Character.isDigit(sql.charAt(i))) {
                            i++;
                        }
                    }
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), start, i, line, start - lineStart + 1));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i, line, start - lineStart + 1));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1, line, i - lineStart + 1));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, "", n, n, line, Math.max(1, n - lineStart + 1)));
        return tokens;
    }
}
