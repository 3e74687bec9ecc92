package io.quarry.type;

/**
 * The block layout of a type's values. Every integer type, date and short decimal live in longs; double
 * and real in doubles; boolean in bytes; strings and binaries in variable-width bytes; long decimals in
 * pairs of longs.
 */
public enum Storage {
    BOOLEAN,
    LONG,
    DOUBLE,
    VARIABLE_WIDTH,
    INT128
}
