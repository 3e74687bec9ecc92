package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.exec.operator.LimitOperator;
import io.quarry.exec.operator.OperatorStats;
import io.quarry.exec.operator.ValuesOperator;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A closed driver lets go of its operators (a failed task lingers a moment to answer late requests, and its hash
 * tables, already out of the memory accounting, must not stay on the heap meanwhile) but keeps their figures.
 */
class TestDriverClose {
    @Test
    void aClosedDriverKeepsTheFiguresButNotTheOperators() throws InterruptedException {
        ValuesOperator values = new ValuesOperator(List.of());
        LimitOperator limit = new LimitOperator(0, 1);
        values.stats().recordWall(300);
        OperatorStats limitStats = limit.stats();
        Driver driver = new Driver(List.of(values, limit));
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        WeakReference<ValuesOperator> valuesReference = new WeakReference<>(values, collected);
        WeakReference<LimitOperator> limitReference = new WeakReference<>(limit, collected);
        values = null;
        limit = null;

        driver.close();

        // both operators are collected within the deadline once nothing holds them
        int cleared = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cleared < 2 && System.nanoTime() < deadline) {
            System.gc();
            if (collected.remove(100) != null) {
                cleared++;
            }
        }
        assertThat(valuesReference.get()).as("the values operator after the close").isNull();
        assertThat(limitReference.get()).as("the limit operator after the close").isNull();
        assertThat(driver.operatorStats()).hasSize(2).contains(limitStats);
        assertThat(driver.operatorStats().get(0).wallNanos()).isEqualTo(300);
        assertThatThrownBy(() -> driver.process(1_000_000)).isInstanceOf(IllegalStateException.class);
    }
}
