package io.quarry.exec.function;

/**
 * Trino's order for max, min, greatest and least over double and real: NaN loses to every number, so it is the
 * answer only when every value is NaN (sorting, by contrast, puts NaN after every number).
 */
public final class DoubleExtremes {
    private DoubleExtremes() {}

    /** Whether {@code candidate} replaces {@code current} as the greatest (or least) so far. */
    public static boolean beats(double candidate, double current, boolean greatest) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(current)) {
            return true;
        }
        return greatest ? candidate > current : candidate < current;
    }
}
