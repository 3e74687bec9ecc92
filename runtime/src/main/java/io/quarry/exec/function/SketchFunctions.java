package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.HyperLogLogType;
import io.quarry.type.MapType;
import io.quarry.type.SetDigestType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scalar functions of the sketch types, as Trino has them: {@code cardinality}, {@code empty_approx_set()},
 * {@code intersection_cardinality}, {@code jaccard_index}, {@code hash_counts} and the casts: HyperLogLog and
 * SetDigest to and from varbinary (the bytes as they are, read only when used), between HyperLogLog and
 * P4HyperLogLog (which is always dense), and SetDigest to its HyperLogLog.
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
        ScalarKernel digest = setDigestFunction(name, types);
        if (digest != null) {
            return digest;
        }
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (!cast || types.size() != 1 || !(isSketch(types.get(0)) || isSketch(result))) {
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
        if (source instanceof VarbinaryType && result instanceof SetDigestType
                || source instanceof SetDigestType && result instanceof VarbinaryType) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof SetDigestType && result.equals(Types.HYPER_LOG_LOG)) {
            return Kernels.rows(result, (arguments, position, out) -> out.appendBytes(digest(arguments[0], position).hyperLogLog().serialize()));
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

    private static boolean isSketch(Type type) {
        return type instanceof HyperLogLogType || type instanceof SetDigestType;
    }

    private static ScalarKernel setDigestFunction(String name, List<Type> types) {
        if (types.isEmpty() || !types.stream().allMatch(type -> type instanceof SetDigestType)) {
            return null;
        }
        return switch (name) {
            case "cardinality" -> Kernels.rows(Types.BIGINT, (arguments, position, out) ->
                    out.appendLong(digest(arguments[0], position).cardinality()));
            case "intersection_cardinality" -> Kernels.rows(Types.BIGINT, (arguments, position, out) -> out.appendLong(
                    SetDigestSketch.intersectionCardinality(digest(arguments[0], position), digest(arguments[1], position))));
            case "jaccard_index" -> Kernels.rows(Types.DOUBLE, (arguments, position, out) -> out.appendDouble(
                    SetDigestSketch.jaccardIndex(digest(arguments[0], position), digest(arguments[1], position))));
            case "hash_counts" -> Kernels.rows(new MapType(Types.BIGINT, Types.SMALLINT), (arguments, position, out) -> {
                SetDigestSketch sketch = digest(arguments[0], position);
                Map<Object, Object> counts = new LinkedHashMap<>();
                for (int i = 0; i < sketch.size(); i++) {
                    counts.put(sketch.hashAt(i), (long) sketch.countAt(i));
                }
                out.appendObject(counts);
            });
            default -> null;
        };
    }

    private static SetDigestSketch digest(Block block, int position) {
        VariableWidthBlock bytes = (VariableWidthBlock) block;
        return SetDigestSketch.deserialize(bytes.rawData(), bytes.offset(position), bytes.length(position));
    }

    /** The sketch at a position of a block of serialised sketches. */
    static HyperLogLogSketch read(Block block, int position) {
        VariableWidthBlock bytes = (VariableWidthBlock) block;
        return HyperLogLogSketch.deserialize(bytes.rawData(), bytes.offset(position), bytes.length(position));
    }
}
