package io.quarry.sql;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.Optionality;

/**
 * Trino's {@code ntile(buckets)}: any integer expression, not only Calcite's positive literal; a null bucket
 * count gives null, and one below 1 fails when the rows are numbered ({@code Buckets must be greater than 0}).
 */
final class NtileFunction extends SqlAggFunction {
    static final NtileFunction INSTANCE = new NtileFunction();

    private NtileFunction() {
        super("NTILE", null, SqlKind.NTILE, ReturnTypes.BIGINT_FORCE_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC, false, true, Optionality.FORBIDDEN);
    }

    @Override
    public boolean allowsFraming() {
        return false;
    }
}
