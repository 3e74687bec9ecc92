package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.exec.function.Blocks;
import io.quarry.exec.function.ScalarKernel;
import io.quarry.page.Page;
import io.quarry.type.Type;
import io.quarry.type.Types;

/** The evaluators of inputs, constants, calls and the special forms. */
final class Evaluators {
    private Evaluators() {}

    /** Page positions of a subset: {@code subset[k]} indexes into {@code positions} (null = identity). */
    static int[] mapPositions(int[] positions, int[] subset, int n) {
        int[] result = new int[n];
        for (int k = 0; k < n; k++) {
            result[k] = positions == null ? subset[k] : positions[subset[k]];
        }
        return result;
    }

    static int[] identity(int count) {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = i;
        }
        return result;
    }

    record Input(int channel, Type type) implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block block = page.block(channel);
            if (positions == null) {
                return count == block.positionCount() ? block : block.region(0, count);
            }
            return block.copyPositions(positions, count);
        }
    }

    /** A literal; the last block built is kept, since pages of one size follow each other. */
    static final class Constant implements BlockEvaluator {
        private final Type type;
        private final Object value;
        private volatile Block cached;

        Constant(Type type, Object value) {
            this.type = type;
            this.value = value;
        }

        Object value() {
            return value;
        }

        @Override
        public Type type() {
            return type;
        }

        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block block = cached;
            if (block == null || block.positionCount() != count) {
                block = Blocks.constant(type, value, count);
                cached = block;
            }
            return block;
        }
    }

    record Call(String name, ScalarKernel kernel, BlockEvaluator[] arguments, Type type) implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block[] values = new Block[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                values[i] = arguments[i].evaluate(page, positions, count);
            }
            return kernel.apply(values, count);
        }
    }

    /** n-ary AND / OR, three-valued, evaluating each argument only where the result is still open. */
    record Logical(boolean isAnd, BlockEvaluator[] arguments) implements BlockEvaluator {
        @Override
        public Type type() {
            return Types.BOOLEAN;
        }

        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            // decided: the dominating value (false for AND, true for OR) was seen
            boolean dominating = !isAnd;
            boolean[] values = new boolean[count];
            java.util.Arrays.fill(values, !dominating);
            boolean[] sawNull = new boolean[count];
            int[] active = null;
            int activeCount = count;
            for (BlockEvaluator argument : arguments) {
                if (activeCount == 0) {
                    break;
                }
                Block block = active == null
                        ? argument.evaluate(page, positions, count)
                        : argument.evaluate(page, mapPositions(positions, active, activeCount), activeCount);
                BooleanBlock result = (BooleanBlock) block;
                int[] next = new int[activeCount];
                int nextCount = 0;
                for (int k = 0; k < activeCount; k++) {
                    int index = active == null ? k : active[k];
                    if (result.isNull(k)) {
                        sawNull[index] = true;
                        next[nextCount++] = index;
                    } else if (result.getBoolean(k) == dominating) {
                        values[index] = dominating;
                    } else {
                        next[nextCount++] = index;
                    }
                }
                active = next;
                activeCount = nextCount;
            }
            boolean[] nulls = null;
            for (int i = 0; i < count; i++) {
                if (sawNull[i] && values[i] != dominating) {
                    if (nulls == null) {
                        nulls = new boolean[count];
                    }
                    nulls[i] = true;
                }
            }
            return new BooleanBlock(count, nulls, values);
        }
    }

    record Not(BlockEvaluator argument) implements BlockEvaluator {
        @Override
        public Type type() {
            return Types.BOOLEAN;
        }

        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            BooleanBlock block = (BooleanBlock) argument.evaluate(page, positions, count);
            boolean[] values = block.rawValues();
            boolean[] result = new boolean[count];
            for (int i = 0; i < count; i++) {
                result[i] = !values[i];
            }
            return new BooleanBlock(count, block.rawNulls(), result);
        }
    }

    record IsNull(BlockEvaluator argument, boolean negated) implements BlockEvaluator {
        @Override
        public Type type() {
            return Types.BOOLEAN;
        }

        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block block = argument.evaluate(page, positions, count);
            boolean[] result = new boolean[count];
            for (int i = 0; i < count; i++) {
                result[i] = block.isNull(i) != negated;
            }
            return new BooleanBlock(count, null, result);
        }
    }

    /**
     * Searched CASE (and IF): each WHEN is evaluated only on the rows no earlier WHEN took, each THEN only on
     * the rows its WHEN took, the ELSE on the rest, so a branch's errors cannot come from other rows.
     */
    record Case(BlockEvaluator[] conditions, BlockEvaluator[] results, BlockEvaluator otherwise, Type type)
            implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            ResultMerger merger = new ResultMerger(type, count);
            int[] active = identity(count);
            int activeCount = count;
            for (int w = 0; w < conditions.length && activeCount > 0; w++) {
                int[] activePositions = mapPositions(positions, active, activeCount);
                BooleanBlock condition = (BooleanBlock) conditions[w].evaluate(page, activePositions, activeCount);
                int[] taken = new int[activeCount];
                int[] takenPositions = new int[activeCount];
                int takenCount = 0;
                int[] rest = new int[activeCount];
                int restCount = 0;
                for (int k = 0; k < activeCount; k++) {
                    if (!condition.isNull(k) && condition.getBoolean(k)) {
                        taken[takenCount] = active[k];
                        takenPositions[takenCount++] = activePositions[k];
                    } else {
                        rest[restCount++] = active[k];
                    }
                }
                if (takenCount > 0) {
                    merger.put(results[w].evaluate(page, takenPositions, takenCount), taken, takenCount);
                }
                active = rest;
                activeCount = restCount;
            }
            if (activeCount > 0) {
                merger.put(otherwise.evaluate(page, mapPositions(positions, active, activeCount), activeCount), active, activeCount);
            }
            return merger.build();
        }
    }

    /** COALESCE: each argument only on the rows still null. */
    record Coalesce(BlockEvaluator[] arguments, Type type) implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block first = arguments[0].evaluate(page, positions, count);
            if (!first.mayHaveNull() || arguments.length == 1) {
                return first;
            }
            ResultMerger merger = new ResultMerger(type, count);
            merger.put(first, null, count);
            int[] active = new int[count];
            int activeCount = 0;
            for (int i = 0; i < count; i++) {
                if (first.isNull(i)) {
                    active[activeCount++] = i;
                }
            }
            for (int a = 1; a < arguments.length && activeCount > 0; a++) {
                Block block = arguments[a].evaluate(page, mapPositions(positions, active, activeCount), activeCount);
                merger.put(block, active, activeCount);
                int nextCount = 0;
                for (int k = 0; k < activeCount; k++) {
                    if (block.isNull(k)) {
                        active[nextCount++] = active[k];
                    }
                }
                activeCount = nextCount;
            }
            return merger.build();
        }
    }

    /** NULLIF(a, b): a, except NULL where a = b. */
    record NullIf(BlockEvaluator value, BlockEvaluator other, ScalarKernel equal, Type type) implements BlockEvaluator {
        @Override
        public Block evaluate(Page page, int[] positions, int count) {
            Block first = value.evaluate(page, positions, count);
            Block second = other.evaluate(page, positions, count);
            BooleanBlock equals = (BooleanBlock) equal.apply(new Block[] {first, second}, count);
            int[] keep = new int[count];
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (equals.isNull(i) || !equals.getBoolean(i)) {
                    keep[kept++] = i;
                }
            }
            if (kept == count) {
                return first;
            }
            ResultMerger merger = new ResultMerger(type, count);
            merger.put(first.copyPositions(keep, kept), keep, kept);
            return merger.build();
        }
    }
}
