package io.quarry.sql;

import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts the date-time and interval types between Quarry and Calcite. */
final class TemporalTypeMapping {
    private TemporalTypeMapping() {}

    static RelDataType toCalcite(RelDataTypeFactory factory, Type type) {
        if (type instanceof TimestampType timestamp) {
            return factory.createSqlType(SqlTypeName.TIMESTAMP, timestamp.precision());
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            return factory.createSqlType(SqlTypeName.TIMESTAMP_TZ, timestamp.precision());
        }
        if (type instanceof TimeType time) {
            return factory.createSqlType(SqlTypeName.TIME, time.precision());
        }
        if (type instanceof io.quarry.type.TimeWithTimeZoneType time) {
            return factory.createSqlType(SqlTypeName.TIME_TZ, time.precision());
        }
        if (type instanceof IntervalDayTimeType) {
            return factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        }
        if (type instanceof IntervalYearMonthType) {
            return factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
        }
        throw new IllegalArgumentException("not a date-time type: " + type);
    }

    /** The Quarry type of a Calcite date-time or interval type, or null if it is none. */
    static Type toQuarry(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        int precision = type.getPrecision();
        return switch (name) {
            case TIMESTAMP -> TemporalTypes.timestamp(precision(precision, TimestampType.DEFAULT_PRECISION));
            case TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    TemporalTypes.timestampWithTimeZone(precision(precision, TimestampWithTimeZoneType.DEFAULT_PRECISION));
            case TIME -> TemporalTypes.time(precision(precision, TimeType.DEFAULT_PRECISION));
            case TIME_TZ -> TemporalTypes.timeWithTimeZone(precision(precision, io.quarry.type.TimeWithTimeZoneType.DEFAULT_PRECISION));
            default -> {
                if (name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                    yield TemporalTypes.INTERVAL_DAY_TIME;
                }
                if (name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    yield TemporalTypes.INTERVAL_YEAR_MONTH;
                }
                yield null;
            }
        };
    }

    private static int precision(int precision, int otherwise) {
        return precision < 0 || precision > TimestampType.MAX_PRECISION ? otherwise : precision;
    }
}
