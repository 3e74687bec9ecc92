package io.quarry.exec.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestLikeMatcher {
    @Test
    void literalsBetweenWildcardsMatchInOrder() {
        assertThat(matches("%special%requests%", "xx special yy requests zz")).isTrue();
        assertThat(matches("%special%requests%", "requests before special")).isFalse();
        assertThat(matches("a%b%c", "abc")).isTrue();
        assertThat(matches("a%b%c", "ab")).isFalse();
        assertThat(matches("ab%ba", "aba")).isFalse();
        assertThat(matches("ab%ba", "abba")).isTrue();
        assertThat(matches("%é%ü", "xéyü")).isTrue();
    }

    @Test
    void everyShapeAgreesWithARegularExpression() {
        Random random = new Random(42);
        String[] alphabet = {"a", "b", "é"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder pattern = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                int pick = random.nextInt(6);
                pattern.append(pick == 0 ? "%" : pick == 1 ? "_" : alphabet[random.nextInt(alphabet.length)]);
            }
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(7); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(matches(pattern.toString(), text.toString()))
                    .as("'%s' LIKE '%s'", text, pattern)
                    .isEqualTo(regex(pattern.toString()).matcher(text).matches());
        }
    }

    private static boolean matches(String pattern, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return LikeMatcher.compile(pattern, null).matches(bytes, 0, bytes.length);
    }

    private static Pattern regex(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
