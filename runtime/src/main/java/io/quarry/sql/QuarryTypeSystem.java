package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type rules bent to Trino's: decimals up to 38 digits with Trino's precision and scale for
 * arithmetic, unbounded varchar, {@code sum} of integers as bigint and {@code avg} of integers as double.
 */
final class QuarryTypeSystem extends RelDataTypeSystemImpl {
    static final QuarryTypeSystem INSTANCE = new QuarryTypeSystem();
    static final int MAX_DECIMAL_PRECISION = 38;
    static final int MAX_DATETIME_PRECISION = 12;
    static final int DEFAULT_DATETIME_PRECISION = 3;

    private QuarryTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
            case TIMESTAMP, TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_TZ -> MAX_DATETIME_PRECISION;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        // Trino's bare "decimal" is decimal(38,0); bare timestamp and time have 3 fractional digits
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case TIMESTAMP, TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_TZ -> DEFAULT_DATETIME_PRECISION;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        // CASE WHEN … THEN 'a' ELSE 'bb' END is varchar(2) in Trino, not a blank-padded char(2)
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType type = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType type = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            // Trino: avg(decimal(p,s)) is a decimal(p,s) (the mean lies between the least and the greatest value)
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int s1 = type1.getScale();
        int s2 = type2.getScale();
        int scale = Math.max(s1, s2);
        int precision = 1 + Math.max(type1.getPrecision() - s1, type2.getPrecision() - s2) + scale;
        return decimal(typeFactory, precision, scale);
    }

    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int scale = type1.getScale() + type2.getScale();
        if (scale > MAX_DECIMAL_PRECISION) {
            // Trino keeps the sum of the scales, which no decimal type holds
            throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    io.quarry.type.DecimalType.invalidParameters(MAX_DECIMAL_PRECISION, scale));
        }
        return decimal(typeFactory, type1.getPrecision() + type2.getPrecision(), scale);
    }

    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int s1 = type1.getScale();
        int s2 = type2.getScale();
        return decimal(typeFactory, type1.getPrecision() + s2 + Math.max(s2 - s1, 0), Math.max(s1, s2));
    }

    @Override
    public RelDataType deriveDecimalModType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int s1 = type1.getScale();
        int s2 = type2.getScale();
        int scale = Math.max(s1, s2);
        return decimal(typeFactory, Math.min(type1.getPrecision() - s1, type2.getPrecision() - s2) + scale, scale);
    }

    private static boolean isDecimalArithmetic(RelDataType type1, RelDataType type2) {
        return SqlTypeUtil.isExactNumeric(type1)
                && SqlTypeUtil.isExactNumeric(type2)
                && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
    }

    private static RelDataType decimal(RelDataTypeFactory typeFactory, int precision, int scale) {
        int boundedPrecision = Math.min(precision, MAX_DECIMAL_PRECISION);
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, boundedPrecision, Math.min(scale, boundedPrecision));
    }
}
