package io.quarry.type;

import java.util.List;

/**
 * {@code time(p) with time zone}: a time of day with its offset from UTC. Values compare by their UTC time of day,
 * wrapped into one day, as in Trino. Up to precision 9 a value is one long: the nanoseconds of that UTC time of day
 * shifted left by 11 bits, and the offset in minutes (-14:00 to +14:00) plus 840 in the low 11 bits, so that longs
 * order as the values do (sorting, min and max need nothing of their own); values equal but for the offset differ
 * only in the low bits (see {@link #equalityKey}). Above it (a {@linkplain #isLong() long time}) the picoseconds of
 * the day and the offset need more than 64 bits, and a value is two longs: the picoseconds of the UTC time of day,
 * then the offset in minutes plus 840. Two-long values compare as signed high then unsigned low, so these order as
 * the values do too, to the picosecond; values equal but for the offset differ only in the second long, which
 * equality leaves out ({@link TemporalTypes#zoneFreeTail}).
 */
public record TimeWithTimeZoneType(int precision) implements Type {
    public static final int MAX_PRECISION = 12;
    /** The largest precision held in one long. */
    public static final int MAX_SHORT_PRECISION = 9;
    public static final int DEFAULT_PRECISION = 3;
    public static final int MAX_OFFSET_MINUTES = 14 * 60;
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60_000_000_000L;
    public static final long PICOS_PER_DAY = NANOS_PER_DAY * 1_000L;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};
    private static final int OFFSET_BITS = 11;

    public TimeWithTimeZoneType {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("time with time zone precision must be in [0, 12]: " + precision);
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

    /** A time with an offset as written: its picoseconds of the day (of the first 12 fraction digits), the digits written. */
    public record Parsed(long picosOfDay, int fractionDigits, int offsetMinutes) {
        /** The local picoseconds of the day rounded half up to {@code precision} digits, wrapped into the day. */
        public long roundedPicos(int precision) {
            return roundPicos(picosOfDay, precision);
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
        String padded = (fraction + "000000000000").substring(0, 12);
        long picos = ((hour * 60L + minute) * 60 + second) * 1_000_000_000_000L + Long.parseLong(padded);
        return new Parsed(picos, fraction.length(), offset);
    }

    /** {@code 01:02:03.456+05:30}: the local time at {@code precision} digits, then the offset. */
    public static String format(long packed, int precision) {
        return DateTimeValues.formatTime(nanos(packed) * 1_000L, precision) + offsetText(offsetMinutes(packed));
    }

    /** Picoseconds rounded half up to {@code precision} fraction digits (0 to 12), wrapped into the day. */
    public static long roundPicos(long picos, int precision) {
        long unit = POWERS_OF_TEN[12 - precision];
        return Math.floorMod(Math.floorDiv(picos + unit / 2, unit) * unit, PICOS_PER_DAY);
    }

    /** The first long of a long time: the UTC time of day in picoseconds of a local time of day at an offset. */
    public static long utcPicosOf(long localPicos, int offsetMinutes) {
        return Math.floorMod(localPicos - offsetMinutes * NANOS_PER_MINUTE * 1_000L, PICOS_PER_DAY);
    }

    /** The second long of a long time: its offset in minutes plus 840. */
    public static long offsetTail(int offsetMinutes) {
        if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
            throw new IllegalArgumentException("offset out of range: " + offsetMinutes);
        }
        return offsetMinutes + MAX_OFFSET_MINUTES;
    }

    public static int offsetOfTail(long offsetTail) {
        return (int) offsetTail - MAX_OFFSET_MINUTES;
    }

    /** The local time of day in picoseconds of a long time. */
    public static long localPicosOfLong(long utcPicos, long offsetTail) {
        return Math.floorMod(utcPicos + offsetOfTail(offsetTail) * NANOS_PER_MINUTE * 1_000L, PICOS_PER_DAY);
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

    /** Whether values take two longs: precisions 10 to 12. */
    public boolean isLong() {
        return precision > MAX_SHORT_PRECISION;
    }

    @Override
    public Storage storage() {
        return isLong() ? Storage.INT128 : Storage.LONG;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
