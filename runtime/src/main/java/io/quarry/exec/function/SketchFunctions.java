package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.HyperLogLogType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import java.util.List;

/**
 * The scalar functions of the HyperLogLog types: {@code cardinality(hll)}, {@code empty_approx_set()} and the
 * casts HyperLogLog to and from varbinary (the bytes as they are, read only when used) and between HyperLogLog and
 * P4HyperLogLog (which is always dense), as Trino has them.
 */
final class SketchFunctions {
    /** Trino's bucket count of approx_set and empty_approx_set. */
    static final int APPROX_SET_BUCKETS = 4096;

    private SketchFunctions() {}

    /** The kernel of a call about a sketch type, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        if (name.equals("empty_approx_set") && types.isEmpty()) {
            return Kernels.constant(Types.HYPER_LOG_LOG, HyperLogLogSketch.create(APPROX_SET_BUCKETS).serialize());
        }
        if (name.equals("cardinality") && types.size() == 1 && types.get(0) instanceof HyperLogLogType) {
            return Kernels.rows(Types.BIGINT, (arguments, position, out) ->
                    out.appendLong(read(arguments[0], position).cardinality()));
        }
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (!cast || types.size() != 1 || !(types.get(0) instanceof HyperLogLogType || result instanceof HyperLogLogType)) {
            return null;
        }
        Type source = types.get(0);
        if (source.equals(result)) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.constant(result, null, count);
        }
        boolean plainHll = source.equals(Types.HYPER_LOG_LOG) || result.equals(Types.HYPER_LOG_LOG);
        if (source instanceof VarbinaryType && result.equals(Types.HYPER_LOG_LOG)
                || source.equals(Types.HYPER_LOG_LOG) && result instanceof VarbinaryType
                || source.equals(Types.P4_HYPER_LOG_LOG) && result.equals(Types.HYPER_LOG_LOG)) {
            return (arguments, count) -> arguments[0];
        }
        if (plainHll && source instanceof HyperLogLogType && result.equals(Types.P4_HYPER_LOG_LOG)) {
            return Kernels.rows(result, (arguments, position, out) -> {
                HyperLogLogSketch sketch = read(arguments[0], position);
                sketch.makeDense();
                out.appendBytes(sketch.serialize());
            });
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + result.displayName());
    }

    /** The sketch at a position of a block of serialised sketches. */
    static HyperLogLogSketch read(Block block, int position) {
        VariableWidthBlock bytes = (VariableWidthBlock) block;
        return HyperLogLogSketch.deserialize(bytes.rawData(), bytes.offset(position), bytes.length(position));
    }
}
