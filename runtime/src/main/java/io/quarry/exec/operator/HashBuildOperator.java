package io.quarry.exec.operator;

import io.quarry.exec.dynamicfilter.JoinDynamicFilters;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a join's build pipeline: keeps every page, and once the input is complete builds the
 * {@link JoinHash} and publishes it to the probe side through the {@link JoinBridge}.
 */
public final class HashBuildOperator implements Operator {
    private final List<Type> types;
    private final int[] keyChannels;
    private final boolean[] nullSafe;
    private final boolean indistinctMatch;
    private final boolean trackVisited;
    private final JoinBridge bridge;
    /** Where the build keys' dynamic filters go once the input is complete; null when the join has none. */
    private final JoinDynamicFilters dynamicFilters;
    private final OperatorStats stats = new OperatorStats("HashBuilder");
    private final List<Page> pages = new ArrayList<>();
    private long bufferedBytes;
    private boolean finished;

    public HashBuildOperator(List<Type> types, int[] keyChannels, boolean[] nullSafe, boolean trackVisited, JoinBridge bridge) {
        this(types, keyChannels, nullSafe, false, trackVisited, bridge, null);
    }

    /** @param indistinctMatch whether keys match where not distinct (NaN, rows with NULL fields), as in Trino's IN */
    public HashBuildOperator(
            List<Type> types, int[] keyChannels, boolean[] nullSafe, boolean indistinctMatch, boolean trackVisited, JoinBridge bridge,
            JoinDynamicFilters dynamicFilters) {
        this.dynamicFilters = dynamicFilters;
        this.types = List.copyOf(types);
        this.keyChannels = keyChannels.clone();
        this.nullSafe = nullSafe.clone();
        this.indistinctMatch = indistinctMatch;
        this.trackVisited = trackVisited;
        this.bridge = bridge;
    }

    @Override
    public boolean needsInput() {
        return !finished;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        pages.add(page);
        bufferedBytes += page.sizeInBytes();
        stats.setRetainedBytes(bufferedBytes);
    }

    @Override
    public Page getOutput() {
        return null;
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (dynamicFilters != null) {
            // before the probe side is released, so that its scan filters from its first page after the build
            dynamicFilters.buildComplete(pages);
        }
        JoinHash hash = JoinHash.build(types, pages, keyChannels, nullSafe, indistinctMatch, trackVisited);
        pages.clear();
        stats.setRetainedBytes(hash.sizeInBytes());
        bridge.publish(hash);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    /** Drops the buffered pages of a build that never finished (failed or cancelled task). */
    @Override
    public void close() {
        pages.clear();
    }
}
