package io.quarry.exec.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Expected values are Trino 476's answers to format_datetime and parse_datetime. */
class TestJodaPattern {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZonedDateTime MAY_FIRST = LocalDateTime.parse("2020-05-01T07:08:09.123").atZone(UTC);
    private static final ZonedDateTime IDES_OF_MARCH = LocalDateTime.parse("-0044-03-15T00:00:00").atZone(UTC);

    private static String format(ZonedDateTime time, String pattern) {
        return JodaPattern.of(pattern).format(time);
    }

    private static String parse(String text, String pattern) {
        return JodaPattern.of(pattern).parse(text, UTC).toString();
    }

    @Test
    void printsEachLetterAsJoda() {
        assertThat(format(MAY_FIRST, "G GGGG C CC CCCC")).isEqualTo("AD AD 20 20 0020");
        assertThat(format(IDES_OF_MARCH, "G C CC Y YY YYYY y yy yyyy x xxx")).isEqualTo("BC 0 00 45 44 0045 -44 44 -0044 -44 -044");
        assertThat(format(MAY_FIRST, "YYYYY yyyyy w www e eee E EEEE EEEEE")).isEqualTo("02020 02020 18 018 5 005 Fri Friday Friday");
        assertThat(format(MAY_FIRST, "D DDD DDDD M MM MMM MMMM MMMMM d ddd")).isEqualTo("122 122 0122 5 05 May May May 1 001");
        assertThat(format(MAY_FIRST, "a K KK h hh HHH k kk mmm sss")).isEqualTo("AM 7 07 7 07 007 7 07 008 009");
        assertThat(format(MAY_FIRST, "S SS SSS SSSS SSSSSSSSSS")).isEqualTo("1 12 123 1230 1230000000");
        assertThat(format(IDES_OF_MARCH, "h k K")).isEqualTo("12 24 0");
        assertThat(format(LocalDateTime.parse("+12345-12-31T23:59:59").atZone(UTC), "yyyyMMdd C")).isEqualTo("123451231 123");
        assertThat(format(LocalDateTime.parse("2021-01-03T10:00").atZone(UTC), "xxxx-ww-e xx")).isEqualTo("2020-53-7 20");
        assertThat(format(MAY_FIRST, "ddddddddddddddddddddddd")).isEqualTo("00000000000000000000001");
    }

    @Test
    void printsTextAndZones() {
        assertThat(format(MAY_FIRST, "yyyy 'it''s' '' [x] {} # é")).isEqualTo("2020 it's ' [2020] {} # é");
        assertThat(format(MAY_FIRST, "yyyy 'unterminated")).isEqualTo("2020 unterminated");
        ZonedDateTime paris = LocalDateTime.parse("2020-05-01T10:00").atZone(ZoneId.of("Europe/Paris"));
        assertThat(format(paris, "Z ZZ ZZZ z zzzz")).isEqualTo("+0200 +02:00 Europe/Paris CEST Central European Summer Time");
        assertThat(JodaPattern.of("yyyy'Z'").hasZone()).isFalse();
        assertThat(JodaPattern.of("yyyy z").hasZone()).isTrue();
    }

    @Test
    void refusesUnknownLettersAndEmptyPatterns() {
        assertThatThrownBy(() -> JodaPattern.of("yyyy q")).hasMessage("Illegal pattern component: q");
        assertThatThrownBy(() -> JodaPattern.of("Q")).hasMessage("Illegal pattern component: Q");
        assertThatThrownBy(() -> JodaPattern.of("")).hasMessageContaining("Pattern is null or empty");
    }

    @Test
    void parsesAsJoda() {
        assertThat(parse("2020-05-01", "yy-MM-dd")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("99-05-01", "yy-MM-dd")).isEqualTo("1999-05-01T00:00Z[UTC]");
        assertThat(parse("20200501", "yyyyMMdd")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("2020-5-1", "yyyy-MM-dd")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("BC 2020", "G yyyy")).isEqualTo("2020-01-01T00:00Z[UTC]");
        assertThat(parse("BC 2020", "G YYYY")).isEqualTo("-2019-01-01T00:00Z[UTC]");
        assertThat(parse("2020 18 5", "xxxx w e")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("2020", "xxxx")).isEqualTo("2019-12-30T00:00Z[UTC]");
        assertThat(parse("2020 fri", "yyyy E")).isEqualTo("2020-01-03T00:00Z[UTC]");
        assertThat(parse("2020 March", "yyyy MMM")).isEqualTo("2020-03-01T00:00Z[UTC]");
        assertThat(parse("2020 122", "yyyy D")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("2020 05 01 07 pm", "yyyy MM dd KK a")).isEqualTo("2020-05-01T19:00Z[UTC]");
        assertThat(parse("2020 05 01 24", "yyyy MM dd kk")).isEqualTo("2020-05-01T00:00Z[UTC]");
        assertThat(parse("2020 05 01 23:59:58.12", "yyyy MM dd HH:mm:ss.SSSSSS")).isEqualTo("2020-05-01T23:59:58.120Z[UTC]");
        assertThat(parse("12345", "yyyy")).isEqualTo("+12345-01-01T00:00Z[UTC]");
        assertThat(parse("-44", "yyyy")).isEqualTo("-0044-01-01T00:00Z[UTC]");
        assertThat(parse("+2020", "yyyy")).isEqualTo("2020-01-01T00:00Z[UTC]");
        // a month, week or day as the largest field reads the year as 2000; fields are set twice
        assertThat(parse("05-01", "MM-dd")).isEqualTo("2000-05-01T00:00Z[UTC]");
        assertThat(parse("18", "ww")).isEqualTo("2000-05-01T00:00Z[UTC]");
        assertThat(parse("5", "e")).isEqualTo("2000-12-29T00:00Z[UTC]");
        assertThat(parse("20", "CC")).isEqualTo("2000-01-01T00:00Z[UTC]");
        assertThat(parse("AD", "G")).isEqualTo("0001-01-01T00:00Z[UTC]");
    }

    @Test
    void parsesZones() {
        assertThat(parse("2020-05-01 10:00 +02", "yyyy-MM-dd HH:mm Z")).isEqualTo("2020-05-01T10:00+02:00");
        assertThat(parse("2020-05-01 10:00 +0200", "yyyy-MM-dd HH:mm ZZ")).isEqualTo("2020-05-01T10:00+02:00");
        assertThat(parse("2020-05-01 10:00 Z", "yyyy-MM-dd HH:mm Z")).isEqualTo("2020-05-01T10:00Z");
        assertThat(parse("2020-05-01 10:00 Europe/Paris", "yyyy-MM-dd HH:mm ZZZ")).isEqualTo("2020-05-01T10:00+02:00[Europe/Paris]");
        assertThat(parse("2020-05-01 10:00 EST", "yyyy-MM-dd HH:mm z")).isEqualTo("2020-05-01T10:00-04:00[America/New_York]");
        assertThat(JodaPattern.of("yyyy").parse("2020", ZoneOffset.ofHours(3)).getOffset()).isEqualTo(ZoneOffset.ofHours(3));
    }

    @Test
    void failsAsJoda() {
        assertInvalid("2020-005-001", "yyyy-M-d");
        assertInvalid("20", "C");
        assertInvalid("2020 5", "yyyy MMM");
        assertInvalid("2020 ", "yyyy");
        assertInvalid("2020-02-30", "yyyy-MM-dd");
        assertInvalid("2019 366", "yyyy DDD");
        assertInvalid("2021 53", "xxxx ww");
        assertInvalid("2020-05-01 13 PM", "yyyy-MM-dd hh a");
        assertInvalid("2020-05-01 10:00 +02:00", "yyyy-MM-dd HH:mm ZZZ");
        assertInvalid("2020-03-08 02:30 America/New_York", "yyyy-MM-dd HH:mm ZZZ");
        assertThatThrownBy(() -> parse("2020-05-01 10:00 UTC", "yyyy-MM-dd HH:mm zzzz"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.GENERIC_INTERNAL_ERROR));
    }

    private static void assertInvalid(String text, String pattern) {
        assertThatThrownBy(() -> parse(text, pattern)).isInstanceOfSatisfying(QuarryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
    }
}
