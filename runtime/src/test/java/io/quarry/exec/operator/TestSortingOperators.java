package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.exec.OutputSink;
import io.quarry.page.Page;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.SortKey;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TestSortingOperators {
    private static final List<Type> TYPES = List.of(Types.BIGINT, Types.VARCHAR);

    private static Page input() {
        return page(TYPES, row(3L, "c"), row(null, "n"), row(1L, "a"), row(2L, "b"), row(1L, "a2"));
    }

    @Test
    void orderByRespectsDirectionAndNullPlacement() {
        assertThat(run(new OrderByOperator(TYPES, List.of(new SortKey(0, true, false), new SortKey(1, true, false))), TYPES, input()))
                .containsExactly(Arrays.asList(1L, "a"), Arrays.asList(1L, "a2"), Arrays.asList(2L, "b"), Arrays.asList(3L, "c"),
                        Arrays.asList(null, "n"));
        assertThat(run(new OrderByOperator(TYPES, List.of(new SortKey(0, false, true))), TYPES, input()).stream()
                .map(row -> row.get(0)).toList())
                .containsExactly(null, 3L, 2L, 1L, 1L);
    }

    @Test
    void topNKeepsTheFirstRows() {
        List<List<Object>> result = run(new TopNOperator(TYPES, List.of(new SortKey(0, false, false)), 2), TYPES, input(), input());
        assertThat(result).containsExactly(Arrays.asList(3L, "c"), Arrays.asList(3L, "c"));
        Object[][] many = new Object[10_000][];
        for (int i = 0; i < many.length; i++) {
            many[i] = row((long) ((i * 7919) % 10_000), "v" + i);
        }
        Page[] pages = new Page[50];
        Arrays.fill(pages, page(TYPES, many));
        List<List<Object>> top = run(new TopNOperator(TYPES, List.of(new SortKey(0, true, true)), 3), TYPES, pages);
        assertThat(top.stream().map(row -> row.get(0)).toList()).containsExactly(0L, 0L, 0L);
    }

    @Test
    void limitWithOffset() {
        assertThat(run(new LimitOperator(1, 2), TYPES, input(), input()))
                .containsExactly(Arrays.asList(null, "n"), Arrays.asList(1L, "a"));
        assertThat(run(new LimitOperator(4, 3), TYPES, input(), input()))
                .containsExactly(Arrays.asList(1L, "a2"), Arrays.asList(3L, "c"), Arrays.asList(null, "n"));
        LimitOperator zero = new LimitOperator(0, 0);
        assertThat(zero.isFinished()).isTrue();
    }

    @Test
    void repartitionSendsEqualKeysToOnePartition() {
        List<List<Page>> partitions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            partitions.add(new ArrayList<>());
        }
        OutputSink sink = new OutputSink() {
            @Override
            public void enqueue(int partition, Page page) {
                partitions.get(partition).add(page);
            }

            @Override
            public CompletableFuture<Void> isFull() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void setNoMorePages() {}

            @Override
            public void abort() {}
        };
        OutputOperator operator = new OutputOperator(sink, ExchangeKind.REPARTITION, List.of(0), 4, TYPES);
        run(operator, TYPES, input(), input());
        int total = 0;
        List<Object> seenKeys = new ArrayList<>();
        for (List<Page> pages : partitions) {
            List<Object> keys = OperatorAssertions.rows(pages, TYPES).stream().map(row -> row.get(0)).distinct().toList();
            for (Object key : keys) {
                assertThat(seenKeys).doesNotContain(key);
            }
            seenKeys.addAll(keys);
            total += pages.stream().mapToInt(Page::positionCount).sum();
        }
        assertThat(total).isEqualTo(10);
        assertThat(operator.stats().outputRows()).isEqualTo(10);
        assertThat(seenKeys).containsExactlyInAnyOrder(null, 1L, 2L, 3L);
    }
}
