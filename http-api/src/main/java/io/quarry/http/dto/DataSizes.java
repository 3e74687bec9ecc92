package io.quarry.http.dto;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data sizes as airlift writes and reads them ({@code 1MB}, {@code 12.50GB}): a number and one of
 * {@code B kB MB GB TB PB}, powers of 1024.
 */
public final class DataSizes {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*");
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private DataSizes() {}

    /** The size in the largest unit in which it is at least one: whole numbers bare, others with two decimals. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("size is negative: " + bytes);
        }
        int unit = 0;
        double value = bytes;
        while (unit + 1 < UNITS.length && value >= 1024) {
            value /= 1024;
            unit++;
        }
        if (value == Math.floor(value)) {
            return (long) value + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
    }

    /**
     * Parses airlift data-size text ({@code 1MB}, {@code 512kB}); unit letters are matched without regard to
     * case, as users type {@code 1mb} too.
     *
     * @throws IllegalArgumentException naming the text when it is not a data size
     */
    public static long parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid data size: " + text);
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equalsIgnoreCase(unit)) {
                double bytes = value * Math.pow(1024, i);
                if (bytes > Long.MAX_VALUE) {
                    throw new IllegalArgumentException("Data size out of range: " + text);
                }
                return (long) bytes;
            }
        }
        throw new IllegalArgumentException("Invalid data size unit in: " + text);
    }
}
