package io.quarry.sql;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type factory with UTF-8 as the character set of strings: Calcite's default, ISO-8859-1, cannot
 * hold literals such as {@code '日本語'}, which Trino's varchar takes as any other. Fixed-length binaries (the type
 * Calcite gives {@code X'0102'}) are Trino's varbinary. Reals meeting decimals stay real, as in Trino (Calcite makes
 * them double).
 */
final class UnicodeTypeFactory extends JavaTypeFactoryImpl {
    UnicodeTypeFactory() {
        super(QuarryTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public RelDataType createSqlType(SqlTypeName typeName, int precision) {
        if (typeName == SqlTypeName.BINARY) {
            return super.createSqlType(SqlTypeName.VARBINARY);
        }
        return super.createSqlType(typeName, precision);
    }

    @Override
    public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof SketchSqlType sketch) {
            // Calcite copies only the types it knows; a sketch type keeps its name
            return canonize(new SketchSqlType(sketch.name(), nullable));
        }
        return super.createTypeWithNullability(type, nullable);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        RelDataType sketch = commonSketchType(types);
        if (sketch != null) {
            return sketch;
        }
        if (types.stream().anyMatch(type -> type instanceof SketchSqlType)) {
            // a sketch, digest or color beside another type: no common type (Calcite has no rules for OTHER)
            return null;
        }
        if (types.stream().anyMatch(SqlTypeUtil::isDatetime) && types.stream().anyMatch(SqlTypeUtil::isNumeric)) {
            // Calcite casts the number to the date; Trino has no common type of them (UNION, CASE, VALUES)
            return null;
        }
        if (types.stream().anyMatch(type -> SqlTypeUtil.isInterval(type) || isStructured(type))
                && types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.NULL)) {
            // Calcite's rule for intervals would read NULL's type as an interval's, and its rule for arrays, maps and
            // rows keeps the last one's type after a NULL (ARRAY[NULL, ARRAY['abc'], ARRAY['a']] cut 'abc' to 'a'):
            // the others decide, NULL makes it nullable
            RelDataType typed = leastRestrictive(types.stream().filter(type -> type.getSqlTypeName() != SqlTypeName.NULL).toList());
            return typed == null ? null : createTypeWithNullability(typed, true);
        }
        if (types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ)
                && types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.TIMESTAMP)) {
            // Calcite drops the zone; Trino gives a timestamp the session's zone
            return dateBesideTimestamp(types);
        }
        RelDataType common = super.leastRestrictive(types);
        if (common == null) {
            return dateBesideTimestamp(types);
        }
        if (common.getSqlTypeName() == SqlTypeName.TIME_TZ) {
            // time(p) beside time(q) with time zone: the larger precision of them all, as Trino's coercion gives
            int precision = 0;
            for (RelDataType type : types) {
                if (type.getSqlTypeName() == SqlTypeName.TIME || type.getSqlTypeName() == SqlTypeName.TIME_TZ) {
                    precision = Math.max(precision, type.getPrecision());
                }
            }
            return createTypeWithNullability(createSqlType(SqlTypeName.TIME_TZ, precision), common.isNullable());
        }
        if (common.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return commonDecimal(types, common);
        }
        if (common.getSqlTypeName() != SqlTypeName.DOUBLE) {
            return common;
        }
        boolean anyReal = false;
        for (RelDataType type : types) {
            SqlTypeName name = type.getSqlTypeName();
            if (name == SqlTypeName.REAL) {
                anyReal = true;
            } else if (name != SqlTypeName.NULL && !SqlTypeName.EXACT_TYPES.contains(name)) {
                return common; // a double (or anything else) among them: double it is
            }
        }
        return anyReal ? createTypeWithNullability(createSqlType(SqlTypeName.REAL), common.isNullable()) : common;
    }

    private static boolean isStructured(RelDataType type) {
        return type.isStruct() || type.getComponentType() != null || type.getKeyType() != null;
    }

    /**
     * Decimals beside decimals and integers, as Trino's common super type: the most integer digits and the largest
     * scale, the precision capped at 38 with the scale kept ({@code decimal(38,0)} beside {@code 0.5} is
     * {@code decimal(38,1)}); Calcite keeps the integer digits and drops scale instead.
     */
    private RelDataType commonDecimal(List<RelDataType> types, RelDataType common) {
        int integerDigits = 0;
        int scale = 0;
        for (RelDataType type : types) {
            int digits = switch (type.getSqlTypeName()) {
                case DECIMAL -> type.getPrecision() - type.getScale();
                case TINYINT -> 3;
                case SMALLINT -> 5;
                case INTEGER -> 10;
                case BIGINT -> 19;
                case NULL -> 0;
                default -> -1;
            };
            if (digits < 0) {
                return common;
            }
            integerDigits = Math.max(integerDigits, digits);
            scale = Math.max(scale, type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0);
        }
        int precision = Math.min(getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL), integerDigits + scale);
        return createTypeWithNullability(createSqlType(SqlTypeName.DECIMAL, precision, scale), common.isNullable());
    }

    /**
     * Dates beside timestamps (with or without a zone, and NULLs): the timestamp type of the largest precision, as
     * Trino coerces a date to its midnight, with a zone when any has one; null for other mixes.
     */
    private RelDataType dateBesideTimestamp(List<RelDataType> types) {
        SqlTypeName timestamp = null;
        int precision = 0;
        boolean nullable = false;
        for (RelDataType type : types) {
            SqlTypeName name = type.getSqlTypeName();
            nullable |= type.isNullable();
            if (name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_TZ) {
                timestamp = timestamp == SqlTypeName.TIMESTAMP_TZ ? timestamp : name;
                precision = Math.max(precision, type.getPrecision());
            } else if (name != SqlTypeName.DATE && name != SqlTypeName.NULL) {
                return null;
            }
        }
        return timestamp == null ? null : createTypeWithNullability(createSqlType(timestamp, precision), nullable);
    }

    /** The sketch type that all the types are (NULL aside), nullable when any is; null when they are not one. */
    private RelDataType commonSketchType(List<RelDataType> types) {
        SketchSqlType sketch = null;
        boolean nullable = false;
        for (RelDataType type : types) {
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                nullable = true;
            } else if (type instanceof SketchSqlType candidate
                    && (sketch == null || sketch.name().equals(candidate.name()))) {
                sketch = candidate;
                nullable |= candidate.isNullable();
            } else {
                return null;
            }
        }
        return sketch == null ? null : createTypeWithNullability(sketch, nullable);
    }
}
