package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;

/** Which types ORDER BY takes: as in Trino, maps and json have no order, nor arrays or rows that hold them. */
final class OrderableTypes {
    private OrderableTypes() {}

    static void check(Type type, String column) {
        if (!type.isOrderable()) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Type " + type.displayName() + " is not orderable, and therefore cannot be used in ORDER BY: " + column);
        }
    }
}
