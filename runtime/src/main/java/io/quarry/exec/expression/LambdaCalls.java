package io.quarry.exec.expression;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.MapBlock;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Lambda;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import java.util.List;
import java.util.Set;

/**
 * The functions with lambda arguments ({@code transform}, {@code filter}, {@code reduce}, …). A lambda body is
 * compiled like any expression over a page whose channels are its parameters and then its captured values;
 * it runs once over all elements of all arrays of a block, not once per element.
 */
final class LambdaCalls {
    static final Set<String> NAMES = Set.of("transform", "filter", "reduce", "any_match", "all_match", "none_match",
            "zip_with", "transform_keys", "transform_values", "map_filter", "map_zip_with", "array_sort",
            "regexp_replace");

    private LambdaCalls() {}

    static boolean handles(Call call) {
        return NAMES.contains(call.function()) && call.arguments().stream().anyMatch(Lambda.class::isInstance);
    }

    static BlockEvaluator compile(Call call) {
        List<Expression> arguments = call.arguments();
        BlockEvaluator[] values = new BlockEvaluator[arguments.size()];
        CompiledLambda[] lambdas = new CompiledLambda[arguments.size()];
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) instanceof Lambda lambda) {
                BlockEvaluator[] captures = new BlockEvaluator[lambda.captures().size()];
                for (int c = 0; c < captures.length; c++) {
                    captures[c] = ExpressionCompiler.compile(lambda.captures().get(c));
                }
                lambdas[i] = new CompiledLambda(ExpressionCompiler.compile(lambda.body()), captures);
            } else {
                values[i] = ExpressionCompiler.compile(arguments.get(i));
            }
        }
        return new Evaluator(call.function(), values, lambdas, call.type(),
                arguments.stream().map(Expression::type).toList());
    }

    /** A compiled lambda body and the evaluators of what it captures from the enclosing row. */
    private record CompiledLambda(BlockEvaluator body, BlockEvaluator[] captures) {
        /** Runs the body over {@code parameters} (one position per element); {@code parents} maps elements to rows. */
        Block apply(Block[] captured, int[] parents, int elementCount, Block... parameters) {
            Block[] channels = new Block[parameters.length + captured.length];
            System.arraycopy(parameters, 0, channels, 0, parameters.length);
            for (int c = 0; c < captured.length; c++) {
                channels[parameters.length + c] = captured[c].copyPositions(parents, elementCount);
            }
            return body.evaluate(new Page(elementCount, channels), null, elementCount);
        }

        Block[] capture(Page page, int[] positions, int count) {
            Block[] result = new Block[captures.length];
            for (int c = 0; c < captures.length; c++) {
                result[c] = captures[c].evaluate(page, positions, count);
            }
            return result;
        }
    }

    /** The arrays (or maps) of a block with their entries rebased to start at 0, and each entry's row. */
    private record Entries(int[] offsets, int[] parents, int count) {
        static Entries of(int[] rawOffsets, int rows) {
            int start = rawOffsets[0];
            int[] offsets = new int[rows + 1];
            int count = rawOffsets[rows] - start;
            int[] parents = new int[count];
            for (int i = 0; i < rows; i++) {
                offsets[i + 1] = rawOffsets[i + 1] - start;
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    parents[e] = i;
                }
            }
            return new Entries(offsets, parents, count);
        }
    }

    private record Evaluator(String name, BlockEvaluator[] values, CompiledLambda[] lambdas, Type type, List<Type> types)
            implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block[] arguments = new Block[values.length];
            Block[][] captured = new Block[values.length][];
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    arguments[i] = values[i].evaluate(page, positions, count);
                } else {
                    captured[i] = lambdas[i].capture(page, positions, count);
                }
            }
            return switch (name) {
                case "transform", "filter", "any_match", "all_match", "none_match" ->
                        overElements(arguments, captured, count);
                case "reduce" -> reduce(arguments, captured, count);
                case "zip_with" -> zipWith(arguments, captured, count);
                case "transform_keys", "transform_values", "map_filter" -> overEntries(arguments, captured, count);
                case "map_zip_with" -> mapZipWith(arguments, captured, count);
                case "array_sort" -> sortWith(arguments, captured, count);
                case "regexp_replace" -> replaceMatches(arguments, captured, count);
                default -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Function not registered: " + name);
            };
        }

        private Block overElements(Block[] arguments, Block[][] captured, int count) {
            ArrayBlock arrays = (ArrayBlock) arguments[0];
            Entries entries = Entries.of(arrays.rawOffsets(), count);
            Block elements = arrays.elements().region(arrays.rawOffsets()[0], entries.count());
            boolean matching = !name.equals("transform") && !name.equals("filter");
            Block result;
            try {
                result = lambdas[1].apply(captured[1], entries.parents(), entries.count(), elements);
            } catch (QuarryException e) {
                if (!matching) {
                    throw e;
                }
                // Trino stops at the first element that decides a match: a failure after it is never reached
                return matchInOrder(arrays, entries, elements, captured, count);
            }
            boolean[] nulls = nullMask(arrays, count);
            if (name.equals("transform")) {
                return new ArrayBlock(count, nulls, entries.offsets(), result);
            }
            BooleanBlock predicate = (BooleanBlock) result;
            if (name.equals("filter")) {
                int[] kept = new int[entries.count()];
                int keptCount = 0;
                int[] offsets = new int[count + 1];
                for (int i = 0; i < count; i++) {
                    for (int e = entries.offsets()[i]; e < entries.offsets()[i + 1]; e++) {
                        if (!predicate.isNull(e) && predicate.getBoolean(e)) {
                            kept[keptCount++] = e;
                        }
                    }
                    offsets[i + 1] = keptCount;
                }
                return new ArrayBlock(count, nulls, offsets, elements.copyPositions(kept, keptCount));
            }
            // any_match: TRUE if one is true; all_match: FALSE if one is false; none_match: FALSE if one is true
            boolean decisive = !name.equals("all_match");
            boolean[] values = new boolean[count];
            boolean[] resultNulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                boolean decided = false;
                boolean sawNull = false;
                for (int e = entries.offsets()[i]; e < entries.offsets()[i + 1] && !decided; e++) {
                    if (predicate.isNull(e)) {
                        sawNull = true;
                    } else if (predicate.getBoolean(e) == decisive) {
                        decided = true;
                    }
                }
                boolean answer = name.equals("any_match") ? decided : !decided;
                values[i] = answer;
                resultNulls[i] = arrays.isNull(i) || !decided && sawNull;
            }
            return new BooleanBlock(count, io.quarry.exec.function.Blocks.compact(resultNulls, count), values);
        }

        /** any_match, all_match and none_match with the lambda applied to one element at a time, until one decides. */
        private Block matchInOrder(ArrayBlock arrays, Entries entries, Block elements, Block[][] captured, int count) {
            boolean decisive = !name.equals("all_match");
            boolean[] values = new boolean[count];
            boolean[] resultNulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                boolean decided = false;
                boolean sawNull = false;
                for (int e = entries.offsets()[i]; e < entries.offsets()[i + 1] && !decided; e++) {
                    BooleanBlock predicate =
                            (BooleanBlock) lambdas[1].apply(captured[1], new int[] {i}, 1, elements.region(e, 1));
                    if (predicate.isNull(0)) {
                        sawNull = true;
                    } else if (predicate.getBoolean(0) == decisive) {
                        decided = true;
                    }
                }
                values[i] = name.equals("any_match") ? decided : !decided;
                resultNulls[i] = arrays.isNull(i) || !decided && sawNull;
            }
            return new BooleanBlock(count, io.quarry.exec.function.Blocks.compact(resultNulls, count), values);
        }

        /** regexp_replace(text, pattern, groups -> replacement): the lambda runs once over every match of every row. */
        private Block replaceMatches(Block[] arguments, Block[][] captured, int count) {
            io.quarry.exec.function.RegexpMatches matches = io.quarry.exec.function.RegexpMatches.find(arguments[0], arguments[1], count);
            Block replacements = lambdas[2].apply(captured[2], matches.parents(), matches.matchCount(), matches.groups());
            return matches.replace(arguments[0], replacements);
        }

        private Block reduce(Block[] arguments, Block[][] captured, int count) {
            ArrayBlock arrays = (ArrayBlock) arguments[0];
            Block state = arguments[1];
            Type stateType = types.get(1);
            int longest = 0;
            for (int i = 0; i < count; i++) {
                longest = Math.max(longest, arrays.length(i));
            }
            for (int step = 0; step < longest; step++) {
                int[] active = new int[count];
                int activeCount = 0;
                int[] elementPositions = new int[count];
                for (int i = 0; i < count; i++) {
                    if (arrays.length(i) > step) {
                        elementPositions[activeCount] = arrays.offset(i) + step;
                        active[activeCount++] = i;
                    }
                }
                Block next = lambdas[2].apply(captured[2], active, activeCount,
                        state.copyPositions(active, activeCount),
                        arrays.elements().copyPositions(elementPositions, activeCount));
                if (activeCount == count) {
                    state = next;
                } else {
                    ResultMerger merger = new ResultMerger(stateType, count);
                    int[] inactive = new int[count - activeCount];
                    int inactiveCount = 0;
                    for (int i = 0, a = 0; i < count; i++) {
                        if (a < activeCount && active[a] == i) {
                            a++;
                        } else {
                            inactive[inactiveCount++] = i;
                        }
                    }
                    merger.put(state.copyPositions(inactive, inactiveCount), inactive, inactiveCount);
                    merger.put(next, active, activeCount);
                    state = merger.build();
                }
            }
            Block result = lambdas[3].apply(captured[3], identity(count), count, state);
            if (!arrays.mayHaveNull()) {
                return result;
            }
            BlockBuilder out = BlockBuilder.create(type, count);
            for (int i = 0; i < count; i++) {
                if (arrays.isNull(i)) {
                    out.appendNull();
                } else {
                    out.append(result, i);
                }
            }
            return out.build();
        }

        private Block zipWith(Block[] arguments, Block[][] captured, int count) {
            ArrayBlock left = (ArrayBlock) arguments[0];
            ArrayBlock right = (ArrayBlock) arguments[1];
            BlockBuilder xs = BlockBuilder.create(((ArrayType) types.get(0)).elementType(), count);
            BlockBuilder ys = BlockBuilder.create(((ArrayType) types.get(1)).elementType(), count);
            int[] offsets = new int[count + 1];
            boolean[] nulls = null;
            java.util.List<Integer> parents = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (left.isNull(i) || right.isNull(i)) {
                    nulls = nulls == null ? new boolean[count] : nulls;
                    nulls[i] = true;
                } else {
                    int length = Math.max(left.length(i), right.length(i));
                    for (int e = 0; e < length; e++) {
                        appendOrNull(xs, left, i, e);
                        appendOrNull(ys, right, i, e);
                        parents.add(i);
                    }
                }
                offsets[i + 1] = xs.positionCount();
            }
            int[] parentArray = parents.stream().mapToInt(Integer::intValue).toArray();
            Block result = lambdas[2].apply(captured[2], parentArray, parentArray.length, xs.build(), ys.build());
            return new ArrayBlock(count, nulls, offsets, result);
        }

        /**
         * array_sort with a comparator: a stable sort of each array's positions, the lambda run on each compared
         * pair; it must answer -1, 0 or 1 and order the elements consistently.
         */
        private Block sortWith(Block[] arguments, Block[][] captured, int count) {
            ArrayBlock arrays = (ArrayBlock) arguments[0];
            Block elements = arrays.elements();
            int[] offsets = new int[count + 1];
            java.util.List<Integer> order = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                java.util.List<Integer> positions = new java.util.ArrayList<>();
                if (!arrays.isNull(i)) {
                    for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                        positions.add(e);
                    }
                }
                int[] row = {i};
                try {
                    positions.sort((left, right) -> compare(captured[1], row, elements, left, right));
                } catch (IllegalArgumentException e) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Lambda comparator violates the comparator contract");
                }
                order.addAll(positions);
                offsets[i + 1] = order.size();
            }
            int[] selected = order.stream().mapToInt(Integer::intValue).toArray();
            return new ArrayBlock(count, nullMask(arrays, count), offsets, elements.copyPositions(selected, selected.length));
        }

        private int compare(Block[] captured, int[] row, Block elements, int left, int right) {
            Block result = lambdas[1].apply(captured, row, 1,
                    elements.copyPositions(new int[] {left}, 1), elements.copyPositions(new int[] {right}, 1));
            if (result.isNull(0)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Lambda comparator must return either -1, 0, or 1");
            }
            long value = ((io.quarry.block.LongBlock) result).getLong(0);
            if (value < -1 || value > 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Lambda comparator must return either -1, 0, or 1");
            }
            return (int) value;
        }

        /**
         * map_zip_with: the keys of the first map then the keys only the second has, each with the values of
         * both maps (NULL where a map lacks the key) passed to the lambda; NULL if either map is NULL.
         */
        private Block mapZipWith(Block[] arguments, Block[][] captured, int count) {
            MapBlock left = (MapBlock) arguments[0];
            MapBlock right = (MapBlock) arguments[1];
            MapType leftType = (MapType) types.get(0);
            MapType rightType = (MapType) types.get(1);
            BlockBuilder keys = BlockBuilder.create(leftType.keyType(), count);
            BlockBuilder xs = BlockBuilder.create(leftType.valueType(), count);
            BlockBuilder ys = BlockBuilder.create(rightType.valueType(), count);
            int[] offsets = new int[count + 1];
            boolean[] nulls = null;
            java.util.List<Integer> parents = new java.util.ArrayList<>();
            java.util.Map<Object, Integer> rightPositions = new java.util.HashMap<>();
            java.util.Set<Object> leftKeys = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                if (left.isNull(i) || right.isNull(i)) {
                    nulls = nulls == null ? new boolean[count] : nulls;
                    nulls[i] = true;
                    offsets[i + 1] = keys.positionCount();
                    continue;
                }
                rightPositions.clear();
                leftKeys.clear();
                for (int e = right.rawOffsets()[i]; e < right.rawOffsets()[i + 1]; e++) {
                    rightPositions.put(io.quarry.exec.function.ElementKeys.key(leftType.keyType(), right.keys(), e), e);
                }
                for (int e = left.rawOffsets()[i]; e < left.rawOffsets()[i + 1]; e++) {
                    Object key = io.quarry.exec.function.ElementKeys.key(leftType.keyType(), left.keys(), e);
                    leftKeys.add(key);
                    keys.append(left.keys(), e);
                    xs.append(left.values(), e);
                    Integer match = rightPositions.get(key);
                    if (match == null) {
                        ys.appendNull();
                    } else {
                        ys.append(right.values(), match);
                    }
                    parents.add(i);
                }
                for (int e = right.rawOffsets()[i]; e < right.rawOffsets()[i + 1]; e++) {
                    if (!leftKeys.contains(io.quarry.exec.function.ElementKeys.key(leftType.keyType(), right.keys(), e))) {
                        keys.append(right.keys(), e);
                        xs.appendNull();
                        ys.append(right.values(), e);
                        parents.add(i);
                    }
                }
                offsets[i + 1] = keys.positionCount();
            }
            int[] parentArray = parents.stream().mapToInt(Integer::intValue).toArray();
            Block keyBlock = keys.build();
            Block result = lambdas[2].apply(captured[2], parentArray, parentArray.length, keyBlock, xs.build(), ys.build());
            return new MapBlock(count, nulls, offsets, keyBlock, result);
        }

        private static void appendOrNull(BlockBuilder out, ArrayBlock arrays, int row, int index) {
            if (index < arrays.length(row)) {
                out.append(arrays.elements(), arrays.offset(row) + index);
            } else {
                out.appendNull();
            }
        }

        private Block overEntries(Block[] arguments, Block[][] captured, int count) {
            MapBlock maps = (MapBlock) arguments[0];
            Entries entries = Entries.of(maps.rawOffsets(), count);
            int start = maps.rawOffsets()[0];
            Block keys = maps.keys().region(start, entries.count());
            Block values = maps.values().region(start, entries.count());
            Block result = lambdas[1].apply(captured[1], entries.parents(), entries.count(), keys, values);
            boolean[] nulls = nullMask(maps, count);
            if (name.equals("transform_values")) {
                return new MapBlock(count, nulls, entries.offsets(), keys, result);
            }
            if (name.equals("transform_keys")) {
                MapType mapType = (MapType) type;
                java.util.Set<Object> seen = new java.util.HashSet<>();
                for (int i = 0; i < count; i++) {
                    seen.clear();
                    for (int e = entries.offsets()[i]; e < entries.offsets()[i + 1]; e++) {
                        Object key = io.quarry.block.Values.toObject(mapType.keyType(), result, e);
                        if (key == null) {
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
                        }
                        if (!seen.add(key)) {
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                                    "Duplicate map keys (" + key + ") are not allowed");
                        }
                    }
                }
                return new MapBlock(count, nulls, entries.offsets(), result, values);
            }
            BooleanBlock predicate = (BooleanBlock) result;
            int[] kept = new int[entries.count()];
            int keptCount = 0;
            int[] offsets = new int[count + 1];
            for (int i = 0; i < count; i++) {
                for (int e = entries.offsets()[i]; e < entries.offsets()[i + 1]; e++) {
                    if (!predicate.isNull(e) && predicate.getBoolean(e)) {
                        kept[keptCount++] = e;
                    }
                }
                offsets[i + 1] = keptCount;
            }
            return new MapBlock(count, nulls, offsets, keys.copyPositions(kept, keptCount), values.copyPositions(kept, keptCount));
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

        private static int[] identity(int count) {
            return Evaluators.identity(count);
        }
    }
}
