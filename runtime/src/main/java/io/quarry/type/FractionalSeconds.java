package io.quarry.type;

/**
 * A point in time to the picosecond: whole seconds since the epoch and the picoseconds of the next second, from 0
 * to 999,999,999,999. The common form of timestamps of every precision while they are rounded, converted and printed;
 * the stored forms are in {@link TimestampType} and {@link TimestampWithTimeZoneType}.
 */
public record FractionalSeconds(long seconds, long picos) {
    public static final long PICOS_PER_SECOND = 1_000_000_000_000L;
    private static final long PICOS_PER_MICRO = 1_000_000L;
    private static final long PICOS_PER_MILLI = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    public static FractionalSeconds ofMicros(long micros, long picosOfMicro) {
        return new FractionalSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * PICOS_PER_MICRO + picosOfMicro);
    }

    public static FractionalSeconds ofMillis(long millis, long picosOfMilli) {
        return new FractionalSeconds(Math.floorDiv(millis, 1_000L), Math.floorMod(millis, 1_000L) * PICOS_PER_MILLI + picosOfMilli);
    }

    /** Rounded half up to {@code precision} fractional digits (0 to 12). */
    public FractionalSeconds round(int precision) {
        long unit = POWERS_OF_TEN[12 - precision];
        long rounded = (picos + unit / 2) / unit * unit;
        return rounded == PICOS_PER_SECOND ? new FractionalSeconds(seconds + 1, 0) : new FractionalSeconds(seconds, rounded);
    }

    /** Microseconds since the epoch, rounded down. */
    public long micros() {
        return seconds * 1_000_000L + picos / PICOS_PER_MICRO;
    }

    public long picosOfMicro() {
        return picos % PICOS_PER_MICRO;
    }

    /** Milliseconds since the epoch, rounded down. */
    public long millis() {
        return seconds * 1_000L + picos / PICOS_PER_MILLI;
    }

    public long picosOfMilli() {
        return picos % PICOS_PER_MILLI;
    }

    /** The first {@code precision} digits of the fraction, after a point; nothing for precision 0. */
    public String fractionText(int precision) {
        return precision == 0 ? "" : "." + String.format("%012d", picos).substring(0, precision);
    }
}
