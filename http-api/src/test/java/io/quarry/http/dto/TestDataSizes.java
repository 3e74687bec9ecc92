package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDataSizes {
    @Test
    void formatsSuccinctly() {
        assertThat(DataSizes.format(0)).isEqualTo("0B");
        assertThat(DataSizes.format(1023)).isEqualTo("1023B");
        assertThat(DataSizes.format(1L << 20)).isEqualTo("1MB");
        assertThat(DataSizes.format((25L << 20) / 2)).isEqualTo("12.50MB");
        assertThat(DataSizes.format(4L << 30)).isEqualTo("4GB");
    }

    @Test
    void parsesAirliftText() {
        assertThat(DataSizes.parse("1MB")).isEqualTo(1L << 20);
        assertThat(DataSizes.parse("512kB")).isEqualTo(512L << 10);
        assertThat(DataSizes.parse("128MB")).isEqualTo(128L << 20);
        assertThat(DataSizes.parse("1.5GB")).isEqualTo(3L << 29);
        assertThat(DataSizes.parse("10B")).isEqualTo(10);
        assertThat(DataSizes.parse("2mb")).isEqualTo(2L << 20);
        assertThatThrownBy(() -> DataSizes.parse("big")).hasMessageContaining("big");
        assertThatThrownBy(() -> DataSizes.parse("1XB")).hasMessageContaining("1XB");
    }
}
