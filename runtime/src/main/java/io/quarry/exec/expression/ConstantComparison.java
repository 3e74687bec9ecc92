package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.type.BigintType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;

/**
 * {@code column <op> constant} over a column of numbers or dates: reads the column at the wanted positions
 * directly, with no copy of the column and no block of the constant. The most common filter conjunct (TPC-H Q6
 * is made of five); anything else falls back to the general call.
 */
record ConstantComparison(int channel, Operator operator, boolean isDouble, long longValue, double doubleValue, BlockEvaluator general)
        implements BlockEvaluator {
    enum Operator {
        EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL;

        /** The operator with its operands exchanged: {@code 3 < x} is {@code x > 3}. */
        Operator flipped() {
            return switch (this) {
                case LESS_THAN -> GREATER_THAN;
                case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
                case GREATER_THAN -> LESS_THAN;
                case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
                default -> this;
            };
        }

        static Operator of(String function) {
            return switch (function) {
                case "equal" -> EQUAL;
                case "not_equal" -> NOT_EQUAL;
                case "less_than" -> LESS_THAN;
                case "less_than_or_equal" -> LESS_THAN_OR_EQUAL;
                case "greater_than" -> GREATER_THAN;
                case "greater_than_or_equal" -> GREATER_THAN_OR_EQUAL;
                default -> null;
            };
        }
    }

    /** The specialised comparison for {@code call}, or {@code general} when it is not a column against a constant. */
    static BlockEvaluator of(Call call, BlockEvaluator general) {
        Operator operator = Operator.of(call.function());
        if (operator == null || call.arguments().size() != 2) {
            return general;
        }
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        if (left instanceof Constant && right instanceof InputRef) {
            operator = operator.flipped();
            Expression column = right;
            right = left;
            left = column;
        }
        if (!(left instanceof InputRef column) || !(right instanceof Constant constant) || constant.value() == null
            || !column.type().equals(constant.type())) {
            return general;
        }
        Type type = column.type();
        if (isOrderedLong(type) && constant.value() instanceof Long value) {
            return new ConstantComparison(column.channel(), operator, false, value, 0, general);
        }
        if ((type instanceof DoubleType || type instanceof RealType) && constant.value() instanceof Double value) {
            return new ConstantComparison(column.channel(), operator, true, 0, value, general);
        }
        return general;
    }

    /** Types whose long values order as the values do (not the packed temporal types with a zone). */
    private static boolean isOrderedLong(Type type) {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType
            || type instanceof TinyintType || type instanceof DateType
            || type instanceof DecimalType decimal && decimal.isShort();
    }

    /**
     * This comparison as a closed range of the column's values, or null when it is none: {@code <>}, a bound past
     * the end of the longs, or a constant that is not a finite double.
     */
    ColumnRange range() {
        if (operator == Operator.NOT_EQUAL) {
            return null;
        }
        if (isDouble) {
            double c = doubleValue;
            if (!Double.isFinite(c)) {
                return null;
            }
            double below = Double.NEGATIVE_INFINITY;
            double above = Double.POSITIVE_INFINITY;
            return switch (operator) {
                case EQUAL -> ColumnRange.ofDoubles(channel, c, c, this);
                case LESS_THAN -> ColumnRange.ofDoubles(channel, below, Math.nextDown(c), this);
                case LESS_THAN_OR_EQUAL -> ColumnRange.ofDoubles(channel, below, c, this);
                case GREATER_THAN -> ColumnRange.ofDoubles(channel, Math.nextUp(c), above, this);
                case GREATER_THAN_OR_EQUAL -> ColumnRange.ofDoubles(channel, c, above, this);
                case NOT_EQUAL -> null;
            };
        }
        long c = longValue;
        return switch (operator) {
            case EQUAL -> ColumnRange.ofLongs(channel, c, c, this);
            case LESS_THAN -> c == Long.MIN_VALUE ? null : ColumnRange.ofLongs(channel, Long.MIN_VALUE, c - 1, this);
            case LESS_THAN_OR_EQUAL -> ColumnRange.ofLongs(channel, Long.MIN_VALUE, c, this);
            case GREATER_THAN -> c == Long.MAX_VALUE ? null : ColumnRange.ofLongs(channel, c + 1, Long.MAX_VALUE, this);
            case GREATER_THAN_OR_EQUAL -> ColumnRange.ofLongs(channel, c, Long.MAX_VALUE, this);
            case NOT_EQUAL -> null;
        };
    }

    @Override
    public Type type() {
        return Types.BOOLEAN;
    }

    @Override
    public Block evaluate(Page page, int[] positions, int count) {
        Block block = page.block(channel);
        boolean[] result = new boolean[count];
        if (!isDouble && block instanceof LongBlock longs) {
            compare(longs.rawValues(), positions, count, result);
        } else if (isDouble && block instanceof DoubleBlock doubles) {
            compare(doubles.rawValues(), positions, count, result);
        } else {
            return general.evaluate(page, positions, count);
        }
        boolean[] nulls = null;
        if (block.mayHaveNull()) {
            nulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                nulls[i] = block.isNull(positions == null ? i : positions[i]);
            }
        }
        return new BooleanBlock(count, nulls, result);
    }

    private void compare(long[] values, int[] positions, int count, boolean[] result) {
        long c = longValue;
        // one loop per operator: the JIT keeps each loop free of the dispatch
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] == c;
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] != c;
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] < c;
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] <= c;
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] > c;
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] >= c;
                }
            }
        }
    }

    private void compare(double[] values, int[] positions, int count, boolean[] result) {
        double c = doubleValue;
        // one loop per operator: the JIT keeps each loop free of the dispatch
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] == c;
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] != c;
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] < c;
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] <= c;
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] > c;
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = values[positions == null ? i : positions[i]] >= c;
                }
            }
        }
    }
}
