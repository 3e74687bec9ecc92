package io.quarry.exec.function;

import static io.quarry.type.DateTimeValues.MICROS_PER_DAY;
import static io.quarry.type.DateTimeValues.MICROS_PER_MILLI;
import static io.quarry.type.DateTimeValues.MICROS_PER_SECOND;
import static io.quarry.type.DateTimeValues.MILLIS_PER_DAY;
import static io.quarry.type.DateTimeValues.PICOS_PER_DAY;
import static io.quarry.type.DateTimeValues.PICOS_PER_MICRO;

import io.quarry.block.Block;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Date and time functions over dates (days), timestamps (microseconds), timestamps with time zone (packed
 * milliseconds and zone) and times (picoseconds of the day): fields, truncation, adding units and intervals,
 * differences, comparisons. Timestamps with time zone are computed in their own zone's local time.
 */
final class TemporalFunctions {
    private TemporalFunctions() {}

    enum Unit {
        MILLISECOND(1_000L),
        SECOND(1_000_000L),
        MINUTE(60_000_000L),
        HOUR(3_600_000_000L),
        DAY(MICROS_PER_DAY),
        WEEK(7 * MICROS_PER_DAY),
        MONTH(0),
        QUARTER(0),
        YEAR(0);

        /** Microseconds in one unit; 0 for the units of the calendar. */
        final long micros;

        Unit(long micros) {
            this.micros = micros;
        }

        boolean isCalendar() {
            return micros == 0;
        }

        int months() {
            return switch (this) {
                case MONTH -> 1;
                case QUARTER -> 3;
                case YEAR -> 12;
                default -> 0;
            };
        }

        static Unit parse(String text, String function) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + text + "' is not a valid " + function + " unit");
            }
        }
    }

    static boolean isDateTime(Type type) {
        return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType
                || type instanceof TimeType;
    }

    // ---- conversions to local microseconds ----

    /** The value as microseconds of local date-time since 1970-01-01 (times: since midnight). */
    static LongUnaryOperator toLocalMicros(Type type) {
        if (type instanceof DateType) {
            return days -> days * MICROS_PER_DAY;
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return TemporalFunctions::zonedToLocalMicros;
        }
        if (type instanceof TimeType) {
            return picos -> picos / PICOS_PER_MICRO;
        }
        return micros -> micros;
    }

    static long zonedToLocalMicros(long packed) {
        long millis = DateTimeValues.unpackMillis(packed);
        int key = DateTimeValues.unpackZoneKey(packed);
        return (millis + offsetMillis(key, millis)) * MICROS_PER_MILLI;
    }

    static long offsetMillis(int zoneKey, long epochMillis) {
        if (zoneKey == 0) {
            return 0;
        }
        ZoneId zone = DateTimeValues.zone(zoneKey);
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() * 1000L;
        }
        return zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
    }

    /** Local microseconds of a zone back to the packed instant (the earlier instant in an overlap). */
    static long localMicrosToZoned(long localMicros, int zoneKey) {
        long localMillis = Math.floorDiv(localMicros, MICROS_PER_MILLI);
        ZoneId zone = DateTimeValues.zone(zoneKey);
        if (zone instanceof ZoneOffset offset) {
            return packedMillis(localMillis - offset.getTotalSeconds() * 1000L, zoneKey);
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000), (int) Math.floorMod(localMillis, 1000) * 1_000_000, ZoneOffset.UTC);
        long millis = ZonedDateTime.of(local, zone).toInstant().toEpochMilli();
        return packedMillis(millis, zoneKey);
    }

    /** Milliseconds packed with their zone; beyond what the packing holds fails (ArithmeticException), as in Trino. */
    private static long packedMillis(long millis, int zoneKey) {
        long packed = DateTimeValues.packWithZone(millis, zoneKey);
        if (DateTimeValues.unpackMillis(packed) != millis) {
            throw new ArithmeticException("Millis overflow: " + millis);
        }
        return packed;
    }

    static LocalDateTime localDateTime(long localMicros) {
        long seconds = Math.floorDiv(localMicros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(localMicros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** Fails (ArithmeticException) beyond a long of microseconds, about 292,000 years from 1970. */
    static long localMicros(LocalDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), MICROS_PER_SECOND), time.getNano() / 1000);
    }

    /** Converts local microseconds back to the storage of {@code type} (keeping the zone of {@code original}). */
    static long fromLocalMicros(Type type, long localMicros, long original) {
        if (type instanceof DateType) {
            return Math.floorDiv(localMicros, MICROS_PER_DAY);
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return localMicrosToZoned(localMicros, DateTimeValues.unpackZoneKey(original));
        }
        if (type instanceof TimeType) {
            return Math.floorMod(localMicros, MICROS_PER_DAY) * PICOS_PER_MICRO;
        }
        return localMicros;
    }

    // ---- fields ----

    static ScalarKernel field(String name, List<Type> types) {
        if (types.size() != 1) {
            throw Functions.unsupported(name, types);
        }
        Type type = types.get(0);
        if (type instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(Types.BIGINT, count);
        }
        if (type instanceof IntervalDayTimeType) {
            return Kernels.longToLong(intervalDayTimeField(name, types));
        }
        if (type instanceof IntervalYearMonthType) {
            return switch (name) {
                case "year" -> Kernels.longToLong(months -> months / 12);
                case "month" -> Kernels.longToLong(months -> months % 12);
                default -> throw Functions.unsupported(name, types);
            };
        }
        if (!isDateTime(type)) {
            throw Functions.unsupported(name, types);
        }
        if (type instanceof TimestampWithTimeZoneType && (name.equals("timezone_hour") || name.equals("timezone_minute"))) {
            boolean hours = name.equals("timezone_hour");
            return Kernels.longToLong(packed -> {
                long offsetMinutes = offsetMillis(DateTimeValues.unpackZoneKey(packed), DateTimeValues.unpackMillis(packed)) / 60_000;
                return hours ? offsetMinutes / 60 : offsetMinutes % 60;
            });
        }
        boolean dateOnly = type instanceof DateType;
        boolean timeOnly = type instanceof TimeType;
        LongUnaryOperator local = toLocalMicros(type);
        LongUnaryOperator field = switch (name) {
            case "year" -> micros -> DateFunctions.field(day(micros), DateFunctions.Field.YEAR);
            case "month" -> micros -> DateFunctions.field(day(micros), DateFunctions.Field.MONTH);
            case "day", "day_of_month" -> micros -> DateFunctions.field(day(micros), DateFunctions.Field.DAY);
            case "quarter" -> micros -> (DateFunctions.field(day(micros), DateFunctions.Field.MONTH) - 1) / 3 + 1;
            case "day_of_week", "dow" -> micros -> Math.floorMod(day(micros) + 3, 7) + 1;
            case "day_of_year", "doy" -> micros -> LocalDate.ofEpochDay(day(micros)).getDayOfYear();
            case "week", "week_of_year" -> micros -> LocalDate.ofEpochDay(day(micros)).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "year_of_week", "yow" -> micros -> LocalDate.ofEpochDay(day(micros)).get(IsoFields.WEEK_BASED_YEAR);
            case "hour" -> micros -> Math.floorMod(micros, MICROS_PER_DAY) / 3_600_000_000L;
            case "minute" -> micros -> Math.floorMod(micros, 3_600_000_000L) / 60_000_000L;
            case "second" -> micros -> Math.floorMod(micros, 60_000_000L) / MICROS_PER_SECOND;
            case "millisecond" -> micros -> Math.floorMod(micros, MICROS_PER_SECOND) / MICROS_PER_MILLI;
            default -> throw Functions.unsupported(name, types);
        };
        boolean timeField = name.equals("hour") || name.equals("minute") || name.equals("second") || name.equals("millisecond");
        if (dateOnly && timeField) {
            // as Trino, which takes the date as a timestamp: its midnight
            return Kernels.longToLong(days -> 0);
        }
        if (timeOnly && !timeField) {
            throw Functions.unsupported(name, types);
        }
        return Kernels.longToLong(value -> field.applyAsLong(local.applyAsLong(value)));
    }

    private static LongUnaryOperator intervalDayTimeField(String name, List<Type> types) {
        return switch (name) {
            case "day", "day_of_month" -> millis -> millis / MILLIS_PER_DAY;
            case "hour" -> millis -> millis % MILLIS_PER_DAY / 3_600_000;
            case "minute" -> millis -> millis % 3_600_000 / 60_000;
            case "second" -> millis -> millis % 60_000 / 1000;
            case "millisecond" -> millis -> millis % 1000;
            default -> throw Functions.unsupported(name, types);
        };
    }

    private static long day(long localMicros) {
        return Math.floorDiv(localMicros, MICROS_PER_DAY);
    }

    // ---- last_day_of_month, date_trunc, date_add, date_diff ----

    static ScalarKernel lastDayOfMonth(List<Type> types) {
        if (types.size() == 1 && types.get(0) instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(Types.DATE, count);
        }
        if (types.size() != 1 || !isDateTime(types.get(0)) || types.get(0) instanceof TimeType) {
            throw Functions.unsupported("last_day_of_month", types);
        }
        LongUnaryOperator local = toLocalMicros(types.get(0));
        return Kernels.longToLong(value -> LocalDate.ofEpochDay(day(local.applyAsLong(value)))
                .with(TemporalAdjusters.lastDayOfMonth())
                .toEpochDay());
    }

    private static Unit constantUnit(List<Expression> arguments, int index, String function) {
        if (arguments.stream().anyMatch(argument -> argument instanceof Constant constant && constant.value() == null)) {
            return null; // a NULL argument answers NULL whatever the unit, as in Trino: the unit is read row by row
        }
        if (arguments.get(index) instanceof Constant constant && constant.value() instanceof String text) {
            return Unit.parse(text, function);
        }
        return null;
    }

    static ScalarKernel dateTrunc(List<Expression> arguments, List<Type> types) {
        if (types.size() != 2 || !isDateTime(types.get(1))) {
            throw Functions.unsupported("date_trunc", types);
        }
        Type type = types.get(1);
        Unit fixed = constantUnit(arguments, 0, "date_trunc");
        if (fixed != null) {
            checkUnit(type, fixed, "date_trunc");
        }
        LongUnaryOperator local = toLocalMicros(type);
        if (fixed != null) {
            // the usual case: a constant unit, a tight loop over the values
            ScalarKernel values = Kernels.longToLong(value -> fromLocalMicros(type, truncate(local.applyAsLong(value), fixed), value));
            return (blocks, count) -> values.apply(new Block[] {blocks[1]}, count);
        }
        return Kernels.rows(type, (blocks, position, out) -> {
            Unit unit = checkUnit(type, Unit.parse(Kernels.string(blocks[0], position), "date_trunc"), "date_trunc");
            long value = Kernels.longAt(blocks[1], position);
            long truncated = truncate(local.applyAsLong(value), unit);
            out.appendLong(fromLocalMicros(type, truncated, value));
        });
    }

    private static Unit checkUnit(Type type, Unit unit, String function) {
        boolean timeUnit = !unit.isCalendar() && unit != Unit.DAY && unit != Unit.WEEK;
        if ((type instanceof DateType && timeUnit) || (type instanceof TimeType && !timeUnit)) {
            throw new QuarryException(
                    ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + unit.name().toLowerCase(Locale.ROOT) + "' is not a valid " + type.rawType().toUpperCase(Locale.ROOT) + " field");
        }
        return unit;
    }

    static long truncate(long localMicros, Unit unit) {
        if (!unit.isCalendar() && unit != Unit.WEEK) {
            return Math.floorDiv(localMicros, unit.micros) * unit.micros;
        }
        LocalDate date = LocalDate.ofEpochDay(day(localMicros));
        LocalDate result = switch (unit) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            default -> date.withDayOfYear(1);
        };
        return result.toEpochDay() * MICROS_PER_DAY;
    }

    static ScalarKernel dateAdd(List<Expression> arguments, List<Type> types) {
        if (types.size() != 3 || !isDateTime(types.get(2))) {
            throw Functions.unsupported("date_add", types);
        }
        Type type = types.get(2);
        Unit fixed = constantUnit(arguments, 0, "date_add");
        if (fixed != null) {
            checkUnit(type, fixed, "date_add");
        }
        // the result keeps the value's precision: date_add('millisecond', 1500, timestamp(0)) rounds to the second
        LongUnaryOperator local = toLocalMicros(type);
        LongUnaryOperator round = type instanceof TimestampType timestamp
                ? micros -> DateTimeValues.roundMicros(micros, timestamp.precision())
                : type instanceof TimeType time ? micros -> DateTimeValues.roundMicros(micros, time.precision()) : micros -> micros;
        if (fixed != null && !(type instanceof TimestampWithTimeZoneType)) {
            // the usual case: a constant unit, a tight loop over amounts and values
            return (blocks, count) -> {
                long[] amounts = Blocks.longs(blocks[1]);
                long[] values = Blocks.longs(blocks[2]);
                boolean[] nulls = Blocks.unionNulls(new Block[] {blocks[1], blocks[2]}, count);
                long[] result = new long[count];
                for (int i = 0; i < count; i++) {
                    if (!Blocks.isNull(nulls, i)) {
                        result[i] = type instanceof DateType
                                ? addUnitsToDate(values[i], fixed, amounts[i])
                                : fromLocalMicros(type, round.applyAsLong(addUnits(local.applyAsLong(values[i]), fixed, amounts[i])), values[i]);
                    }
                }
                return new io.quarry.block.LongBlock(count, nulls, result);
            };
        }
        return Kernels.rows(type, (blocks, position, out) -> {
            Unit unit = fixed != null ? fixed : checkUnit(type, Unit.parse(Kernels.string(blocks[0], position), "date_add"), "date_add");
            long amount = Kernels.longAt(blocks[1], position);
            long value = Kernels.longAt(blocks[2], position);
            if (type instanceof TimestampWithTimeZoneType && !unit.isCalendar() && unit != Unit.DAY && unit != Unit.WEEK) {
                // units of time move the instant; days and longer move the local date
                long millis = DateTimeValues.unpackMillis(value) + Math.multiplyExact(amount, unit.micros / MICROS_PER_MILLI);
                out.appendLong(DateTimeValues.packWithZone(millis, DateTimeValues.unpackZoneKey(value)));
                return;
            }
            if (type instanceof DateType) {
                out.appendLong(addUnitsToDate(value, unit, amount));
                return;
            }
            long result = round.applyAsLong(addUnits(local.applyAsLong(value), unit, amount));
            try {
                out.appendLong(fromLocalMicros(type, result, value));
            } catch (ArithmeticException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, e.getMessage());
            }
        });
    }

    static long addUnits(long localMicros, Unit unit, long amount) {
        try {
            if (!unit.isCalendar()) {
                return Math.addExact(localMicros, Math.multiplyExact(amount, unit.micros));
            }
            return localMicros(localDateTime(localMicros).plusMonths(Math.multiplyExact(amount, unit.months())));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            // as Trino's date_add of a timestamp, whose microseconds overflow a long
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "long overflow");
        }
    }

    /** A date moved by a number of days, weeks, months, quarters or years; Trino fails beyond an int of days. */
    static long addUnitsToDate(long days, Unit unit, long amount) {
        long result;
        try {
            result = unit.isCalendar()
                    ? LocalDate.ofEpochDay(days).plusMonths(Math.multiplyExact(amount, unit.months())).toEpochDay()
                    : Math.addExact(days, Math.multiplyExact(amount, unit.micros / MICROS_PER_DAY));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            // Trino's calendar reaches year 292278993 only
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Date-time value out of range: " + e.getMessage());
        }
        return IntRanges.date(result);
    }

    static ScalarKernel dateDiff(List<Expression> arguments, List<Type> types) {
        if (types.stream().anyMatch(type -> type instanceof UnknownType)) {
            return (blocks, count) -> Blocks.nulls(Types.BIGINT, count);
        }
        if (types.size() != 3 || !isDateTime(types.get(1)) || !types.get(1).getClass().equals(types.get(2).getClass())) {
            throw Functions.unsupported("date_diff", types);
        }
        Type type = types.get(1);
        Unit fixed = constantUnit(arguments, 0, "date_diff");
        if (fixed != null) {
            checkUnit(type, fixed, "date_diff");
        }
        boolean zoned = type instanceof TimestampWithTimeZoneType;
        LongUnaryOperator local = toLocalMicros(type);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            Unit unit = fixed != null ? fixed : checkUnit(type, Unit.parse(Kernels.string(blocks[0], position), "date_diff"), "date_diff");
            long left = Kernels.longAt(blocks[1], position);
            long right = Kernels.longAt(blocks[2], position);
            if (type instanceof DateType) {
                // in days: the microseconds of dates millions of years apart overflow a long
                out.appendLong(datesBetween(unit, LocalDate.ofEpochDay(left), LocalDate.ofEpochDay(right)));
                return;
            }
            if (!unit.isCalendar() && unit != Unit.DAY && unit != Unit.WEEK && zoned) {
                long millis = DateTimeValues.unpackMillis(right) - DateTimeValues.unpackMillis(left);
                out.appendLong(millis * MICROS_PER_MILLI / unit.micros);
                return;
            }
            long a = local.applyAsLong(left);
            // both in the first one's zone, as Trino counts days and months between zoned timestamps
            long b = zoned ? zonedToLocalMicros(DateTimeValues.packWithZone(DateTimeValues.unpackMillis(right), DateTimeValues.unpackZoneKey(left)))
                    : local.applyAsLong(right);
            if (!unit.isCalendar()) {
                out.appendLong((b - a) / unit.micros);
                return;
            }
            out.appendLong(unit == Unit.YEAR ? yearsBetween(a, b) : monthsBetween(a, b) / unit.months());
        });
    }

    /**
     * Whole months from {@code from} to {@code to} (local microseconds), as Trino counts them: a month has passed when
     * the later day of month and time are at least the earlier ones, or when the later day is the last of its month
     * (2020-01-31 to 2020-02-29 is one month).
     */
    static long monthsBetween(long from, long to) {
        if (to < from) {
            return -monthsBetween(to, from);
        }
        LocalDateTime later = localDateTime(to);
        LocalDateTime earlier = localDateTime(from);
        long months = (later.getYear() - earlier.getYear()) * 12L + later.getMonthValue() - earlier.getMonthValue();
        int lastDay = later.toLocalDate().lengthOfMonth();
        if (later.getDayOfMonth() == lastDay && earlier.getDayOfMonth() > lastDay) {
            earlier = earlier.withDayOfMonth(lastDay);
        }
        long laterInMonth = to - localMicros(later.toLocalDate().withDayOfMonth(1).atStartOfDay());
        long earlierInMonth = localMicros(earlier) - localMicros(earlier.toLocalDate().withDayOfMonth(1).atStartOfDay());
        return laterInMonth < earlierInMonth ? months - 1 : months;
    }

    /** Whole units (days, weeks, months, quarters, years) between two dates, counted as between their midnights. */
    static long datesBetween(Unit unit, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -datesBetween(unit, to, from);
        }
        if (!unit.isCalendar()) {
            return (to.toEpochDay() - from.toEpochDay()) / (unit.micros / MICROS_PER_DAY);
        }
        if (unit == Unit.YEAR) {
            int laterInYear = to.getDayOfYear();
            int earlierInYear = from.getDayOfYear();
            if (earlierInYear > 31 + 28) {
                // 29 February counts as 28 February against a common year
                if (from.isLeapYear() && !to.isLeapYear()) {
                    earlierInYear--;
                } else if (!from.isLeapYear() && to.isLeapYear()) {
                    laterInYear--;
                }
            }
            long years = (long) to.getYear() - from.getYear();
            return laterInYear < earlierInYear ? years - 1 : years;
        }
        long months = ((long) to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
        int earlierDay = from.getDayOfMonth();
        if (to.getDayOfMonth() == to.lengthOfMonth()) {
            earlierDay = Math.min(earlierDay, to.lengthOfMonth());
        }
        return (to.getDayOfMonth() < earlierDay ? months - 1 : months) / unit.months();
    }

    /** Whole years from {@code from} to {@code to}; 29 February counts as 28 February against a common year. */
    static long yearsBetween(long from, long to) {
        if (to < from) {
            return -yearsBetween(to, from);
        }
        LocalDateTime later = localDateTime(to);
        LocalDateTime earlier = localDateTime(from);
        long laterInYear = to - localMicros(LocalDate.of(later.getYear(), 1, 1).atStartOfDay());
        long earlierInYear = from - localMicros(LocalDate.of(earlier.getYear(), 1, 1).atStartOfDay());
        long february29 = (31L + 28) * MICROS_PER_DAY;
        if (earlierInYear >= february29) {
            boolean earlierLeap = earlier.toLocalDate().isLeapYear();
            boolean laterLeap = later.toLocalDate().isLeapYear();
            if (earlierLeap && !laterLeap) {
                earlierInYear -= MICROS_PER_DAY;
            } else if (!earlierLeap && laterLeap) {
                laterInYear -= MICROS_PER_DAY;
            }
        }
        long years = later.getYear() - earlier.getYear();
        return laterInYear < earlierInYear ? years - 1 : years;
    }

    // ---- arithmetic with intervals ----

    /** Kernels of add/subtract/multiply/divide/negate where a date-time or interval is involved, or null. */
    static ScalarKernel arithmetic(String name, List<Type> types, Type result) {
        boolean involved = false;
        for (Type type : types) {
            involved |= isDateTime(type) || type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType;
        }
        if (!involved) {
            return null;
        }
        for (Type type : types) {
            if (type instanceof UnknownType) {
                return (arguments, count) -> Blocks.nulls(result, count);
            }
        }
        if (name.equals("negate")) {
            return result instanceof IntervalYearMonthType
                    ? Kernels.longToLong(months -> IntRanges.yearMonthInterval(-months))
                    : Kernels.longToLong(Math::negateExact);
        }
        Type left = types.get(0);
        Type right = types.get(1);
        boolean subtract = name.equals("subtract");
        if ((name.equals("add") || subtract) && isInterval(left) && isInterval(right)) {
            if (left instanceof IntervalYearMonthType) {
                return Kernels.longsToLong((a, b) -> IntRanges.yearMonthInterval(subtract ? Math.subtractExact(a, b) : Math.addExact(a, b)));
            }
            return Kernels.longsToLong(subtract ? Math::subtractExact : Math::addExact);
        }
        if (name.equals("add") || subtract) {
            if (isInterval(left) && !subtract) {
                return swapped(plusInterval(right, left, false));
            }
            if (isInterval(right)) {
                return plusInterval(left, right, subtract);
            }
            if (subtract && left instanceof TimestampType && right instanceof TimestampType && result instanceof IntervalDayTimeType) {
                return Kernels.longsToLong((a, b) -> Math.floorDiv(Math.subtractExact(a, b), MICROS_PER_MILLI));
            }
            if (subtract && left instanceof TimestampWithTimeZoneType && right instanceof TimestampWithTimeZoneType
                    && result instanceof IntervalDayTimeType) {
                return Kernels.longsToLong((a, b) -> Math.subtractExact(DateTimeValues.unpackMillis(a), DateTimeValues.unpackMillis(b)));
            }
            if (subtract && left instanceof TimeType && right instanceof TimeType && result instanceof IntervalDayTimeType) {
                return Kernels.longsToLong((a, b) -> Math.floorDiv(a - b, 1_000_000_000L));
            }
            if (subtract && left instanceof DateType && right instanceof DateType && result instanceof IntervalDayTimeType) {
                return Kernels.longsToLong((a, b) -> Math.multiplyExact(Math.subtractExact(a, b), MILLIS_PER_DAY));
            }
            return null;
        }
        if (name.equals("multiply") || name.equals("divide")) {
            boolean intervalFirst = isInterval(left);
            Type factor = intervalFirst ? right : left;
            boolean divide = name.equals("divide");
            if (divide && !intervalFirst) {
                return null;
            }
            // Trino's day-to-second products wrap around and saturate as Java's long arithmetic does
            boolean dayTime = (intervalFirst ? left : right) instanceof IntervalDayTimeType;
            ScalarKernel kernel;
            if (factor.storage() == io.quarry.type.Storage.LONG && !divide) {
                // year-to-month products wrap around too, then fail beyond an int
                kernel = dayTime ? Kernels.longsToLong((a, b) -> a * b) : Kernels.longsToLong((a, b) -> IntRanges.yearMonthInterval(a * b));
            } else {
                kernel = (arguments, count) -> {
                    long[] intervals = Blocks.longs(arguments[0]);
                    boolean[] nulls = Blocks.unionNulls(arguments, count);
                    long[] values = new long[count];
                    for (int i = 0; i < count; i++) {
                        if (Blocks.isNull(nulls, i)) {
                            continue;
                        }
                        double f = arguments[1] instanceof io.quarry.block.DoubleBlock d ? d.getDouble(i) : Kernels.longAt(arguments[1], i);
                        if (Double.isNaN(f) || divide && f == 0) {
                            // Trino divides and multiplies intervals by a double
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                                    "Cannot " + (divide ? "divide" : "multiply") + " by double " + f);
                        }
                        double value = divide ? intervals[i] / f : intervals[i] * f;
                        values[i] = dayTime ? (long) value : IntRanges.yearMonthInterval((long) value);
                    }
                    return new io.quarry.block.LongBlock(count, nulls, values);
                };
            }
            return intervalFirst ? kernel : swapped(kernel);
        }
        return null;
    }

    /** The days of an interval added to (or subtracted from) a date: Trino refuses hours, minutes and seconds. */
    static long wholeDays(long millis, boolean subtract) {
        if (millis % MILLIS_PER_DAY != 0) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, subtract
                    ? "Cannot subtract hour, minutes or seconds from a date"
                    : "Cannot add hour, minutes or seconds to a date");
        }
        return millis / MILLIS_PER_DAY;
    }

    private static boolean isInterval(Type type) {
        return type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType;
    }

    private static ScalarKernel swapped(ScalarKernel kernel) {
        return (arguments, count) -> kernel.apply(new Block[] {arguments[1], arguments[0]}, count);
    }

    private static ScalarKernel plusInterval(Type type, Type interval, boolean subtract) {
        long sign = subtract ? -1 : 1;
        if (interval instanceof IntervalYearMonthType) {
            if (type instanceof TimeType) {
                return (arguments, count) -> arguments[0];
            }
            if (!isDateTime(type)) {
                return null;
            }
            if (type instanceof DateType) {
                return Kernels.longsToLong((days, months) -> addUnitsToDate(days, Unit.MONTH, sign * months));
            }
            LongUnaryOperator local = toLocalMicros(type);
            return Kernels.rows(type, (blocks, position, out) -> {
                long value = Kernels.longAt(blocks[0], position);
                long months = sign * Kernels.longAt(blocks[1], position);
                try {
                    long result = localMicros(localDateTime(local.applyAsLong(value)).plusMonths(months));
                    out.appendLong(fromLocalMicros(type, result, value));
                } catch (ArithmeticException e) {
                    // as Trino, whose microseconds (or packed milliseconds) overflow
                    throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, e.getMessage());
                }
            });
        }
        if (type instanceof DateType) {
            return Kernels.longsToLong((days, millis) -> IntRanges.date(Math.addExact(days, sign * wholeDays(millis, subtract))));
        }
        if (type instanceof TimestampType) {
            return Kernels.longsToLong((micros, millis) -> Math.addExact(micros, Math.multiplyExact(sign * millis, MICROS_PER_MILLI)));
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return Kernels.longsToLong((packed, millis) -> DateTimeValues.packWithZone(
                    Math.addExact(DateTimeValues.unpackMillis(packed), sign * millis), DateTimeValues.unpackZoneKey(packed)));
        }
        if (type instanceof TimeType) {
            return Kernels.longsToLong((picos, millis) -> Math.floorMod(picos + sign * (millis % MILLIS_PER_DAY) * 1_000_000_000L, PICOS_PER_DAY));
        }
        return null;
    }

    // ---- zones ----

    /** at_timezone(timestamp with time zone, zone): the same instant shown in another zone. */
    static ScalarKernel atTimeZone(List<Type> types, Type result) {
        if (types.size() != 2 || !(types.get(0) instanceof TimestampWithTimeZoneType) || !StringFunctions.isText(types.get(1))) {
            throw Functions.unsupported("at_timezone", types);
        }
        return Kernels.rows(result, (blocks, position, out) -> {
            long packed = Kernels.longAt(blocks[0], position);
            int zoneKey = zoneKey(Kernels.string(blocks[1], position));
            out.appendLong(DateTimeValues.packWithZone(DateTimeValues.unpackMillis(packed), zoneKey));
        });
    }

    /** with_timezone(timestamp, zone): the local date-time taken in that zone. */
    static ScalarKernel withTimeZone(List<Type> types, Type result) {
        if (types.size() != 2 || !(types.get(0) instanceof TimestampType) || !StringFunctions.isText(types.get(1))) {
            throw Functions.unsupported("with_timezone", types);
        }
        return Kernels.rows(result, (blocks, position, out) ->
                out.appendLong(localMicrosToZoned(Kernels.longAt(blocks[0], position), zoneKey(Kernels.string(blocks[1], position)))));
    }

    static int zoneKey(String zone) {
        try {
            return DateTimeValues.zoneKey(TemporalCasts.parseZone(zone));
        } catch (java.time.DateTimeException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + zone + "' is not a valid time zone");
        }
    }

    // ---- comparisons ----

    /** Comparisons of two values of one date-time or interval type, or null. */
    static ScalarKernel comparison(String name, List<Type> types) {
        if (types.size() != 2 || !types.get(0).getClass().equals(types.get(1).getClass())
                || !(io.quarry.type.TemporalTypes.isTemporal(types.get(0)))) {
            return null;
        }
        boolean zoned = types.get(0) instanceof TimestampWithTimeZoneType;
        Comparisons.Operator operator = Comparisons.Operator.valueOf(name.toUpperCase(Locale.ROOT));
        if (LongTimestamps.isLong(types.get(0)) || LongTimestamps.isLong(types.get(1))) {
            return LongTimestamps.comparison(operator, types.get(0), types.get(1));
        }
        return Comparisons.byLongKey(operator, zoned ? DateTimeValues::unpackMillis : value -> value);
    }
}
