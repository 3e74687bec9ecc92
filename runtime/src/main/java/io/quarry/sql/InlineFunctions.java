package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's leading {@code WITH FUNCTION name(parameter type, ...) RETURNS type RETURN expression [, ...]}: inline
 * functions whose body is one RETURN. Each call in the query is replaced by the body, its parameters by the call's
 * arguments cast to their types, and the whole cast to the return type, as the function would answer.
 */
final class InlineFunctions {
    private static final Pattern START = Pattern.compile("(?is)^\\s*WITH\\s+FUNCTION\\b");
    private static final Pattern HEADER = Pattern.compile("(?is)\\G\\s*(?:FUNCTION\\s+)?([A-Za-z_][\\w$]*)\\s*\\(");
    private static final Pattern RETURNS = Pattern.compile("(?is)\\G\\s*RETURNS\\b");
    private static final Pattern RETURN = Pattern.compile("(?is)\\bRETURN\\b");
    private static final Pattern NEXT_FUNCTION = Pattern.compile("(?is)\\G\\s*,\\s*FUNCTION\\b");
    private static final Pattern QUERY = Pattern.compile("(?is)\\G\\s*(?:SELECT|WITH|VALUES|TABLE|\\()");
    /** Inline functions calling each other are replaced this many times at most: deeper is taken as recursion. */
    private static final int MAX_EXPANSIONS = 32;

    private InlineFunctions() {}

    private record Function(List<String> parameters, List<String> types, String returnType, String body) {}

    /** The query with its inline functions expanded, or the statement itself without a WITH FUNCTION clause. */
    static String expand(String sql) {
        requireNonNull(sql, "sql is null");
        Matcher start = START.matcher(sql);
        if (!start.find()) {
            return sql;
        }
        Map<String, Function> functions = new LinkedHashMap<>();
        int position = start.end();
        while (true) {
            Matcher header = HEADER.matcher(sql);
            if (!header.find(position)) {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input after WITH FUNCTION: expecting a function");
            }
            String name = header.group(1).toLowerCase(Locale.ROOT);
            int close = closing(sql, header.end() - 1);
            List<String> parameters = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (String parameter : splitTopLevel(sql.substring(header.end(), close))) {
                String trimmed = parameter.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] nameAndType = trimmed.split("\\s+", 2);
                if (nameAndType.length < 2) {
                    throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Function parameter needs a name and a type: " + trimmed);
                }
                parameters.add(nameAndType[0].toLowerCase(Locale.ROOT));
                types.add(nameAndType[1]);
            }
            Matcher returns = RETURNS.matcher(sql);
            if (!returns.find(close + 1)) {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Function " + name + " needs RETURNS");
            }
            Matcher body = RETURN.matcher(sql);
            int bodyStart = body.find(returns.end()) ? body.end() : -1;
            String returnType = bodyStart < 0 ? "" : sql.substring(returns.end(), body.start()).trim();
            if (bodyStart < 0 || !returnType.matches("(?s)[\\w\\s(),]+") || hasCharacteristic(returnType)) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Only inline functions with a single RETURN are supported");
            }
            int bodyEnd = bodyEnd(sql, bodyStart);
            if (functions.put(name, new Function(parameters, types, returnType, sql.substring(bodyStart, bodyEnd).trim())) != null) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Overloaded inline functions are not supported: " + name);
            }
            Matcher next = NEXT_FUNCTION.matcher(sql);
            if (next.find(bodyEnd)) {
                position = next.end() - "FUNCTION".length();
                continue;
            }
            position = bodyEnd;
            break;
        }
        if (!QUERY.matcher(sql).find(position)) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input after WITH FUNCTION: expecting a query");
        }
        String query = sql.substring(position);
        for (int round = 0; ; round++) {
            String expanded = expandCalls(query, functions);
            if (expanded.equals(query)) {
                return expanded;
            }
            if (round == MAX_EXPANSIONS) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Recursive inline functions are not supported");
            }
            query = expanded;
        }
    }

    private static boolean hasCharacteristic(String type) {
        return Pattern.compile("(?i)\\b(?:LANGUAGE|DETERMINISTIC|NULL|SECURITY|COMMENT|CALLED)\\b").matcher(type).find();
    }

    /** One pass replacing every call of an inline function in the text. */
    private static String expandCalls(String query, Map<String, Function> functions) {
        return replaceNames(query, (name, end, out) -> {
            Function function = functions.get(name);
            int open = SqlWords.skipWhitespace(query, end);
            if (function == null || open >= query.length() || query.charAt(open) != '(') {
                return -1;
            }
            int close = closing(query, open);
            List<String> arguments = splitTopLevel(query.substring(open + 1, close));
            if (arguments.size() == 1 && arguments.get(0).isBlank()) {
                arguments = List.of();
            }
            if (arguments.size() != function.parameters().size()) {
                throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters for function " + name);
            }
            out.append(call(function, arguments));
            return close + 1;
        });
    }

    private static String call(Function function, List<String> arguments) {
        String body = replaceNames(function.body(), (name, end, out) -> {
            int parameter = function.parameters().indexOf(name);
            if (parameter < 0) {
                return -1;
            }
            out.append("CAST((").append(arguments.get(parameter)).append(") AS ").append(function.types().get(parameter)).append(')');
            return end;
        });
        return "CAST((" + body + ") AS " + function.returnType() + ")";
    }

    /** What a name becomes: written to {@code out}, answering where the text goes on; or -1 to keep the name. */
    @FunctionalInterface
    private interface NameReplacement {
        int apply(String lowerCaseName, int end, StringBuilder out);
    }

    /** The text with each name (outside quotes, not after a dot) handed to {@code replacement}. */
    private static String replaceNames(String text, NameReplacement replacement) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = quotedEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if ((Character.isLetter(c) || c == '_') && (i == 0 || !isNamePart(text.charAt(i - 1)) && text.charAt(i - 1) != '.')) {
                int end = i;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                int next = replacement.apply(text.substring(i, end).toLowerCase(Locale.ROOT), end, out);
                if (next < 0) {
                    out.append(text, i, end);
                    i = end;
                } else {
                    i = next;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int quotedEnd(String text, int open) {
        char quote = text.charAt(open);
        int close = text.indexOf(quote, open + 1);
        while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == quote) {
            close = text.indexOf(quote, close + 2);
        }
        return close < 0 ? text.length() : close + 1;
    }

    /** The position of the ')' that closes the '(' at {@code open}. */
    private static int closing(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quotedEnd(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input '<EOF>'. Expecting: ')'");
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quotedEnd(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** Where a RETURN expression ends: before ", FUNCTION" or a query's first word, outside parentheses and quotes. */
    private static int bodyEnd(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = quotedEnd(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',' && NEXT_FUNCTION.matcher(sql).find(i)) {
                return i;
            } else if (depth == 0 && Character.isLetter(c) && !isNamePart(sql.charAt(i - 1))) {
                int end = i;
                while (end < sql.length() && isNamePart(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
                if (word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES") || word.equals("TABLE")) {
                    return i;
                }
                i = end;
                continue;
            }
            i++;
        }
        return i;
    }
}
