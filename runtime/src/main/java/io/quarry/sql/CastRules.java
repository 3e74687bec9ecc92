package io.quarry.sql;

import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Which explicit casts the validator accepts: Calcite's rules plus Trino's casts between boolean and numbers
 * and between the date-time types (with and without time zone) and text; the sketch types to and from varbinary.
 */
final class CastRules {
    static final SqlTypeMappingRule RULE = rule();

    private CastRules() {}

    private static SqlTypeMappingRule rule() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
        Set<SqlTypeName> numbers = EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT,
                SqlTypeName.DECIMAL, SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE);
        for (SqlTypeName number : numbers) {
            add(mapping, number, SqlTypeName.BOOLEAN);
            add(mapping, SqlTypeName.BOOLEAN, number);
        }
        Set<SqlTypeName> dateTimes = EnumSet.of(SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP,
                SqlTypeName.TIMESTAMP_TZ, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, SqlTypeName.TIME_TZ, SqlTypeName.CHAR, SqlTypeName.VARCHAR);
        for (SqlTypeName target : dateTimes) {
            for (SqlTypeName source : dateTimes) {
                add(mapping, target, source);
            }
        }
        for (SqlTypeName interval : SqlTypeName.INTERVAL_TYPES) {
            add(mapping, SqlTypeName.VARCHAR, interval);
            add(mapping, SqlTypeName.CHAR, interval);
        }
        // ipaddress (Calcite's GEOMETRY, see IpAddressSql) from and to text and varbinary; the kernel refuses char(n)
        for (SqlTypeName other : EnumSet.of(SqlTypeName.CHAR, SqlTypeName.VARCHAR, SqlTypeName.BINARY, SqlTypeName.VARBINARY)) {
            add(mapping, SqlTypeName.GEOMETRY, other);
            add(mapping, other, SqlTypeName.GEOMETRY);
        }
        add(mapping, SqlTypeName.GEOMETRY, SqlTypeName.GEOMETRY);
        // sketch types (OTHER, see SketchSqlType) to and from varbinary and between themselves
        add(mapping, SqlTypeName.OTHER, SqlTypeName.OTHER);
        add(mapping, SqlTypeName.OTHER, SqlTypeName.VARBINARY);
        add(mapping, SqlTypeName.OTHER, SqlTypeName.NULL);
        add(mapping, SqlTypeName.VARBINARY, SqlTypeName.OTHER);
        return SqlTypeCoercionRule.instance(mapping);
    }

    private static void add(Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping, SqlTypeName target, SqlTypeName source) {
        ImmutableSet<SqlTypeName> sources = mapping.getOrDefault(target, ImmutableSet.of());
        if (!sources.contains(source)) {
            mapping.put(target, ImmutableSet.<SqlTypeName>builder().addAll(sources).add(source).build());
        }
    }
}
