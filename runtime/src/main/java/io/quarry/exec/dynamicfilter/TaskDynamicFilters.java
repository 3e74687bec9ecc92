package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dynamic filters of one task that cross its boundary: summaries its partitioned joins collect (reported to
 * whoever listens, normally the task's actor, which sends them to the coordinator; kept until a listener is set)
 * and merged filters that arrive for the table scan its fragment's output is read from. Thread-safe.
 */
public final class TaskDynamicFilters {
    private final String taskName;
    private final ScanDynamicFilters rootScan;
    private final List<CollectedDynamicFilter> unreported = new ArrayList<>();
    private Consumer<CollectedDynamicFilter> listener;

    /** {@code rootScan}: the filters of the scan at the bottom of the fragment's root chain, if there is one. */
    public TaskDynamicFilters(String taskName, ScanDynamicFilters rootScan) {
        this.taskName = requireNonNull(taskName, "taskName is null");
        this.rootScan = rootScan;
    }

    String taskName() {
        return taskName;
    }

    /** Sets who receives the reports, and hands it those made before. */
    public void onCollected(Consumer<CollectedDynamicFilter> newListener) {
        List<CollectedDynamicFilter> earlier;
        synchronized (this) {
            listener = requireNonNull(newListener, "newListener is null");
            earlier = List.copyOf(unreported);
            unreported.clear();
        }
        earlier.forEach(newListener);
    }

    void report(CollectedDynamicFilter filter) {
        Consumer<CollectedDynamicFilter> current;
        synchronized (this) {
            current = listener;
            if (current == null) {
                unreported.add(filter);
                return;
            }
        }
        current.accept(filter);
    }

    /** A merged filter for column {@code scanColumn} of the fragment's root scan; ignored when there is none. */
    public void apply(int scanColumn, DynamicFilterSummary summary) {
        if (rootScan != null) {
            rootScan.add(scanColumn, summary);
        }
    }
}
