package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** from_utf8 with a replacement string or code point, with Trino 476's answers. */
class TestFromUtf8Replacement extends LocalQueryTest {
    @Test
    void replacesInvalidSequences() throws Exception {
        assertResult("SELECT from_utf8(X'C3A9'), from_utf8(X'FF'), from_utf8(X'FF', '?'), from_utf8(X'FF', 65), "
                        + "from_utf8(X'61FF62', ''), from_utf8(X'61FF62', 128512)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("é", "\uFFFD", "?", "A", "ab", "a\uD83D\uDE00b"));
        assertThatThrownBy(() -> run("SELECT from_utf8(X'FF', 'ab')"))
                .hasStackTraceContaining("Replacement character string must empty or a single character");
        assertThatThrownBy(() -> run("SELECT from_utf8(X'FF', -1)")).hasStackTraceContaining("Invalid replacement character");
    }
}
