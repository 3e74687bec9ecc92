package io.quarry.http.dto;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.List;

/**
 * Arrays as JSON arrays, maps as JSON objects (keys written as text, as Trino does), rows as JSON arrays of
 * their fields; nested values use their own type's encoder.
 */
final class StructuralValueEncoders {
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
            Type keyType = map.keyType();
            ValueEncoder value = ValueEncoders.forType(map.valueType(), parametricDatetime);
            return (generator, block, position) -> {
                MapBlock maps = (MapBlock) block;
                generator.writeStartObject();
                for (int e = maps.offset(position), end = e + maps.length(position); e < end; e++) {
                    generator.writeFieldName(String.valueOf(io.quarry.block.Values.toObject(keyType, maps.keys(), e)));
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
