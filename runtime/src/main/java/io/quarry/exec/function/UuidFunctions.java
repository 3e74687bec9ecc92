package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UuidType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code uuid()} and the casts of uuid: from and to unbounded varchar and varbinary, with Trino's errors. */
final class UuidFunctions {
    private static final FixedBytesCasts.Codec CODEC = new FixedBytesCasts.Codec(Types.UUID, "UUID",
            UuidType::text, UuidType::parse, UuidFunctions::fromBinary, "Invalid UUID binary length: ");

    private UuidFunctions() {}

    private static byte[] fromBinary(byte[] bytes) {
        return bytes.length == UuidType.LENGTH ? bytes : null;
    }

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
        return FixedBytesCasts.cast(CODEC, source, result, name.equals("try_cast"));
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
