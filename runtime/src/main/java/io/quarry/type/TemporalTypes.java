package io.quarry.type;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * The date-time and interval types: their instances, their names as type names are parsed, and the legacy
 * names the client protocol shows for them (clients that do not announce parametric date-times see
 * {@code timestamp} and values to the millisecond, as Trino does).
 */
public final class TemporalTypes {
    public static final IntervalDayTimeType INTERVAL_DAY_TIME = new IntervalDayTimeType();
    public static final IntervalYearMonthType INTERVAL_YEAR_MONTH = new IntervalYearMonthType();

    private TemporalTypes() {}

    public static TimestampType timestamp(int precision) {
        return new TimestampType(precision);
    }

    public static TimestampWithTimeZoneType timestampWithTimeZone(int precision) {
        return new TimestampWithTimeZoneType(precision);
    }

    public static TimeType time(int precision) {
        return new TimeType(precision);
    }

    public static TimeWithTimeZoneType timeWithTimeZone(int precision) {
        return new TimeWithTimeZoneType(precision);
    }

    /**
     * For the types whose stored form holds a zone beside the instant (times and timestamps with time zone), the key
     * equal values share: values equal in SQL ({@code 01:00 +01:00} and {@code 00:00 UTC}) differ only in their zone.
     * Of the one-long forms the key of the long, of the two-long forms the key of the first long (the second is keyed
     * by {@link #zoneFreeTail}). Null for other types, whose stored form is their key.
     */
    public static LongUnaryOperator zoneFreeKey(Type type) {
        if (type instanceof TimeWithTimeZoneType zoned) {
            // a long time holds its zone in its second long: see zoneFreeTail
            return zoned.isLong() ? LongUnaryOperator.identity() : TimeWithTimeZoneType::equalityKey;
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return DateTimeValues::unpackMillis;
        }
        return null;
    }

    /**
     * For the two-long types of {@link #zoneFreeKey}, the key of their second long: a long time with time zone holds
     * its offset there, which equality leaves out; a long timestamp with time zone its picoseconds, which it keeps.
     */
    public static LongUnaryOperator zoneFreeTail(Type type) {
        return type instanceof TimeWithTimeZoneType zoned && zoned.isLong() ? offsetTail -> 0 : LongUnaryOperator.identity();
    }

    /**
     * The order of two values of a type stored in two longs (decimals, long date-times): signed first longs, then
     * unsigned second longs. A long timestamp with time zone orders by its instant to the picosecond: its first long
     * holds the zone below the milliseconds, which must not decide before the picoseconds in the second long.
     */
    public static int compareTwoLongs(Type type, long leftHigh, long leftLow, long rightHigh, long rightLow) {
        long leftHead = type instanceof TimestampWithTimeZoneType ? DateTimeValues.unpackMillis(leftHigh) : leftHigh;
        long rightHead = type instanceof TimestampWithTimeZoneType ? DateTimeValues.unpackMillis(rightHigh) : rightHigh;
        return leftHead != rightHead ? Long.compare(leftHead, rightHead) : Long.compareUnsigned(leftLow, rightLow);
    }

    /** {@link #compareTwoLongs} of two values read as one number each (high long shifted left by 64, plus low). */
    public static int compareTwoLongs(Type type, java.math.BigInteger left, java.math.BigInteger right) {
        return compareTwoLongs(type, left.shiftRight(64).longValue(), left.longValue(), right.shiftRight(64).longValue(), right.longValue());
    }

    public static boolean isTemporal(Type type) {
        return type instanceof TimestampType || type instanceof TimestampWithTimeZoneType || type instanceof TimeType
                || type instanceof TimeWithTimeZoneType
                || type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType;
    }

    /**
     * Parses the name of a date-time or interval type with blanks removed and lower case
     * ({@code timestamp(3)withtimezone}); null if it is none of them.
     */
    public static Type parse(String compactName) {
        String text = compactName.replace(" ", "").toLowerCase(Locale.ROOT);
        switch (text) {
            case "intervaldaytosecond":
                return INTERVAL_DAY_TIME;
            case "intervalyeartomonth":
                return INTERVAL_YEAR_MONTH;
            default:
                break;
        }
        boolean withZone = text.endsWith("withtimezone");
        if (withZone) {
            text = text.substring(0, text.length() - "withtimezone".length());
        }
        String base = text;
        int precision = -1;
        int open = text.indexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            base = text.substring(0, open);
            if (!base.equals("timestamp") && !base.equals("time")) {
                return null;
            }
            precision = Integer.parseInt(text.substring(open + 1, text.length() - 1));
        }
        if (base.equals("timestamp")) {
            int p = precision < 0 ? TimestampType.DEFAULT_PRECISION : precision;
            return withZone ? timestampWithTimeZone(p) : timestamp(p);
        }
        if (base.equals("time")) {
            return withZone
                    ? timeWithTimeZone(precision < 0 ? TimeWithTimeZoneType.DEFAULT_PRECISION : precision)
                    : time(precision < 0 ? TimeType.DEFAULT_PRECISION : precision);
        }
        return null;
    }

    /** The type name the client protocol shows: legacy (unparameterised) names for date-times. */
    public static String protocolName(Type type) {
        if (type instanceof TimestampType) {
            return "timestamp";
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return "timestamp with time zone";
        }
        if (type instanceof TimeType) {
            return "time";
        }
        if (type instanceof TimeWithTimeZoneType) {
            return "time with time zone";
        }
        return type.displayName();
    }

    /** Whether the protocol shows this type without its signature arguments. */
    public static boolean hidesArguments(Type type) {
        return type instanceof TimestampType || type instanceof TimestampWithTimeZoneType || type instanceof TimeType
                || type instanceof TimeWithTimeZoneType;
    }
}
