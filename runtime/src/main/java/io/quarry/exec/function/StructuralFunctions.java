package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Kernels of the functions over arrays, maps and rows (the lambda functions are evaluators of their own in
 * {@code exec.expression}). Arrays are processed a block at a time: results select positions of the input
 * element block where they can, so elements are copied once.
 */
public final class StructuralFunctions {
    private static final Set<String> NAMES = Set.of(
            "array_constructor", "row_constructor", "dereference", "subscript", "element_at", "cardinality",
            "contains", "array_position", "array_distinct", "array_sort", "array_max", "array_min", "array_join",
            "array_remove", "array_union", "array_intersect", "array_except", "slice", "flatten", "reverse",
            "repeat", "sequence", "map", "map_keys", "map_values", "map_entries", "map_from_entries",
            "map_concat", "multimap_from_entries");

    private StructuralFunctions() {}

    /** Whether this class implements the call: its own function names, casts and concatenation of structural values. */
    public static boolean handles(Call call) {
        String name = call.function();
        if (Set.of("array_constructor", "row_constructor", "map", "repeat", "sequence").contains(name)) {
            return true;
        }
        if (NAMES.contains(name) || ArrayFunctions.NAMES.contains(name) || VectorFunctions.NAMES.contains(name)) {
            // other functions of the same name (a string reverse) take no array, map or row
            return !call.arguments().isEmpty() && Blocks.isStructural(call.arguments().get(0).type());
        }
        if (name.equals("equal") || name.equals("not_equal") || name.equals("is_distinct_from")
                || StructuralOrdering.NAMES.contains(name)) {
            return call.arguments().size() == 2 && Blocks.isStructural(call.arguments().get(0).type());
        }
        if (name.equals("cast") || name.equals("try_cast")) {
            return Blocks.isStructural(call.type()) || Blocks.isStructural(call.arguments().get(0).type());
        }
        return name.equals("concat") && call.type() instanceof ArrayType;
    }

    public static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        return switch (name) {
            case "array_constructor" -> (arguments, count) -> arrayConstructor((ArrayType) result, arguments, count);
            case "row_constructor" -> (arguments, count) -> new RowBlock(count, null, arguments);
            case "dereference" -> dereference(call);
            case "subscript" -> types.get(0) instanceof MapType map
                    ? (arguments, count) -> mapLookup(map, arguments, count, true)
                    : (arguments, count) -> arrayElement((ArrayType) types.get(0), arguments, count, true);
            case "element_at" -> types.get(0) instanceof MapType map
                    ? (arguments, count) -> mapLookup(map, arguments, count, false)
                    : (arguments, count) -> arrayElement((ArrayType) types.get(0), arguments, count, false);
            case "cardinality" -> StructuralFunctions::cardinality;
            case "contains" -> (arguments, count) -> position(element(types), arguments, count, true);
            case "array_position" -> (arguments, count) -> position(element(types), arguments, count, false);
            case "array_distinct" -> (arguments, count) -> select(arguments[0], count, (elements, start, end, out) -> {
                Set<Object> seen = new HashSet<>();
                for (int e = start; e < end; e++) {
                    if (seen.add(ElementKeys.key(element(types), elements, e))) {
                        out.add(e);
                    }
                }
            });
            case "array_sort" -> (arguments, count) -> select(arguments[0], count, (elements, start, end, out) -> {
                List<Integer> positions = new ArrayList<>();
                for (int e = start; e < end; e++) {
                    positions.add(e);
                }
                positions.sort(ElementKeys.ascending(element(types), elements));
                positions.forEach(out::add);
            });
            case "reverse" -> (arguments, count) -> select(arguments[0], count, (elements, start, end, out) -> {
                for (int e = end - 1; e >= start; e--) {
                    out.add(e);
                }
            });
            case "array_remove" -> (arguments, count) -> {
                Block values = arguments[1];
                return select(arguments[0], count, (elements, start, end, out, row) -> {
                    Object removed = ElementKeys.key(element(types), values, row);
                    for (int e = start; e < end; e++) {
                        if (isNan(removed) || !Objects.equals(ElementKeys.key(element(types), elements, e), removed)) {
                            out.add(e);
                        }
                    }
                }, values);
            };
            case "slice" -> (arguments, count) -> {
                LongBlock starts = (LongBlock) arguments[1];
                LongBlock lengths = (LongBlock) arguments[2];
                return select(arguments[0], count, (elements, start, end, out, row) -> {
                    long from = starts.getLong(row);
                    long length = lengths.getLong(row);
                    if (from == 0) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
                    }
                    if (length < 0) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "length must be greater than or equal to 0");
                    }
                    long first = from > 0 ? start + from - 1 : end + from;
                    for (long e = Math.max(first, start); e < Math.min(end, first + length); e++) {
                        out.add((int) e);
                    }
                }, starts, lengths);
            };
            case "array_max", "array_min" -> extreme(element(types), name.equals("array_max"));
            case "concat" -> {
                if (types.size() < 2) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "There must be two or more arguments to concat");
                }
                yield (arguments, count) -> concat((ArrayType) result, types, arguments, count);
            }
            case "map" -> (arguments, count) -> map((MapType) result, arguments, count);
            case "map_keys" -> (arguments, count) -> {
                MapBlock maps = (MapBlock) arguments[0];
                return new ArrayBlock(count, nullMask(maps, count), maps.rawOffsets(), maps.keys());
            };
            case "map_values" -> (arguments, count) -> {
                MapBlock maps = (MapBlock) arguments[0];
                return new ArrayBlock(count, nullMask(maps, count), maps.rawOffsets(), maps.values());
            };
            case "map_entries" -> (arguments, count) -> {
                MapBlock maps = (MapBlock) arguments[0];
                Block entries = new RowBlock(maps.keys().positionCount(), null, new Block[] {maps.keys(), maps.values()});
                return new ArrayBlock(count, nullMask(maps, count), maps.rawOffsets(), entries);
            };
            case "array_union", "array_intersect", "array_except" -> (arguments, count) -> setOperation(name, element(types), arguments, count);
            case "array_join" -> (arguments, count) -> arrayJoin(element(types), arguments, count);
            case "flatten" -> (arguments, count) -> {
                ArrayBlock outer = (ArrayBlock) arguments[0];
                if (!(outer.elements() instanceof ArrayBlock inner)) {
                    // an array of NULLs (of unknown type) holds no elements to flatten
                    return new ArrayBlock(count, nullMask(outer, count), new int[count + 1], Blocks.nulls(Types.UNKNOWN, 0));
                }
                int[] offsets = new int[count + 1];
                for (int i = 0; i <= count; i++) {
                    offsets[i] = inner.rawOffsets()[outer.rawOffsets()[i]];
                }
                return new ArrayBlock(count, nullMask(outer, count), offsets, inner.elements());
            };
            case "repeat" -> (arguments, count) -> repeat((ArrayType) result, arguments, count);
            case "sequence" -> TemporalSequences.handles(types)
                    ? TemporalSequences.resolve(types)
                    : (arguments, count) -> sequence(arguments, count);
            case "map_from_entries" -> (arguments, count) -> mapFromEntries((MapType) result, arguments, count);
            case "map_concat" -> {
                if (types.size() < 2) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "There must be two or more concatenation arguments to map_concat");
                }
                yield (arguments, count) -> MapFunctions.mapConcat((MapType) result, arguments, count);
            }
            case "multimap_from_entries" -> (arguments, count) -> MapFunctions.multimapFromEntries((MapType) result, arguments, count);
            case "cast" -> cast(types.get(0), result, false);
            case "try_cast" -> tryWhole(cast(types.get(0), result, false), result);
            case "equal", "not_equal", "is_distinct_from" -> (arguments, count) -> compareEqual(name, types.get(0), arguments, count);
            case "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal" ->
                    StructuralOrdering.resolve(name, types.get(0));
            default -> VectorFunctions.NAMES.contains(name)
                    ? VectorFunctions.resolve(name, types)
                    : ArrayFunctions.resolve(name, types, result);
        };
    }

    private static Type element(List<Type> types) {
        return ((ArrayType) types.get(0)).elementType();
    }

    private static boolean[] nullMask(Block block, int count) {
        if (!block.mayHaveNull()) {
            return null;
        }
        boolean[] nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
            nulls[i] = block.isNull(i);
        }
        return nulls;
    }

    private static Block arrayConstructor(ArrayType type, Block[] arguments, int count) {
        int width = arguments.length;
        int[] offsets = new int[count + 1];
        BlockBuilder elements = BlockBuilder.create(type.elementType(), count * width);
        for (int i = 0; i < count; i++) {
            for (Block argument : arguments) {
                elements.append(argument, i);
            }
            offsets[i + 1] = offsets[i] + width;
        }
        return new ArrayBlock(count, null, offsets, elements.build());
    }

    private static ScalarKernel dereference(Call call) {
        int field = (int) (long) (Long) ((Constant) call.arguments().get(1)).value();
        return (arguments, count) -> {
            RowBlock rows = (RowBlock) arguments[0];
            Block values = rows.field(field);
            if (!rows.mayHaveNull()) {
                return values;
            }
            BlockBuilder out = BlockBuilder.create(call.type(), count);
            for (int i = 0; i < count; i++) {
                if (rows.isNull(i)) {
                    out.appendNull();
                } else {
                    out.append(values, i);
                }
            }
            return out.build();
        };
    }

    private static Block arrayElement(ArrayType type, Block[] arguments, int count, boolean strict) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        LongBlock indexes = (LongBlock) arguments[1];
        BlockBuilder out = BlockBuilder.create(type.elementType(), count);
        for (int i = 0; i < count; i++) {
            if (arrays.isNull(i) || indexes.isNull(i)) {
                out.appendNull();
                continue;
            }
            long index = indexes.getLong(i);
            int length = arrays.length(i);
            if (index == 0) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
            }
            if (strict && index < 0) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript is negative: " + index);
            }
            if (strict && index > length) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Array subscript must be less than or equal to array length: " + index + " > " + length);
            }
            if (Math.abs(index) > length) {
                out.appendNull();
                continue;
            }
            int offset = (int) (index > 0 ? index - 1 : length + index);
            out.append(arrays.elements(), arrays.offset(i) + offset);
        }
        return out.build();
    }

    private static Block mapLookup(MapType type, Block[] arguments, int count, boolean strict) {
        MapBlock maps = (MapBlock) arguments[0];
        Block keys = arguments[1];
        BlockBuilder out = BlockBuilder.create(type.valueType(), count);
        for (int i = 0; i < count; i++) {
            if (maps.isNull(i) || keys.isNull(i)) {
                out.appendNull();
                continue;
            }
            Object key = ElementKeys.key(type.keyType(), keys, i);
            int found = -1;
            for (int e = maps.offset(i), end = e + maps.length(i); e < end && found < 0; e++) {
                if (key.equals(ElementKeys.key(type.keyType(), maps.keys(), e))) {
                    found = e;
                }
            }
            if (found >= 0) {
                out.append(maps.values(), found);
            } else if (strict && type.keyType() instanceof io.quarry.type.ColorType) {
                // Trino has no text of a color to show
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map");
            } else if (strict) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Key not present in map: " + Values.toObject(type.keyType(), keys, i));
            } else {
                out.appendNull();
            }
        }
        return out.build();
    }

    private static Block cardinality(Block[] arguments, int count) {
        Block block = arguments[0];
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = block instanceof MapBlock maps ? maps.length(i) : ((ArrayBlock) block).length(i);
        }
        return new LongBlock(count, nullMask(block, count), values);
    }

    /** contains (boolean; NULL when not found but a NULL element exists) or array_position (1-based, 0 if absent). */
    /** NaN equals nothing, itself included, in contains, array_position and array_remove as in Trino. */
    private static boolean isNan(Object value) {
        return value instanceof Double number && number.isNaN();
    }

    private static Block position(Type elementType, Block[] arguments, int count, boolean contains) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        Block values = arguments[1];
        BlockBuilder out = BlockBuilder.create(contains ? Types.BOOLEAN : Types.BIGINT, count);
        for (int i = 0; i < count; i++) {
            if (arrays.isNull(i) || values.isNull(i)) {
                out.appendNull();
                continue;
            }
            Object value = ElementKeys.key(elementType, values, i);
            int found = 0;
            boolean sawNull = false;
            for (int e = arrays.offset(i), end = e + arrays.length(i); e < end && found == 0; e++) {
                Object element = ElementKeys.key(elementType, arrays.elements(), e);
                sawNull |= element == null;
                if (value.equals(element) && !isNan(value)) {
                    found = e - arrays.offset(i) + 1;
                }
            }
            if (!contains) {
                out.appendLong(found);
            } else if (found == 0 && sawNull) {
                out.appendNull();
            } else {
                out.appendBoolean(found > 0);
            }
        }
        return out.build();
    }

    private static ScalarKernel extreme(Type elementType, boolean max) {
        return (arguments, count) -> {
            ArrayBlock arrays = (ArrayBlock) arguments[0];
            Block elements = arrays.elements();
            BlockBuilder out = BlockBuilder.create(elementType, count);
            for (int i = 0; i < count; i++) {
                int best = -1;
                boolean sawNull = false;
                for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                    if (elements.isNull(e)) {
                        sawNull = true;
                    } else if (best < 0) {
                        best = e;
                    } else if (elements instanceof DoubleBlock doubles) {
                        best = DoubleExtremes.beats(doubles.getDouble(e), doubles.getDouble(best), max) ? e : best;
                    } else if ((ElementKeys.compare(elementType, elements, e, best) > 0) == max
                            && ElementKeys.compare(elementType, elements, e, best) != 0) {
                        best = e;
                    }
                }
                if (arrays.isNull(i) || best < 0 || sawNull) {
                    out.appendNull();
                } else {
                    out.append(elements, best);
                }
            }
            return out.build();
        };
    }

    /** Concatenates arrays; an argument of the element type (never of the array's type) is appended or prepended. */
    private static Block concat(ArrayType type, List<Type> types, Block[] arguments, int count) {
        BlockBuilder out = BlockBuilder.create(type.elementType(), count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = Blocks.unionNulls(arguments, count);
        for (int i = 0; i < count; i++) {
            if (!Blocks.isNull(nulls, i)) {
                for (int a = 0; a < arguments.length; a++) {
                    Block argument = arguments[a];
                    if (types.get(a).equals(type) && argument instanceof ArrayBlock arrays) {
                        for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                            out.append(arrays.elements(), e);
                        }
                    } else {
                        out.append(argument, i);
                    }
                }
            }
            offsets[i + 1] = out.positionCount();
        }
        return new ArrayBlock(count, nulls, offsets, out.build());
    }

    private static Block map(MapType type, Block[] arguments, int count) {
        ArrayBlock keys = (ArrayBlock) arguments[0];
        ArrayBlock values = (ArrayBlock) arguments[1];
        BlockBuilder keyOut = BlockBuilder.create(type.keyType(), count);
        BlockBuilder valueOut = BlockBuilder.create(type.valueType(), count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (keys.isNull(i) || values.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                if (keys.length(i) != values.length(i)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key and value arrays must be the same length");
                }
                Set<Object> seen = new HashSet<>();
                for (int k = 0; k < keys.length(i); k++) {
                    int e = keys.offset(i) + k;
                    Object key = ElementKeys.key(type.keyType(), keys.elements(), e);
                    if (key == null) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
                    }
                    if (ElementKeys.holdsNull(key)) {
                        // map(keys, values) alone refuses an array or row key with a NULL inside, as in Trino
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be indeterminate: "
                                + Values.toObject(type.keyType(), keys.elements(), e));
                    }
                    if (!seen.add(key)) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate map keys ("
                                + Values.toObject(type.keyType(), keys.elements(), e) + ") are not allowed");
                    }
                    keyOut.append(keys.elements(), e);
                    valueOut.append(values.elements(), values.offset(i) + k);
                }
            }
            offsets[i + 1] = keyOut.positionCount();
        }
        return new MapBlock(count, nulls, offsets, keyOut.build(), valueOut.build());
    }

    /**
     * Equality of arrays, maps and rows: equal when all parts are equal, unknown (NULL) when they differ only
     * where one side has a NULL; IS DISTINCT FROM treats NULLs as values.
     */
    private static Block compareEqual(String name, Type type, Block[] arguments, int count) {
        BlockBuilder out = BlockBuilder.create(Types.BOOLEAN, count);
        boolean distinct = name.equals("is_distinct_from");
        for (int i = 0; i < count; i++) {
            boolean leftNull = arguments[0].isNull(i);
            boolean rightNull = arguments[1].isNull(i);
            if (leftNull || rightNull) {
                if (distinct) {
                    out.appendBoolean(leftNull != rightNull);
                } else {
                    out.appendNull();
                }
                continue;
            }
            Object left = Values.toObject(type, arguments[0], i);
            Object right = Values.toObject(type, arguments[1], i);
            if (distinct) {
                out.appendBoolean(!Objects.equals(left, right));
                continue;
            }
            Boolean equal = sqlEquals(left, right);
            if (equal == null) {
                out.appendNull();
            } else {
                out.appendBoolean(name.equals("equal") == equal);
            }
        }
        return out.build();
    }

    /** SQL equality of nested values: FALSE if some part differs, NULL if none differs but a part is NULL. */
    private static Boolean sqlEquals(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            boolean unknown = false;
            for (int i = 0; i < a.size(); i++) {
                Boolean equal = sqlEquals(a.get(i), b.get(i));
                if (equal == null) {
                    unknown = true;
                } else if (!equal) {
                    return false;
                }
            }
            return unknown ? null : true;
        }
        if (left instanceof java.util.Map<?, ?> a && right instanceof java.util.Map<?, ?> b) {
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            boolean unknown = false;
            for (Object key : a.keySet()) {
                Boolean equal = sqlEquals(a.get(key), b.get(key));
                if (equal == null) {
                    unknown = true;
                } else if (!equal) {
                    return false;
                }
            }
            return unknown ? null : true;
        }
        if (left instanceof java.math.BigDecimal a && right instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (left instanceof Double a && right instanceof Double b) {
            return a.doubleValue() == b.doubleValue();
        }
        return left.equals(right);
    }

    /** Distinct elements of the first array that are (union: or) also / (except: not) in the second, in order. */
    private static Block setOperation(String name, Type elementType, Block[] arguments, int count) {
        ArrayBlock right = (ArrayBlock) arguments[1];
        BlockBuilder out = BlockBuilder.create(elementType, count);
        ArrayBlock left = (ArrayBlock) arguments[0];
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (left.isNull(i) || right.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                Set<Object> other = new HashSet<>();
                for (int e = right.offset(i), end = e + right.length(i); e < end; e++) {
                    other.add(new Key(ElementKeys.key(elementType, right.elements(), e)));
                }
                Set<Object> seen = new HashSet<>();
                for (int e = left.offset(i), end = e + left.length(i); e < end; e++) {
                    Key key = new Key(ElementKeys.key(elementType, left.elements(), e));
                    boolean keep = switch (name) {
                        case "array_intersect" -> other.contains(key);
                        case "array_except" -> !other.contains(key);
                        default -> true;
                    };
                    if (keep && seen.add(key)) {
                        out.append(left.elements(), e);
                    }
                }
                if (name.equals("array_union")) {
                    for (int e = right.offset(i), end = e + right.length(i); e < end; e++) {
                        if (seen.add(new Key(ElementKeys.key(elementType, right.elements(), e)))) {
                            out.append(right.elements(), e);
                        }
                    }
                }
            }
            offsets[i + 1] = out.positionCount();
        }
        return new ArrayBlock(count, nulls, offsets, out.build());
    }

    /** A hash key that may stand for NULL (sets of elements keep one NULL). */
    private record Key(Object value) {}

    private static Block arrayJoin(Type elementType, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        BlockBuilder out = BlockBuilder.create(Types.VARCHAR, count);
        for (int i = 0; i < count; i++) {
            if (arrays.isNull(i) || arguments[1].isNull(i) || arguments.length > 2 && arguments[2].isNull(i)) {
                out.appendNull();
                continue;
            }
            String delimiter = (String) Values.toObject(Types.VARCHAR, arguments[1], i);
            String replacement = arguments.length > 2 ? (String) Values.toObject(Types.VARCHAR, arguments[2], i) : null;
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                Object value = Values.toObject(elementType, arrays.elements(), e);
                if (value == null && replacement == null) {
                    continue;
                }
                if (!first) {
                    text.append(delimiter);
                }
                text.append(value == null ? replacement : value);
                first = false;
            }
            out.appendString(text.toString());
        }
        return out.build();
    }

    private static Block repeat(ArrayType type, Block[] arguments, int count) {
        LongBlock times = (LongBlock) arguments[1];
        IntList positions = new IntList();
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (times.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                long n = times.getLong(i);
                if (n < 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "count argument of repeat function must be greater than or equal to 0");
                }
                if (n > 10_000) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "count argument of repeat function must be less than or equal to 10000");
                }
                for (long k = 0; k < n; k++) {
                    positions.add(i);
                }
            }
            offsets[i + 1] = positions.size();
        }
        return new ArrayBlock(count, nulls, offsets, arguments[0].copyPositions(positions.values(), positions.size()));
    }

    private static Block sequence(Block[] arguments, int count) {
        LongBlock starts = (LongBlock) arguments[0];
        LongBlock stops = (LongBlock) arguments[1];
        LongBlock steps = arguments.length > 2 ? (LongBlock) arguments[2] : null;
        BlockBuilder out = BlockBuilder.create(Types.BIGINT, count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (starts.isNull(i) || stops.isNull(i) || steps != null && steps.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                long start = starts.getLong(i);
                long stop = stops.getLong(i);
                long step = steps == null ? (start <= stop ? 1 : -1) : steps.getLong(i);
                if (step == 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "step must not be zero");
                }
                if (step > 0 != start <= stop && start != stop) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start");
                }
                long length = (stop - start) / step + 1;
                if (length > 10_000) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "result of sequence function must not have more than 10000 entries");
                }
                for (long k = 0; k < length; k++) {
                    out.appendLong(start + k * step);
                }
            }
            offsets[i + 1] = out.positionCount();
        }
        return new ArrayBlock(count, nulls, offsets, out.build());
    }

    private static Block mapFromEntries(MapType type, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        RowBlock entries = (RowBlock) arrays.elements();
        IntList positions = new IntList();
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            Set<Object> seen = new HashSet<>();
            for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                if (entries.isNull(e)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map entry cannot be null");
                }
                Object key = ElementKeys.key(type.keyType(), entries.field(0), e);
                if (key == null) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
                }
                if (!seen.add(key)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate map keys ("
                            + Values.toObject(type.keyType(), entries.field(0), e) + ") are not allowed");
                }
                positions.add(e);
            }
            offsets[i + 1] = positions.size();
        }
        return new MapBlock(count, nullMask(arrays, count), offsets,
                entries.field(0).copyPositions(positions.values(), positions.size()),
                entries.field(1).copyPositions(positions.values(), positions.size()));
    }

    private static ScalarKernel cast(Type source, Type target, boolean tryCast) {
        if (source.equals(target)) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof io.quarry.type.UnknownType) {
            // the elements of an empty ARRAY[] beside typed arrays: only NULLs, of any type
            return (arguments, count) -> {
                BlockBuilder out = BlockBuilder.create(target, count);
                for (int i = 0; i < count; i++) {
                    out.appendNull();
                }
                return out.build();
            };
        }
        if (source instanceof RowType from && target instanceof RowType to && from.fields().size() == to.fields().size()) {
            ScalarKernel[] fields = new ScalarKernel[from.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fieldCast(from.fieldTypes().get(i), to.fieldTypes().get(i), tryCast);
            }
            return (arguments, count) -> {
                RowBlock rows = (RowBlock) arguments[0];
                Block[] result = new Block[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    result[i] = fields[i].apply(new Block[] {rows.field(i)}, count);
                }
                return new RowBlock(count, nullMask(rows, count), result);
            };
        }
        if (source instanceof ArrayType from && target instanceof ArrayType to) {
            ScalarKernel elements = fieldCast(from.elementType(), to.elementType(), tryCast);
            return (arguments, count) -> {
                ArrayBlock arrays = (ArrayBlock) arguments[0];
                Block cast = elements.apply(new Block[] {arrays.elements()}, arrays.elements().positionCount());
                return new ArrayBlock(count, nullMask(arrays, count), arrays.rawOffsets(), cast);
            };
        }
        if (source instanceof MapType from && target instanceof MapType to) {
            ScalarKernel keys = fieldCast(from.keyType(), to.keyType(), tryCast);
            ScalarKernel values = fieldCast(from.valueType(), to.valueType(), tryCast);
            return (arguments, count) -> {
                MapBlock maps = (MapBlock) arguments[0];
                int entries = maps.keys().positionCount();
                Block castKeys = keys.apply(new Block[] {maps.keys()}, entries);
                if (!from.keyType().equals(to.keyType())) {
                    checkDistinctKeys(maps, count, to.keyType(), castKeys);
                }
                return new MapBlock(count, nullMask(maps, count), maps.rawOffsets(),
                        castKeys, values.apply(new Block[] {maps.values()}, entries));
            };
        }
        // a cast Trino has not (text to an array, a row to a map, ...)
        throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                "Cannot cast " + source.displayName() + " to " + target.displayName());
    }

    /** Keys that were distinct may meet after a cast ('1' and '01' as integers): Trino refuses such a map. */
    private static void checkDistinctKeys(MapBlock maps, int count, Type keyType, Block castKeys) {
        for (int i = 0; i < count; i++) {
            if (maps.isNull(i)) {
                continue;
            }
            Set<Object> seen = new HashSet<>();
            for (int e = maps.offset(i), end = e + maps.length(i); e < end; e++) {
                if (!castKeys.isNull(e) && !seen.add(ElementKeys.key(keyType, castKeys, e))) {
                    throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "duplicate keys");
                }
            }
        }
    }

    /**
     * TRY_CAST of a structural value is NULL when any part of it fails to cast (as Trino), not a value with NULL
     * parts: the whole block is cast at once, and row by row only when that fails.
     */
    private static ScalarKernel tryWhole(ScalarKernel strict, Type result) {
        return (arguments, count) -> {
            try {
                return strict.apply(arguments, count);
            } catch (QuarryException e) {
                BlockBuilder out = BlockBuilder.create(result, count);
                for (int i = 0; i < count; i++) {
                    try {
                        out.append(strict.apply(new Block[] {arguments[0].region(i, 1)}, 1), 0);
                    } catch (QuarryException rowFailure) {
                        out.appendNull();
                    }
                }
                return out.build();
            }
        };
    }

    private static ScalarKernel fieldCast(Type source, Type target, boolean tryCast) {
        if (source.equals(target)) {
            return (arguments, count) -> arguments[0];
        }
        if (Blocks.isStructural(source) || Blocks.isStructural(target)) {
            return cast(source, target, tryCast);
        }
        if (source instanceof io.quarry.type.VarcharType && target instanceof io.quarry.type.VarcharType to && to.isUnbounded()) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof io.quarry.type.TimeWithTimeZoneType || target instanceof io.quarry.type.TimeWithTimeZoneType) {
            // an element has no session zone argument: a time without an offset takes UTC's
            return TimeWithTimeZoneFunctions.cast(source, target, tryCast, java.time.ZoneOffset.UTC);
        }
        // an element casts as a value of its type does (uuid, intervals, timestamps, ... to varchar)
        Call elementCast = new Call(tryCast ? "try_cast" : "cast", List.of(new InputRef(0, source)), target);
        return Functions.resolve(elementCast);
    }

    /** Chooses the element positions of one array; {@code out} collects them in result order. */
    @FunctionalInterface
    private interface Selector {
        void select(Block elements, int start, int end, IntList out);
    }

    /** A selector that also needs the row (other arguments of the same row). */
    @FunctionalInterface
    private interface RowSelector {
        void select(Block elements, int start, int end, IntList out, int row);
    }

    private static Block select(Block block, int count, Selector selector) {
        return select(block, count, (elements, start, end, out, row) -> selector.select(elements, start, end, out));
    }

    /** An array per row made of chosen elements of the input array; NULL where the array or another argument is. */
    private static Block select(Block block, int count, RowSelector selector, Block... others) {
        ArrayBlock arrays = (ArrayBlock) block;
        IntList positions = new IntList();
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            boolean isNull = arrays.isNull(i);
            for (Block other : others) {
                isNull |= other.isNull(i);
            }
            if (isNull) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                selector.select(arrays.elements(), arrays.offset(i), arrays.offset(i) + arrays.length(i), positions, i);
            }
            offsets[i + 1] = positions.size();
        }
        return new ArrayBlock(count, nulls, offsets, arrays.elements().copyPositions(positions.values(), positions.size()));
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int[] values() {
            return values;
        }
    }
}
