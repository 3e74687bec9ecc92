package io.quarry.http.dto;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Arrays as JSON arrays, maps as JSON objects (keys written as text, as Trino does), rows as JSON arrays of
 * their fields; nested values use their own type's encoder.
 */
final class StructuralValueEncoders {
    private static final JsonFactory KEY_FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // shortest digits, as Trino prints them
            .build();

    private StructuralValueEncoders() {}

    static boolean isStructural(Type type) {
        return type instanceof ArrayType || type instanceof MapType || type instanceof RowType;
    }

    static ValueEncoder forType(Type type, boolean parametricDatetime) {
        if (type instanceof ArrayType array) {
            ValueEncoder element = ValueEncoders.forType(array.elementType(), parametricDatetime);
            return (generator, block, position) -> {
                ArrayBlock arrays = (ArrayBlock) block;
                Block elements = arrays.elements();
                generator.writeStartArray();
                for (int e = arrays.offset(position), end = e + arrays.length(position); e < end; e++) {
                    if (elements.isNull(e)) {
                        generator.writeNull();
                    } else {
                        element.write(generator, elements, e);
                    }
                }
                generator.writeEndArray();
            };
        }
        if (type instanceof MapType map) {
            // Trino writes a date-time key at its own precision for every client; only values are shown to the millisecond
            ValueEncoder key = ValueEncoders.forType(map.keyType(), true);
            ValueEncoder value = ValueEncoders.forType(map.valueType(), parametricDatetime);
            return (generator, block, position) -> {
                MapBlock maps = (MapBlock) block;
                generator.writeStartObject();
                for (int e = maps.offset(position), end = e + maps.length(position); e < end; e++) {
                    generator.writeFieldName(keyText(key, maps.keys(), e));
                    if (maps.values().isNull(e)) {
                        generator.writeNull();
                    } else {
                        value.write(generator, maps.values(), e);
                    }
                }
                generator.writeEndObject();
            };
        }
        List<Type> fieldTypes = ((RowType) type).fieldTypes();
        return rowEncoder(fieldTypes, parametricDatetime);
    }

    /**
     * A map key as text: the key's own JSON form, unquoted when it is a string, so a date key reads
     * {@code "2020-01-01"} and a decimal key {@code "1.50"}, as their values do.
     */
    private static String keyText(ValueEncoder key, Block keys, int position) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = KEY_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            key.write(generator, keys, position);
        }
        String json = bytes.toString(StandardCharsets.UTF_8);
        if (json.startsWith("\"") || json.startsWith("[") || json.startsWith("{")) {
            try (JsonParser parser = KEY_FACTORY.createParser(json)) {
                parser.nextToken();
                StringBuilder text = new StringBuilder();
                appendKeyText(parser, text);
                return text.toString();
            }
        }
        return json;
    }

    /**
     * A key's value as Trino's clients read it: the text of its Java object, so an array or row key reads
     * {@code [1, a]} and a map key {@code {a=1}}, with strings unquoted.
     */
    private static void appendKeyText(JsonParser parser, StringBuilder text) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            boolean array = token == JsonToken.START_ARRAY;
            JsonToken end = array ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
            text.append(array ? '[' : '{');
            String separator = "";
            while (parser.nextToken() != end) {
                text.append(separator);
                separator = ", ";
                if (!array) {
                    text.append(parser.currentName()).append('=');
                    parser.nextToken();
                }
                appendKeyText(parser, text);
            }
            text.append(array ? ']' : '}');
        } else {
            text.append(token == JsonToken.VALUE_NULL ? "null" : parser.getText());
        }
    }

    private static ValueEncoder rowEncoder(List<Type> fieldTypes, boolean parametricDatetime) {
        ValueEncoder[] fields = fieldTypes.stream().map(field -> ValueEncoders.forType(field, parametricDatetime)).toArray(ValueEncoder[]::new);
        return (generator, block, position) -> {
            RowBlock rows = (RowBlock) block;
            generator.writeStartArray();
            for (int i = 0; i < fields.length; i++) {
                Block field = rows.field(i);
                if (field.isNull(position)) {
                    generator.writeNull();
                } else {
                    fields[i].write(generator, field, position);
                }
            }
            generator.writeEndArray();
        };
    }
}
