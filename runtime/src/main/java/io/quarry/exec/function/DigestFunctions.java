package io.quarry.exec.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.airlift.stats.QuantileDigest;
import io.airlift.stats.TDigest;
import io.quarry.block.Block;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.VariableWidthBlock;
import io.quarry.block.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.QuantileDigestType;
import io.quarry.type.RealType;
import io.quarry.type.TDigestType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantile digest types {@code tdigest} and {@code qdigest(T)}: their scalar functions
 * {@code value_at_quantile}, {@code values_at_quantiles} and {@code quantile_at_value}, their casts to and from
 * varbinary (the bytes as they are, read only when used), and the conversions the aggregates share. The digests
 * are the airlift stats library's {@link TDigest} and {@link QuantileDigest}, the ones Trino serialises, so the
 * bytes and the answers are Trino's. A qdigest of doubles or reals holds each value as the long that sorts as it
 * does.
 */
public final class DigestFunctions {
    /** Trino's accuracy (maximum rank error) of a qdigest when the call gives none. */
    public static final double DEFAULT_ACCURACY = 0.01;

    static {
        // slice sizes the digests' classes with jol, which would first try for over a second to attach the JVM's
        // agents (to guess object layouts more exactly than these estimates need); every digest is made or read
        // through this class, so this runs before that
        for (String skip : new String[] {"jol.skipHotspotSAAttach", "jol.skipDynamicAttach"}) {
            if (System.getProperty(skip) == null) {
                System.setProperty(skip, "true");
            }
        }
    }

    private DigestFunctions() {}

    /** An empty tdigest of Trino's compression. */
    public static TDigest newTDigest() {
        return new TDigest();
    }

    /** A t-digest's weight, as Trino takes it: finite and at least 1. */
    public static double checkWeight(double weight) {
        if (!Double.isFinite(weight)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "weight must be finite, was " + weight);
        }
        if (weight < 1) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "weight must be >= 1, was " + weight);
        }
        return weight;
    }

    /** An empty qdigest of the accuracy (maximum rank error). */
    public static QuantileDigest newQuantileDigest(double accuracy) {
        return new QuantileDigest(accuracy);
    }

    /** Whether the type is tdigest or a qdigest. */
    public static boolean isDigest(Type type) {
        return type instanceof TDigestType || type instanceof QuantileDigestType;
    }

    /** The kernel of a call about a digest type, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (cast && types.size() == 1 && (isDigest(types.get(0)) || isDigest(result))) {
            return cast(types.get(0), result, name.equals("try_cast"));
        }
        if (types.isEmpty() || !isDigest(types.get(0))) {
            return null;
        }
        Type digestType = types.get(0);
        return switch (name) {
            case "value_at_quantile" -> Kernels.rows(result, (arguments, position, out) -> {
                double quantile = number(types.get(1), arguments[1], position);
                if (digestType instanceof QuantileDigestType qdigest) {
                    long value = guarded(() -> quantileDigest(arguments[0], position, qdigest).getQuantile(quantile));
                    out.appendObject(decode(qdigest.valueType(), value));
                } else {
                    out.appendDouble(guarded(() -> tDigest(arguments[0], position).valueAt(quantile)));
                }
            });
            case "values_at_quantiles" -> Kernels.rows(result, (arguments, position, out) -> {
                List<Double> quantiles = quantiles(types.get(1), arguments[1], position);
                List<Object> values = new ArrayList<>(quantiles.size());
                if (digestType instanceof QuantileDigestType qdigest) {
                    QuantileDigest digest = quantileDigest(arguments[0], position, qdigest);
                    for (double quantile : quantiles) {
                        // one at a time: the library's list form wants them sorted, Trino's function does not
                        values.add(decode(qdigest.valueType(), guarded(() -> digest.getQuantile(quantile))));
                    }
                } else {
                    TDigest digest = tDigest(arguments[0], position);
                    double[] at = guarded(() -> digest.valuesAt(quantiles.stream().mapToDouble(Double::doubleValue).toArray()));
                    for (double value : at) {
                        values.add(value);
                    }
                }
                out.appendObject(values);
            });
            case "quantile_at_value" -> digestType instanceof QuantileDigestType qdigest
                    ? Kernels.rows(Types.DOUBLE, (arguments, position, out) -> {
                        QuantileDigest digest = quantileDigest(arguments[0], position, qdigest);
                        Number number = (Number) Values.toObject(types.get(1), arguments[1], position);
                        long value = qdigest.valueType() instanceof BigintType
                                ? number.longValue()
                                : encode(qdigest.valueType(), number.doubleValue());
                        if (digest.getCount() == 0 || value > digest.getMax() || value < digest.getMin()) {
                            out.appendNull();
                        } else {
                            double below = guarded(() -> digest.getHistogram(List.of(value)).get(0).getCount());
                            out.appendDouble(below / digest.getCount());
                        }
                    })
                    : null;
            default -> null;
        };
    }

    private static ScalarKernel cast(Type source, Type result, boolean tryCast) {
        if (source.equals(result)) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.constant(result, null, count);
        }
        if (source instanceof VarbinaryType && result instanceof TDigestType) {
            // Trino reads a tdigest when it is made (bad bytes fail here); a qdigest only when used
            return Kernels.bytesCast(result, tryCast, (block, position) -> tDigest(block, position).serialize().getBytes());
        }
        if (source instanceof VarbinaryType && isDigest(result) || isDigest(source) && result instanceof VarbinaryType) {
            return (arguments, count) -> arguments[0];
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + result.displayName());
    }

    /**
     * The quantiles of an array argument. A null element counts as the one before it (0 if first), as in Trino,
     * whose array of doubles keeps the last value written in a null's place.
     */
    private static List<Double> quantiles(Type type, Block block, int position) {
        List<?> elements = (List<?>) Values.toObject(type, block, position);
        List<Double> quantiles = new ArrayList<>(elements.size());
        double previous = 0;
        for (Object element : elements) {
            if (element instanceof Number number) {
                previous = number.doubleValue();
            }
            quantiles.add(previous);
        }
        return quantiles;
    }

    private static double number(Type type, Block block, int position) {
        return ((Number) Values.toObject(type, block, position)).doubleValue();
    }

    /** The long a qdigest of doubles or reals holds for a value: the bits of the double or real, made to sort as it. */
    public static long encode(Type valueType, double value) {
        if (valueType instanceof RealType) {
            int bits = Float.floatToIntBits((float) value);
            return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
        }
        long bits = Double.doubleToLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The value of a qdigest's type that the long stands for (a Long for bigint, else a Double). */
    public static Object decode(Type valueType, long value) {
        if (valueType instanceof BigintType) {
            return value;
        }
        if (valueType instanceof RealType) {
            int bits = (int) value;
            return (double) Float.intBitsToFloat(bits ^ ((bits >> 31) & Integer.MAX_VALUE));
        }
        return Double.longBitsToDouble(value ^ ((value >> 63) & Long.MAX_VALUE));
    }

    private static Slice bytes(Block block, int position) {
        Block values = block;
        int at = position;
        if (EncodedBlocks.isEncoded(block)) {
            values = EncodedBlocks.valueBlock(block);
            at = EncodedBlocks.valuePosition(block, position);
        }
        VariableWidthBlock bytes = (VariableWidthBlock) values;
        return Slices.wrappedBuffer(bytes.rawData(), bytes.offset(at), bytes.length(at));
    }

    private static TDigest tDigest(Block block, int position) {
        return readTDigest(bytes(block, position));
    }

    private static QuantileDigest quantileDigest(Block block, int position, QuantileDigestType type) {
        return readQuantileDigest(bytes(block, position), type);
    }

    /** A tdigest from its serialised form. */
    public static TDigest readTDigest(Slice bytes) {
        try {
            return TDigest.deserialize(bytes);
        } catch (RuntimeException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize tdigest: " + e.getMessage());
        }
    }

    /** A qdigest from its serialised form. */
    public static QuantileDigest readQuantileDigest(Slice bytes, QuantileDigestType type) {
        try {
            return new QuantileDigest(bytes);
        } catch (RuntimeException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize " + type.displayName() + ": " + e.getMessage());
        }
    }

    /** The library's refusals (a quantile out of range, unsorted quantiles) as the user's error they are. */
    private static <T> T guarded(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, e.getMessage());
        }
    }
}
