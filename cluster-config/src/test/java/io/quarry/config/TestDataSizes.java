package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDataSizes {
    @ParameterizedTest
    @CsvSource({
        "100B, 100",
        "0B, 0",
        "10kB, 10240",
        "512MB, 536870912",
        "1GB, 1073741824",
        "1.5GB, 1610612736",
        "20GB, 21474836480",
        "2TB, 2199023255552",
        "1PB, 1125899906842624",
        "' 64 MB ', 67108864",
        "0.5B, 0"
    })
    void parsesAirliftSizes(String text, long bytes) {
        assertThat(DataSizes.parseBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GB", "12", "1,5GB", "-1GB", "1gb", "1KB", "1 GiB", "abc", "1e3B"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> DataSizes.parseBytes(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("B, kB, MB, GB, TB, PB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8192PB", "100000000000TB"})
    void rejectsSizesBeyondLong(String text) {
        assertThatThrownBy(() -> DataSizes.parseBytes(text)).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0B",
        "100, 100B",
        "1023, 1023B",
        "1024, 1kB",
        "1536, 1.50kB",
        "13107200, 12.50MB",
        "1073741824, 1GB",
        "1610612736, 1.50GB",
        "21474836480, 20GB",
        "1125899906842624, 1PB",
        "2251799813685248, 2PB"
    })
    void formatsSuccinctly(long bytes, String text) {
        assertThat(DataSizes.formatBytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 100, 1024, 1536, 13107200, 1L << 30, 3L << 40, 5L << 50})
    void formattedSizesParseBackWhenExact(long bytes) {
        assertThat(DataSizes.parseBytes(DataSizes.formatBytes(bytes))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100B", "10kB", "512MB", "1.50GB", "20GB", "3TB", "1PB"})
    void canonicalTextsRoundTrip(String text) {
        assertThat(DataSizes.formatBytes(DataSizes.parseBytes(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void rejectsNegativeBytes(long bytes) {
        assertThatThrownBy(() -> DataSizes.formatBytes(bytes)).hasMessageContaining("negative");
    }
}
