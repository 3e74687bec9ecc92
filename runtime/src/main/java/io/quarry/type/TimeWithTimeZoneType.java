package io.quarry.type;

import java.util.List;

/**
 * {@code time(p) with time zone}: a time of day with its offset from UTC. Values compare by their UTC time of day,
 * wrapped into one day, as in Trino. A value is one long: the nanoseconds of that UTC time of day shifted left by 11
 * bits, and the offset in minutes (-14:00 to +14:00) plus 840 in the low 11 bits, so that longs order as the values
 * do (sorting, min and max need nothing of their own); values equal but for the offset differ only in the low bits
 * (see {@link #equalityKey}). The long holds nanoseconds, so the precision is at most 9: a larger one is refused as
 * NOT_SUPPORTED where a type is named or a literal written.
 */
public record TimeWithTimeZoneType(int precision) implements Type {
    /** The largest precision the packed long holds; Trino's type goes to 12. */
    public static final int MAX_PRECISION = 9;
    public static final int DEFAULT_PRECISION = 3;
    public static final int MAX_OFFSET_MINUTES = 14 * 60;
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final int OFFSET_BITS = 11;

    public TimeWithTimeZoneType {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("time with time zone precision must be in [0, 9]: " + precision);
        }
    }

    /** The packed value of a local time of day (nanoseconds, wrapped into the day) at an offset in minutes. */
    public static long pack(long nanosOfDay, int offsetMinutes) {
        if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
            throw new IllegalArgumentException("offset out of range: " + offsetMinutes);
        }
        long utc = Math.floorMod(nanosOfDay - offsetMinutes * NANOS_PER_MINUTE, NANOS_PER_DAY);
        return (utc << OFFSET_BITS) | (offsetMinutes + MAX_OFFSET_MINUTES);
    }

    /** The local time of day in nanoseconds. */
    public static long nanos(long packed) {
        return Math.floorMod(utcNanos(packed) + offsetMinutes(packed) * NANOS_PER_MINUTE, NANOS_PER_DAY);
    }

    /** The value without its offset: equal for values that are equal in SQL (grouping and join keys hash this). */
    public static long equalityKey(long packed) {
        return packed >> OFFSET_BITS;
    }

    public static int offsetMinutes(long packed) {
        return (int) (packed & ((1 << OFFSET_BITS) - 1)) - MAX_OFFSET_MINUTES;
    }

    /** The time of day in UTC, in nanoseconds wrapped into one day: what values are compared, grouped and joined by. */
    public static long utcNanos(long packed) {
        return packed >> OFFSET_BITS;
    }

    /** Trino's text of a time with an offset: {@code 1:02:03.456 +05:30}, the seconds optional, blanks before the offset optional. */
    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile(
            "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?\\s*([+-])(\\d{2}):(\\d{2})");

    /** A time with an offset as written, with the number of fraction digits written. */
    public record Parsed(long nanosOfDay, long extraDigits, int fractionDigits, int offsetMinutes) {
        /** The packed value rounded half up to {@code precision} digits (at most 9), wrapped into the day. */
        public long round(int precision) {
            long unit = 1;
            for (int i = precision; i < 9; i++) {
                unit *= 10;
            }
            long nanos = nanosOfDay;
            if (precision == 9 && extraDigits >= 5) {
                nanos++; // the tenth digit rounds the nanoseconds
            }
            return pack((nanos + unit / 2) / unit * unit, offsetMinutes);
        }
    }

    /** The parts of a time-with-offset text, or null when the text is none (also for an offset beyond 14 hours). */
    public static Parsed parse(String text) {
        java.util.regex.Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        int second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        int offsetHour = Integer.parseInt(matcher.group(6));
        int offsetMinute = Integer.parseInt(matcher.group(7));
        int offset = (matcher.group(5).equals("-") ? -1 : 1) * (offsetHour * 60 + offsetMinute);
        if (hour > 23 || minute > 59 || second > 59 || offsetMinute > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) {
            return null;
        }
        String fraction = matcher.group(4) == null ? "" : matcher.group(4);
        String padded = (fraction + "000000000").substring(0, 9);
        long extra = fraction.length() > 9 ? fraction.charAt(9) - '0' : 0;
        long nanos = ((hour * 60L + minute) * 60 + second) * 1_000_000_000L + Long.parseLong(padded);
        return new Parsed(nanos, extra, fraction.length(), offset);
    }

    /** {@code 01:02:03.456+05:30}: the local time at {@code precision} digits, then the offset. */
    public static String format(long packed, int precision) {
        return DateTimeValues.formatTime(nanos(packed) * 1_000L, precision) + offsetText(offsetMinutes(packed));
    }

    /** {@code +05:30}, {@code -08:00}, {@code +00:00}. */
    public static String offsetText(int offsetMinutes) {
        int minutes = Math.abs(offsetMinutes);
        return (offsetMinutes < 0 ? "-" : "+") + (minutes / 60 < 10 ? "0" : "") + minutes / 60 + ":" + (minutes % 60 < 10 ? "0" : "")
                + minutes % 60;
    }

    @Override
    public String rawType() {
        return "time with time zone";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) precision);
    }

    @Override
    public String displayName() {
        return "time(" + precision + ") with time zone";
    }

    @Override
    public Storage storage() {
        return Storage.LONG;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
