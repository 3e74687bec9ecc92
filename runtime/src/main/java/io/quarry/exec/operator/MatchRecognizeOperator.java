package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.exec.function.Blocks;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.MatchRecognize;
import io.quarry.plan.MatchValue;
import io.quarry.plan.SortKey;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.Lambda;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * MATCH_RECOGNIZE: collects all input, sorts it by the partition keys then the order keys, and matches the row
 * pattern partition by partition with {@link RowPatternMatcher}. DEFINE conditions and measures are expressions
 * over a one-row page of the {@link MatchValue}s they read, computed for the match as it stands.
 */
public final class MatchRecognizeOperator implements Operator {
    private final List<Type> inputTypes;
    private final MatchRecognize node;
    private final RowComparator sortComparator;
    private final RowComparator partitionComparator;
    private final RowPatternMatcher matcher;
    private final List<String> labelNames;
    private final BlockEvaluator[] defines;
    private final int[][] defineValues;
    private final BlockEvaluator[] measures;
    private final int[][] measureValues;
    private final Block[] nullValues;
    /** The compiled row arguments of the aggregates that have them ({@link MatchValue#rowArguments}). */
    private final Map<MatchValue, BlockEvaluator[]> rowArguments = new IdentityHashMap<>();
    /** Whether the DEFINE conditions read the current row only: their results then hold for every match attempt. */
    private final boolean historyFree;
    /** Per label and row of the partition: the cached condition, valid while its stamp is the current generation. */
    private boolean[] cachedResults;
    private int[] cacheStamps;
    private int generation;
    private final SortBuffer buffer = new SortBuffer();
    private final OperatorStats stats = new OperatorStats("MatchRecognize");
    private boolean finishing;
    private Page output;
    private int next;
    private int rowsPerPage;

    public MatchRecognizeOperator(List<Type> inputTypes, MatchRecognize node) {
        this.inputTypes = List.copyOf(inputTypes);
        this.node = node;
        List<SortKey> partitionSort = node.partitionKeys().stream().map(channel -> new SortKey(channel, true, true)).toList();
        List<SortKey> all = new ArrayList<>(partitionSort);
        all.addAll(node.orderKeys());
        this.sortComparator = new RowComparator(all, inputTypes);
        this.partitionComparator = new RowComparator(partitionSort, inputTypes);
        this.labelNames = node.labels();
        this.defines = new BlockEvaluator[node.defines().size()];
        this.defineValues = new int[defines.length][];
        boolean historyFree = true;
        for (int i = 0; i < defines.length; i++) {
            Expression define = node.defines().get(i);
            if (!(define instanceof Constant constant && Boolean.TRUE.equals(constant.value()))) {
                defines[i] = ExpressionCompiler.compile(define);
            }
            defineValues[i] = usedValues(define);
            for (int value : defineValues[i]) {
                historyFree &= readsCurrentRowOnly(node.values().get(value), i);
            }
        }
        this.historyFree = historyFree;
        this.matcher = new RowPatternMatcher(node.pattern(), historyFree);
        this.measures = new BlockEvaluator[node.measures().size()];
        this.measureValues = new int[measures.length][];
        for (int i = 0; i < measures.length; i++) {
            measures[i] = ExpressionCompiler.compile(node.measures().get(i));
            measureValues[i] = usedValues(node.measures().get(i));
        }
        this.nullValues = new Block[node.values().size()];
        for (int i = 0; i < nullValues.length; i++) {
            MatchValue value = node.values().get(i);
            nullValues[i] = Blocks.nulls(value.type(), 1);
            value.aggregate().ifPresent(Accumulators::create);
            if (!value.rowArguments().isEmpty()) {
                rowArguments.put(value, value.rowArguments().stream().map(ExpressionCompiler::compile).toArray(BlockEvaluator[]::new));
            }
        }
    }

    /**
     * Whether a value of the DEFINE condition of {@code label} depends on the current row only, not on the variables
     * earlier rows took: the last row of the variable being defined (or of any variable) is the current row.
     */
    private static boolean readsCurrentRowOnly(MatchValue value, int label) {
        return value.kind() == MatchValue.Kind.MATCH_NUMBER
                || value.kind() == MatchValue.Kind.COLUMN && (value.labels().isEmpty() || value.labels().contains(label))
                        && !value.fromFirst() && value.logicalOffset() == 0;
    }

    private static int[] usedValues(Expression expression) {
        Set<Integer> used = new TreeSet<>();
        collect(expression, used);
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(Expression expression, Set<Integer> used) {
        if (expression instanceof InputRef ref) {
            used.add(ref.channel());
        } else if (expression instanceof Call call) {
            call.arguments().forEach(argument -> collect(argument, used));
        } else if (expression instanceof SpecialForm form) {
            form.arguments().forEach(argument -> collect(argument, used));
        } else if (expression instanceof Lambda lambda) {
            lambda.captures().forEach(capture -> collect(capture, used));
        }
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        buffer.add(page, stats);
    }

    @Override
    public Page getOutput() {
        if (!finishing || output == null || next >= output.positionCount()) {
            return null;
        }
        int to = Math.min(output.positionCount(), next + rowsPerPage);
        Block[] blocks = new Block[output.channelCount()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = output.block(channel).region(next, to - next);
        }
        Page page = new Page(to - next, blocks);
        next = to;
        if (next >= output.positionCount()) {
            output = null;
            stats.setRetainedBytes(0);
        }
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        if (buffer.rowCount() == 0) {
            return;
        }
        rowsPerPage = buffer.rowsPerPage();
        Page sorted = buffer.sortedPage(inputTypes, sortComparator, "for MATCH_RECOGNIZE");
        Page matched = match(sorted);
        // no match and nothing to show: finished
        output = matched.positionCount() == 0 ? null : matched;
        stats.setRetainedBytes(matched.sizeInBytes());
    }

    private Page match(Page rows) {
        List<Type> outputTypes = node.outputTypes();
        BlockBuilder[] out = new BlockBuilder[outputTypes.size()];
        for (int channel = 0; channel < out.length; channel++) {
            out[channel] = BlockBuilder.create(outputTypes.get(channel), rows.positionCount());
        }
        int n = rows.positionCount();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || partitionComparator.compare(rows, i - 1, rows, i) != 0) {
                matchPartition(rows, start, i, out);
                start = i;
            }
        }
        Block[] blocks = new Block[out.length];
        for (int channel = 0; channel < out.length; channel++) {
            blocks[channel] = out[channel].build();
        }
        return new Page(out[0].positionCount(), blocks);
    }

    private void matchPartition(Page rows, int partitionStart, int partitionEnd, BlockBuilder[] out) {
        if (historyFree) {
            int size = defines.length * (partitionEnd - partitionStart);
            if (cachedResults == null || cachedResults.length < size) {
                cachedResults = new boolean[size];
                cacheStamps = new int[size];
            }
            generation++;
        }
        if (node.window()) {
            matchFrames(rows, partitionStart, partitionEnd, out);
            return;
        }
        long matchNumber = 0;
        int matchedUpTo = partitionStart;
        int position = partitionStart;
        while (position < partitionEnd) {
            long number = matchNumber + 1;
            RowPatternMatcher.Match match = matcher.match(position, partitionStart, partitionEnd,
                    (label, matchStart, row, labels) -> condition(rows, partitionStart, partitionEnd, number, label, matchStart, row, labels));
            if (match == null) {
                if (node.rowsPerMatch().equals("ALL_WITH_UNMATCHED") && position >= matchedUpTo) {
                    emitUnmatched(rows, position, out);
                }
                position++;
                continue;
            }
            matchNumber = number;
            // a condition may read MATCH_NUMBER(): the cached results were for the previous number
            generation++;
            Context context = new Context(rows, partitionStart, partitionEnd, number, match.start(), match.end() - 1, match.labels());
            emit(rows, match, context, out);
            matchedUpTo = Math.max(matchedUpTo, match.end());
            position = nextStart(match);
        }
    }

    /**
     * Row pattern recognition in a window: each row not skipped by the previous match looks for a match in its frame,
     * which also bounds navigation; every row is emitted with the measures of its match, or of an empty one (the
     * window's own measures NULL).
     */
    private void matchFrames(Page rows, int partitionStart, int partitionEnd, BlockBuilder[] out) {
        long matchNumber = 0;
        int attemptFrom = partitionStart;
        for (int row = partitionStart; row < partitionEnd; row++) {
            int frameStart = row;
            int frameEnd = node.frameFollowing() < 0 ? partitionEnd : (int) Math.min(partitionEnd, (long) row + node.frameFollowing() + 1);
            long number = matchNumber + 1;
            RowPatternMatcher.Match match = null;
            int lastStart = row < attemptFrom ? row - 1 : node.rowsPerMatch().equals("WINDOW_SEEK") ? frameEnd - 1 : row;
            for (int start = row; start <= lastStart && match == null; start++) {
                // the conditions cached were computed in another frame, whose bounds navigation saw
                generation++;
                match = matcher.match(start, frameStart, frameEnd,
                        (label, matchStart, at, labels) -> condition(rows, frameStart, frameEnd, number, label, matchStart, at, labels));
            }
            Context context;
            if (match == null) {
                context = new Context(rows, frameStart, frameEnd, matchNumber, row, row - 1, new int[0]);
            } else {
                matchNumber = number;
                context = new Context(rows, frameStart, frameEnd, number, match.start(), match.end() - 1, match.labels());
                attemptFrom = node.afterMatchSkip().equals("TO_NEXT_ROW") ? row + 1 : Math.max(row + 1, nextStart(match));
            }
            context.current = context.last;
            for (int channel = 0; channel < inputTypes.size(); channel++) {
                out[channel].append(rows.block(channel), row);
            }
            for (int i = 0; i < measures.length; i++) {
                if (match == null && i < node.windowMeasures()) {
                    out[inputTypes.size() + i].appendNull();
                } else {
                    out[inputTypes.size() + i].append(EncodedBlocks.flatten(evaluate(measures[i], measureValues[i], context)), 0);
                }
            }
        }
    }

    private int nextStart(RowPatternMatcher.Match match) {
        if (match.end() == match.start()) {
            return match.start() + 1;
        }
        return switch (node.afterMatchSkip()) {
            case "PAST_LAST_ROW" -> match.end();
            case "TO_NEXT_ROW" -> match.start() + 1;
            default -> {
                boolean first = node.afterMatchSkip().equals("TO_FIRST");
                int target = -1;
                for (int row = match.start(); row < match.end(); row++) {
                    if (node.skipLabels().contains(match.labels()[row - match.start()]) && (target < 0 || !first)) {
                        target = row;
                    }
                }
                if (target < 0) {
                    throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "AFTER MATCH SKIP failed: pattern variable is not present in match");
                }
                if (target == match.start()) {
                    throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, "AFTER MATCH SKIP failed: cannot skip to first row of match");
                }
                yield target;
            }
        };
    }

    private void emit(Page rows, RowPatternMatcher.Match match, Context context, BlockBuilder[] out) {
        int inputs = node.allRows() ? inputTypes.size() : node.partitionKeys().size();
        if (!node.allRows()) {
            int row = match.start() < context.partitionEnd ? match.start() : context.partitionStart;
            for (int k = 0; k < inputs; k++) {
                out[k].append(rows.block(node.partitionKeys().get(k)), row);
            }
            context.current = match.end() - 1;
            appendMeasures(context, out, inputs);
            return;
        }
        if (match.end() == match.start()) {
            if (node.rowsPerMatch().equals("ALL_OMIT_EMPTY")) {
                return;
            }
            for (int channel = 0; channel < inputs; channel++) {
                out[channel].append(rows.block(channel), match.start());
            }
            context.current = match.start() - 1;
            appendMeasures(context, out, inputs);
            return;
        }
        for (int row = match.start(); row < match.end(); row++) {
            if (match.excluded(row)) {
                continue;
            }
            for (int channel = 0; channel < inputs; channel++) {
                out[channel].append(rows.block(channel), row);
            }
            context.current = row;
            appendMeasures(context, out, inputs);
        }
    }

    private void emitUnmatched(Page rows, int row, BlockBuilder[] out) {
        for (int channel = 0; channel < inputTypes.size(); channel++) {
            out[channel].append(rows.block(channel), row);
        }
        for (int i = 0; i < measures.length; i++) {
            out[inputTypes.size() + i].appendNull();
        }
    }

    private void appendMeasures(Context context, BlockBuilder[] out, int first) {
        for (int i = 0; i < measures.length; i++) {
            Block value = evaluate(measures[i], measureValues[i], context);
            out[first + i].append(EncodedBlocks.flatten(value), 0);
        }
    }

    private boolean condition(Page rows, int partitionStart, int partitionEnd, long matchNumber, int label, int matchStart, int row, int[] labels) {
        if (defines[label] == null) {
            return true;
        }
        int slot = label * (partitionEnd - partitionStart) + row - partitionStart;
        if (historyFree && cacheStamps[slot] == generation) {
            return cachedResults[slot];
        }
        Context context = new Context(rows, partitionStart, partitionEnd, matchNumber, matchStart, row, labels);
        context.current = row;
        Block result = EncodedBlocks.flatten(evaluate(defines[label], defineValues[label], context));
        boolean holds = !result.isNull(0) && ((BooleanBlock) result).getBoolean(0);
        if (historyFree) {
            cachedResults[slot] = holds;
            cacheStamps[slot] = generation;
        }
        return holds;
    }

    /** Where a match stands: its rows [matchStart, last], and the row the running values are computed at. */
    private static final class Context {
        final Page rows;
        final int partitionStart;
        final int partitionEnd;
        final long matchNumber;
        final int matchStart;
        final int last;
        final int[] labels;
        int current;

        Context(Page rows, int partitionStart, int partitionEnd, long matchNumber, int matchStart, int last, int[] labels) {
            this.rows = rows;
            this.partitionStart = partitionStart;
            this.partitionEnd = partitionEnd;
            this.matchNumber = matchNumber;
            this.matchStart = matchStart;
            this.last = last;
            this.labels = labels;
        }

        boolean has(List<Integer> wanted, int row) {
            return wanted.isEmpty() || wanted.contains(labels[row - matchStart]);
        }
    }

    private Block evaluate(BlockEvaluator evaluator, int[] used, Context context) {
        Block[] blocks = nullValues.clone();
        for (int value : used) {
            blocks[value] = value(node.values().get(value), context);
        }
        return evaluator.evaluate(new Page(1, blocks), null, 1);
    }

    private Block value(MatchValue value, Context context) {
        BlockBuilder out = BlockBuilder.create(value.type(), 1);
        int last = value.running() ? context.current : context.last;
        switch (value.kind()) {
            case MATCH_NUMBER -> out.appendLong(context.matchNumber);
            case AGGREGATE -> aggregate(value, context, last, out);
            default -> {
                int row = navigate(value, context, last);
                if (row < 0) {
                    out.appendNull();
                } else if (value.kind() == MatchValue.Kind.CLASSIFIER) {
                    // as in Trino, the variables of the whole match are known also in running semantics
                    if (row < context.matchStart || row > context.last) {
                        out.appendNull();
                    } else {
                        out.appendString(labelNames.get(context.labels[row - context.matchStart]));
                    }
                } else {
                    out.append(context.rows.block(value.channel()), row);
                }
            }
        }
        return out.build();
    }

    /** The row a navigation reaches, or -1. */
    private static int navigate(MatchValue value, Context context, int last) {
        int found = -1;
        int remaining = value.logicalOffset();
        if (value.fromFirst()) {
            // as in Trino, FIRST counts from the start of the match over all its rows, also in running semantics
            for (int row = context.matchStart; row <= context.last; row++) {
                if (context.has(value.labels(), row) && remaining-- == 0) {
                    found = row;
                    break;
                }
            }
        } else {
            for (int row = last; row >= context.matchStart; row--) {
                if (context.has(value.labels(), row) && remaining-- == 0) {
                    found = row;
                    break;
                }
            }
        }
        if (found < 0) {
            return -1;
        }
        long target = (long) found + value.physicalOffset();
        return target < context.partitionStart || target >= context.partitionEnd ? -1 : (int) target;
    }

    private void aggregate(MatchValue value, Context context, int last, BlockBuilder out) {
        AggregateCall call = value.aggregate().orElseThrow();
        int[] positions = new int[Math.max(0, last - context.matchStart + 1)];
        int count = 0;
        for (int row = context.matchStart; row <= last; row++) {
            if (context.has(value.labels(), row)) {
                positions[count++] = row;
            }
        }
        Block[] arguments = new Block[call.arguments().size()];
        BlockEvaluator[] evaluators = rowArguments.get(value);
        if (evaluators != null) {
            // the input channels of the rows, then their variables, then the match number
            Block[] columns = new Block[value.channel() + 2];
            for (int channel = 0; channel < value.channel(); channel++) {
                columns[channel] = context.rows.block(channel).copyPositions(positions, count);
            }
            columns[value.channel()] = classifiers(context, positions, count);
            BlockBuilder matchNumbers = BlockBuilder.create(io.quarry.type.Types.BIGINT, count);
            for (int k = 0; k < count; k++) {
                matchNumbers.appendLong(context.matchNumber);
            }
            columns[value.channel() + 1] = matchNumbers.build();
            Page page = new Page(count, columns);
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = evaluators[i].evaluate(page, null, count);
            }
        }
        for (int i = 0; i < arguments.length && evaluators == null; i++) {
            arguments[i] = call.arguments().get(i) == MatchValue.CLASSIFIER_CHANNEL
                    ? classifiers(context, positions, count)
                    : context.rows.block(call.arguments().get(i)).copyPositions(positions, count);
        }
        Accumulator accumulator = Accumulators.create(call);
        accumulator.ensureCapacity(1);
        accumulator.addInput(new int[count], arguments, count);
        accumulator.writeFinal(0, out);
    }

    /** The variables the rows at {@code positions} took, for an aggregate over CLASSIFIER. */
    private Block classifiers(Context context, int[] positions, int count) {
        BlockBuilder out = BlockBuilder.create(io.quarry.type.Types.VARCHAR, count);
        for (int k = 0; k < count; k++) {
            out.appendString(labelNames.get(context.labels[positions[k] - context.matchStart]));
        }
        return out.build();
    }

    @Override
    public boolean isFinished() {
        return finishing && output == null;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
