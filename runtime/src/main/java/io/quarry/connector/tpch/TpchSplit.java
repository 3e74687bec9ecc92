package io.quarry.connector.tpch;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.Split;

/**
 * Part {@code part} (0-based) of {@code partCount} equal parts of a TPC-H table at a scale factor. The
 * generator cuts tables by their driving entity (orders for lineitem, parts for partsupp), so the parts of
 * one table are disjoint and together hold every row.
 */
public record TpchSplit(String table, double scaleFactor, int part, int partCount) implements Split {
    public TpchSplit {
        requireNonNull(table, "table is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException("scale factor must be positive: " + scaleFactor);
        }
        if (partCount < 1 || part < 0 || part >= partCount) {
            throw new IllegalArgumentException("part " + part + " of " + partCount + " is not a valid part");
        }
    }

    @Override
    public long estimatedRows() {
        return (long) Math.ceil(TpchStatistics.rowCount(table, scaleFactor) / partCount);
    }
}
