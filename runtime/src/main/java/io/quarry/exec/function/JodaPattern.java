package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Joda-Time pattern as Trino's format_datetime and parse_datetime read it: each letter's width, padding, text and
 * parsing rules are Joda's (which Java's pattern letters only resemble), and a parse sets the fields it read on
 * 1970-01-01 from the largest to the smallest, twice, as Joda's parser bucket does.
 */
final class JodaPattern {
    private static final Locale ENGLISH = Locale.ENGLISH;

    /** Short zone names Joda parses (its default names), and the zones they stand for. */
    private static final Map<String, String> ZONE_NAMES = Map.ofEntries(
            Map.entry("UT", "UTC"), Map.entry("UTC", "UTC"), Map.entry("GMT", "UTC"),
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("CST", "America/Chicago"), Map.entry("CDT", "America/Chicago"),
            Map.entry("MST", "America/Denver"), Map.entry("MDT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"));

    private static final List<String> ZONE_IDS = ZoneId.getAvailableZoneIds().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    /** A signed offset: two digits of hours, then optionally minutes, with or without a colon. */
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(?::?(\\d{2}))?");

    private sealed interface Token {}

    private record Literal(String text) implements Token {}

    /** A run of one pattern letter; {@code beforeNumber} when the next token is numeric (bounds a year's digits). */
    private record Letters(char letter, int count, boolean beforeNumber) implements Token {
        boolean twoDigitYear() {
            return count == 2 && (letter == 'y' || letter == 'Y' || letter == 'x');
        }
    }

    private final List<Token> tokens;

    private JodaPattern(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    static JodaPattern of(String pattern) {
        if (pattern.isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid pattern specification: Pattern is null or empty");
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (isLetter(c)) {
                int end = i;
                while (end < pattern.length() && pattern.charAt(end) == c) {
                    end++;
                }
                if ("GCYxweEyDMdaKhHkmsSzZ".indexOf(c) < 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Illegal pattern component: " + pattern.substring(i, end));
                }
                tokens.add(new Letters(c, end - i, false));
                i = end;
                continue;
            }
            // text up to the next letter outside quotes; '' is a quote, an unclosed quote runs to the end
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            while (i < pattern.length() && (quoted || !isLetter(pattern.charAt(i)))) {
                char t = pattern.charAt(i);
                if (t == '\'') {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                        text.append('\'');
                        i += 2;
                        continue;
                    }
                    quoted = !quoted;
                } else {
                    text.append(t);
                }
                i++;
            }
            if (!text.isEmpty()) {
                tokens.add(new Literal(text.toString()));
            }
        }
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (tokens.get(k) instanceof Letters letters && tokens.get(k + 1) instanceof Letters next && isNumeric(next)) {
                tokens.set(k, new Letters(letters.letter(), letters.count(), true));
            }
        }
        return new JodaPattern(tokens);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNumeric(Letters letters) {
        return "CYxweyDdKhHkmsS".indexOf(letters.letter()) >= 0 || letters.letter() == 'M' && letters.count() <= 2;
    }

    /** Whether the pattern prints or reads a time zone (z or Z outside quotes). */
    boolean hasZone() {
        return tokens.stream().anyMatch(token -> token instanceof Letters letters && (letters.letter() == 'z' || letters.letter() == 'Z'));
    }

    String format(ZonedDateTime time) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            if (token instanceof Literal literal) {
                out.append(literal.text());
            } else {
                print(out, (Letters) token, time);
            }
        }
        return out.toString();
    }

    private static void print(StringBuilder out, Letters token, ZonedDateTime time) {
        int count = token.count();
        switch (token.letter()) {
            case 'G' -> out.append(time.get(ChronoField.ERA) == 1 ? "AD" : "BC");
            case 'C' -> pad(out, time.get(ChronoField.YEAR_OF_ERA) / 100, count);
            case 'Y' -> pad(out, count == 2 ? twoDigits(time.getYear()) : time.get(ChronoField.YEAR_OF_ERA), count);
            case 'y' -> pad(out, count == 2 ? twoDigits(time.getYear()) : time.getYear(), count);
            case 'x' -> {
                int weekYear = time.get(IsoFields.WEEK_BASED_YEAR);
                pad(out, count == 2 ? twoDigits(weekYear) : weekYear, count);
            }
            case 'w' -> pad(out, time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), count);
            case 'e' -> pad(out, time.getDayOfWeek().getValue(), count);
            case 'E' -> out.append(time.getDayOfWeek().getDisplayName(count >= 4 ? TextStyle.FULL : TextStyle.SHORT, ENGLISH));
            case 'D' -> pad(out, time.getDayOfYear(), count);
            case 'M' -> {
                if (count >= 3) {
                    out.append(time.getMonth().getDisplayName(count >= 4 ? TextStyle.FULL : TextStyle.SHORT, ENGLISH));
                } else {
                    pad(out, time.getMonthValue(), count);
                }
            }
            case 'd' -> pad(out, time.getDayOfMonth(), count);
            case 'a' -> out.append(time.getHour() < 12 ? "AM" : "PM");
            case 'K' -> pad(out, time.getHour() % 12, count);
            case 'h' -> pad(out, (time.getHour() + 11) % 12 + 1, count);
            case 'H' -> pad(out, time.getHour(), count);
            case 'k' -> pad(out, time.getHour() == 0 ? 24 : time.getHour(), count);
            case 'm' -> pad(out, time.getMinute(), count);
            case 's' -> pad(out, time.getSecond(), count);
            case 'S' -> {
                // the milliseconds' digits, cut or followed by zeros
                String millis = String.format("%03d", time.getNano() / 1_000_000);
                out.append(count <= 3 ? millis.substring(0, count) : millis + "0".repeat(count - 3));
            }
            case 'z' -> out.append(DateTimeFormatter.ofPattern(count >= 4 ? "zzzz" : "z", ENGLISH).format(time));
            case 'Z' -> out.append(DateTimeFormatter.ofPattern(count == 1 ? "xx" : count == 2 ? "xxx" : "VV", ENGLISH).format(time));
            default -> throw new IllegalStateException("letter " + token.letter());
        }
    }

    private static int twoDigits(int year) {
        return Math.abs(year) % 100;
    }

    private static void pad(StringBuilder out, long value, int width) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        String digits = Long.toString(value);
        out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    /** The fields Joda's parser sets, from the largest to the smallest unit (then the widest range). */
    private enum Field {
        ERA(ChronoField.ERA),
        CENTURY_OF_ERA(null),
        YEAR(ChronoField.YEAR),
        WEEK_BASED_YEAR(IsoFields.WEEK_BASED_YEAR),
        YEAR_OF_ERA(ChronoField.YEAR_OF_ERA),
        MONTH(ChronoField.MONTH_OF_YEAR),
        WEEK(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        DAY_OF_YEAR(ChronoField.DAY_OF_YEAR),
        DAY_OF_MONTH(ChronoField.DAY_OF_MONTH),
        DAY_OF_WEEK(ChronoField.DAY_OF_WEEK),
        HALF_DAY(ChronoField.AMPM_OF_DAY),
        HOUR_OF_DAY(ChronoField.HOUR_OF_DAY),
        CLOCK_HOUR_OF_DAY(ChronoField.CLOCK_HOUR_OF_DAY),
        HOUR_OF_HALF_DAY(ChronoField.HOUR_OF_AMPM),
        CLOCK_HOUR_OF_HALF_DAY(ChronoField.CLOCK_HOUR_OF_AMPM),
        MINUTE(ChronoField.MINUTE_OF_HOUR),
        SECOND(ChronoField.SECOND_OF_MINUTE),
        MILLISECOND(ChronoField.MILLI_OF_SECOND);

        private final TemporalField field;

        Field(TemporalField field) {
            this.field = field;
        }

        /** A month, week or day as the largest field: Joda then reads the year as 2000. */
        boolean withinYear() {
            return compareTo(MONTH) >= 0 && compareTo(DAY_OF_WEEK) <= 0;
        }

        LocalDateTime set(LocalDateTime time, long value) {
            if (this == CENTURY_OF_ERA) {
                int yearOfEra = time.get(ChronoField.YEAR_OF_ERA);
                return time.with(ChronoField.YEAR_OF_ERA, Math.multiplyExact(value, 100) + yearOfEra % 100);
            }
            // a week beyond the week year's last (53 in a year of 52) is refused, not carried into the next year
            if (!field.rangeRefinedBy(time).isValidValue(value)) {
                throw new DateTimeException("Value " + value + " for " + name() + " must be in the range " + field.rangeRefinedBy(time));
            }
            return time.with(field, value);
        }

        /** The start of this field's unit, as Joda's roundFloor. */
        LocalDateTime floor(LocalDateTime time) {
            return switch (this) {
                case ERA -> time.get(ChronoField.ERA) == 1 ? LocalDateTime.of(1, 1, 1, 0, 0) : time;
                case CENTURY_OF_ERA -> time.withYear(time.getYear() / 100 * 100).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
                case YEAR, YEAR_OF_ERA -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
                case WEEK_BASED_YEAR -> time.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(ChronoField.DAY_OF_WEEK, 1)
                        .truncatedTo(ChronoUnit.DAYS);
                case MONTH -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                case WEEK -> time.with(ChronoField.DAY_OF_WEEK, 1).truncatedTo(ChronoUnit.DAYS);
                case DAY_OF_YEAR, DAY_OF_MONTH, DAY_OF_WEEK -> time.truncatedTo(ChronoUnit.DAYS);
                case HALF_DAY -> time.truncatedTo(ChronoUnit.DAYS).plusHours(time.getHour() / 12 * 12L);
                case HOUR_OF_DAY, CLOCK_HOUR_OF_DAY, HOUR_OF_HALF_DAY, CLOCK_HOUR_OF_HALF_DAY -> time.truncatedTo(ChronoUnit.HOURS);
                case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
                case SECOND -> time.truncatedTo(ChronoUnit.SECONDS);
                case MILLISECOND -> time;
            };
        }
    }

    private record Parsed(Field field, long value) {}

    /** Reads text from the pattern; the zone is the one read, else the given one. */
    ZonedDateTime parse(String text, ZoneId defaultZone) {
        for (Token token : tokens) {
            if (token instanceof Letters letters && letters.letter() == 'z' && letters.count() >= 4) {
                throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Parsing not supported");
            }
        }
        List<Parsed> fields = new ArrayList<>();
        ZoneId[] zone = {null};
        int position = 0;
        for (Token token : tokens) {
            int next = token instanceof Literal literal
                    ? text.regionMatches(true, position, literal.text(), 0, literal.text().length()) ? position + literal.text().length() : -1
                    : parseLetters((Letters) token, text, position, fields, zone);
            if (next < 0) {
                throw malformed(text, position);
            }
            position = next;
        }
        if (position < text.length()) {
            throw malformed(text, position);
        }
        try {
            List<Parsed> ordered = new ArrayList<>(fields);
            ordered.sort(Comparator.comparing(Parsed::field));
            if (!ordered.isEmpty() && ordered.get(0).field().withinYear()) {
                ordered.add(0, new Parsed(Field.YEAR, 2000));
            }
            LocalDateTime time = LocalDateTime.of(1970, 1, 1, 0, 0);
            for (Parsed parsed : ordered) {
                time = parsed.field().floor(parsed.field().set(time, parsed.value()));
            }
            for (int i = 0; i < ordered.size(); i++) {
                Parsed parsed = ordered.get(i);
                time = parsed.field().set(time, parsed.value());
                if (i == ordered.size() - 1) {
                    time = parsed.field().floor(time);
                }
            }
            ZoneId resultZone = zone[0] == null ? defaultZone : zone[0];
            ZonedDateTime result = ZonedDateTime.ofLocal(time, resultZone, null);
            if (!result.toLocalDateTime().equals(time)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Cannot parse \"" + text + "\": Illegal instant due to time zone offset transition (" + resultZone.getId() + ")");
            }
            return result;
        } catch (DateTimeException | ArithmeticException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot parse \"" + text + "\": " + e.getMessage());
        }
    }

    private static QuarryException malformed(String text, int position) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, position == 0
                ? "Invalid format: \"" + text + "\""
                : "Invalid format: \"" + text + "\" is malformed at \"" + text.substring(position) + "\"");
    }

    /** Reads one run of letters at position; answers the position after it, or -1. */
    private static int parseLetters(Letters token, String text, int position, List<Parsed> fields, ZoneId[] zone) {
        int count = token.count();
        return switch (token.letter()) {
            case 'G' -> parseText(text, position, Field.ERA, fields, List.of("BC", "AD"), 0);
            case 'C' -> parseNumber(text, position, count, false, Field.CENTURY_OF_ERA, fields);
            case 'y', 'Y', 'x' -> {
                Field field = token.letter() == 'y' ? Field.YEAR : token.letter() == 'x' ? Field.WEEK_BASED_YEAR : Field.YEAR_OF_ERA;
                if (token.twoDigitYear()) {
                    yield parseTwoDigitYear(text, position, !token.beforeNumber(), field == Field.WEEK_BASED_YEAR ? field : Field.YEAR, fields);
                }
                yield parseNumber(text, position, token.beforeNumber() ? count : 9, token.letter() != 'Y', field, fields);
            }
            case 'w' -> parseNumber(text, position, Math.max(count, 2), false, Field.WEEK, fields);
            case 'e' -> parseNumber(text, position, Math.max(count, 1), false, Field.DAY_OF_WEEK, fields);
            case 'E' -> parseText(text, position, Field.DAY_OF_WEEK, fields, dayNames(), 1);
            case 'D' -> parseNumber(text, position, Math.max(count, 3), false, Field.DAY_OF_YEAR, fields);
            case 'M' -> count >= 3
                    ? parseText(text, position, Field.MONTH, fields, monthNames(), 1)
                    : parseNumber(text, position, 2, false, Field.MONTH, fields);
            case 'd' -> parseNumber(text, position, Math.max(count, 2), false, Field.DAY_OF_MONTH, fields);
            case 'a' -> parseText(text, position, Field.HALF_DAY, fields, List.of("AM", "PM"), 0);
            case 'K' -> parseNumber(text, position, Math.max(count, 2), false, Field.HOUR_OF_HALF_DAY, fields);
            case 'h' -> parseNumber(text, position, Math.max(count, 2), false, Field.CLOCK_HOUR_OF_HALF_DAY, fields);
            case 'H' -> parseNumber(text, position, Math.max(count, 2), false, Field.HOUR_OF_DAY, fields);
            case 'k' -> parseNumber(text, position, Math.max(count, 2), false, Field.CLOCK_HOUR_OF_DAY, fields);
            case 'm' -> parseNumber(text, position, Math.max(count, 2), false, Field.MINUTE, fields);
            case 's' -> parseNumber(text, position, Math.max(count, 2), false, Field.SECOND, fields);
            case 'S' -> parseFraction(text, position, count, fields);
            case 'z' -> parseZoneName(text, position, zone);
            case 'Z' -> count >= 3 ? parseZoneId(text, position, zone) : parseOffset(text, position, zone);
            default -> throw new IllegalStateException("letter " + token.letter());
        };
    }

    private static List<String> monthNames() {
        List<String> names = new ArrayList<>();
        for (Month month : Month.values()) {
            names.add(month.getDisplayName(TextStyle.FULL, ENGLISH));
        }
        for (Month month : Month.values()) {
            names.add(month.getDisplayName(TextStyle.SHORT, ENGLISH));
        }
        return names;
    }

    private static List<String> dayNames() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(day.getDisplayName(TextStyle.FULL, ENGLISH));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(day.getDisplayName(TextStyle.SHORT, ENGLISH));
        }
        return names;
    }

    /** Full names come before short ones, so the longest matches; a name's value is its index (mod 12 or 7) + base. */
    private static int parseText(String text, int position, Field field, List<Parsed> fields, List<String> names, int base) {
        int distinct = names.size() == 2 ? 2 : names.size() / 2;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (text.regionMatches(true, position, name, 0, name.length())) {
                fields.add(new Parsed(field, i % distinct + base));
                return position + name.length();
            }
        }
        return -1;
    }

    private static int parseNumber(String text, int position, int maxDigits, boolean signed, Field field, List<Parsed> fields) {
        int limit = Math.min(text.length(), position + maxDigits);
        int i = position;
        boolean negative = false;
        if (signed && i < limit && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            if (i + 1 >= text.length() || !isDigit(text.charAt(i + 1))) {
                return -1;
            }
            negative = text.charAt(i) == '-';
            i++;
            limit = Math.min(text.length(), limit + 1);
        }
        int digitsStart = i;
        while (i < limit && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digitsStart) {
            return -1;
        }
        long value = Long.parseLong(text.substring(digitsStart, i));
        fields.add(new Parsed(field, negative ? -value : value));
        return i;
    }

    /** Two digits are a year within 50 of thirty years ago; a lenient year of other digits is taken as it is. */
    private static int parseTwoDigitYear(String text, int position, boolean lenient, Field field, List<Parsed> fields) {
        if (lenient) {
            int end = position;
            if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '+')) {
                end++;
            }
            int digitsStart = end;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end == digitsStart) {
                return -1;
            }
            if (digitsStart != position || end - digitsStart != 2) {
                return parseNumber(text, position, end - digitsStart, true, field, fields);
            }
        }
        if (position + 2 > text.length() || !isDigit(text.charAt(position)) || !isDigit(text.charAt(position + 1))) {
            return -1;
        }
        int twoDigits = Integer.parseInt(text.substring(position, position + 2));
        int low = Year.now(ZoneOffset.UTC).getValue() - 30 - 50;
        int lowTwoDigits = Math.floorMod(low, 100);
        fields.add(new Parsed(field, twoDigits + low - lowTwoDigits + (twoDigits < lowTwoDigits ? 100 : 0)));
        return position + 2;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Up to count digits of a fraction of a second, kept to the millisecond. */
    private static int parseFraction(String text, int position, int count, List<Parsed> fields) {
        int end = position;
        while (end < text.length() && end - position < count && isDigit(text.charAt(end))) {
            end++;
        }
        if (end == position) {
            return -1;
        }
        String digits = (text.substring(position, end) + "00").substring(0, 3);
        fields.add(new Parsed(Field.MILLISECOND, Integer.parseInt(digits)));
        return end;
    }

    private static int parseZoneName(String text, int position, ZoneId[] zone) {
        String best = null;
        for (String name : ZONE_NAMES.keySet()) {
            if (text.startsWith(name, position) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best == null) {
            return -1;
        }
        zone[0] = ZoneId.of(ZONE_NAMES.get(best));
        return position + best.length();
    }

    private static int parseZoneId(String text, int position, ZoneId[] zone) {
        for (String id : ZONE_IDS) {
            if (text.startsWith(id, position)) {
                zone[0] = ZoneId.of(id);
                return position + id.length();
            }
        }
        if (text.startsWith("UTC", position)) {
            zone[0] = ZoneOffset.UTC;
            return position + 3;
        }
        return -1;
    }

    /** Z, or a signed offset: two digits of hours, then optionally minutes with or without a colon. */
    private static int parseOffset(String text, int position, ZoneId[] zone) {
        if (text.startsWith("Z", position)) {
            zone[0] = ZoneOffset.UTC;
            return position + 1;
        }
        Matcher matcher = OFFSET.matcher(text).region(position, text.length());
        if (!matcher.lookingAt()) {
            return -1;
        }
        int hours = Integer.parseInt(matcher.group(2));
        int minutes = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        if (hours > 23 || minutes > 59) {
            return -1;
        }
        int seconds = (hours * 60 + minutes) * 60;
        zone[0] = ZoneOffset.ofTotalSeconds(matcher.group(1).equals("-") ? -seconds : seconds);
        return matcher.end();
    }

}
