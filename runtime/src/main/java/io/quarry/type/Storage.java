package io.quarry.type;

/**
 * The block layout of a type's values. Every integer type, date and short decimal live in longs; double
 * and real in doubles; boolean in bytes; strings and binaries in variable-width bytes; long decimals in
 * pairs of longs; arrays, maps and rows in nested blocks.
 */
public enum Storage {
    BOOLEAN,
    LONG,
    DOUBLE,
    VARIABLE_WIDTH,
    INT128,
    /** {@link io.quarry.block.ArrayBlock}: offsets into an element block. */
    ARRAY,
    /** {@link io.quarry.block.MapBlock}: offsets into a key and a value block. */
    MAP,
    /** {@link io.quarry.block.RowBlock}: one block per field. */
    ROW
}
