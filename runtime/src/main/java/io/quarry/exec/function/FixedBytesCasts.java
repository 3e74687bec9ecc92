package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.VariableWidthBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.util.function.Function;

/**
 * The casts Trino has between a type held as a fixed run of bytes (uuid, ipaddress) and unbounded varchar and
 * varbinary; any other cast from or to such a type is a TYPE_MISMATCH.
 */
final class FixedBytesCasts {
    private FixedBytesCasts() {}

    /**
     * How one such type reads and writes its values.
     *
     * @param errorName the type's name in the error for text that is no value of it
     * @param parse the value a text stands for, or null
     * @param fromBinary the value binary data stands for, or null
     * @param binaryLengthError the error for binary data that is no value, before its length
     */
    record Codec(Type type, String errorName, TextForm text, Function<String, byte[]> parse,
            Function<byte[], byte[]> fromBinary, String binaryLengthError) {}

    /** A value's text, from the bytes at an offset. */
    @FunctionalInterface
    interface TextForm {
        String text(byte[] data, int offset);
    }

    /** The kernel of a cast from {@code source} to {@code result}, at least one of them {@code codec}'s type. */
    static ScalarKernel cast(Codec codec, Type source, Type result, boolean tryCast) {
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(result, count);
        }
        if (source.equals(codec.type()) && result instanceof VarcharType varchar && varchar.isUnbounded()) {
            return Kernels.rows(result, (arguments, position, out) ->
                    out.appendString(codec.text().text(bytes(arguments[0]).rawData(), bytes(arguments[0]).offset(position))));
        }
        if (source.equals(codec.type()) && result instanceof VarbinaryType) {
            return (arguments, count) -> arguments[0]; // the bytes as they are
        }
        if (source instanceof VarcharType && result.equals(codec.type())) {
            return Kernels.bytesCast(codec.type(), tryCast, (block, position) -> {
                String text = bytes(block).getString(position);
                byte[] value = codec.parse().apply(text);
                if (value == null) {
                    throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast value to " + codec.errorName() + ": " + text);
                }
                return value;
            });
        }
        if (source instanceof VarbinaryType && result.equals(codec.type())) {
            return Kernels.bytesCast(codec.type(), tryCast, (block, position) -> {
                byte[] value = codec.fromBinary().apply(bytes(block).getBytes(position));
                if (value == null) {
                    throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, codec.binaryLengthError() + bytes(block).length(position));
                }
                return value;
            });
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + result.displayName());
    }

    static VariableWidthBlock bytes(Block block) {
        return (VariableWidthBlock) block;
    }
}
