package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
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
 * The quantile digests in the SQL front end: the types {@code tdigest} and {@code qdigest(T)} (T bigint, double or
 * real; sketch types of Calcite's OTHER kind named as Trino prints them), the aggregates {@code tdigest_agg} and
 * {@code qdigest_agg} ({@code merge} of a digest shares the operator of HyperLogLog's, see {@link SketchSql}), and
 * {@code value_at_quantile}, {@code values_at_quantiles} and {@code quantile_at_value}, with Trino's coercions and
 * its messages for calls that match no signature.
 */
final class DigestSql {
    static final String TDIGEST = "tdigest";

    /** The value types a qdigest can have. */
    static final List<String> QDIGEST_VALUE_TYPES = List.of("bigint", "double", "real");

    static final SqlAggFunction TDIGEST_AGG = SqlBasicAggFunction.create(
            "TDIGEST_AGG", SqlKind.OTHER_FUNCTION, DigestSql::tdigestAggType, OperandTypes.VARIADIC);
    static final SqlAggFunction QDIGEST_AGG = SqlBasicAggFunction.create(
            "QDIGEST_AGG", SqlKind.OTHER_FUNCTION, DigestSql::qdigestAggType, OperandTypes.VARIADIC);

    static final List<SqlOperator> SCALARS = List.of(
            new SqlFunction("VALUE_AT_QUANTILE", SqlKind.OTHER_FUNCTION, DigestSql::valueAtQuantileType, null,
                    OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION),
            new SqlFunction("VALUES_AT_QUANTILES", SqlKind.OTHER_FUNCTION, DigestSql::valuesAtQuantilesType, null,
                    OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION),
            new SqlFunction("QUANTILE_AT_VALUE", SqlKind.OTHER_FUNCTION, DigestSql::quantileAtValueType, null,
                    OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION));

    private DigestSql() {}

    /** The name of the qdigest of a value type, as Trino prints it. */
    static String qdigest(String valueType) {
        return "qdigest(" + valueType + ")";
    }

    /**
     * The name under which CAST finds {@code qdigest(T)}: {@link CastTypeSyntax} spells the parametric name as this
     * one identifier.
     */
    static String castName(String valueType) {
        return "qdigest_" + valueType;
    }

    /** Makes {@code tdigest} and the qdigests' cast names type names that CAST finds. */
    static void registerTypes(SchemaPlus root) {
        root.add(TDIGEST, factory -> SketchSql.sketch(factory, TDIGEST, false));
        for (String valueType : QDIGEST_VALUE_TYPES) {
            root.add(castName(valueType), factory -> SketchSql.sketch(factory, qdigest(valueType), false));
        }
    }

    /** Whether the type is tdigest or a qdigest (NULL aside). */
    static boolean isDigest(RelDataType type) {
        return type instanceof SketchSqlType sketch && (sketch.name().equals(TDIGEST) || sketch.name().startsWith("qdigest("));
    }

    /** The value type of a qdigest ({@code bigint}, ...), or null when the type is none. */
    private static String qdigestValueType(RelDataType type) {
        if (type instanceof SketchSqlType sketch && sketch.name().startsWith("qdigest(")) {
            return sketch.name().substring("qdigest(".length(), sketch.name().length() - 1);
        }
        return null;
    }

    private static RelDataType nullable(RelDataTypeFactory factory, SqlTypeName name) {
        return factory.createTypeWithNullability(factory.createSqlType(name), true);
    }

    private static RelDataType tdigestAggType(SqlOperatorBinding binding) {
        boolean accepted = binding.getOperandCount() >= 1 && binding.getOperandCount() <= 2;
        for (int i = 0; accepted && i < binding.getOperandCount(); i++) {
            accepted = isNumeric(binding.getOperandType(i));
        }
        if (!accepted) {
            throw notFound(binding, "tdigest_agg", "tdigest_agg(double), tdigest_agg(double, double)");
        }
        return SketchSql.sketch(binding.getTypeFactory(), TDIGEST, true);
    }

    private static RelDataType qdigestAggType(SqlOperatorBinding binding) {
        int count = binding.getOperandCount();
        String valueType = count >= 1 && count <= 3 ? qdigestValueTypeOf(binding.getOperandType(0)) : null;
        boolean accepted = valueType != null
                && (count < 2 || isInteger(binding.getOperandType(1)))
                && (count < 3 || isNumeric(binding.getOperandType(2)));
        if (!accepted) {
            StringBuilder expected = new StringBuilder();
            for (String type : QDIGEST_VALUE_TYPES) {
                expected.append(expected.length() == 0 ? "" : ", ").append("qdigest_agg(").append(type).append("), qdigest_agg(")
                        .append(type).append(", bigint), qdigest_agg(").append(type).append(", bigint, double)");
            }
            throw notFound(binding, "qdigest_agg", expected.toString());
        }
        return SketchSql.sketch(binding.getTypeFactory(), qdigest(valueType), true);
    }

    /** The qdigest value type a value of this type goes into: Trino coerces integers to bigint, decimals to real. */
    private static String qdigestValueTypeOf(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (isInteger(type)) {
            return "bigint";
        }
        return switch (name) {
            case REAL, DECIMAL -> "real";
            case DOUBLE, FLOAT -> "double";
            default -> null;
        };
    }

    private static RelDataType valueAtQuantileType(SqlOperatorBinding binding) {
        RelDataType digest = binding.getOperandType(0);
        if (digest.getSqlTypeName() == SqlTypeName.NULL) {
            throw ambiguous(binding, "value_at_quantile");
        }
        if (!isDigest(digest) || !isNumeric(binding.getOperandType(1))) {
            throw notFound(binding, "value_at_quantile", "value_at_quantile(qdigest(bigint), double), value_at_quantile(qdigest(double),"
                    + " double), value_at_quantile(qdigest(real), double), value_at_quantile(tdigest, double)");
        }
        return valueType(binding.getTypeFactory(), digest);
    }

    private static RelDataType valuesAtQuantilesType(SqlOperatorBinding binding) {
        RelDataType digest = binding.getOperandType(0);
        if (digest.getSqlTypeName() == SqlTypeName.NULL) {
            throw ambiguous(binding, "values_at_quantiles");
        }
        RelDataType quantiles = binding.getOperandType(1);
        boolean array = quantiles.getSqlTypeName() == SqlTypeName.NULL
                || quantiles.getComponentType() != null && quantiles.getSqlTypeName() == SqlTypeName.ARRAY
                        && isNumeric(quantiles.getComponentType());
        if (!isDigest(digest) || !array) {
            throw notFound(binding, "values_at_quantiles", "values_at_quantiles(qdigest(bigint), array(double)),"
                    + " values_at_quantiles(qdigest(double), array(double)), values_at_quantiles(qdigest(real), array(double)),"
                    + " values_at_quantiles(tdigest, array(double))");
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createArrayType(valueType(factory, digest), -1), true);
    }

    private static RelDataType quantileAtValueType(SqlOperatorBinding binding) {
        String valueType = qdigestValueType(binding.getOperandType(0));
        RelDataType value = binding.getOperandType(1);
        boolean accepted = valueType != null && switch (valueType) {
            case "bigint" -> isInteger(value);
            case "real" -> isInteger(value) || value.getSqlTypeName() == SqlTypeName.DECIMAL
                    || value.getSqlTypeName() == SqlTypeName.REAL || value.getSqlTypeName() == SqlTypeName.NULL;
            default -> isNumeric(value);
        };
        if (!accepted) {
            throw notFound(binding, "quantile_at_value", "quantile_at_value(qdigest(bigint), bigint), quantile_at_value(qdigest(double),"
                    + " double), quantile_at_value(qdigest(real), real)");
        }
        return nullable(binding.getTypeFactory(), SqlTypeName.DOUBLE);
    }

    /** The type of the values of a digest: double for tdigest, T for qdigest(T). */
    private static RelDataType valueType(RelDataTypeFactory factory, RelDataType digest) {
        String valueType = qdigestValueType(digest);
        SqlTypeName name = valueType == null ? SqlTypeName.DOUBLE : SqlTypeName.valueOf(valueType.toUpperCase(Locale.ROOT));
        return nullable(factory, name);
    }

    private static boolean isInteger(RelDataType type) {
        return SqlTypeFamily.INTEGER.getTypeNames().contains(type.getSqlTypeName()) || type.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static boolean isNumeric(RelDataType type) {
        return SqlTypeFamily.NUMERIC.getTypeNames().contains(type.getSqlTypeName()) || type.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static QuarryException notFound(SqlOperatorBinding binding, String function, String expected) {
        return new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + argumentList(binding)
                + ") for function " + function + ". Expected: " + expected);
    }

    private static QuarryException ambiguous(SqlOperatorBinding binding, String function) {
        return new QuarryException(ErrorCode.AMBIGUOUS_FUNCTION_CALL,
                "Could not choose a best candidate operator for " + function + ". Explicit type casts must be added.");
    }

    private static String argumentList(SqlOperatorBinding binding) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            text.append(i == 0 ? "" : ", ").append(TypeMapping.displayName(binding.getOperandType(i)));
        }
        return text.toString();
    }
}
