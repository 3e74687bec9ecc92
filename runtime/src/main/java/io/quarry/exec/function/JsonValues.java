package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.JsonType;
import io.quarry.type.MapType;
import io.quarry.type.RealType;
import io.quarry.type.RowType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.TimestampType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON documents as small Java trees (sorted maps, lists, strings, numbers, booleans and {@link #NULL}), their
 * canonical text (Trino's: no white space, object keys sorted), and the casts between JSON and SQL values.
 * Row by row: JSON functions are not on the hot paths of scans and joins.
 */
final class JsonValues {
    /** The JSON {@code null} inside a tree (a Java null means "absent"). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // shortest digits, as Trino prints them
            .build();

    private JsonValues() {}

    /** Parses a whole document; IOException if it is not one JSON value. */
    static Object parse(String text) throws IOException {
        return parse(text, true);
    }

    /** As {@link #parse(String)}, objects' keys kept in the document's order. */
    static Object parseOrdered(String text) throws IOException {
        return parse(text, false);
    }

    /**
     * A value passed to a path in FORMAT JSON, read as Trino reads it: its first JSON value (what follows ignored),
     * no text at all the JSON null; IOException if it does not start with a JSON value.
     */
    static Object parsePassed(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return parser.nextToken() == null ? NULL : read(parser, false);
        }
    }

    private static Object parse(String text, boolean sortKeys) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new IOException("empty document");
            }
            Object value = read(parser, sortKeys);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content");
            }
            return value;
        }
    }

    /** The value the parser is on (its first token), objects' keys sorted, leaving the parser on its last token. */
    static Object read(JsonParser parser) throws IOException {
        return read(parser, true);
    }

    /** As {@link #read(JsonParser)}, objects' keys kept in the document's order. */
    static Object readOrdered(JsonParser parser) throws IOException {
        return read(parser, false);
    }

    private static Object read(JsonParser parser, boolean sortKeys) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser, sortKeys));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, sortKeys));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                Number number = parser.getNumberValue();
                return number instanceof BigInteger big ? big : Long.valueOf(number.longValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    /** The canonical text of a tree. */
    static String format(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The canonical text of a JSON document, as json_parse gives it. */
    static String canonical(String text) throws IOException {
        return format(parse(text));
    }

    private static void write(JsonGenerator generator, Object tree) throws IOException {
        if (tree == NULL || tree == null) {
            generator.writeNull();
        } else if (tree instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (tree instanceof List<?> array) {
            generator.writeStartArray();
            for (Object element : array) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (tree instanceof String text) {
            generator.writeString(text);
        } else if (tree instanceof Long number) {
            generator.writeNumber(number);
        } else if (tree instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (tree instanceof Double number) {
            generator.writeNumber(number);
        } else if (tree instanceof BigDecimal number) {
            generator.writeNumber(number); // a decimal passed to a path, with its scale
        } else if (tree instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            throw new IllegalArgumentException("not a JSON tree: " + tree.getClass());
        }
    }

    // ---- SQL values to JSON ----

    /** Whether values of {@code type} cast to json (Trino's castable types). */
    static boolean castsToJson(Type type) {
        if (type instanceof ArrayType array) {
            return castsToJson(array.elementType());
        }
        if (type instanceof MapType map) {
            // MAP() has keys of no type: it has no entries
            return (isScalarKey(map.keyType()) || map.keyType() instanceof UnknownType) && castsToJson(map.valueType());
        }
        if (type instanceof RowType row) {
            return row.fieldTypes().stream().allMatch(JsonValues::castsToJson);
        }
        return isScalarKey(type) || type instanceof DecimalType || type instanceof RealType || type instanceof DoubleType
                || type instanceof JsonType || type instanceof DateType || type instanceof TimestampType || type instanceof UnknownType;
    }

    private static boolean isScalarKey(Type type) {
        return type instanceof BooleanType || isInteger(type) || type instanceof VarcharType || type instanceof CharType
                || type instanceof DoubleType || type instanceof RealType || type instanceof DecimalType;
    }

    static boolean isInteger(Type type) {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType
                || type instanceof TinyintType;
    }

    /** The JSON text of a SQL value as {@link io.quarry.block.Values#toObject} gives it (never null). */
    static String toJson(Type type, Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeSql(generator, type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeSql(JsonGenerator generator, Type type, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (type instanceof JsonType) {
            generator.writeRawValue((String) value);
        } else if (type instanceof BooleanType) {
            generator.writeBoolean((Boolean) value);
        } else if (isInteger(type)) {
            generator.writeNumber((Long) value);
        } else if (type instanceof DoubleType) {
            generator.writeNumber((Double) value);
        } else if (type instanceof RealType) {
            generator.writeNumber(((Double) value).floatValue());
        } else if (type instanceof DecimalType) {
            generator.writeNumber((BigDecimal) value);
        } else if (type instanceof VarcharType || type instanceof CharType) {
            generator.writeString((String) value);
        } else if (type instanceof DateType) {
            generator.writeString(Formats.formatDate((Long) value));
        } else if (type instanceof TimestampType timestamp && value instanceof java.math.BigInteger twoLongs) {
            generator.writeString(DateTimeValues.formatLongTimestamp(
                    io.quarry.block.Int128.high(twoLongs), io.quarry.block.Int128.low(twoLongs), timestamp.precision()));
        } else if (type instanceof TimestampType timestamp) {
            generator.writeString(DateTimeValues.formatTimestamp((Long) value, timestamp.precision()));
        } else if (type instanceof ArrayType array) {
            generator.writeStartArray();
            for (Object element : (List<?>) value) {
                writeSql(generator, array.elementType(), element);
            }
            generator.writeEndArray();
        } else if (type instanceof MapType map) {
            // Trino writes the entries in the order of their keys' text
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                sorted.put(keyText(map.keyType(), entry.getKey()), entry.getValue());
            }
            generator.writeStartObject();
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                generator.writeFieldName(entry.getKey());
                writeSql(generator, map.valueType(), entry.getValue());
            }
            generator.writeEndObject();
        } else if (type instanceof RowType row) {
            List<?> fields = (List<?>) value;
            generator.writeStartObject();
            for (int i = 0; i < fields.size(); i++) {
                RowType.Field field = row.fields().get(i);
                generator.writeFieldName(field.name().orElse(""));
                writeSql(generator, field.type(), fields.get(i));
            }
            generator.writeEndObject();
        } else {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + type.displayName() + " to json");
        }
    }

    private static String keyText(Type type, Object key) {
        // a floating key is Java's text of the number (1.5, 100.0, 1.0E20), as Trino writes it
        if (type instanceof DoubleType) {
            return Double.toString((Double) key);
        }
        if (type instanceof RealType) {
            return Float.toString(((Double) key).floatValue());
        }
        if (key instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(key);
    }

    // ---- JSON to SQL values ----

    /** Whether json casts to values of {@code type}. */
    static boolean castsFromJson(Type type) {
        if (type instanceof ArrayType array) {
            return castsFromJson(array.elementType());
        }
        if (type instanceof MapType map) {
            return (map.keyType() instanceof VarcharType || isInteger(map.keyType()) || map.keyType() instanceof BooleanType
                    || map.keyType() instanceof DoubleType) && castsFromJson(map.valueType());
        }
        if (type instanceof RowType row) {
            return row.fieldTypes().stream().allMatch(JsonValues::castsFromJson);
        }
        return type instanceof BooleanType || isInteger(type) || type instanceof DoubleType || type instanceof RealType
                || type instanceof DecimalType || type instanceof VarcharType || type instanceof JsonType;
    }

    /** Thrown while converting a tree; the caller turns it into Trino's message. */
    static final class JsonCastException extends Exception {
        JsonCastException(String message) {
            super(message, null, false, false);
        }
    }

    /** The SQL value (as {@link io.quarry.block.BlockBuilder#appendObject} takes it) of a tree, or null. */
    static Object toSql(Type type, Object tree) throws JsonCastException {
        if (tree == NULL) {
            // an element, value or field of type json keeps JSON's null (a SQL null only at the top, which is no json)
            return type instanceof JsonType ? "null" : null;
        }
        if (type instanceof JsonType) {
            return format(tree);
        }
        if (type instanceof ArrayType array) {
            if (!(tree instanceof List<?> elements)) {
                throw new JsonCastException("Expected a json array, but got " + format(tree));
            }
            List<Object> result = new ArrayList<>(elements.size());
            for (Object element : elements) {
                result.add(toSql(array.elementType(), element));
            }
            return result;
        }
        if (type instanceof MapType map) {
            if (!(tree instanceof Map<?, ?> object)) {
                throw new JsonCastException("Expected a json object, but got " + format(tree));
            }
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Object key = toSql(map.keyType(), entry.getKey());
                if (result.containsKey(key)) {
                    // two keys of one text meet as SQL values ("1" and "01" as integers)
                    throw new JsonCastException("Duplicate map keys are not allowed");
                }
                result.put(key, toSql(map.valueType(), entry.getValue()));
            }
            return result;
        }
        if (type instanceof RowType row) {
            List<Object> result = new ArrayList<>(row.fields().size());
            if (tree instanceof List<?> elements) {
                if (elements.size() != row.fields().size()) {
                    throw new JsonCastException("Expected a json array with " + row.fields().size()
                            + " elements, but got " + elements.size());
                }
                for (int i = 0; i < elements.size(); i++) {
                    result.add(toSql(row.fields().get(i).type(), elements.get(i)));
                }
                return result;
            }
            if (tree instanceof Map<?, ?> object) {
                Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                object.forEach((key, value) -> byName.put((String) key, value));
                for (RowType.Field field : row.fields()) {
                    Object value = field.name().map(byName::get).orElse(null);
                    result.add(value == null ? null : toSql(field.type(), value));
                }
                return result;
            }
            throw new JsonCastException("Expected a json array or object, but got " + format(tree));
        }
        return scalar(type, tree);
    }

    private static Object scalar(Type type, Object tree) throws JsonCastException {
        if (tree instanceof Map<?, ?> || tree instanceof List<?>) {
            throw new JsonCastException("Unexpected token when cast to " + type.displayName() + ": " + format(tree));
        }
        try {
            if (type instanceof VarcharType || type instanceof CharType) {
                String text = tree instanceof Double number ? Formats.formatDouble(number) : tree.toString();
                int length = type instanceof VarcharType varchar ? (varchar.isUnbounded() ? Integer.MAX_VALUE : varchar.length())
                        : ((CharType) type).length();
                if (text.codePointCount(0, text.length()) > length) {
                    throw new JsonCastException("Value " + text + " cannot be represented as " + type.displayName());
                }
                return text;
            }
            if (type instanceof BooleanType) {
                if (tree instanceof Boolean bool) {
                    return bool;
                }
                if (tree instanceof String text) {
                    return switch (text.toLowerCase(Locale.ROOT)) {
                        case "true", "t", "1" -> true;
                        case "false", "f", "0" -> false;
                        default -> throw new JsonCastException("Cannot cast '" + text + "' to boolean");
                    };
                }
                return tree instanceof Double number ? number != 0 : ((Number) tree).longValue() != 0 || tree instanceof BigInteger;
            }
            if (isInteger(type)) {
                long value;
                if (tree instanceof Boolean bool) {
                    value = bool ? 1 : 0;
                } else if (tree instanceof String text) {
                    value = Long.parseLong(text.strip());
                } else if (tree instanceof Double number) {
                    if (Double.isNaN(number) || Math.abs(number) >= 0x1p63) {
                        throw new JsonCastException("Out of range for " + type.displayName() + ": " + number);
                    }
                    value = new BigDecimal(number).setScale(0, RoundingMode.HALF_UP).longValueExact();
                } else if (tree instanceof BigInteger) {
                    throw new JsonCastException("Out of range for " + type.displayName() + ": " + tree);
                } else {
                    value = (Long) tree;
                }
                checkRange(type, value);
                return value;
            }
            if (type instanceof DoubleType || type instanceof RealType) {
                double value;
                if (tree instanceof Boolean bool) {
                    value = bool ? 1 : 0;
                } else if (tree instanceof String text) {
                    value = Double.parseDouble(text.strip());
                } else {
                    value = ((Number) tree).doubleValue();
                }
                return type instanceof RealType ? (double) (float) value : value;
            }
            if (type instanceof DecimalType decimal) {
                BigDecimal value;
                if (tree instanceof Boolean bool) {
                    value = bool ? BigDecimal.ONE : BigDecimal.ZERO;
                } else if (tree instanceof String text) {
                    value = new BigDecimal(text.strip());
                } else if (tree instanceof Double number) {
                    value = BigDecimal.valueOf(number);
                } else {
                    value = new BigDecimal(tree instanceof BigInteger big ? big : BigInteger.valueOf((Long) tree));
                }
                value = value.setScale(decimal.scale(), RoundingMode.HALF_UP);
                if (value.precision() > decimal.precision()) {
                    throw new JsonCastException("Out of range for " + type.displayName() + ": " + value);
                }
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonCastException("Cannot cast '" + tree + "' to " + type.displayName());
        }
        throw new JsonCastException("Cannot cast json to " + type.displayName());
    }

    private static void checkRange(Type type, long value) throws JsonCastException {
        boolean fits = type instanceof TinyintType ? value == (byte) value
                : type instanceof SmallintType ? value == (short) value
                : type instanceof IntegerType ? value == (int) value
                : true;
        if (!fits) {
            throw new JsonCastException("Out of range for " + type.displayName() + ": " + value);
        }
    }
}
