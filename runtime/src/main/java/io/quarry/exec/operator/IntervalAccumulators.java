package io.quarry.exec.operator;

import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.Type;

/**
 * sum and avg over the interval types (milliseconds or months in longs), with the interval type as result:
 * the sum adds the longs exactly, the average rounds the mean to the nearest long, halves up (as Trino does:
 * the mean of -1 and -2 months is -1 month).
 */
final class IntervalAccumulators {
    private IntervalAccumulators() {}

    static boolean handles(String function, Type argument) {
        return (function.equals("sum") || function.equals("avg"))
                && (argument instanceof IntervalDayTimeType || argument instanceof IntervalYearMonthType);
    }

    static Accumulator create(String function) {
        // the sum of intervals is the sum of their longs, with the same overflow check as bigint's
        return function.equals("sum")
                ? new Accumulators.LongSum()
                : new Accumulators.DoubleAverage(Accumulators.AverageResult.ROUNDED_LONG);
    }
}
