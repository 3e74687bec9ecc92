package io.quarry.connector.system;

import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.sql.Types;
import java.time.ZoneId;

/**
 * How JDBC's {@code DatabaseMetaData} describes a Quarry type: its {@link java.sql.Types} code, column size,
 * fractional digits and radix, computed as Trino computes them so that drivers report the same values.
 */
final class JdbcTypes {
    /** The longest zone id: a timestamp with time zone prints its zone by name. */
    private static final int MAX_ZONE_LENGTH =
            ZoneId.getAvailableZoneIds().stream().mapToInt(String::length).max().orElse(0);

    private JdbcTypes() {}

    static int dataType(Type type) {
        if (type instanceof BooleanType) {
            return Types.BOOLEAN;
        }
        if (type instanceof BigintType) {
            return Types.BIGINT;
        }
        if (type instanceof IntegerType) {
            return Types.INTEGER;
        }
        if (type instanceof SmallintType) {
            return Types.SMALLINT;
        }
        if (type instanceof TinyintType) {
            return Types.TINYINT;
        }
        if (type instanceof RealType) {
            return Types.REAL;
        }
        if (type instanceof DoubleType) {
            return Types.DOUBLE;
        }
        if (type instanceof DecimalType) {
            return Types.DECIMAL;
        }
        if (type instanceof VarcharType) {
            return Types.VARCHAR;
        }
        if (type instanceof CharType) {
            return Types.CHAR;
        }
        if (type instanceof VarbinaryType) {
            return Types.VARBINARY;
        }
        if (type instanceof DateType) {
            return Types.DATE;
        }
        if (type instanceof TimeType) {
            return Types.TIME;
        }
        if (type instanceof io.quarry.type.TimeWithTimeZoneType) {
            return Types.TIME_WITH_TIMEZONE;
        }
        if (type instanceof TimestampType) {
            return Types.TIMESTAMP;
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        if (type instanceof ArrayType) {
            return Types.ARRAY;
        }
        return Types.JAVA_OBJECT; // map, row, json, intervals, unknown
    }

    /** Digits of a number, characters of a string or of a printed date-time; null when it has no size. */
    static Long columnSize(Type type) {
        if (type instanceof BigintType) {
            return 19L;
        }
        if (type instanceof IntegerType) {
            return 10L;
        }
        if (type instanceof SmallintType) {
            return 5L;
        }
        if (type instanceof TinyintType) {
            return 3L;
        }
        if (type instanceof DecimalType decimal) {
            return (long) decimal.precision();
        }
        if (type instanceof RealType) {
            return 24L; // bits of the IEEE 754 significand
        }
        if (type instanceof DoubleType) {
            return 53L;
        }
        if (type instanceof VarcharType varchar) {
            return (long) varchar.length(); // unbounded: Integer.MAX_VALUE
        }
        if (type instanceof CharType character) {
            return (long) character.length();
        }
        if (type instanceof VarbinaryType) {
            return (long) Integer.MAX_VALUE;
        }
        if (type instanceof TimeType time) {
            // "HH:MM:SS", then a period and the fractional digits when there are any
            return 8L + Math.min(time.precision(), 1) + time.precision();
        }
        if (type instanceof io.quarry.type.TimeWithTimeZoneType time) {
            // as a time, then the offset "+HH:MM"
            return 8L + Math.min(time.precision(), 1) + time.precision() + 6;
        }
        if (type instanceof DateType) {
            return 14L; // +5881580-07-11
        }
        if (type instanceof TimestampType timestamp) {
            // sign, five-digit year, "-MM-DD HH:MM:SS", period and fraction
            return 1L + 5 + 15 + Math.min(timestamp.precision(), 1) + timestamp.precision();
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            // sign, six-digit year, "-MM-DD HH:MM:SS", period and fraction, a space and the zone
            return 1L + 6 + 15 + Math.min(timestamp.precision(), 1) + timestamp.precision() + 1 + MAX_ZONE_LENGTH;
        }
        return null;
    }

    /** Fractional digits: a decimal's scale, a date-time's precision; null otherwise. */
    static Long decimalDigits(Type type) {
        if (type instanceof DecimalType decimal) {
            return (long) decimal.scale();
        }
        if (type instanceof TimeType time) {
            return (long) time.precision();
        }
        if (type instanceof io.quarry.type.TimeWithTimeZoneType time) {
            return (long) time.precision();
        }
        if (type instanceof TimestampType timestamp) {
            return (long) timestamp.precision();
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            return (long) timestamp.precision();
        }
        return null;
    }

    /** 10 for exact numbers, 2 for floating point, null otherwise. */
    static Long numPrecRadix(Type type) {
        if (type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType
                || type instanceof TinyintType || type instanceof DecimalType) {
            return 10L;
        }
        if (type instanceof RealType || type instanceof DoubleType) {
            return 2L;
        }
        return null;
    }

    /** Bytes of a string, null for other types. */
    static Long charOctetLength(Type type) {
        if (type instanceof VarcharType varchar) {
            return (long) varchar.length();
        }
        if (type instanceof CharType character) {
            return (long) character.length();
        }
        if (type instanceof VarbinaryType) {
            return (long) Integer.MAX_VALUE;
        }
        return null;
    }
}
