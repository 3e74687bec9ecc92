package io.quarry.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlCoalesceFunction;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * COALESCE kept as one call through validation and conversion. Calcite's own rewrites {@code COALESCE(a, b)} to
 * {@code CASE WHEN a IS NOT NULL THEN a ELSE b END}, which holds {@code a} twice: a COALESCE nested in the first
 * argument doubled the work of every later step, so that twenty levels took minutes. Quarry evaluates the call
 * itself.
 */
final class Coalesce extends SqlCoalesceFunction {
    static final Coalesce INSTANCE = new Coalesce();

    private Coalesce() {}

    @Override
    public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
        return call;
    }
}
