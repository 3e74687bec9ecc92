package io.quarry.exec.dynamicfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestScanDynamicFilters {
    @Test
    void aScanIsReadyAtOnceUnlessItAwaitsFilters() {
        ScanDynamicFilters filters = new ScanDynamicFilters();
        assertThat(filters.whenReady()).isDone();
        filters.awaitFilters(0, Duration.ofHours(1));
        assertThat(filters.whenReady()).isDone();
        filters.awaitFilters(2, Duration.ZERO);
        assertThat(filters.whenReady()).isDone();
    }

    @Test
    void theAwaitedFiltersReleaseTheScanEvenWhenTheyPruneNothing() {
        ScanDynamicFilters filters = new ScanDynamicFilters();
        filters.awaitFilters(2, Duration.ofHours(1));
        assertThat(filters.whenReady()).isNotDone();
        filters.add(0, DynamicFilterSummary.all());
        assertThat(filters.whenReady()).isNotDone();
        assertThat(filters.hasFilters()).isFalse();
        byte[] bytes = "ASIAEUROPE".getBytes(StandardCharsets.UTF_8);
        VariableWidthBlock regions = new VariableWidthBlock(2, null, new int[] {0, 4, 10}, bytes);
        filters.add(1, DynamicFilterSummary.collect(List.of(Page.of(new VariableWidthBlock(1, null, new int[] {0, 4}, bytes))),
                0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 10));
        assertThat(filters.whenReady()).isDone();
        Page page = new Page(2, new LongBlock(2, null, new long[] {1, 2}), regions);
        Page kept = filters.apply(page);
        assertThat(kept.positionCount()).isEqualTo(1);
        assertThat(((LongBlock) kept.block(0)).getLong(0)).isEqualTo(1);
    }

    @Test
    void aFilterThatNeverComesOnlyHoldsTheScanUntilTheTimeout() throws Exception {
        ScanDynamicFilters filters = new ScanDynamicFilters();
        filters.awaitFilters(1, Duration.ofMillis(50));
        // completes by itself: get would throw a TimeoutException after 10 s otherwise
        filters.whenReady().get(10, TimeUnit.SECONDS);
        assertThat(filters.hasFilters()).isFalse();
        Page page = Page.of(new LongBlock(1, null, new long[] {5}));
        assertThat(filters.apply(page)).isSameAs(page);
    }
}
