package io.quarry.exec.function;

import io.quarry.exec.function.JsonPath.And;
import io.quarry.exec.function.JsonPath.Arithmetic;
import io.quarry.exec.function.JsonPath.Comparison;
import io.quarry.exec.function.JsonPath.ContextItem;
import io.quarry.exec.function.JsonPath.CurrentItem;
import io.quarry.exec.function.JsonPath.Descendant;
import io.quarry.exec.function.JsonPath.Elements;
import io.quarry.exec.function.JsonPath.Exists;
import io.quarry.exec.function.JsonPath.Filter;
import io.quarry.exec.function.JsonPath.IsUnknown;
import io.quarry.exec.function.JsonPath.Last;
import io.quarry.exec.function.JsonPath.Literal;
import io.quarry.exec.function.JsonPath.Member;
import io.quarry.exec.function.JsonPath.Method;
import io.quarry.exec.function.JsonPath.Node;
import io.quarry.exec.function.JsonPath.Not;
import io.quarry.exec.function.JsonPath.Or;
import io.quarry.exec.function.JsonPath.Predicate;
import io.quarry.exec.function.JsonPath.Sign;
import io.quarry.exec.function.JsonPath.Variable;
import io.quarry.exec.function.JsonPath.StartsWith;
import io.quarry.exec.function.JsonPath.Subscript;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link JsonPath} over a document read in document order ({@link JsonValues#parseOrdered}): every
 * expression yields a sequence of items. In lax mode an accessor unwraps arrays and a structural mismatch (a missing
 * key, an index out of range, a key of a non-object) yields nothing; in strict mode both are errors. Filters are
 * three-valued: a comparison that meets an error is unknown, and only items whose predicate is true pass.
 */
final class JsonPathEvaluator {
    /** An error of the path's evaluation; json_value, json_query and json_exists turn it into their ON ERROR. */
    static final class PathError extends Exception {
        PathError(String message) {
            super("path evaluation failed: " + message, null, false, false);
        }
    }

    private enum Truth { TRUE, FALSE, UNKNOWN }

    /**
     * A date-time value passed to the path: its text and its type's name as {@code type()} gives it ("date",
     * "timestamp without time zone", …); no JSON value, so json_query cannot write it.
     */
    record DateTimeItem(String text, String typeName) {}

    /** A variable's value that is no item at all (a null passed in FORMAT JSON): the empty sequence. */
    static final Object NO_ITEM = new Object();

    /** The {@code last} of an expression outside any array subscript. */
    private static final int NO_ARRAY = Integer.MIN_VALUE;

    private final boolean strict;
    private final Object document;
    private final Map<String, Object> variables;

    private JsonPathEvaluator(boolean strict, Object document, Map<String, Object> variables) {
        this.strict = strict;
        this.document = document;
        this.variables = variables;
    }

    /** The items the path selects from the document. */
    static List<Object> evaluate(JsonPath path, Object document) throws PathError {
        return evaluate(path, document, Map.of());
    }

    /** The items the path selects from the document, its variables ({@code $name}) being the items given. */
    static List<Object> evaluate(JsonPath path, Object document, Map<String, Object> variables) throws PathError {
        return new JsonPathEvaluator(path.strict(), document, variables).items(path.root(), null, NO_ARRAY);
    }

    /**
     * The sequence of a node, with {@code current} the item {@code @} stands for and {@code last} the last index of
     * the array being subscripted.
     */
    private List<Object> items(Node node, Object current, int last) throws PathError {
        if (node instanceof ContextItem) {
            return List.of(document);
        }
        if (node instanceof CurrentItem) {
            if (current == null) {
                throw new PathError("@ outside a filter");
            }
            return List.of(current);
        }
        if (node instanceof Last) {
            if (last == NO_ARRAY) {
                throw new PathError("last outside an array subscript");
            }
            return List.of((long) last);
        }
        if (node instanceof Literal literal) {
            return List.of(literal.value());
        }
        if (node instanceof Variable variable) {
            Object value = variables.get(variable.name());
            if (value == null) {
                throw new PathError("no value passed for parameter " + variable.name());
            }
            return value == NO_ITEM ? List.of() : List.of(value);
        }
        if (node instanceof Member member) {
            return members(member, items(member.base(), current, last));
        }
        if (node instanceof Descendant descendant) {
            List<Object> out = new ArrayList<>();
            for (Object item : items(descendant.base(), current, last)) {
                descendants(item, descendant.key(), out);
            }
            return out;
        }
        if (node instanceof Elements elements) {
            return elements(elements, items(elements.base(), current, last), current);
        }
        if (node instanceof Filter filter) {
            List<Object> kept = new ArrayList<>();
            for (Object item : unwrapped(items(filter.base(), current, last))) {
                if (truth(filter.predicate(), item) == Truth.TRUE) {
                    kept.add(item);
                }
            }
            return kept;
        }
        if (node instanceof Method method) {
            return method(method.name(), items(method.base(), current, last));
        }
        if (node instanceof Arithmetic arithmetic) {
            return List.of(arithmetic(arithmetic.operator(), singleNumber(items(arithmetic.left(), current, last)),
                    singleNumber(items(arithmetic.right(), current, last))));
        }
        Sign sign = (Sign) node;
        List<Object> out = new ArrayList<>();
        for (Object item : unwrapped(items(sign.operand(), current, last))) {
            if (!isNumber(item)) {
                throw new PathError("unary arithmetic expression requires a numeric operand");
            }
            out.add(sign.negate() ? arithmetic('-', 0L, item) : item);
        }
        return out;
    }

    /** The values of {@code key} in the item and all it holds, the enclosing object before its members, in order. */
    private static void descendants(Object item, String key, List<Object> out) {
        if (item instanceof Map<?, ?> object) {
            if (object.containsKey(key)) {
                out.add(object.get(key));
            }
            for (Object value : object.values()) {
                descendants(value, key, out);
            }
        } else if (item instanceof List<?> array) {
            for (Object element : array) {
                descendants(element, key, out);
            }
        }
    }

    private List<Object> members(Member member, List<Object> bases) throws PathError {
        List<Object> out = new ArrayList<>();
        for (Object base : unwrapped(bases)) {
            if (!(base instanceof Map<?, ?> object)) {
                if (strict) {
                    throw new PathError("structural error: member accessor applied to a non-object");
                }
                continue;
            }
            if (member.key() == null) {
                out.addAll(object.values());
            } else if (object.containsKey(member.key())) {
                out.add(object.get(member.key()));
            } else if (strict) {
                throw new PathError("structural error: missing member '" + member.key() + "' in JSON object");
            }
        }
        return out;
    }

    private List<Object> elements(Elements elements, List<Object> bases, Object current) throws PathError {
        List<Object> out = new ArrayList<>();
        for (Object base : bases) {
            List<?> array;
            if (base instanceof List<?> list) {
                array = list;
            } else if (strict) {
                throw new PathError("structural error: array accessor applied to a non-array");
            } else {
                array = List.of(base);
            }
            if (elements.subscripts() == null) {
                out.addAll(array);
                continue;
            }
            for (Subscript subscript : elements.subscripts()) {
                long from = index(items(subscript.from(), current, array.size() - 1));
                long to = subscript.to() == null ? from : index(items(subscript.to(), current, array.size() - 1));
                if (strict && (from > to || from < 0 || to >= array.size())) {
                    throw new PathError("structural error: invalid array subscript [" + from
                            + (subscript.to() == null ? "" : " to " + to) + "] for array of size " + array.size());
                }
                for (long i = Math.max(0, from); i <= Math.min(to, array.size() - 1L); i++) {
                    out.add(array.get((int) i));
                }
            }
        }
        return out;
    }

    private static long index(List<Object> items) throws PathError {
        if (items.size() != 1 || !isNumber(items.get(0))) {
            throw new PathError("array subscript must be a singleton numeric value");
        }
        Object value = items.get(0);
        if (value instanceof Long number) {
            return number;
        }
        // a fraction is rounded half away from zero, as a cast to bigint does
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new PathError("array subscript must be an integer: " + value);
        }
        BigDecimal number = value instanceof Double d ? new BigDecimal(d) : decimal(value);
        BigDecimal rounded = number.setScale(0, java.math.RoundingMode.HALF_UP);
        if (rounded.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new PathError("array subscript must be an integer: " + value);
        }
        return rounded.longValue();
    }

    private List<Object> method(String name, List<Object> bases) throws PathError {
        List<Object> out = new ArrayList<>();
        boolean unwraps = !strict && !name.equals("size") && !name.equals("type");
        long object = 0;
        for (Object item : unwraps ? unwrapped(bases) : bases) {
            switch (name) {
                case "type" -> out.add(typeName(item));
                case "size" -> {
                    if (item instanceof List<?> list) {
                        out.add((long) list.size());
                    } else if (strict) {
                        throw new PathError("size() method requires an array in strict mode");
                    } else {
                        out.add(1L);
                    }
                }
                case "double" -> out.add(toDouble(item));
                case "ceiling", "floor", "abs" -> out.add(rounding(name, item));
                case "keyvalue" -> {
                    if (!(item instanceof Map<?, ?> members)) {
                        throw new PathError("keyvalue() method requires an object");
                    }
                    for (Map.Entry<?, ?> entry : members.entrySet()) {
                        Map<String, Object> pair = new LinkedHashMap<>();
                        pair.put("name", entry.getKey());
                        pair.put("value", entry.getValue());
                        pair.put("id", object);
                        out.add(pair);
                    }
                    object++;
                }
                default -> throw new IllegalStateException("unknown JSON path method " + name);
            }
        }
        return out;
    }

    private static String typeName(Object item) {
        if (item instanceof DateTimeItem dateTime) {
            return dateTime.typeName();
        }
        if (item == JsonValues.NULL) {
            return "null";
        }
        if (item instanceof Boolean) {
            return "boolean";
        }
        if (isNumber(item)) {
            return "number";
        }
        if (item instanceof String) {
            return "string";
        }
        return item instanceof List ? "array" : "object";
    }

    private static Double toDouble(Object item) throws PathError {
        if (isNumber(item)) {
            return ((Number) item).doubleValue();
        }
        if (item instanceof String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new PathError("double() method: cannot convert '" + text + "' to a number");
            }
        }
        throw new PathError("double() method requires a number or a string, got " + typeName(item));
    }

    private static Object rounding(String name, Object item) throws PathError {
        if (!isNumber(item)) {
            throw new PathError(name + "() method requires a number, got " + typeName(item));
        }
        if (item instanceof Double value) {
            return switch (name) {
                case "ceiling" -> Math.ceil(value);
                case "floor" -> Math.floor(value);
                default -> Math.abs(value);
            };
        }
        if (item instanceof BigDecimal value) {
            // a decimal passed as a parameter keeps its scale, as SQL's ceiling, floor and abs do
            return switch (name) {
                case "ceiling" -> value.setScale(0, java.math.RoundingMode.CEILING);
                case "floor" -> value.setScale(0, java.math.RoundingMode.FLOOR);
                default -> value.abs();
            };
        }
        BigInteger value = item instanceof Long number ? BigInteger.valueOf(number) : (BigInteger) item;
        return name.equals("abs") ? normalized(value.abs()) : item;
    }

    /** The truth of a predicate about one item (the filter's {@code @}). */
    private Truth truth(Predicate predicate, Object current) {
        if (predicate instanceof Comparison comparison) {
            return compare(comparison, current);
        }
        if (predicate instanceof And and) {
            Truth left = truth(and.left(), current);
            if (left == Truth.FALSE) {
                return Truth.FALSE;
            }
            Truth right = truth(and.right(), current);
            return right == Truth.FALSE ? Truth.FALSE : left == Truth.TRUE && right == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        }
        if (predicate instanceof Or or) {
            Truth left = truth(or.left(), current);
            if (left == Truth.TRUE) {
                return Truth.TRUE;
            }
            Truth right = truth(or.right(), current);
            return right == Truth.TRUE ? Truth.TRUE : left == Truth.FALSE && right == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (predicate instanceof Not not) {
            Truth operand = truth(not.operand(), current);
            return operand == Truth.UNKNOWN ? Truth.UNKNOWN : operand == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
        }
        if (predicate instanceof IsUnknown unknown) {
            return truth(unknown.operand(), current) == Truth.UNKNOWN ? Truth.TRUE : Truth.FALSE;
        }
        if (predicate instanceof Exists exists) {
            try {
                return items(exists.path(), current, NO_ARRAY).isEmpty() ? Truth.FALSE : Truth.TRUE;
            } catch (PathError e) {
                return Truth.UNKNOWN;
            }
        }
        return startsWith((StartsWith) predicate, current);
    }

    private Truth startsWith(StartsWith predicate, Object current) {
        try {
            List<Object> prefixes = items(predicate.prefix(), current, NO_ARRAY);
            if (prefixes.size() != 1 || !(prefixes.get(0) instanceof String prefix)) {
                return Truth.UNKNOWN;
            }
            boolean found = false;
            boolean error = false;
            for (Object value : unwrapped(items(predicate.value(), current, NO_ARRAY))) {
                if (value instanceof String text) {
                    found |= text.startsWith(prefix);
                } else {
                    error = true;
                }
            }
            return found ? Truth.TRUE : error ? Truth.UNKNOWN : Truth.FALSE;
        } catch (PathError e) {
            return Truth.UNKNOWN;
        }
    }

    /** Existential over both sides' items: true if some pair compares true, unknown if a pair cannot be compared. */
    private Truth compare(Comparison comparison, Object current) {
        List<Object> left;
        List<Object> right;
        try {
            left = unwrapped(items(comparison.left(), current, NO_ARRAY));
            right = unwrapped(items(comparison.right(), current, NO_ARRAY));
        } catch (PathError e) {
            return Truth.UNKNOWN;
        }
        boolean found = false;
        boolean error = false;
        for (Object a : left) {
            for (Object b : right) {
                Boolean result = compare(comparison.operator(), a, b);
                if (result == null) {
                    error = true;
                    if (strict) {
                        return Truth.UNKNOWN;
                    }
                } else {
                    found |= result;
                }
            }
        }
        return found ? Truth.TRUE : error ? Truth.UNKNOWN : Truth.FALSE;
    }

    /** One pair's comparison, or null when the two items cannot be compared. */
    private static Boolean compare(String operator, Object a, Object b) {
        if (a == JsonValues.NULL || b == JsonValues.NULL) {
            boolean both = a == b;
            return switch (operator) {
                case "==" -> both;
                case "!=" -> !both;
                default -> false;
            };
        }
        int order;
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return null; // an integer beyond bigint compares with nothing, as in Trino
        } else if (isNumber(a) && isNumber(b)) {
            order = compareNumbers(a, b);
        } else if (a instanceof String x && b instanceof String y) {
            order = x.compareTo(y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            order = Boolean.compare(x, y);
        } else {
            return null;
        }
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return decimal(a).compareTo(decimal(b));
        }
        return big(a).compareTo(big(b));
    }

    private static Object arithmetic(char operator, Object a, Object b) throws PathError {
        if (a instanceof Double || b instanceof Double) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return switch (operator) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            };
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return decimalArithmetic(operator, decimal(a), decimal(b));
        }
        if (a instanceof Long x && b instanceof Long y && operator != '/' && operator != '%') {
            // bigint arithmetic: overflow is an error, as in Trino
            try {
                return switch (operator) {
                    case '+' -> Math.addExact(x, y);
                    case '-' -> Math.subtractExact(x, y);
                    default -> Math.multiplyExact(x, y);
                };
            } catch (ArithmeticException e) {
                throw new PathError("bigint overflow");
            }
        }
        BigInteger x = big(a);
        BigInteger y = big(b);
        if ((operator == '/' || operator == '%') && y.signum() == 0) {
            throw new PathError("division by zero");
        }
        return normalized(switch (operator) {
            case '+' -> x.add(y);
            case '-' -> x.subtract(y);
            case '*' -> x.multiply(y);
            case '/' -> x.divide(y);
            default -> x.remainder(y);
        });
    }

    private Object singleNumber(List<Object> operand) throws PathError {
        List<Object> items = unwrapped(operand);
        if (items.size() != 1) {
            throw new PathError("arithmetic binary expression requires singleton operands");
        }
        Object item = items.get(0);
        if (!isNumber(item)) {
            throw new PathError("arithmetic binary expression requires numeric operands");
        }
        return item;
    }

    /** Decimal arithmetic as SQL's: exact sums, differences and products, a quotient at the larger scale. */
    private static BigDecimal decimalArithmetic(char operator, BigDecimal x, BigDecimal y) throws PathError {
        if ((operator == '/' || operator == '%') && y.signum() == 0) {
            throw new PathError("division by zero");
        }
        return switch (operator) {
            case '+' -> x.add(y);
            case '-' -> x.subtract(y);
            case '*' -> x.multiply(y);
            case '/' -> x.divide(y, Math.max(x.scale(), y.scale()), java.math.RoundingMode.HALF_UP);
            default -> x.remainder(y);
        };
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof BigDecimal value ? value
                : number instanceof Long value ? BigDecimal.valueOf(value) : new BigDecimal(big(number));
    }

    private static BigInteger big(Object number) {
        return number instanceof Long value ? BigInteger.valueOf(value) : (BigInteger) number;
    }

    /** A Long where it fits, as the reader gives integers. */
    private static Object normalized(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    static boolean isNumber(Object item) {
        return item instanceof Long || item instanceof Double || item instanceof BigInteger || item instanceof BigDecimal;
    }

    /** Lax mode looks into arrays: each array in the sequence stands for its elements. */
    private List<Object> unwrapped(List<Object> items) {
        if (strict || items.stream().noneMatch(item -> item instanceof List)) {
            return items;
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof List<?> list) {
                out.addAll(list);
            } else {
                out.add(item);
            }
        }
        return out;
    }
}
