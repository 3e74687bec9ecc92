package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
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
 * The sketch functions in the SQL front end: the aggregates {@code approx_set(x)} (x a bigint, double or varchar,
 * or what Trino coerces to one), {@code merge(hll)}, {@code make_set_digest(x)} and {@code merge_set_digest(d)};
 * {@code empty_approx_set()}, {@code intersection_cardinality}, {@code jaccard_index} and {@code hash_counts};
 * {@code cardinality} of a sketch shares the operator of arrays and maps.
 */
final class SketchSql {
    static final String HYPER_LOG_LOG = "HyperLogLog";
    static final String P4_HYPER_LOG_LOG = "P4HyperLogLog";

    static final String SET_DIGEST = "SetDigest";

    static final SqlAggFunction APPROX_SET =
            SqlBasicAggFunction.create("APPROX_SET", SqlKind.OTHER_FUNCTION, SketchSql::approxSetType, OperandTypes.ANY);
    static final SqlAggFunction MERGE =
            SqlBasicAggFunction.create("MERGE", SqlKind.OTHER_FUNCTION, SketchSql::mergeType, OperandTypes.ANY);
    static final SqlAggFunction MAKE_SET_DIGEST = SqlBasicAggFunction.create(
            "MAKE_SET_DIGEST", SqlKind.OTHER_FUNCTION, SketchSql::makeSetDigestType, OperandTypes.ANY);
    static final SqlAggFunction MERGE_SET_DIGEST = SqlBasicAggFunction.create(
            "MERGE_SET_DIGEST", SqlKind.OTHER_FUNCTION, SketchSql::mergeSetDigestType, OperandTypes.ANY);

    /** The scalar functions (cardinality aside). */
    static final List<SqlOperator> SCALARS = List.of(
            new SqlFunction("EMPTY_APPROX_SET", SqlKind.OTHER_FUNCTION,
                    binding -> sketch(binding.getTypeFactory(), HYPER_LOG_LOG, false), null, OperandTypes.NILADIC,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION),
            new SqlFunction("INTERSECTION_CARDINALITY", SqlKind.OTHER_FUNCTION,
                    binding -> digestPairType(binding, "intersection_cardinality", SqlTypeName.BIGINT), null,
                    OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION),
            new SqlFunction("JACCARD_INDEX", SqlKind.OTHER_FUNCTION,
                    binding -> digestPairType(binding, "jaccard_index", SqlTypeName.DOUBLE), null,
                    OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION),
            new SqlFunction("HASH_COUNTS", SqlKind.OTHER_FUNCTION, SketchSql::hashCountsType, null, OperandTypes.ANY,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION));

    /** A cast of a literal to or from a sketch type, which Calcite's rewrites of casts must not see. */
    static final SqlFunction LITERAL_CAST = new SqlFunction("$SKETCH_LITERAL_CAST", SqlKind.OTHER_FUNCTION,
            binding -> binding.getOperandType(0), null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    /** The same for TRY_CAST, whose failures become NULL. */
    static final SqlFunction LITERAL_TRY_CAST = new SqlFunction("$SKETCH_LITERAL_TRY_CAST", SqlKind.OTHER_FUNCTION,
            binding -> binding.getOperandType(0), null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private SketchSql() {}

    static RelDataType sketch(RelDataTypeFactory factory, String name, boolean nullable) {
        return factory.createTypeWithNullability(new SketchSqlType(name, nullable), nullable);
    }

    private static boolean isSketch(RelDataType type, String name) {
        return type instanceof SketchSqlType sketch && sketch.name().equals(name) || type.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static RelDataType makeSetDigestType(SqlOperatorBinding binding) {
        // Trino takes the types held as a long or as bytes; a bare NULL (unknown) is none of them
        SqlTypeName name = binding.getOperandType(0).getSqlTypeName();
        boolean accepted = binding.getOperandCount() == 1 && (SqlTypeFamily.INTEGER.getTypeNames().contains(name)
                || name == SqlTypeName.DATE || name == SqlTypeName.VARCHAR || name == SqlTypeName.CHAR
                || name == SqlTypeName.VARBINARY || ColorSql.isColor(binding.getOperandType(0))
                || name == SqlTypeName.DECIMAL && binding.getOperandType(0).getPrecision() <= 18);
        if (!accepted) {
            throw new QuarryException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "Unsupported type parameters (make_set_digest("
                    + argumentList(binding) + "):SetDigest) for <T>(t):setdigest");
        }
        return sketch(binding.getTypeFactory(), SET_DIGEST, true);
    }

    private static RelDataType mergeSetDigestType(SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 1 || !isSketch(binding.getOperandType(0), SET_DIGEST)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function merge_set_digest. Expected: merge_set_digest(setdigest)");
        }
        return sketch(binding.getTypeFactory(), SET_DIGEST, true);
    }

    private static RelDataType digestPairType(SqlOperatorBinding binding, String function, SqlTypeName result) {
        if (binding.getOperandCount() != 2 || !isSketch(binding.getOperandType(0), SET_DIGEST)
                || !isSketch(binding.getOperandType(1), SET_DIGEST)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function " + function + ". Expected: " + function + "(setdigest, setdigest)");
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(result), true);
    }

    private static RelDataType hashCountsType(SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 1 || !isSketch(binding.getOperandType(0), SET_DIGEST)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function hash_counts. Expected: hash_counts(setdigest)");
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createMapType(
                factory.createSqlType(SqlTypeName.BIGINT), factory.createSqlType(SqlTypeName.SMALLINT)), true);
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
        return sketch(binding.getTypeFactory(), HYPER_LOG_LOG, true);
    }

    private static RelDataType mergeType(SqlOperatorBinding binding) {
        if (binding.getOperandCount() == 1 && DigestSql.isDigest(binding.getOperandType(0))) {
            SketchSqlType digest = (SketchSqlType) binding.getOperandType(0);
            return sketch(binding.getTypeFactory(), digest.name(), true);
        }
        boolean accepted = binding.getOperandCount() == 1
                && (isSketch(binding.getOperandType(0), HYPER_LOG_LOG) || isSketch(binding.getOperandType(0), P4_HYPER_LOG_LOG));
        if (!accepted) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                    + ") for function merge. Expected: merge(hyperloglog), merge(qdigest(v)) V, merge(tdigest)");
        }
        return sketch(binding.getTypeFactory(), HYPER_LOG_LOG, true);
    }

    private static String argumentList(SqlOperatorBinding binding) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            text.append(i == 0 ? "" : ", ").append(TypeMapping.displayName(binding.getOperandType(i)));
        }
        return text.toString();
    }
}
