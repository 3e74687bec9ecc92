package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;

/** Which types ORDER BY takes: as in Trino, maps have no order, nor arrays or rows that hold maps. */
final class OrderableTypes {
    private OrderableTypes() {}

    static void check(Type type, String column) {
        if (!Types.isOrderable(type)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Type " + type.displayName() + " is not orderable, and therefore cannot be used in ORDER BY: " + column);
        }
    }
}
