package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.LongBlock;
import io.quarry.type.DateType;
import io.quarry.type.Type;
import java.util.List;

/** year, month, day of a date, computed from days since the epoch without allocation. */
final class DateFunctions {
    private DateFunctions() {}

    enum Field {
        YEAR,
        MONTH,
        DAY
    }

    static ScalarKernel resolve(String name, List<Type> types, Field field) {
        if (types.size() != 1 || !(types.get(0) instanceof DateType)) {
            throw Functions.unsupported(name, types);
        }
        return (arguments, count) -> {
            long[] days = Blocks.longs(arguments[0]);
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                result[i] = field(days[i], field);
            }
            return new LongBlock(count, unionNulls(arguments, count), result);
        };
    }

    /** The civil-from-days algorithm on the proleptic Gregorian calendar. */
    static long field(long epochDay, Field field) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return switch (field) {
            case YEAR -> year;
            case MONTH -> month;
            case DAY -> day;
        };
    }
}
