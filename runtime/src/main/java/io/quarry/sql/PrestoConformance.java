package io.quarry.sql;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/** Calcite's PRESTO conformance, plus ORDER BY an output alias and both OFFSET/LIMIT orders, as Trino allows. */
final class PrestoConformance extends SqlDelegatingConformance {
    static final PrestoConformance INSTANCE = new PrestoConformance();

    private PrestoConformance() {
        super(SqlConformanceEnum.PRESTO);
    }

    @Override
    public boolean isSortByAlias() {
        return true;
    }

    @Override
    public boolean isOffsetLimitAllowed() {
        return true;
    }
}
