package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import java.util.List;
import java.util.Locale;

/**
 * Trino's interval literals, read before Calcite's grammar sees them. Trino reads each field of the text as a number of
 * at most ten digits that fits an int (the seconds with their fraction, ten digits in all, cut to milliseconds), takes
 * fields beyond their unit ({@code '1 25:00:00' DAY TO SECOND}, {@code '1-13' YEAR TO MONTH}), stops where the text
 * stops ({@code '1' DAY TO SECOND}, {@code ''}), and wants the months of a year-month interval to fit an int. Calcite
 * reads fewer texts and more values, so a valid text is rewritten here to Calcite's form of the same value, under the
 * qualifier of Trino's type (DAY TO SECOND or YEAR TO MONTH), and an invalid one fails as in Trino (INVALID_LITERAL).
 * {@code INTERVAL 'x'} without a unit is Trino's literal of a type named INTERVAL, which it has not (TYPE_NOT_FOUND).
 */
final class IntervalLiteralText {
    /** The fields of an interval, in the order a qualifier names them. */
    private enum Unit {
        YEAR, MONTH, DAY, HOUR, MINUTE, SECOND;

        boolean yearMonth() {
            return this == YEAR || this == MONTH;
        }

        /** Milliseconds in one of this day-time unit. */
        long millis() {
            return switch (this) {
                case DAY -> 86_400_000L;
                case HOUR -> 3_600_000L;
                case MINUTE -> 60_000L;
                case SECOND -> 1_000L;
                default -> throw new IllegalStateException(name());
            };
        }

        static Unit of(String word) {
            for (Unit unit : values()) {
                if (unit.name().equalsIgnoreCase(word)) {
                    return unit;
                }
            }
            return null;
        }
    }

    /** The literal's text and qualifier (from its opening quote to the qualifier's end), and Calcite's text for them. */
    record Rewrite(int start, int end, String text) {}

    private static final int MAX_FIELD_DIGITS = 10;

    /**
     * The qualifiers Calcite reads every literal under: Trino has one day-time and one year-month interval type, and
     * so literals of different units meet as values of one type (in a UNION, an IN list, VALUES).
     */
    private static final List<Unit> DAY_TO_SECOND = List.of(Unit.DAY, Unit.HOUR, Unit.MINUTE, Unit.SECOND);

    private IntervalLiteralText() {}

    /**
     * For the word INTERVAL from {@code start} to {@code end}: the rewrite of its string literal, or null when no string
     * follows (a column named interval) or its text has a line break (left to Calcite).
     */
    static Rewrite rewrite(String sql, int start, int end) {
        int at = skipBlanks(sql, end);
        if (at < sql.length() && (sql.charAt(at) == '-' || sql.charAt(at) == '+')) {
            at = skipBlanks(sql, at + 1);
        }
        if (at >= sql.length() || sql.charAt(at) != '\'') {
            return null;
        }
        int quote = at;
        int close = SqlText.closingQuote(sql, quote, '\'');
        String value = SqlText.literalText(sql, quote);
        if (value.indexOf('\n') >= 0 || close > sql.length() || sql.charAt(close - 1) != '\'') {
            return null;
        }
        int wordStart = skipBlanks(sql, close);
        int wordEnd = wordEnd(sql, wordStart);
        Unit first = Unit.of(sql.substring(wordStart, wordEnd));
        if (first == null) {
            throw Errors.error(ErrorCode.TYPE_NOT_FOUND, "Unknown type: INTERVAL", SqlText.originalLocation(sql, start));
        }
        Unit last = first;
        int qualifierEnd = wordEnd;
        int after = skipBlanks(sql, wordEnd);
        int toEnd = wordEnd(sql, after);
        if (sql.substring(after, toEnd).equalsIgnoreCase("to")) {
            int lastStart = skipBlanks(sql, toEnd);
            Unit named = Unit.of(sql.substring(lastStart, wordEnd(sql, lastStart)));
            if (named == null) {
                return null; // not a qualifier: Calcite's grammar says where
            }
            if (named.ordinal() <= first.ordinal() || named.yearMonth() != first.yearMonth()) {
                throw Errors.error(ErrorCode.INVALID_LITERAL, "Invalid interval qualifier: " + first + " TO " + named,
                        SqlText.originalLocation(sql, start));
            }
            last = named;
            qualifierEnd = wordEnd(sql, lastStart);
            after = skipBlanks(sql, qualifierEnd);
        }
        if (after < sql.length() && sql.charAt(after) == '(') {
            // Calcite's grammar takes a precision after the unit, Trino's none
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '('", SqlText.originalLocation(sql, after));
        }
        List<Unit> units = List.of(Unit.values()).subList(first.ordinal(), last.ordinal() + 1);
        String qualifier = first == last ? first.name() : first + " TO " + last;
        String calcite = calciteText(value, units);
        if (calcite == null) {
            throw Errors.error(ErrorCode.INVALID_LITERAL, "Invalid INTERVAL " + qualifier + " value: " + value,
                    SqlText.originalLocation(sql, start));
        }
        if (sql.substring(quote, qualifierEnd).indexOf('\n') >= 0) {
            return null; // a qualifier on another line: left as written, the lines counted as they are
        }
        return new Rewrite(quote, qualifierEnd,
                "'" + calcite + "' " + (first.yearMonth() ? "YEAR TO MONTH" : "DAY TO SECOND"));
    }

    /** Calcite's text of the value Trino reads in {@code value} for these units, or null when Trino reads none. */
    private static String calciteText(String value, List<Unit> units) {
        int at = 0;
        boolean negative = false;
        if (at < value.length() && (value.charAt(at) == '-' || value.charAt(at) == '+')) {
            negative = value.charAt(at) == '-';
            at++;
        }
        long[] fields = new long[units.size()];
        long fractionMillis = 0;
        for (int k = 0; k < units.size() && at < value.length(); k++) {
            if (k > 0) {
                if (value.charAt(at) != separator(units.get(k))) {
                    return null;
                }
                at++;
            }
            int digitsStart = at;
            at = digitsEnd(value, at);
            int digits = at - digitsStart;
            String fraction = "";
            if (units.get(k) == Unit.SECOND && at < value.length() && value.charAt(at) == '.') {
                int fractionStart = at + 1;
                at = digitsEnd(value, fractionStart);
                fraction = value.substring(fractionStart, at);
            } else if (digits == 0) {
                if (at < value.length()) {
                    return null; // an empty field is only the end of the text
                }
                break;
            }
            if (digits + fraction.length() > MAX_FIELD_DIGITS) {
                return null;
            }
            long field = digits == 0 ? 0 : Long.parseLong(value.substring(digitsStart, digitsStart + digits));
            if (field > Integer.MAX_VALUE) {
                return null;
            }
            fields[k] = field;
            fractionMillis = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        }
        if (at < value.length()) {
            return null;
        }
        return units.get(0).yearMonth()
                ? yearMonthText(negative, fields, units)
                : dayTimeText(negative, fields, fractionMillis, units, DAY_TO_SECOND);
    }

    private static String yearMonthText(boolean negative, long[] fields, List<Unit> units) {
        int sign = negative ? -1 : 1;
        int months;
        try {
            months = 0;
            for (int k = 0; k < units.size(); k++) {
                int field = Math.toIntExact(sign * fields[k]);
                months = Math.addExact(months, units.get(k) == Unit.YEAR ? Math.multiplyExact(field, 12) : field);
            }
        } catch (ArithmeticException e) {
            return null;
        }
        long magnitude = Math.abs((long) months);
        return (months < 0 ? "-" : "") + magnitude / 12 + "-" + magnitude % 12;
    }

    private static String dayTimeText(
            boolean negative, long[] fields, long fractionMillis, List<Unit> written, List<Unit> units) {
        long millis = fractionMillis;
        for (int k = 0; k < written.size(); k++) {
            millis += fields[k] * written.get(k).millis();
        }
        Unit last = units.get(units.size() - 1);
        long rest = millis / last.millis();
        long[] parts = new long[units.size()];
        for (int k = units.size() - 1; k > 0; k--) {
            long perNext = units.get(k - 1).millis() / units.get(k).millis();
            parts[k] = rest % perNext;
            rest /= perNext;
        }
        parts[0] = rest;
        StringBuilder text = new StringBuilder(negative && millis != 0 ? "-" : "");
        for (int k = 0; k < units.size(); k++) {
            if (k > 0) {
                text.append(separator(units.get(k)));
                if (parts[k] < 10) {
                    text.append('0');
                }
            }
            text.append(parts[k]);
        }
        if (last == Unit.SECOND) {
            text.append('.').append(String.format(Locale.ROOT, "%03d", millis % 1000));
        }
        return text.toString();
    }

    /** What stands before a field after the first: a blank before the hours, a dash before the months, else a colon. */
    private static char separator(Unit unit) {
        return switch (unit) {
            case HOUR -> ' ';
            case MONTH -> '-';
            default -> ':';
        };
    }

    private static int digitsEnd(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    private static int skipBlanks(String sql, int from) {
        int at = from;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int wordEnd(String sql, int from) {
        int at = from;
        while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_')) {
            at++;
        }
        return at;
    }
}
