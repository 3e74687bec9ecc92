package io.quarry.http.dto;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as airlift writes and reads them ({@code 47.00ms}, {@code 3.21h}): a number and one of
 * {@code ns us ms s m h d}. Clients parse {@code uptime} and {@code age} with airlift, so the text must
 * keep that shape exactly.
 */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*");

    /** Units from the smallest up, with their length in nanoseconds. */
    private static final String[] UNITS = {"ns", "us", "ms", "s", "m", "h", "d"};

    private static final double[] NANOS = {1, 1e3, 1e6, 1e9, 60e9, 3600e9, 86400e9};

    private Durations() {}

    /** The duration in the largest unit in which it is at least one, with two decimals. */
    public static String format(Duration duration) {
        double nanos = Math.max(0, duration.toNanos());
        int unit = 0;
        // A slightly fuzzy comparison, so that e.g. 999.9999 ms rounded up still reads as 1.00s.
        while (unit + 1 < UNITS.length && nanos / NANOS[unit + 1] > 0.99999) {
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", nanos / NANOS[unit], UNITS[unit]);
    }

    /**
     * Parses airlift duration text ({@code 500ms}, {@code 1.5s}).
     *
     * @throws IllegalArgumentException naming the text when it is not a duration
     */
    public static Duration parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid duration: " + text);
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                double nanos = value * NANOS[i];
                if (nanos > Long.MAX_VALUE) {
                    throw new IllegalArgumentException("Duration out of range: " + text);
                }
                return Duration.ofNanos(Math.round(nanos));
            }
        }
        throw new IllegalArgumentException("Invalid duration unit in: " + text);
    }
}
