package io.quarry.exec.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.RunLengthBlock;
import io.quarry.exec.function.ScalarLibrary;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.Lambda;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole filter conjunct or projection over pages whose blocks may be encoded. The evaluator it wraps only ever
 * sees flat blocks; this one exploits the encodings where they pay:
 *
 * <ul>
 *   <li>a bare column reference passes the input block through, encoded or not;
 *   <li>a constant becomes a {@link RunLengthBlock};
 *   <li>a deterministic expression of one column that is a {@link DictionaryBlock} is computed once per dictionary
 *       entry (the last dictionary's values are kept, since the pages of one dictionary often follow each other) and
 *       the result is a dictionary block over the same ids; of a {@link RunLengthBlock}, once;
 *   <li>anything else decodes the columns it reads and runs as before.
 * </ul>
 *
 * Computing a dictionary entry no selected row uses may raise an error the rows would not: then the rows are computed
 * one by one as without the dictionary. Thread-safe, as evaluators are shared by the drivers of a task.
 */
final class EncodedInputEvaluator implements BlockEvaluator, PositionSelector {
    /** The values computed for a dictionary; null when computing them failed. */
    private record Memo(Block dictionary, Block values) {}

    private final BlockEvaluator inner;
    private final int[] channels;
    private final boolean deterministic;
    private final boolean constant;
    private volatile Memo memo;

    private EncodedInputEvaluator(BlockEvaluator inner, int[] channels, boolean deterministic, boolean constant) {
        this.inner = requireNonNull(inner, "inner is null");
        this.channels = channels;
        this.deterministic = deterministic;
        this.constant = constant;
    }

    /** Wraps the evaluator compiled from {@code expression}; a bare column reference stays as it is. */
    static BlockEvaluator wrap(Expression expression, BlockEvaluator compiled) {
        if (compiled instanceof Evaluators.Input) {
            return compiled;
        }
        Set<Integer> channels = new TreeSet<>();
        boolean deterministic = collect(expression, channels);
        return new EncodedInputEvaluator(
                compiled,
                channels.stream().mapToInt(Integer::intValue).toArray(),
                deterministic,
                compiled instanceof Evaluators.Constant);
    }

    /** Adds the input channels {@code expression} reads; returns whether it is deterministic. */
    private static boolean collect(Expression expression, Set<Integer> channels) {
        if (expression instanceof InputRef input) {
            channels.add(input.channel());
            return true;
        }
        if (expression instanceof Constant) {
            return true;
        }
        boolean deterministic = true;
        if (expression instanceof Call call) {
            deterministic = ScalarLibrary.isDeterministic(call.function());
            for (Expression argument : call.arguments()) {
                deterministic &= collect(argument, channels);
            }
        } else if (expression instanceof SpecialForm form) {
            for (Expression argument : form.arguments()) {
                deterministic &= collect(argument, channels);
            }
        } else if (expression instanceof Lambda lambda) {
            // the body reads the lambda's own parameters and captures; only the captures read the input
            for (Expression capture : lambda.captures()) {
                deterministic &= collect(capture, channels);
            }
            deterministic &= collect(lambda.body(), new TreeSet<>());
        }
        return deterministic;
    }

    @Override
    public Type type() {
        return inner.type();
    }

    /** Selects through the wrapped evaluator when it can (it reads only flat blocks and says when it cannot). */
    @Override
    public int select(Page page, int[] positions, int count, int[] selected) {
        return inner instanceof PositionSelector selector ? selector.select(page, positions, count, selected) : NOT_SELECTED;
    }

    @Override
    public Block evaluate(Page page, int[] positions, int count) {
        if (constant && count > 0) {
            return new RunLengthBlock(inner.evaluate(page, null, 1), count);
        }
        if (channels.length == 1 && deterministic && count > 0) {
            Block block = page.block(channels[0]);
            if (block instanceof RunLengthBlock runLength) {
                Block value = evaluateOn(runLength.value(), page.channelCount());
                return value == null ? evaluateFlat(page, positions, count) : new RunLengthBlock(value, count);
            }
            if (block instanceof DictionaryBlock dictionary) {
                Block values = dictionaryValues(dictionary.dictionary(), page.channelCount(), count);
                if (values != null) {
                    int[] ids = new int[count];
                    int[] dictionaryIds = dictionary.rawIds();
                    for (int i = 0; i < count; i++) {
                        ids[i] = dictionaryIds[positions == null ? i : positions[i]];
                    }
                    return new DictionaryBlock(values, ids, count);
                }
            }
        }
        return evaluateFlat(page, positions, count);
    }

    /** The expression's value for each dictionary entry, or null when computing them does not pay or fails. */
    private Block dictionaryValues(Block dictionary, int channelCount, int count) {
        Memo last = memo;
        if (last != null && last.dictionary() == dictionary) {
            return last.values();
        }
        if (dictionary.positionCount() > count) {
            return null;
        }
        Block values = evaluateOn(dictionary, channelCount);
        // a failure is kept too: the next pages of this dictionary go straight to their rows
        memo = new Memo(dictionary, values);
        return values;
    }

    /** Runs the wrapped evaluator over the values of a flat block standing in for the one channel it reads. */
    private Block evaluateOn(Block values, int channelCount) {
        Block[] blocks = new Block[channelCount];
        // the other channels are never read: any block of the right size will do
        java.util.Arrays.fill(blocks, values);
        try {
            Block result = inner.evaluate(new Page(values.positionCount(), blocks), null, values.positionCount());
            return EncodedBlocks.flatten(result);
        } catch (QuarryException e) {
            return null;
        }
    }

    private Block evaluateFlat(Page page, int[] positions, int count) {
        Block[] blocks = null;
        for (int channel : channels) {
            Block block = page.block(channel);
            if (EncodedBlocks.isEncoded(block)) {
                if (blocks == null) {
                    blocks = page.blocks();
                }
                blocks[channel] = EncodedBlocks.flatten(block);
            }
        }
        return inner.evaluate(blocks == null ? page : new Page(page.positionCount(), blocks), positions, count);
    }
}
