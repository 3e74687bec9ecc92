package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.Type;
import io.quarry.type.DateTimeValues;

import java.util.List;

/**
 * {@code sequence(start, stop, step)} over dates and timestamps with an interval step. Month steps count from the
 * start (the k-th element is start plus k months, so 31 January steps to the last day of each month); day-time steps
 * over dates must be whole days.
 */
final class TemporalSequences {
    private static final int MAX_LENGTH = 10_000;

    private TemporalSequences() {}

    /** Whether {@code sequence} over these argument types is ours: a date or timestamp start and an interval step. */
    static boolean handles(List<Type> types) {
        return types.size() == 3 && (types.get(0) instanceof DateType || types.get(0) instanceof io.quarry.type.TimestampType)
                && (types.get(2) instanceof IntervalYearMonthType || types.get(2) instanceof io.quarry.type.IntervalDayTimeType);
    }

    static ScalarKernel resolve(List<Type> types) {
        Type element = types.get(0);
        boolean months = types.get(2) instanceof IntervalYearMonthType;
        if (LongTimestamps.isLong(element)) {
            return longTimestamps(element, months);
        }
        boolean dates = element instanceof DateType;
        return (arguments, count) -> {
            BlockBuilder out = BlockBuilder.create(element, count);
            int[] offsets = new int[count + 1];
            boolean[] nulls = null;
            for (int i = 0; i < count; i++) {
                if (arguments[0].isNull(i) || arguments[1].isNull(i) || arguments[2].isNull(i)) {
                    nulls = nulls == null ? new boolean[count] : nulls;
                    nulls[i] = true;
                } else {
                    append(out, Kernels.longAt(arguments[0], i), Kernels.longAt(arguments[1], i), Kernels.longAt(arguments[2], i), dates, months);
                }
                offsets[i + 1] = out.positionCount();
            }
            return new ArrayBlock(count, nulls, offsets, out.build());
        };
    }

    /**
     * A sequence of timestamps beyond the microsecond: the sequence of their microseconds (the stop's picoseconds do not
     * count, as in Trino), every element with the start's picoseconds.
     */
    private static ScalarKernel longTimestamps(Type element, boolean months) {
        Type micros = io.quarry.type.TemporalTypes.timestamp(io.quarry.type.TimestampType.MAX_SHORT_PRECISION);
        return (arguments, count) -> {
            io.quarry.block.Int128Block starts = (io.quarry.block.Int128Block) io.quarry.block.EncodedBlocks.flatten(arguments[0]);
            io.quarry.block.Int128Block stops = (io.quarry.block.Int128Block) io.quarry.block.EncodedBlocks.flatten(arguments[1]);
            BlockBuilder out = BlockBuilder.create(element, count);
            int[] offsets = new int[count + 1];
            boolean[] nulls = null;
            for (int i = 0; i < count; i++) {
                if (starts.isNull(i) || stops.isNull(i) || arguments[2].isNull(i)) {
                    nulls = nulls == null ? new boolean[count] : nulls;
                    nulls[i] = true;
                } else {
                    long step = Kernels.longAt(arguments[2], i);
                    long picos = starts.getLow(i);
                    BlockBuilder builder = BlockBuilder.create(micros, 16);
                    append(builder, starts.getHigh(i), stops.getHigh(i), step, false, months);
                    io.quarry.block.LongBlock heads = (io.quarry.block.LongBlock) builder.build();
                    for (int k = 0; k < heads.positionCount(); k++) {
                        out.appendInt128(heads.getLong(k), picos);
                    }
                }
                offsets[i + 1] = out.positionCount();
            }
            return new ArrayBlock(count, nulls, offsets, out.build());
        };
    }

    private static void append(BlockBuilder out, long start, long stop, long step, boolean dates, boolean months) {
        if (step == 0) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "step must not be zero");
        }
        if (step > 0 ? stop < start : stop > start) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start");
        }
        if (!months) {
            // a day-time step is milliseconds: whole days over dates, microseconds over timestamps
            long unitStep;
            if (dates) {
                if (step % DateTimeValues.MILLIS_PER_DAY != 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "sequence step must be a day interval if start and end values are dates");
                }
                unitStep = step / DateTimeValues.MILLIS_PER_DAY;
            } else {
                unitStep = Math.multiplyExact(step, DateTimeValues.MICROS_PER_MILLI);
            }
            checkLength((stop - start) / unitStep + 1);
            for (long value = start; unitStep > 0 ? value <= stop : value >= stop; value += unitStep) {
                out.appendLong(value);
            }
            return;
        }
        long length = 0;
        for (long k = 0; ; k++) {
            long value = dates ? plusMonthsToDate(start, k * step) : TemporalFunctions.addUnits(start, TemporalFunctions.Unit.MONTH, k * step);
            if (step > 0 ? value > stop : value < stop) {
                return;
            }
            checkLength(++length);
            out.appendLong(value);
        }
    }

    private static long plusMonthsToDate(long epochDay, long months) {
        return java.time.LocalDate.ofEpochDay(epochDay).plusMonths(months).toEpochDay();
    }

    private static void checkLength(long length) {
        if (length > MAX_LENGTH) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "result of sequence function must not have more than " + MAX_LENGTH + " entries");
        }
    }
}
