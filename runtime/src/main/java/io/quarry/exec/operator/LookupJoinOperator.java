package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.RunLengthBlock;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import io.quarry.plan.JoinType;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The probe side of a join: waits for the build side, looks up a page of probe rows at a time, gathers the
 * candidate (probe row, build row) pairs in primitive arrays, checks the join filter on them as one page,
 * and builds output pages column by column. Emits NULL-padded rows for unmatched probe rows (LEFT, FULL)
 * and, after its input, for unmatched build rows (RIGHT, FULL: the only probe driver of its task does that).
 */
public final class LookupJoinOperator implements Operator {
    private static final int TARGET_ROWS = OutputPages.MAX_ROWS;

    private final JoinType type;
    private final List<Type> probeTypes;
    private final List<Type> buildTypes;
    private final int[] probeKeyChannels;
    private final BlockEvaluator filter;
    private final JoinBridge bridge;
    private final OperatorStats stats = new OperatorStats("LookupJoin");

    private JoinHash hash;
    private Page probe;
    private int cursor;
    private int[] heads = new int[0];
    private boolean[] nullKeys = new boolean[0];
    /** Per dictionary entry of an encoded key: its first matching build row, whether it is NULL. */
    private int[] entryHeads = new int[0];
    private boolean[] entryNulls = new boolean[0];
    private int[] candidateProbe = new int[TARGET_ROWS];
    private int[] candidateBuild = new int[TARGET_ROWS];
    private Page pendingOutput;
    private boolean finishing;
    private int unmatchedBuildCursor;
    private boolean done;

    /**
     * @param filter the join filter over the probe channels followed by the build channels, or null
     */
    public LookupJoinOperator(
            JoinType type, List<Type> probeTypes, List<Type> buildTypes, int[] probeKeyChannels, BlockEvaluator filter, JoinBridge bridge) {
        this.type = type;
        this.probeTypes = List.copyOf(probeTypes);
        this.buildTypes = List.copyOf(buildTypes);
        this.probeKeyChannels = probeKeyChannels.clone();
        this.filter = filter;
        this.bridge = bridge;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return bridge.whenBuilt();
    }

    private boolean built() {
        if (hash == null && bridge.whenBuilt().isDone()) {
            hash = bridge.hash();
        }
        return hash != null;
    }

    @Override
    public boolean needsInput() {
        return !finishing && probe == null && pendingOutput == null && built();
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int count = page.positionCount();
        if (heads.length < count) {
            heads = new int[count];
            nullKeys = new boolean[count];
        }
        lookUp(page, count);
        probe = page;
        cursor = 0;
    }

    /**
     * Takes dictionary and run-length blocks as they come: the other probe columns keep their encoding into the
     * output (copying ids, not values), and a single key column that is encoded is looked up once per dictionary
     * entry (or once for a run) instead of once per row.
     */
    @Override
    public boolean acceptsEncodedBlocks() {
        return true;
    }

    /** The first matching build row (and, for MARK, whether the key is NULL) of each probe row of {@code page}. */
    private void lookUp(Page page, int count) {
        boolean[] nulls = type == JoinType.MARK ? nullKeys : null;
        if (probeKeyChannels.length == 1) {
            Block key = page.block(probeKeyChannels[0]);
            if (key instanceof RunLengthBlock run) {
                lookUpEntries(run.value(), nulls);
                Arrays.fill(heads, 0, count, entryHeads[0]);
                if (nulls != null) {
                    Arrays.fill(nulls, 0, count, entryNulls[0]);
                }
                return;
            }
            if (key instanceof DictionaryBlock dictionary && dictionary.dictionary().positionCount() <= count) {
                lookUpEntries(dictionary.dictionary(), nulls);
                int[] ids = dictionary.rawIds();
                for (int row = 0; row < count; row++) {
                    heads[row] = entryHeads[ids[row]];
                }
                if (nulls != null) {
                    for (int row = 0; row < count; row++) {
                        nulls[row] = entryNulls[ids[row]];
                    }
                }
                return;
            }
        }
        Block[] keys = new Block[probeKeyChannels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = EqualityKeys.of(probeTypes.get(probeKeyChannels[i]), EncodedBlocks.flatten(page.block(probeKeyChannels[i])));
        }
        hash.lookup(keys, count, heads, nulls);
    }

    /** Looks up every entry of a flat block of key values into {@code entryHeads} (and {@code entryNulls}). */
    private void lookUpEntries(Block values, boolean[] nulls) {
        int size = values.positionCount();
        if (entryHeads.length < size) {
            entryHeads = new int[size];
            entryNulls = new boolean[size];
        }
        Block keys = EqualityKeys.of(probeTypes.get(probeKeyChannels[0]), values);
        hash.lookup(new Block[] {keys}, size, entryHeads, nulls == null ? null : entryNulls);
    }

    @Override
    public Page getOutput() {
        if (pendingOutput != null) {
            Page page = pendingOutput;
            pendingOutput = null;
            return record(page);
        }
        if (!built()) {
            return null;
        }
        while (probe != null) {
            Page page = processChunk();
            if (cursor >= probe.positionCount()) {
                probe = null;
            }
            if (page != null && page.positionCount() > 0) {
                return record(page);
            }
        }
        if (finishing && !done) {
            if (type.tracksMatchedRight()) {
                while (unmatchedBuildCursor < hash.rowCount()) {
                    Page page = buildRowsAfterInput();
                    if (page != null) {
                        return record(page);
                    }
                }
            }
            done = true;
        }
        return null;
    }

    private Page record(Page page) {
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return done && probe == null && pendingOutput == null;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    // ---- probing ----

    /** Processes probe rows from the cursor until about a page of candidates; returns the output (or null). */
    private Page processChunk() {
        int probeCount = probe.positionCount();
        if (filter == null && (type == JoinType.SEMI || type == JoinType.ANTI || type == JoinType.MARK)) {
            return existence();
        }
        int start = cursor;
        int candidates = 0;
        int row = cursor;
        while (row < probeCount && candidates < TARGET_ROWS) {
            for (int build = heads[row]; build >= 0; build = hash.next(build)) {
                if (candidates == candidateProbe.length) {
                    candidateProbe = Arrays.copyOf(candidateProbe, candidates * 2);
                    candidateBuild = Arrays.copyOf(candidateBuild, candidates * 2);
                }
                candidateProbe[candidates] = row;
                candidateBuild[candidates] = build;
                candidates++;
            }
            row++;
        }
        cursor = row;
        int end = row;

        int[] passed = candidateProbe;
        int[] passedBuild = candidateBuild;
        int passedCount = candidates;
        boolean[] unknown = null;
        if (filter != null && candidates > 0) {
            Page candidatePage = candidatePage(candidateProbe, candidateBuild, candidates);
            BooleanBlock result = (BooleanBlock) filter.evaluate(candidatePage);
            passed = new int[candidates];
            passedBuild = new int[candidates];
            passedCount = 0;
            for (int i = 0; i < candidates; i++) {
                if (!result.isNull(i) && result.getBoolean(i)) {
                    passed[passedCount] = candidateProbe[i];
                    passedBuild[passedCount] = candidateBuild[i];
                    passedCount++;
                } else if (type == JoinType.MARK && result.isNull(i)) {
                    if (unknown == null) {
                        unknown = new boolean[probeCount];
                    }
                    unknown[candidateProbe[i]] = true;
                }
            }
        }
        if (type.tracksMatchedRight()) {
            for (int i = 0; i < passedCount; i++) {
                hash.markVisited(passedBuild[i]);
            }
        }
        return switch (type) {
            case INNER, RIGHT -> joined(passed, passedBuild, passedCount);
            case LEFT, FULL -> withUnmatchedProbeRows(passed, passedBuild, passedCount, start, end);
            case SEMI, ANTI -> existenceOf(passed, passedCount, start, end);
            case MARK -> marks(passed, passedCount, start, end, unknown);
            case RIGHT_SEMI, RIGHT_ANTI -> null;
        };
    }

    /** The candidates as one page: probe channels, then build channels. */
    private Page candidatePage(int[] probeRows, int[] buildRows, int count) {
        Block[] blocks = new Block[probeTypes.size() + buildTypes.size()];
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[channel] = probe.block(channel).copyPositions(probeRows, count);
        }
        Page build = hash.rows();
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[probeTypes.size() + channel] = build.block(channel).copyPositions(buildRows, count);
        }
        // the compiled filter reads flat blocks
        return EncodedPages.flatten(new Page(count, blocks));
    }

    private Page joined(int[] probeRows, int[] buildRows, int count) {
        if (count == 0) {
            return null;
        }
        Block[] blocks = new Block[probeTypes.size() + buildTypes.size()];
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[channel] = probe.block(channel).copyPositions(probeRows, count);
        }
        Page build = hash.rows();
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[probeTypes.size() + channel] = build.block(channel).copyPositions(buildRows, count);
        }
        return new Page(count, blocks);
    }

    private Page withUnmatchedProbeRows(int[] probeRows, int[] buildRows, int count, int start, int end) {
        boolean[] matched = new boolean[end - start];
        int unmatched = end - start;
        for (int i = 0; i < count; i++) {
            if (!matched[probeRows[i] - start]) {
                matched[probeRows[i] - start] = true;
                unmatched--;
            }
        }
        if (unmatched == 0) {
            return joined(probeRows, buildRows, count);
        }
        int total = count + unmatched;
        int[] allProbe = Arrays.copyOf(probeRows, total);
        int[] allBuild = Arrays.copyOf(buildRows, total);
        int at = count;
        for (int row = start; row < end; row++) {
            if (!matched[row - start]) {
                allProbe[at] = row;
                allBuild[at] = -1;
                at++;
            }
        }
        Block[] blocks = new Block[probeTypes.size() + buildTypes.size()];
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[channel] = probe.block(channel).copyPositions(allProbe, total);
        }
        Page build = hash.rows();
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[probeTypes.size() + channel] = nullPadded(build.block(channel), buildTypes.get(channel), allBuild, count, total);
        }
        return new Page(total, blocks);
    }

    /** The values at {@code positions}, where positions from {@code firstNull} on are -1 (NULL). */
    private static Block nullPadded(Block source, Type type, int[] positions, int firstNull, int total) {
        BlockBuilder builder = BlockBuilder.create(type, total);
        for (int i = 0; i < firstNull; i++) {
            builder.append(source, positions[i]);
        }
        for (int i = firstNull; i < total; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    private static Block nulls(Type type, int count) {
        BlockBuilder builder = BlockBuilder.create(type, count);
        for (int i = 0; i < count; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    /** SEMI and ANTI with a filter: the probe rows with (without) a passing candidate. */
    private Page existenceOf(int[] probeRows, int count, int start, int end) {
        boolean[] matched = new boolean[end - start];
        for (int i = 0; i < count; i++) {
            matched[probeRows[i] - start] = true;
        }
        boolean keep = type == JoinType.SEMI;
        int[] positions = new int[end - start];
        int kept = 0;
        for (int row = start; row < end; row++) {
            if (matched[row - start] == keep) {
                positions[kept++] = row;
            }
        }
        return kept == 0 ? null : probe.copyPositions(positions, kept);
    }

    /** SEMI, ANTI and MARK without a filter: whether the key has a build row decides. */
    private Page existence() {
        int start = cursor;
        int end = probe.positionCount();
        cursor = end;
        if (type == JoinType.MARK) {
            return marks(null, 0, start, end, null);
        }
        boolean keep = type == JoinType.SEMI;
        int[] positions = new int[end - start];
        int kept = 0;
        for (int row = start; row < end; row++) {
            if ((heads[row] >= 0) == keep) {
                positions[kept++] = row;
            }
        }
        if (kept == end - start && start == 0) {
            return probe;
        }
        return kept == 0 ? null : probe.copyPositions(positions, kept);
    }

    /**
     * The probe rows with their mark: TRUE with a match; else NULL when the filter was unknown for a candidate
     * or some build row would match but for a NULL key on either side; else FALSE.
     */
    private Page marks(int[] probeRows, int count, int start, int end, boolean[] unknown) {
        int size = end - start;
        boolean[] values = new boolean[size];
        boolean[] markNulls = new boolean[size];
        boolean anyNull = false;
        if (probeRows == null) {
            for (int row = start; row < end; row++) {
                values[row - start] = heads[row] >= 0;
            }
        } else {
            for (int i = 0; i < count; i++) {
                values[probeRows[i] - start] = true;
            }
        }
        boolean buildNotEmpty = hash.rowCount() > 0;
        boolean anyRowUnknown = hash.hasSingleNullRejectingKey() && filter == null;
        Block[] probeKeys = null;
        for (int row = start; row < end; row++) {
            if (values[row - start] || !buildNotEmpty) {
                continue;
            }
            boolean markUnknown = unknown != null && unknown[row];
            if (!markUnknown && (nullKeys[row] || hash.hasNullKey())) {
                if (anyRowUnknown) {
                    markUnknown = true;
                } else {
                    if (probeKeys == null) {
                        probeKeys = probeKeys();
                    }
                    markUnknown = hasUnknownMatch(probeKeys, row);
                }
            }
            if (markUnknown) {
                markNulls[row - start] = true;
                anyNull = true;
            }
        }
        Page rows = start == 0 && end == probe.positionCount() ? probe : probe.region(start, size);
        return rows.appendColumn(new BooleanBlock(size, anyNull ? markNulls : null, values));
    }

    private Block[] probeKeys() {
        Block[] keys = new Block[probeKeyChannels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = EqualityKeys.of(probeTypes.get(probeKeyChannels[i]), EncodedBlocks.flatten(probe.block(probeKeyChannels[i])));
        }
        return keys;
    }

    /**
     * Whether probe row {@code row} meets a build row it would match but for a NULL in a key (the keys of a
     * correlated IN hold its correlation too: only rows of the same correlation count), with a join filter
     * that is not FALSE for the pair.
     */
    private boolean hasUnknownMatch(Block[] probeKeys, int row) {
        int[] builds = hash.unknownMatches(probeKeys, row);
        if (builds.length == 0 || filter == null) {
            return builds.length > 0;
        }
        int[] probeRows = new int[builds.length];
        Arrays.fill(probeRows, row);
        BooleanBlock result = (BooleanBlock) filter.evaluate(candidatePage(probeRows, builds, builds.length));
        for (int i = 0; i < builds.length; i++) {
            if (result.isNull(i) || result.getBoolean(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the input: for RIGHT and FULL the build rows no probe row matched, with NULL probe channels; for
     * RIGHT_ANTI the same rows alone; for RIGHT_SEMI the build rows some probe row matched.
     */
    private Page buildRowsAfterInput() {
        int rowCount = hash.rowCount();
        int[] positions = new int[Math.min(TARGET_ROWS, Math.max(1, rowCount - unmatchedBuildCursor))];
        int count = 0;
        boolean wanted = type == JoinType.RIGHT_SEMI;
        while (unmatchedBuildCursor < rowCount && count < positions.length) {
            if (hash.isVisited(unmatchedBuildCursor) == wanted) {
                positions[count++] = unmatchedBuildCursor;
            }
            unmatchedBuildCursor++;
        }
        if (count == 0) {
            return null;
        }
        if (type.outputsOnlyRight()) {
            return hash.rows().copyPositions(positions, count);
        }
        Block[] blocks = new Block[probeTypes.size() + buildTypes.size()];
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[channel] = nulls(probeTypes.get(channel), count);
        }
        Page build = hash.rows();
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[probeTypes.size() + channel] = build.block(channel).copyPositions(positions, count);
        }
        return new Page(count, blocks);
    }
}
