package io.quarry.exec.function;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

/** How values print and parse as text in casts, as Trino does it. */
public final class Formats {
    private Formats() {}

    /** A double as Trino casts it to varchar: scientific notation with the shortest digits, e.g. {@code 2.5E0}. */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return scientific(shortest(Math.abs(value)), value < 0 || (value == 0 && 1 / value < 0));
    }

    /**
     * A real as Trino casts it to varchar, e.g. {@code 2.5E0}: at most seven significant digits, rounded half to
     * even ({@code 123456789} prints as {@code 1.234568E8}, not Java's {@code 1.23456792E8}).
     */
    public static String formatReal(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (value == 0) {
            return scientific("0", negative);
        }
        BigDecimal rounded = new BigDecimal(Math.abs((double) value)).round(REAL_DIGITS);
        BigDecimal shortest = new BigDecimal(shortest(Math.abs(value)));
        // the shortest digits when they fit in seven, else the exact value rounded to seven
        return scientific((shortest.precision() <= REAL_DIGITS.getPrecision() ? shortest : rounded).toString(), negative);
    }

    /**
     * The shortest decimal text that reads back as the same double. Java 17's {@link Double#toString} sometimes
     * gives a longer one ({@code 2.0E-3} as {@code 0.0020}, {@code 9.0E9f} as {@code 8.9999995E9}); Trino's runtime
     * prints the shortest.
     */
    public static String shortest(double value) {
        return NumberOutput.toString(value, true);
    }

    /** The shortest decimal text that reads back as the same real. */
    public static String shortest(float value) {
        return NumberOutput.toString(value, true);
    }

    private static final MathContext REAL_DIGITS = new MathContext(7, RoundingMode.HALF_EVEN);

    private static String scientific(String shortest, boolean negative) {
        BigDecimal decimal = new BigDecimal(shortest);
        StringBuilder text = new StringBuilder(24);
        if (negative) {
            text.append('-');
        }
        if (decimal.signum() == 0) {
            return text.append("0E0").toString(); // Trino prints zero without a fraction
        }
        decimal = decimal.stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - decimal.scale() - 1;
        text.append(digits.charAt(0)).append('.');
        text.append(digits.length() > 1 ? digits.substring(1) : "0");
        return text.append('E').append(exponent).toString();
    }

    /** A date (days since the epoch) as {@code YYYY-MM-DD}. */
    public static String formatDate(long days) {
        // the text of a date has no sign before years of five digits (unlike the protocol's), as in Trino
        String text = LocalDate.ofEpochDay(days).toString();
        return text.startsWith("+") ? text.substring(1) : text;
    }

    /** A year as Trino reads one: digits, signed or not ({@code +10000}, {@code -0001}). */
    private static final java.util.regex.Pattern SIGNED_YEAR = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    /** Parses {@code YYYY-MM-DD} (month and day may have one digit, surrounding spaces allowed); null when malformed. */
    public static Long parseDate(String text) {
        String value = text.strip();
        int first = value.indexOf('-', 1);
        int second = first < 0 ? -1 : value.indexOf('-', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.substring(0, first));
            String monthText = value.substring(first + 1, second);
            String dayText = value.substring(second + 1);
            if (monthText.isEmpty() || monthText.length() > 2 || dayText.isEmpty() || dayText.length() > 2
                    || !isDigits(monthText) || !isDigits(dayText) || !SIGNED_YEAR.matcher(value.substring(0, first)).matches()) {
                return null;
            }
            long days = LocalDate.of(year, Integer.parseInt(monthText), Integer.parseInt(dayText)).toEpochDay();
            // Trino's dates are days in an int
            return days == (int) days ? days : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
