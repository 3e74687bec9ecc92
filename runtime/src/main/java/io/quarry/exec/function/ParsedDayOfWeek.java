package io.quarry.exec.function;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.time.temporal.TemporalUnit;
import java.time.temporal.ValueRange;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The weekday date_parse reads for {@code %a} and {@code %W}. Trino does not check it against the date: it moves the
 * parsed date to that day of its Monday-first week ('Monday 5 January 2020' is 2019-12-30). Java would refuse the
 * conflict, so the weekday is parsed into this field, which the resolver leaves alone, and applied afterwards.
 */
enum ParsedDayOfWeek implements TemporalField {
    FIELD;

    /** The weekday names in English, by ISO number. */
    static Map<Long, String> names(TextStyle style) {
        Map<Long, String> names = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.put((long) day.getValue(), day.getDisplayName(style, Locale.ENGLISH));
        }
        return names;
    }

    /** The date moved to the parsed weekday, when one was parsed. */
    static LocalDateTime applied(TemporalAccessor parsed, LocalDateTime time) {
        return parsed.isSupported(FIELD) ? time.with(ChronoField.DAY_OF_WEEK, parsed.getLong(FIELD)) : time;
    }

    @Override
    public TemporalUnit getBaseUnit() {
        return ChronoUnit.DAYS;
    }

    @Override
    public TemporalUnit getRangeUnit() {
        return ChronoUnit.WEEKS;
    }

    @Override
    public ValueRange range() {
        return ValueRange.of(1, 7);
    }

    @Override
    public boolean isDateBased() {
        return true;
    }

    @Override
    public boolean isTimeBased() {
        return false;
    }

    @Override
    public boolean isSupportedBy(TemporalAccessor temporal) {
        return false;
    }

    @Override
    public ValueRange rangeRefinedBy(TemporalAccessor temporal) {
        return range();
    }

    @Override
    public long getFrom(TemporalAccessor temporal) {
        throw new java.time.temporal.UnsupportedTemporalTypeException("parsed weekday only");
    }

    @Override
    public <R extends Temporal> R adjustInto(R temporal, long newValue) {
        throw new java.time.temporal.UnsupportedTemporalTypeException("parsed weekday only");
    }

    @Override
    public TemporalAccessor resolve(Map<TemporalField, Long> fieldValues, TemporalAccessor partialTemporal, ResolverStyle resolverStyle) {
        return null; // left in the parsed fields for applied()
    }

    @Override
    public String toString() {
        return "ParsedDayOfWeek";
    }
}
