package io.quarry.connector.tpch;

import io.trino.tpch.TpchColumn;

/**
 * How the connector names columns: SIMPLIFIED ({@code orderkey}, openLooKeng's default) or STANDARD
 * ({@code o_orderkey}), chosen by the catalog property {@code tpch.column-naming}.
 */
public enum TpchColumnNaming {
    SIMPLIFIED,
    STANDARD;

    public String columnName(TpchColumn<?> column) {
        return this == SIMPLIFIED ? column.getSimplifiedColumnName() : column.getColumnName();
    }
}
