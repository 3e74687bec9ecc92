package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UuidType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code uuid()} and the casts of uuid: from and to unbounded varchar and varbinary, with Trino's errors. */
final class UuidFunctions {
    private UuidFunctions() {}

    /** The kernel of a call about uuid, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        if (name.equals("uuid") && types.isEmpty()) {
            return UuidFunctions::randomUuids;
        }
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (!cast || types.size() != 1 || !(types.get(0) instanceof UuidType || result instanceof UuidType)
                || types.get(0).equals(result)) {
            return null;
        }
        Type source = types.get(0);
        boolean tryCast = name.equals("try_cast");
        if (source instanceof UuidType && result instanceof VarcharType varchar && varchar.isUnbounded()) {
            return Kernels.rows(result, (arguments, position, out) ->
                    out.appendString(UuidType.text(bytes(arguments[0]).rawData(), bytes(arguments[0]).offset(position))));
        }
        if (source instanceof UuidType && result instanceof VarbinaryType) {
            return (arguments, count) -> arguments[0]; // the 16 bytes as they are
        }
        if (source instanceof VarcharType && result instanceof UuidType) {
            return Kernels.bytesCast(Types.UUID, tryCast, (block, position) -> {
                String text = bytes(block).getString(position);
                byte[] value = UuidType.parse(text);
                if (value == null) {
                    throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast value to UUID: " + text);
                }
                return value;
            });
        }
        if (source instanceof VarbinaryType && result instanceof UuidType) {
            return Kernels.bytesCast(Types.UUID, tryCast, (block, position) -> {
                int length = bytes(block).length(position);
                if (length != UuidType.LENGTH) {
                    throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Invalid UUID binary length: " + length);
                }
                return bytes(block).getBytes(position);
            });
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + result.displayName());
    }

    private static VariableWidthBlock bytes(Block block) {
        return (VariableWidthBlock) block;
    }

    /** Random (version 4, variant 1) UUIDs, as Trino's uuid() makes them. */
    private static Block randomUuids(Block[] arguments, int count) {
        BlockBuilder out = BlockBuilder.create(Types.UUID, count);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] value = new byte[UuidType.LENGTH];
        for (int i = 0; i < count; i++) {
            random.nextBytes(value);
            value[6] = (byte) ((value[6] & 0x0F) | 0x40);
            value[8] = (byte) ((value[8] & 0x3F) | 0x80);
            out.appendBytes(value);
        }
        return out.build();
    }
}
