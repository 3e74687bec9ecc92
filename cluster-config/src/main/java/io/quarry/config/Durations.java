package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations as airlift writes them ({@code 100ns}, {@code 10us}, {@code 500ms},
 * {@code 10s}, {@code 1.50m}, {@code 2h}, {@code 1d}); the client protocol carries them in this form.
 */
public final class Durations {
    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");

    /** The units from small to large; the formatter picks the largest that fits. */
    private static final String[] UNITS = {"ns", "us", "ms", "s", "m", "h", "d"};

    private static final long[] UNIT_NANOS = {
        1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L
    };

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private static final String ALLOWED = "a number and a unit: ns, us, ms, s, m, h, d, e.g. 500ms, 10s or 1.50m";

    private Durations() {}

    /**
     * The duration an airlift duration string stands for, rounded to whole nanoseconds.
     *
     * @throws IllegalArgumentException naming the text and the allowed form
     */
    public static Duration parse(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher = PATTERN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (" + ALLOWED + ")");
        }
        int unit = unitIndex(matcher.group(2));
        if (unit < 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' has an unknown duration unit '" + matcher.group(2) + "' (" + ALLOWED + ")");
        }
        BigInteger nanos = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(UNIT_NANOS[unit]))
                .setScale(0, RoundingMode.HALF_UP)
                .toBigIntegerExact();
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        if (secondsAndNanos[0].bitLength() > 63) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    /**
     * Formats a duration in the largest unit in which the value is at least 1, with two decimals, as airlift
     * does ({@code "47.00ms"}, {@code "1.50m"}, {@code "0.00ns"} for zero).
     *
     * @throws IllegalArgumentException if the duration is negative (airlift durations cannot be)
     */
    public static String format(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration is negative: " + duration);
        }
        BigInteger nanos = BigInteger.valueOf(duration.getSeconds())
                .multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(duration.getNano()));
        int unit = 0;
        while (unit + 1 < UNITS.length && nanos.compareTo(BigInteger.valueOf(UNIT_NANOS[unit + 1])) >= 0) {
            unit++;
        }
        double value = new BigDecimal(nanos)
                .divide(BigDecimal.valueOf(UNIT_NANOS[unit]), 6, RoundingMode.HALF_EVEN)
                .doubleValue();
        return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
    }

    /** {@link #format(Duration)} of a number of nanoseconds, for statistics kept as primitive longs. */
    public static String formatNanos(long nanos) {
        return format(Duration.ofNanos(nanos));
    }

    /** {@link #format(Duration)} of a number of milliseconds. */
    public static String formatMillis(long millis) {
        return format(Duration.ofMillis(millis));
    }

    private static int unitIndex(String symbol) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
