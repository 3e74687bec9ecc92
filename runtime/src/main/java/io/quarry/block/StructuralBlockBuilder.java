package io.quarry.block;

import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The part of {@link BlockBuilder} that builds arrays, maps and rows, with one child builder per nested block. */
final class StructuralBlockBuilder {
    private final Type type;
    private boolean[] nulls;
    private boolean hasNull;
    private int[] offsets;
    private int positionCount;
    private BlockBuilder elements;
    private BlockBuilder keys;
    private BlockBuilder values;
    private BlockBuilder[] fields;

    StructuralBlockBuilder(Type type, int expectedPositions) {
        this.type = type;
        int capacity = Math.max(expectedPositions, 8);
        nulls = new boolean[capacity];
        offsets = new int[capacity + 1];
        if (type instanceof ArrayType array) {
            elements = BlockBuilder.create(array.elementType(), capacity);
        } else if (type instanceof MapType map) {
            keys = BlockBuilder.create(map.keyType(), capacity);
            values = BlockBuilder.create(map.valueType(), capacity);
        } else {
            List<Type> types = ((RowType) type).fieldTypes();
            fields = new BlockBuilder[types.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = BlockBuilder.create(types.get(i), capacity);
            }
        }
    }

    int positionCount() {
        return positionCount;
    }

    private void ensureCapacity() {
        if (positionCount < nulls.length) {
            return;
        }
        nulls = Arrays.copyOf(nulls, nulls.length * 2);
        offsets = Arrays.copyOf(offsets, nulls.length + 1);
    }

    private void close() {
        offsets[positionCount + 1] = elements != null ? elements.positionCount() : keys != null ? keys.positionCount() : 0;
        positionCount++;
    }

    void appendNull() {
        ensureCapacity();
        nulls[positionCount] = true;
        hasNull = true;
        if (fields != null) {
            for (BlockBuilder field : fields) {
                field.appendNull();
            }
        }
        close();
    }

    void append(Block block, int position) {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        ensureCapacity();
        if (block instanceof ArrayBlock array) {
            Block source = array.elements();
            for (int e = array.offset(position), end = e + array.length(position); e < end; e++) {
                elements.append(source, e);
            }
        } else if (block instanceof MapBlock map) {
            for (int e = map.offset(position), end = e + map.length(position); e < end; e++) {
                keys.append(map.keys(), e);
                values.append(map.values(), e);
            }
        } else {
            RowBlock row = (RowBlock) block;
            for (int i = 0; i < fields.length; i++) {
                fields[i].append(row.field(i), position);
            }
        }
        close();
    }

    /** Appends a List (array, row) or a Map (map) of values as {@link Values#toObject} gives them. */
    void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        ensureCapacity();
        if (elements != null) {
            for (Object element : (List<?>) value) {
                elements.appendObject(element);
            }
        } else if (keys != null) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                keys.appendObject(entry.getKey());
                values.appendObject(entry.getValue());
            }
        } else {
            List<?> row = (List<?>) value;
            if (row.size() != fields.length) {
                throw new IllegalArgumentException("row value has " + row.size() + " fields, type " + type);
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i].appendObject(row.get(i));
            }
        }
        close();
    }

    Block build() {
        boolean[] mask = hasNull ? nulls : null;
        if (elements != null) {
            return new ArrayBlock(positionCount, mask, offsets, elements.build());
        }
        if (keys != null) {
            return new MapBlock(positionCount, mask, offsets, keys.build(), values.build());
        }
        Block[] built = new Block[fields.length];
        for (int i = 0; i < fields.length; i++) {
            built[i] = fields[i].build();
        }
        return new RowBlock(positionCount, mask, built);
    }
}
