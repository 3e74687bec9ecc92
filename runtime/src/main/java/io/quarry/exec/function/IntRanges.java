package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;

/**
 * The limits of values that Quarry keeps in longs and Trino in ints: months of a year-to-month interval and days of a
 * date. Trino computes them in longs and fails only when writing one beyond an int, with an internal error.
 */
public final class IntRanges {
    private IntRanges() {}

    /** The months of a year-to-month interval, when they fit an int. */
    public static long yearMonthInterval(long months) {
        return checked(months, "interval year to month");
    }

    /** The days of a date, when they fit an int. */
    public static long date(long days) {
        return checked(days, "date");
    }

    private static long checked(long value, String type) {
        if (value > Integer.MAX_VALUE) {
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Value " + value + " exceeds MAX_INT for type " + type);
        }
        if (value < Integer.MIN_VALUE) {
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Value " + value + " is less than MIN_INT for type " + type);
        }
        return value;
    }
}
