package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats data sizes as airlift writes them ({@code 100B}, {@code 10kB}, {@code 512MB},
 * {@code 1.5GB}): units B, kB, MB, GB, TB, PB, each 1024 times the one before.
 */
public final class DataSizes {
    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");

    /** The units from small to large; the formatter picks the largest that fits. */
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private static final String ALLOWED = "a number and a unit: B, kB, MB, GB, TB, PB (1024-based), e.g. 512MB or 1.5GB";

    private DataSizes() {}

    /**
     * The number of bytes a data size string stands for, rounded down to whole bytes.
     *
     * @throws IllegalArgumentException naming the text and the allowed form
     */
    public static long parseBytes(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher = PATTERN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a data size (" + ALLOWED + ")");
        }
        int unit = unitIndex(matcher.group(2));
        if (unit < 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' has an unknown data size unit '" + matcher.group(2) + "' (" + ALLOWED + ")");
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(unitBytes(unit)))
                .setScale(0, RoundingMode.FLOOR);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large (at most 8191PB)");
        }
        return bytes.longValueExact();
    }

    /**
     * Formats bytes in the largest unit in which the value is at least 1, as airlift's {@code succinctBytes}:
     * whole values without decimals ({@code "1GB"}, {@code "100B"}), others with two ({@code "12.50MB"}).
     *
     * @throws IllegalArgumentException if bytes is negative
     */
    public static String formatBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes is negative: " + bytes);
        }
        int unit = 0;
        while (unit + 1 < UNITS.length && bytes >= unitBytes(unit + 1)) {
            unit++;
        }
        long unitBytes = unitBytes(unit);
        if (bytes % unitBytes == 0) {
            return (bytes / unitBytes) + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.2f%s", (double) bytes / unitBytes, UNITS[unit]);
    }

    private static int unitIndex(String symbol) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    private static long unitBytes(int unitIndex) {
        return 1L << (10 * unitIndex);
    }
}
