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

    /**
     * Off: Calcite's item aliases break on {@code WITH ORDINALITY} and on maps (two columns for one operand);
     * the table alias {@code AS t(x, …)} names the unnested columns just as well.
     */
    @Override
    public boolean allowAliasUnnestItems() {
        return false;
    }
}
