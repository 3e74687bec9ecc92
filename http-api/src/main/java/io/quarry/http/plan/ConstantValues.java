package io.quarry.http.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.plan.expression.Constant;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a {@link Constant} holds, as JSON fields named by their form: {@code long}, {@code double}
 * (non-finite as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), {@code boolean}, {@code string},
 * {@code decimal} (exact, as a string), {@code binary} (base64), {@code list} (arrays and rows: their elements,
 * each an object of this form, {@code {}} for NULL) and {@code map} (pairs of such objects). NULL has none.
 */
final class ConstantValues {
    private ConstantValues() {}

    static void write(Object value, JsonGenerator generator) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Long number) {
            generator.writeNumberField("long", number);
        } else if (value instanceof Double number) {
            if (Double.isFinite(number)) {
                generator.writeNumberField("double", number);
            } else {
                generator.writeStringField("double", number.toString());
            }
        } else if (value instanceof Boolean bool) {
            generator.writeBooleanField("boolean", bool);
        } else if (value instanceof String text) {
            generator.writeStringField("string", text);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeStringField("decimal", decimal.toString());
        } else if (value instanceof byte[] bytes) {
            generator.writeStringField("binary", Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof List<?> list) {
            generator.writeArrayFieldStart("list");
            for (Object element : list) {
                writeObject(element, generator);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeArrayFieldStart("map");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeStartArray();
                writeObject(entry.getKey(), generator);
                writeObject(entry.getValue(), generator);
                generator.writeEndArray();
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("A constant of class " + value.getClass().getName() + " has no JSON form");
        }
    }

    private static void writeObject(Object value, JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        write(value, generator);
        generator.writeEndObject();
    }

    static Object read(JsonNode node, DeserializationContext context) throws IOException {
        Object value = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("type")) {
                continue;
            }
            if (value != null) {
                return context.reportInputMismatch(Constant.class, "A constant has one value, found also \"%s\"", field.getKey());
            }
            value = readValue(field.getKey(), field.getValue(), context);
        }
        return value;
    }

    private static Object readObject(JsonNode node, DeserializationContext context) throws IOException {
        if (!node.isObject()) {
            return context.reportInputMismatch(Constant.class, "An element of a constant is an object: %s", node);
        }
        return read(node, context);
    }

    private static Object readValue(String kind, JsonNode value, DeserializationContext context) throws IOException {
        switch (kind) {
            case "long":
                if (value.canConvertToLong() && value.isIntegralNumber()) {
                    return value.longValue();
                }
                break;
            case "double":
                if (value.isNumber()) {
                    return value.doubleValue();
                }
                if (value.isTextual() && (value.asText().equals("NaN") || value.asText().equals("Infinity")
                        || value.asText().equals("-Infinity"))) {
                    return Double.valueOf(value.asText());
                }
                break;
            case "boolean":
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case "string":
                if (value.isTextual()) {
                    return value.textValue();
                }
                break;
            case "decimal":
                if (value.isTextual()) {
                    try {
                        return new BigDecimal(value.textValue());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case "binary":
                if (value.isTextual()) {
                    try {
                        return Base64.getDecoder().decode(value.textValue());
                    } catch (IllegalArgumentException e) {
                        break;
                    }
                }
                break;
            case "list":
                if (value.isArray()) {
                    List<Object> list = new ArrayList<>();
                    for (JsonNode element : value) {
                        list.add(readObject(element, context));
                    }
                    return list;
                }
                break;
            case "map":
                if (value.isArray()) {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (JsonNode entry : value) {
                        if (!entry.isArray() || entry.size() != 2) {
                            return context.reportInputMismatch(Constant.class, "A map entry is a pair: %s", entry);
                        }
                        map.put(readObject(entry.get(0), context), readObject(entry.get(1), context));
                    }
                    return map;
                }
                break;
            default:
                return context.reportInputMismatch(Constant.class, "Unknown constant field \"%s\"", kind);
        }
        return context.reportInputMismatch(Constant.class, "Invalid %s constant: %s", kind, value);
    }
}
