package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Interval types inside array, map and row types of casts: Calcite's grammar takes an interval type only as the
 * whole target of a CAST, so {@link CastTypeSyntax} spells {@code interval day to second} and
 * {@code interval year to month} as one registered type name of the same length. Trino knows no other interval type.
 */
final class IntervalCastTypes {
    private static final Pattern INTERVAL = Pattern.compile("(?i)interval\\s+([a-z]+)(?:\\s+to\\s+([a-z]+))?");
    private static final String DAY_TO_SECOND = "interval_day_to_second";
    private static final String YEAR_TO_MONTH = "interval_year_to_month";

    private IntervalCastTypes() {}

    /**
     * The registered name, padded with blanks to the length of {@code type}, for an interval type as written inside
     * a structural type; null if {@code type} is no interval type. An interval type Trino does not support fails.
     */
    static String castName(String type) {
        Matcher matcher = INTERVAL.matcher(type);
        if (!matcher.matches()) {
            return null;
        }
        String start = matcher.group(1).toUpperCase(Locale.ROOT);
        String end = matcher.group(2) == null ? start : matcher.group(2).toUpperCase(Locale.ROOT);
        String name = start.equals("DAY") && end.equals("SECOND") ? DAY_TO_SECOND
                : start.equals("YEAR") && end.equals("MONTH") ? YEAR_TO_MONTH : null;
        if (name == null) {
            throw notSupported(start, end);
        }
        return name + " ".repeat(type.length() - name.length());
    }

    /** Trino's failure for an interval type other than day to second and year to month. */
    static QuarryException notSupported(String start, String end) {
        return new QuarryException(ErrorCode.NOT_SUPPORTED, "INTERVAL " + start + " TO " + end + " type not supported");
    }

    /** Fails a CAST to an interval type other than day to second and year to month, as Trino does. */
    static void checkSupported(SqlIntervalQualifier qualifier) {
        TimeUnit start = qualifier.getStartUnit();
        TimeUnit end = qualifier.getEndUnit() == null ? start : qualifier.getEndUnit();
        if (!(start == TimeUnit.DAY && end == TimeUnit.SECOND) && !(start == TimeUnit.YEAR && end == TimeUnit.MONTH)) {
            throw notSupported(start.name(), end.name());
        }
    }

    /**
     * Makes the two names type names that CAST finds; and {@code unknown}, the type of a bare NULL, which Trino takes
     * inside an array, map or row type ({@code CAST(NULL AS array(unknown))}).
     */
    static void registerTypes(SchemaPlus root) {
        root.add("unknown", factory -> factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.NULL), true));
        root.add(DAY_TO_SECOND, factory -> factory.createSqlIntervalType(
                new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO)));
        root.add(YEAR_TO_MONTH, factory -> factory.createSqlIntervalType(
                new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO)));
    }
}
