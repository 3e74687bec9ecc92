package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Quarry's types and Calcite's. */
final class TypeMapping {
    private TypeMapping() {}

    /** The Calcite type of a column of Quarry type {@code type} (nullable, as every column may hold NULL). */
    static RelDataType toCalcite(RelDataTypeFactory factory, Type type) {
        RelDataType result;
        if (type instanceof BooleanType) {
            result = factory.createSqlType(SqlTypeName.BOOLEAN);
        } else if (type instanceof TinyintType) {
            result = factory.createSqlType(SqlTypeName.TINYINT);
        } else if (type instanceof SmallintType) {
            result = factory.createSqlType(SqlTypeName.SMALLINT);
        } else if (type instanceof IntegerType) {
            result = factory.createSqlType(SqlTypeName.INTEGER);
        } else if (type instanceof BigintType) {
            result = factory.createSqlType(SqlTypeName.BIGINT);
        } else if (type instanceof RealType) {
            result = factory.createSqlType(SqlTypeName.REAL);
        } else if (type instanceof DoubleType) {
            result = factory.createSqlType(SqlTypeName.DOUBLE);
        } else if (type instanceof DecimalType decimal) {
            result = factory.createSqlType(SqlTypeName.DECIMAL, decimal.precision(), decimal.scale());
        } else if (type instanceof VarcharType varchar) {
            result = varchar.isUnbounded()
                    ? factory.createSqlType(SqlTypeName.VARCHAR)
                    : factory.createSqlType(SqlTypeName.VARCHAR, varchar.length());
        } else if (type instanceof CharType fixed) {
            result = factory.createSqlType(SqlTypeName.CHAR, fixed.length());
        } else if (type instanceof VarbinaryType) {
            result = factory.createSqlType(SqlTypeName.VARBINARY);
        } else if (type instanceof DateType) {
            result = factory.createSqlType(SqlTypeName.DATE);
        } else if (type instanceof io.quarry.type.IpAddressType) {
            result = IpAddressSql.calciteType(factory);
        } else if (type instanceof io.quarry.type.ColorType) {
            result = ColorSql.calciteType(factory);
        } else if (type instanceof io.quarry.type.UuidType) {
            result = factory.createSqlType(SqlTypeName.UUID);
        } else if (type instanceof io.quarry.type.JsonType) {
            result = JsonSql.calciteType(factory);
        } else if (type instanceof io.quarry.type.HyperLogLogType || type instanceof io.quarry.type.SetDigestType
                || type instanceof io.quarry.type.TDigestType || type instanceof io.quarry.type.QuantileDigestType) {
            result = factory.createTypeWithNullability(new SketchSqlType(type.displayName(), false), false);
        } else if (TemporalTypes.isTemporal(type)) {
            result = TemporalTypeMapping.toCalcite(factory, type);
        } else if (StructuralTypeMapping.isStructural(type)) {
            result = StructuralTypeMapping.toCalcite(factory, type);
        } else {
            result = factory.createSqlType(SqlTypeName.NULL);
        }
        return factory.createTypeWithNullability(result, true);
    }

    /**
     * The Quarry type of a Calcite type. Calcite types string literals as CHAR; Trino as varchar, so CHAR
     * becomes varchar unless {@code keepChar} (an explicit cast to char).
     */
    static Type toQuarry(RelDataType type, boolean keepChar) {
        if (type instanceof SketchSqlType sketch) {
            return Types.parse(sketch.name());
        }
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case REAL -> Types.REAL;
            case FLOAT, DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.decimal(type.getPrecision(), type.getScale());
            case CHAR -> keepChar ? new CharType(Math.max(0, type.getPrecision())) : varchar(type.getPrecision());
            case VARCHAR -> varchar(type.getPrecision());
            case BINARY, VARBINARY -> Types.VARBINARY;
            case DATE -> Types.DATE;
            case NULL -> Types.UNKNOWN;
            case VARIANT -> Types.JSON; // Calcite has no json type: json is VARIANT (see JsonSql)
            case UUID -> Types.UUID;
            case GEOMETRY -> Types.IPADDRESS; // Calcite has no ipaddress type (see IpAddressSql)
            case ARRAY, MAP, ROW -> StructuralTypeMapping.toQuarry(type);
            default -> java.util.Optional.ofNullable(TemporalTypeMapping.toQuarry(type)).orElseThrow(() -> new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Type " + displayName(type) + " is not supported yet"));
        };
    }

    static Type toQuarry(RelDataType type) {
        return toQuarry(type, false);
    }

    /** The Quarry type of a type the user wrote: every CHAR in it, also inside arrays, maps and rows, is char(n). */
    static Type toQuarryKeepingChars(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case ARRAY, MAP, ROW -> StructuralTypeMapping.toQuarry(type, true);
            default -> toQuarry(type, true);
        };
    }

    private static VarcharType varchar(int precision) {
        // Calcite marks "no length" with a negative precision; sums of lengths may overflow past the maximum
        return precision < 0 || precision >= Integer.MAX_VALUE / 2 ? Types.VARCHAR : Types.varchar(precision);
    }

    /** A Calcite type as Trino would print it, for messages. */
    static String displayName(RelDataType type) {
        if (type instanceof SketchSqlType sketch) {
            return sketch.name();
        }
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case CHAR, VARCHAR -> type.getPrecision() < 0 || type.getPrecision() >= Integer.MAX_VALUE / 2
                    ? "varchar"
                    : "varchar(" + type.getPrecision() + ")";
            case DECIMAL -> "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
            case FLOAT -> "double";
            case TIMESTAMP -> "timestamp(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> "timestamp(" + type.getPrecision() + ") with time zone";
            case NULL -> "unknown";
            case VARIANT -> "json";
            case GEOMETRY -> "ipaddress";
            case TIME_TZ -> "time(" + type.getPrecision() + ") with time zone";
            default -> {
                if (name.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
                    yield "interval day to second";
                }
                if (name.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    yield "interval year to month";
                }
                yield name.getName().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
        };
    }

    static boolean isUnknown(Type type) {
        return type instanceof UnknownType;
    }
}
