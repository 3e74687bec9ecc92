package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The HyperLogLog functions in the SQL front end: the aggregates {@code approx_set(x)} (x a bigint, double or
 * varchar, or what Trino coerces to one) and {@code merge(hll)}, and {@code empty_approx_set()};
 * {@code cardinality(hll)} shares the operator of arrays and maps.
 */
final class SketchSql {
    static final String HYPER_LOG_LOG = "HyperLogLog";
    static final String P4_HYPER_LOG_LOG = "P4HyperLogLog";

    static final List<SqlOperator> OPERATORS = List.of(
            SqlBasicAggFunction.create("APPROX_SET", SqlKind.OTHER_FUNCTION, SketchSql::approxSetType, OperandTypes.ANY),
            SqlBasicAggFunction.create("MERGE", SqlKind.OTHER_FUNCTION, SketchSql::mergeType, OperandTypes.ANY),
            new SqlFunction("EMPTY_APPROX_SET", SqlKind.OTHER_FUNCTION,
                    binding -> hyperLogLog(binding.getTypeFactory(), false), null, OperandTypes.NILADIC,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION));

    /** A cast of a literal to or from a sketch type, which Calcite's rewrites of casts must not see. */
    static final SqlFunction LITERAL_CAST = new SqlFunction("$SKETCH_LITERAL_CAST", SqlKind.OTHER_FUNCTION,
            binding -> binding.getOperandType(0), null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private SketchSql() {}

    static RelDataType hyperLogLog(RelDataTypeFactory factory, boolean nullable) {
        return factory.createTypeWithNullability(new SketchSqlType(HYPER_LOG_LOG, nullable), nullable);
    }

    private static RelDataType approxSetType(SqlOperatorBinding binding) {
        RelDataType argument = binding.getOperandType(0);
        SqlTypeName name = argument.getSqlTypeName();
        boolean accepted = binding.getOperandCount() == 1
                && (SqlTypeFamily.NUMERIC.getTypeNames().contains(name) || name == SqlTypeName.VARCHAR
                        || name == SqlTypeName.CHAR || name == SqlTypeName.NULL);
        if (!accepted) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function approx_set. Expected: approx_set(bigint), approx_set(double), approx_set(varchar(x))");
        }
        return hyperLogLog(binding.getTypeFactory(), true);
    }

    private static RelDataType mergeType(SqlOperatorBinding binding) {
        boolean accepted = binding.getOperandCount() == 1
                && (binding.getOperandType(0) instanceof SketchSqlType
                        || binding.getOperandType(0).getSqlTypeName() == SqlTypeName.NULL);
        if (!accepted) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function merge. Expected: merge(HyperLogLog)");
        }
        return hyperLogLog(binding.getTypeFactory(), true);
    }

    private static String argumentList(SqlOperatorBinding binding) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            text.append(i == 0 ? "" : ", ").append(TypeMapping.displayName(binding.getOperandType(i)));
        }
        return text.toString();
    }
}
