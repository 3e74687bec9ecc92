package io.quarry.block;

import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Arrays, maps and rows as Java values: lists, insertion-ordered maps and lists of fields. */
final class StructuralValues {
    private StructuralValues() {}

    static Object toObject(Type type, Block block, int position) {
        if (block instanceof ArrayBlock array) {
            Type elementType = ((ArrayType) type).elementType();
            List<Object> result = new ArrayList<>(array.length(position));
            for (int e = array.offset(position), end = e + array.length(position); e < end; e++) {
                result.add(Values.toObject(elementType, array.elements(), e));
            }
            return result;
        }
        if (block instanceof MapBlock map) {
            MapType mapType = (MapType) type;
            Map<Object, Object> result = new LinkedHashMap<>();
            for (int e = map.offset(position), end = e + map.length(position); e < end; e++) {
                result.put(Values.toObject(mapType.keyType(), map.keys(), e),
                        Values.toObject(mapType.valueType(), map.values(), e));
            }
            return result;
        }
        RowBlock row = (RowBlock) block;
        List<Type> fieldTypes = ((RowType) type).fieldTypes();
        List<Object> result = new ArrayList<>(row.fieldCount());
        for (int i = 0; i < row.fieldCount(); i++) {
            result.add(Values.toObject(fieldTypes.get(i), row.field(i), position));
        }
        return result;
    }
}
