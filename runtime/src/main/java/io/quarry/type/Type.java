package io.quarry.type;

import java.util.List;

/**
 * A SQL type. Each type knows its name as the protocol shows it, its signature arguments and how its
 * values are stored in columnar blocks.
 */
public sealed interface Type
        permits BooleanType, TinyintType, SmallintType, IntegerType, BigintType, RealType, DoubleType, DecimalType,
                VarcharType, CharType, VarbinaryType, DateType, UnknownType,
                TimestampType, TimestampWithTimeZoneType, TimeType, TimeWithTimeZoneType, IntervalDayTimeType, IntervalYearMonthType, ArrayType, MapType, RowType,
                UuidType, IpAddressType, ColorType, UnorderedType {

    /** The lower-case base name, e.g. {@code varchar} or {@code decimal}. */
    String rawType();

    /** Numeric signature arguments: the length of a varchar, the precision and scale of a decimal. */
    default List<Long> arguments() {
        return List.of();
    }

    /** The full name, e.g. {@code varchar(25)} or {@code decimal(12,2)}. */
    default String displayName() {
        List<Long> arguments = arguments();
        if (arguments.isEmpty()) {
            return rawType();
        }
        StringBuilder name = new StringBuilder(rawType()).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                name.append(',');
            }
            name.append(arguments.get(i));
        }
        return name.append(')').toString();
    }

    /** How values of this type are laid out in blocks. */
    Storage storage();

    default boolean isNumeric() {
        return false;
    }

    default boolean isOrderable() {
        return true;
    }
}
