package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed SQL/JSON path, as json_value, json_query and json_exists take it: a mode ({@code lax} or {@code strict})
 * and an expression over the context item {@code $}: member accessors ({@code .key}, {@code ."key"}, {@code .*}),
 * array accessors ({@code [1]}, {@code [1 to last]}, {@code [0, 2]}, {@code [*]}), filters
 * ({@code ?(@.price > 10 && exists(@.tag))}), item methods ({@code .size()}, {@code .type()}, {@code .double()},
 * {@code .ceiling()}, {@code .floor()}, {@code .abs()}, {@code .keyvalue()}), arithmetic and literals.
 * {@link JsonPathEvaluator} runs it.
 */
record JsonPath(boolean strict, Node root) {
    /** A path expression: it yields a sequence of JSON items. */
    sealed interface Node permits ContextItem, CurrentItem, Last, Literal, Variable, Member, Descendant, Elements, Filter,
            Method, Arithmetic, Sign {}

    /** {@code $}: the input document. */
    record ContextItem() implements Node {}

    /** {@code @}: the item a filter is looking at. */
    record CurrentItem() implements Node {}

    /** {@code last}: the last index of the array being subscripted. */
    record Last() implements Node {}

    /** A number (Long, BigInteger, BigDecimal for 1.5, Double for 1e0), a string, a boolean or {@link JsonValues#NULL}. */
    record Literal(Object value) implements Node {}

    /** {@code base.key}, or {@code base.*} when the key is null. */
    /** {@code $name}: a value of the call's PASSING clause. */
    record Variable(String name) implements Node {}

    record Member(Node base, String key) implements Node {}

    /** {@code base..key}: the key's values in every object at every level of the items, in preorder. */
    record Descendant(Node base, String key) implements Node {}

    /** {@code base[subscripts]}, or {@code base[*]} when the subscripts are null. */
    record Elements(Node base, List<Subscript> subscripts) implements Node {}

    /** One subscript: an index, or a range {@code from to to} when {@code to} is not null. */
    record Subscript(Node from, Node to) {}

    /** {@code base ? (predicate)}. */
    record Filter(Node base, Predicate predicate) implements Node {}

    /** {@code base.name()}. */
    record Method(Node base, String name) implements Node {}

    /** {@code left op right} for op in + - * / %. */
    record Arithmetic(char operator, Node left, Node right) implements Node {}

    /** Unary {@code -operand} (negate) or {@code +operand}. */
    record Sign(boolean negate, Node operand) implements Node {}

    /** A filter's condition: true, false or unknown. */
    sealed interface Predicate permits Comparison, And, Or, Not, Exists, IsUnknown, StartsWith {}

    /** {@code left op right} for op in == != < <= > >=. */
    record Comparison(String operator, Node left, Node right) implements Predicate {}

    record And(Predicate left, Predicate right) implements Predicate {}

    record Or(Predicate left, Predicate right) implements Predicate {}

    record Not(Predicate operand) implements Predicate {}

    /** {@code exists(path)}. */
    record Exists(Node path) implements Predicate {}

    /** {@code (predicate) is unknown}. */
    record IsUnknown(Predicate operand) implements Predicate {}

    /** {@code value starts with prefix}. */
    record StartsWith(Node value, Node prefix) implements Predicate {}

    static final Set<String> METHODS = Set.of("size", "type", "double", "ceiling", "floor", "abs", "keyvalue");

    /** Parses a path; SYNTAX_ERROR naming the path if it is not one. */
    static JsonPath parse(String text) {
        return new Parser(text).path();
    }

    /** The names of the variables ({@code $name}) a path's text reads, in order of appearance. */
    static Set<String> variables(String text) {
        Parser parser = new Parser(text);
        parser.path();
        return parser.variables;
    }

    /** A recursive-descent parser over the path's characters. */
    private static final class Parser {
        private final String text;
        private final Set<String> variables = new java.util.LinkedHashSet<>();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        JsonPath path() {
            skipBlanks();
            boolean strict;
            if (word("strict")) {
                strict = true;
            } else if (word("lax")) {
                strict = false;
            } else {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR, "JSON path must begin with lax or strict: '" + text + "'");
            }
            Node root = additive();
            skipBlanks();
            if (at < text.length()) {
                throw invalid();
            }
            return new JsonPath(strict, root);
        }

        private Node additive() {
            Node left = multiplicative();
            while (true) {
                skipBlanks();
                if (peek('+') || peek('-')) {
                    char operator = text.charAt(at++);
                    left = new Arithmetic(operator, left, multiplicative());
                } else {
                    return left;
                }
            }
        }

        private Node multiplicative() {
            Node left = unary();
            while (true) {
                skipBlanks();
                if (peek('*') || peek('/') || peek('%')) {
                    char operator = text.charAt(at++);
                    left = new Arithmetic(operator, left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skipBlanks();
            if (peek('-') || peek('+')) {
                boolean negate = text.charAt(at++) == '-';
                return new Sign(negate, unary());
            }
            return accessors(primary());
        }

        private Node primary() {
            skipBlanks();
            if (consume('$')) {
                if (at < text.length() && isNameStart(text.charAt(at)) || peek('"')) {
                    Variable variable = new Variable(peek('"') ? string() : identifier());
                    variables.add(variable.name());
                    return variable;
                }
                return new ContextItem();
            }
            if (consume('@')) {
                return new CurrentItem();
            }
            if (consume('(')) {
                Node inner = additive();
                expect(')');
                return inner;
            }
            if (peek('"')) {
                return new Literal(string());
            }
            if (at < text.length() && (Character.isDigit(text.charAt(at)) || peek('.'))) {
                return new Literal(number());
            }
            if (word("last")) {
                return new Last();
            }
            if (word("true")) {
                return new Literal(Boolean.TRUE);
            }
            if (word("false")) {
                return new Literal(Boolean.FALSE);
            }
            if (word("null")) {
                return new Literal(JsonValues.NULL);
            }
            throw invalid();
        }

        /** Member and array accessors, filters and methods after a primary. */
        private Node accessors(Node base) {
            Node node = base;
            while (true) {
                skipBlanks();
                if (consume('.')) {
                    if (consume('.')) {
                        skipBlanks();
                        node = new Descendant(node, peek('"') ? string() : identifier());
                        continue;
                    }
                    skipBlanks();
                    if (consume('*')) {
                        node = new Member(node, null);
                    } else if (peek('"')) {
                        node = new Member(node, string());
                    } else {
                        String name = identifier();
                        skipBlanks();
                        if (consume('(')) {
                            skipBlanks();
                            expect(')');
                            String method = name; // as keywords, method names are lower case only
                            if (method.equals("datetime")) {
                                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "JSON path method datetime() is not supported");
                            }
                            if (!METHODS.contains(method)) {
                                throw invalid();
                            }
                            node = new Method(node, method);
                        } else {
                            node = new Member(node, name);
                        }
                    }
                } else if (consume('[')) {
                    skipBlanks();
                    if (consume('*')) {
                        expect(']');
                        node = new Elements(node, null);
                    } else {
                        List<Subscript> subscripts = new ArrayList<>();
                        do {
                            Node from = additive();
                            skipBlanks();
                            Node to = word("to") ? additive() : null;
                            subscripts.add(new Subscript(from, to));
                            skipBlanks();
                        } while (consume(','));
                        expect(']');
                        node = new Elements(node, List.copyOf(subscripts));
                    }
                } else if (consume('?')) {
                    skipBlanks();
                    expect('(');
                    Predicate predicate = disjunction();
                    expect(')');
                    node = new Filter(node, predicate);
                } else {
                    return node;
                }
            }
        }

        private Predicate disjunction() {
            Predicate left = conjunction();
            while (symbol("||")) {
                left = new Or(left, conjunction());
            }
            return left;
        }

        private Predicate conjunction() {
            Predicate left = negation();
            while (symbol("&&")) {
                left = new And(left, negation());
            }
            return left;
        }

        private Predicate negation() {
            skipBlanks();
            if (peek('!') && !text.startsWith("!=", at)) {
                at++;
                skipBlanks();
                int operand = at;
                if (word("exists")) {
                    // ! exists(…): the predicate itself is delimited
                    at = operand;
                    return new Not(predicatePrimary());
                }
                expect('(');
                Predicate inner = disjunction();
                expect(')');
                return new Not(inner);
            }
            return predicatePrimary();
        }

        private Predicate predicatePrimary() {
            skipBlanks();
            int start = at;
            if (word("exists")) {
                skipBlanks();
                expect('(');
                Node path = additive();
                expect(')');
                return new Exists(path);
            }
            if (consume('(')) {
                // a parenthesised predicate, or an arithmetic operand of a comparison: try the first, then the second
                try {
                    Predicate inner = disjunction();
                    expect(')');
                    skipBlanks();
                    if (word("is")) {
                        skipBlanks();
                        if (!word("unknown")) {
                            throw invalid();
                        }
                        return new IsUnknown(inner);
                    }
                    return inner;
                } catch (QuarryException e) {
                    if (e.errorCode() != ErrorCode.SYNTAX_ERROR) {
                        throw e;
                    }
                    at = start;
                }
            }
            Node left = additive();
            skipBlanks();
            if (word("starts")) {
                skipBlanks();
                if (!word("with")) {
                    throw invalid();
                }
                // a string or a named variable only, as Trino's grammar has it
                skipBlanks();
                if (!peek('"') && !(peek('$') && at + 1 < text.length() && isNameStart(text.charAt(at + 1)))) {
                    throw invalid();
                }
                return new StartsWith(left, primary());
            }
            if (word("like_regex")) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "like_regex predicate in JSON path is not supported");
            }
            for (String operator : List.of("==", "!=", "<>", "<=", ">=", "<", ">")) {
                if (symbol(operator)) {
                    return new Comparison(operator.equals("<>") ? "!=" : operator, left, additive());
                }
            }
            throw invalid();
        }

        /** An ASCII letter or underscore, then letters, digits and underscores, as Trino's path lexer reads names. */
        private String identifier() {
            int start = at;
            while (at < text.length() && (isNameStart(text.charAt(at)) || text.charAt(at) >= '0' && text.charAt(at) <= '9')) {
                at++;
            }
            if (start == at) {
                throw invalid();
            }
            return text.substring(start, at);
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw invalid();
                            }
                            try {
                                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            } catch (NumberFormatException e) {
                                throw invalid();
                            }
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
            expect('"');
            return out.toString();
        }

        private Object number() {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            boolean floating = false;
            boolean fraction = false;
            // 1.5, .5 and 5. are decimals (an accessor may follow the digits: 5.type())
            if (peek('.') && (at + 1 >= text.length() || !Character.isLetter(text.charAt(at + 1)) && text.charAt(at + 1) != '*'
                    && text.charAt(at + 1) != '"')) {
                fraction = true;
                at++;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            }
            if (peek('e') || peek('E')) {
                int mark = at++;
                if (peek('+') || peek('-')) {
                    at++;
                }
                if (at < text.length() && Character.isDigit(text.charAt(at))) {
                    floating = true;
                    while (at < text.length() && Character.isDigit(text.charAt(at))) {
                        at++;
                    }
                } else {
                    at = mark;
                }
            }
            String digits = text.substring(start, at);
            if (digits.isEmpty() || digits.equals(".")) {
                throw invalid();
            }
            if (floating) {
                return Double.parseDouble(digits);
            }
            if (fraction) {
                return new java.math.BigDecimal(digits.endsWith(".") ? digits.substring(0, digits.length() - 1) : digits);
            }
            BigInteger value = new BigInteger(digits);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }

        /** A keyword, in lower case as Trino reads it, not followed by a letter or digit. */
        private boolean word(String keyword) {
            skipBlanks();
            int end = at + keyword.length();
            if (text.regionMatches(at, keyword, 0, keyword.length())
                    && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
                at = end;
                return true;
            }
            return false;
        }

        private boolean symbol(String symbol) {
            skipBlanks();
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean consume(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipBlanks();
            if (!consume(c)) {
                throw invalid();
            }
        }

        private void skipBlanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private QuarryException invalid() {
            return new QuarryException(ErrorCode.SYNTAX_ERROR, "Invalid JSON path: '" + text + "' at position " + (at + 1));
        }
    }
}
