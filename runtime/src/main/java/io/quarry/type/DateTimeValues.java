package io.quarry.type;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The stored forms of date-time and interval values and their text as Trino prints it: timestamps as
 * epoch microseconds, timestamps with time zone as packed epoch milliseconds and zone key, times as
 * picoseconds of the day, intervals as milliseconds or months.
 */
public final class DateTimeValues {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MILLI = 1_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final long MILLIS_PER_DAY = 86_400_000L;
    public static final long PICOS_PER_MICRO = 1_000_000L;
    public static final long PICOS_PER_SECOND = 1_000_000_000_000L;
    public static final long PICOS_PER_DAY = 86_400L * PICOS_PER_SECOND;

    private static final int ZONE_BITS = 12;
    private static final int UTC_KEY = 0;
    private static final int OFFSET_KEY_BASE = 1; // 1 + minutes + 14 h: fixed offsets -14:00 .. +14:00
    private static final int MAX_OFFSET_MINUTES = 14 * 60;
    private static final int REGION_KEY_BASE = 2048;
    /** Region ids in a fixed order: the same on every node running the same Java release. */
    private static final List<String> REGIONS = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final Map<String, Integer> REGION_KEYS = new HashMap<>();

    static {
        for (int i = 0; i < REGIONS.size(); i++) {
            REGION_KEYS.put(REGIONS.get(i), REGION_KEY_BASE + i);
        }
        if (REGION_KEY_BASE + REGIONS.size() >= 1 << ZONE_BITS) {
            throw new IllegalStateException("too many time zones for the packed encoding: " + REGIONS.size());
        }
    }

    private DateTimeValues() {}

    // ---- timestamp with time zone ----

    public static long packWithZone(long epochMillis, int zoneKey) {
        return (epochMillis << ZONE_BITS) | zoneKey;
    }

    public static long unpackMillis(long packed) {
        return packed >> ZONE_BITS;
    }

    public static int unpackZoneKey(long packed) {
        return (int) (packed & ((1 << ZONE_BITS) - 1));
    }

    /** The key of a zone; zones of a fixed offset are normalised (UTC, +00:00 and Z are one zone). */
    public static int zoneKey(ZoneId zone) {
        ZoneId normal = zone.normalized();
        if (normal instanceof ZoneOffset offset) {
            int minutes = offset.getTotalSeconds() / 60;
            if (minutes == 0) {
                return UTC_KEY;
            }
            if (Math.abs(minutes) > MAX_OFFSET_MINUTES || offset.getTotalSeconds() % 60 != 0) {
                throw new DateTimeException("Time zone offset out of range: " + offset);
            }
            return OFFSET_KEY_BASE + minutes + MAX_OFFSET_MINUTES;
        }
        Integer key = REGION_KEYS.get(normal.getId());
        if (key == null) {
            throw new DateTimeException("Unknown time zone: " + zone.getId());
        }
        return key;
    }

    public static ZoneId zone(int key) {
        if (key == UTC_KEY) {
            return ZoneOffset.UTC;
        }
        if (key < REGION_KEY_BASE) {
            return ZoneOffset.ofTotalSeconds((key - OFFSET_KEY_BASE - MAX_OFFSET_MINUTES) * 60);
        }
        return ZoneId.of(REGIONS.get(key - REGION_KEY_BASE));
    }

    /** The zone's name as Trino prints it: {@code UTC}, {@code +05:30}, {@code Europe/Berlin}. */
    public static String zoneName(int key) {
        if (key == UTC_KEY) {
            return "UTC";
        }
        return zone(key).getId();
    }

    public static ZonedDateTime toZonedDateTime(long packed) {
        return Instant.ofEpochMilli(unpackMillis(packed)).atZone(zone(unpackZoneKey(packed)));
    }

    // ---- text ----

    /** {@code 2024-01-02 03:04:05.000}: a timestamp in microseconds, rounded to {@code precision} digits. */
    public static String formatTimestamp(long epochMicros, int precision) {
        long micros = roundMicros(epochMicros, precision);
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int fraction = (int) Math.floorMod(micros, MICROS_PER_SECOND);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(32);
        appendDate(text, time.toLocalDate());
        text.append(' ');
        appendTime(text, time.getHour(), time.getMinute(), time.getSecond());
        appendFraction(text, fraction, 6, precision);
        return text.toString();
    }

    /** A timestamp with time zone as Trino prints it: the local time in its zone, then the zone. */
    public static String formatTimestampWithZone(long packed, int precision) {
        ZonedDateTime time = toZonedDateTime(packed);
        StringBuilder text = new StringBuilder(40);
        appendDate(text, time.toLocalDate());
        text.append(' ');
        appendTime(text, time.getHour(), time.getMinute(), time.getSecond());
        appendFraction(text, time.getNano() / 1_000_000, 3, precision);
        return text.append(' ').append(zoneName(unpackZoneKey(packed))).toString();
    }

    /** A timestamp of precision 7 to 12 (see {@link TimestampType}) at its precision. */
    public static String formatLongTimestamp(long micros, long picosOfMicro, int precision) {
        FractionalSeconds time = FractionalSeconds.ofMicros(micros, picosOfMicro);
        LocalDateTime local = LocalDateTime.ofEpochSecond(time.seconds(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(40);
        appendDate(text, local.toLocalDate());
        text.append(' ');
        appendTime(text, local.getHour(), local.getMinute(), local.getSecond());
        return text.append(time.fractionText(precision)).toString();
    }

    /** A timestamp with time zone of precision 4 to 12 (see {@link TimestampWithTimeZoneType}) at its precision. */
    public static String formatLongTimestampWithZone(long packed, long picosOfMilli, int precision) {
        FractionalSeconds time = FractionalSeconds.ofMillis(unpackMillis(packed), picosOfMilli);
        ZonedDateTime zoned = Instant.ofEpochSecond(time.seconds()).atZone(zone(unpackZoneKey(packed)));
        StringBuilder text = new StringBuilder(48);
        appendDate(text, zoned.toLocalDate());
        text.append(' ');
        appendTime(text, zoned.getHour(), zoned.getMinute(), zoned.getSecond());
        return text.append(time.fractionText(precision)).append(' ').append(zoneName(unpackZoneKey(packed))).toString();
    }

    /** {@code 03:04:05.000}: picoseconds of the day at {@code precision} digits. */
    public static String formatTime(long picosOfDay, int precision) {
        long seconds = picosOfDay / PICOS_PER_SECOND;
        long fraction = picosOfDay % PICOS_PER_SECOND;
        StringBuilder text = new StringBuilder(24);
        appendTime(text, (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
        if (precision > 0) {
            String digits = String.format("%012d", fraction);
            text.append('.').append(digits, 0, precision);
        }
        return text.toString();
    }

    /** {@code 6 00:00:00.000}, {@code -1 02:00:00.000}. */
    public static String formatIntervalDayTime(long millis) {
        StringBuilder text = new StringBuilder(24);
        if (millis < 0) {
            text.append('-');
        }
        // the fields of the magnitude, taken from the negative value so that the smallest long has one too
        long negative = millis < 0 ? millis : -millis;
        long days = -(negative / MILLIS_PER_DAY);
        long rest = -(negative % MILLIS_PER_DAY);
        text.append(days).append(' ');
        appendTime(text, (int) (rest / 3_600_000), (int) (rest / 60_000 % 60), (int) (rest / 1000 % 60));
        appendFraction(text, (int) (rest % 1000), 3, 3);
        return text.toString();
    }

    /** {@code 1-2} (one year, two months), {@code -0-2}. */
    public static String formatIntervalYearMonth(long months) {
        String sign = months < 0 ? "-" : "";
        long value = Math.abs(months);
        return sign + (value / 12) + "-" + (value % 12);
    }

    /** Rounds epoch microseconds half up to {@code precision} fractional digits (precision 6 and more: as is). */
    public static long roundMicros(long epochMicros, int precision) {
        if (precision >= 6) {
            return epochMicros;
        }
        long unit = POWERS_OF_TEN[6 - precision];
        return Math.floorDiv(epochMicros + unit / 2, unit) * unit;
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private static void appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        if (year < 0) {
            text.append('-');
            year = -year;
        } else if (year > 9999) {
            // years of five digits and more are signed, as Trino (and ISO 8601) writes them
            text.append('+');
        }
        pad(text, year, 4);
        text.append('-');
        pad(text, date.getMonthValue(), 2);
        text.append('-');
        pad(text, date.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder text, int hour, int minute, int second) {
        pad(text, hour, 2);
        text.append(':');
        pad(text, minute, 2);
        text.append(':');
        pad(text, second, 2);
    }

    /** Appends {@code precision} digits of a fraction given with {@code digits} digits. */
    private static void appendFraction(StringBuilder text, long fraction, int digits, int precision) {
        if (precision <= 0) {
            return;
        }
        text.append('.');
        StringBuilder value = new StringBuilder(12);
        pad(value, fraction, digits);
        while (value.length() < precision) {
            value.append('0');
        }
        text.append(value, 0, precision);
    }

    private static void pad(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
