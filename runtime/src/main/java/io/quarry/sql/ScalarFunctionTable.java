package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlAbstractTimeFunction;
import org.apache.calcite.sql.fun.SqlStringContextVariable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The signatures of Trino's scalar functions on strings, regular expressions, numbers, dates and times, with
 * Trino's result types; {@link ScalarFunctionTranslator} turns their calls into the plan's calls. Argument
 * types are checked loosely here (by family) and exactly where the call is translated.
 */
final class ScalarFunctionTable {
    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;
    private static final SqlTypeFamily NUMERIC = SqlTypeFamily.NUMERIC;
    private static final SqlTypeFamily ANY = SqlTypeFamily.ANY;
    private static final SqlTypeFamily BINARY = SqlTypeFamily.BINARY;

    static final List<SqlOperator> OPERATORS = operators();

    private ScalarFunctionTable() {}

    private static List<SqlOperator> operators() {
        List<SqlOperator> list = new ArrayList<>();
        // strings
        // also varbinary (padded with bytes): the validator takes the first function of a name
        list.add(function("LPAD", ScalarFunctionTable::padType, OperandTypes.or(families(TEXT, INTEGER, TEXT), families(BINARY, INTEGER, BINARY))));
        list.add(function("RPAD", ScalarFunctionTable::padType, OperandTypes.or(families(TEXT, INTEGER, TEXT), families(BINARY, INTEGER, BINARY))));
        // trim(text[, characters]); trim(…) with two arguments is quoted by SqlText, so that it is this function
        for (String name : List.of("TRIM", "LTRIM", "RTRIM")) {
            list.add(function(name, argument(0), optional(1, TEXT, TEXT)));
        }
        // Also arrays and varbinary: the validator takes the first function of a name, so one REVERSE accepts all.
        list.add(function("REVERSE", argument(0), OperandTypes.or(families(TEXT), families(SqlTypeFamily.ARRAY), families(BINARY))));
        list.add(function("SPLIT_PART", argument(0), families(TEXT, TEXT, INTEGER)));
        list.add(function("STARTS_WITH", sqlType(SqlTypeName.BOOLEAN), families(TEXT, TEXT)));
        list.add(function("CHR", fixedVarchar(1), families(INTEGER)));
        list.add(function("CODEPOINT", sqlType(SqlTypeName.INTEGER), families(TEXT)));
        list.add(function("LEVENSHTEIN_DISTANCE", sqlType(SqlTypeName.BIGINT), families(TEXT, TEXT)));
        list.add(function("HAMMING_DISTANCE", sqlType(SqlTypeName.BIGINT), families(TEXT, TEXT)));
        // Trino's translate(varchar(x), varchar(y), varchar(z)) is an unbounded varchar, whatever x
        list.add(function("TRANSLATE", varchar(), families(TEXT, TEXT, TEXT)));
        list.add(function("TO_UTF8", sqlType(SqlTypeName.VARBINARY), families(TEXT)));
        list.add(function("FROM_UTF8", varchar(), OperandTypes.or(families(SqlTypeFamily.BINARY),
                families(SqlTypeFamily.BINARY, SqlTypeFamily.CHARACTER), families(SqlTypeFamily.BINARY, SqlTypeFamily.INTEGER))));
        list.add(function("NORMALIZE", varchar(), optional(1, TEXT, TEXT))); // the form: TextFunctionRewrites
        list.add(function("LUHN_CHECK", sqlType(SqlTypeName.BOOLEAN), families(TEXT)));
        // fail(message) and fail(error code, message): Trino's hidden function that raises the error; of unknown type
        list.add(function("FAIL", sqlType(SqlTypeName.NULL), OperandTypes.or(families(TEXT), families(INTEGER, TEXT))));
        // regular expressions
        list.add(function("REGEXP_LIKE", sqlType(SqlTypeName.BOOLEAN), families(TEXT, TEXT)));
        list.add(function("REGEXP_EXTRACT", argument(0), optional(2, TEXT, TEXT, INTEGER)));
        list.add(function("REGEXP_REPLACE", ScalarFunctionTable::regexpReplaceType, RegexpReplaceLambda.operands(optional(2, TEXT, TEXT, TEXT))));
        list.add(function("REGEXP_COUNT", sqlType(SqlTypeName.BIGINT), families(TEXT, TEXT)));
        list.add(function("REGEXP_POSITION", sqlType(SqlTypeName.INTEGER), optional(2, TEXT, TEXT, INTEGER, INTEGER)));
        // strings to arrays of parts of the string's type
        list.add(function("SPLIT", arrayOfArgument(0), optional(2, TEXT, TEXT, INTEGER)));
        list.add(function("REGEXP_EXTRACT_ALL", arrayOfArgument(0), optional(2, TEXT, TEXT, INTEGER)));
        list.add(function("REGEXP_SPLIT", arrayOfArgument(0), families(TEXT, TEXT)));
        // math
        list.add(function("TRUNCATE", TruncateFunction::returnType, optional(1, NUMERIC, INTEGER)));
        list.add(function("SIGN", ScalarFunctionTable::signType, families(NUMERIC)));
        for (String name : List.of("DEGREES", "RADIANS", "COS", "SIN", "TAN", "ACOS", "ASIN", "ATAN", "COSH", "SINH",
                "TANH", "EXP", "LN", "LOG2", "LOG10", "CBRT")) {
            list.add(function(name, sqlType(SqlTypeName.DOUBLE), families(NUMERIC)));
        }
        list.add(function("ATAN2", sqlType(SqlTypeName.DOUBLE), families(NUMERIC, NUMERIC)));
        list.add(function("LOG", sqlType(SqlTypeName.DOUBLE), families(NUMERIC, NUMERIC)));
        for (String name : List.of("PI", "E", "INFINITY", "NAN")) {
            list.add(function(name, sqlType(SqlTypeName.DOUBLE), OperandTypes.NILADIC));
        }
        for (String name : List.of("IS_NAN", "IS_FINITE", "IS_INFINITE")) {
            list.add(function(name, sqlType(SqlTypeName.BOOLEAN), families(NUMERIC)));
        }
        list.add(nonDeterministic("RAND", ScalarFunctionTable::randomType, optional(0, INTEGER, INTEGER)));
        list.add(nonDeterministic("RANDOM", ScalarFunctionTable::randomType, optional(0, INTEGER, INTEGER)));
        list.add(nonDeterministic("UUID", sqlType(SqlTypeName.UUID), OperandTypes.NILADIC));
        list.add(function("WIDTH_BUCKET", sqlType(SqlTypeName.BIGINT),
                OperandTypes.or(families(NUMERIC, NUMERIC, NUMERIC, INTEGER), families(NUMERIC, SqlTypeFamily.ARRAY))));
        for (String name : List.of("BITWISE_AND", "BITWISE_OR", "BITWISE_XOR", "BIT_COUNT")) {
            list.add(function(name, sqlType(SqlTypeName.BIGINT), families(INTEGER, INTEGER)));
        }
        for (String name : List.of("BITWISE_LEFT_SHIFT", "BITWISE_RIGHT_SHIFT", "BITWISE_RIGHT_SHIFT_ARITHMETIC")) {
            list.add(function(name, ScalarFunctionTable::shiftType, shiftOperands()));
        }
        list.add(function("BITWISE_NOT", sqlType(SqlTypeName.BIGINT), families(INTEGER)));
        // dates and times
        list.add(function("DATE_TRUNC", argument(1), families(TEXT, ANY)));
        list.add(function("DATE_ADD", argument(2), families(TEXT, INTEGER, ANY)));
        list.add(function("DATE_DIFF", sqlType(SqlTypeName.BIGINT), families(TEXT, ANY, ANY)));
        for (String name : List.of("DAY_OF_WEEK", "DOW", "DAY_OF_YEAR", "DOY", "WEEK", "WEEK_OF_YEAR", "QUARTER",
                "HOUR", "MINUTE", "SECOND", "MILLISECOND", "YEAR_OF_WEEK", "YOW", "DAY_OF_MONTH",
                "TIMEZONE_HOUR", "TIMEZONE_MINUTE")) {
            list.add(function(name, sqlType(SqlTypeName.BIGINT), families(ANY)));
        }
        list.add(function("LAST_DAY_OF_MONTH", sqlType(SqlTypeName.DATE), families(ANY)));
        list.add(function("FORMAT_DATETIME", varchar(), families(ANY, TEXT)));
        list.add(function("DATE_FORMAT", varchar(), families(ANY, TEXT)));
        list.add(function("DATE_PARSE", timestamp(3), families(TEXT, TEXT)));
        list.add(function("PARSE_DATETIME", timestampWithTimeZone(3), families(TEXT, TEXT)));
        list.add(function("FROM_UNIXTIME", timestampWithTimeZone(3), OperandTypes.or(families(NUMERIC), families(NUMERIC, TEXT),
                families(NUMERIC, INTEGER, INTEGER))));
        list.add(function("FROM_ISO8601_DATE", sqlType(SqlTypeName.DATE), families(TEXT)));
        list.add(function("TO_UNIXTIME", sqlType(SqlTypeName.DOUBLE), families(ANY)));
        list.add(function("TO_ISO8601", ScalarFunctionTable::toIso8601Type, families(ANY)));
        list.add(atTimeZoneFunction("AT_TIMEZONE"));
        list.add(function("WITH_TIMEZONE", ScalarFunctionTable::atTimeZoneType, families(ANY, TEXT)));
        list.add(function("TIMEZONE", varchar(), families(ANY)));
        list.add(nonDeterministic("NOW", timestampWithTimeZone(3), OperandTypes.NILADIC));
        list.add(nonDeterministic("CURRENT_TIMEZONE", varchar(), OperandTypes.NILADIC));
        list.add(new SessionTimeFunction("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_TZ));
        list.add(new SessionTimeFunction("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP));
        list.add(new SessionTimeFunction("LOCALTIME", SqlTypeName.TIME));
        list.add(new SessionTimeFunction("CURRENT_TIME", SqlTypeName.TIME_TZ));
        for (String name : SessionContextFunction.NAMES) {
            list.add(new SessionContextFunction(name));
        }
        // dates and times: conversions from text and numbers (TemporalLibrary's kernels)
        list.add(function("DATE", sqlType(SqlTypeName.DATE), families(ANY)));
        list.add(function("FROM_ISO8601_TIMESTAMP", timestampWithTimeZone(3), families(TEXT)));
        list.add(function("FROM_ISO8601_TIMESTAMP_NANOS", timestampWithTimeZone(9), families(TEXT)));
        list.add(function("FROM_UNIXTIME_NANOS", timestampWithTimeZone(9), families(NUMERIC)));
        list.add(function("HUMAN_READABLE_SECONDS", varchar(), families(NUMERIC)));
        list.add(function("PARSE_DURATION", ScalarFunctionTable::intervalDayToSecond, families(TEXT)));
        list.add(function("TO_MILLISECONDS", sqlType(SqlTypeName.BIGINT), families(SqlTypeFamily.INTERVAL_DAY_TIME)));
        // JSON text
        // JSON text or json (Calcite's VARIANT, of family ANY): the kernels check the exact types
        list.add(function("JSON_EXTRACT_SCALAR", ScalarFunctionTable::jsonExtractScalarType, families(ANY, TEXT)));
        list.add(function("JSON_SIZE", sqlType(SqlTypeName.BIGINT), families(ANY, TEXT)));
        list.add(function("JSON_ARRAY_LENGTH", sqlType(SqlTypeName.BIGINT), families(ANY)));
        list.add(function("IS_JSON_SCALAR", sqlType(SqlTypeName.BOOLEAN), families(ANY)));
        list.addAll(JsonSql.OPERATORS);
        list.addAll(SketchSql.SCALARS);
        list.addAll(ColorSql.OPERATORS);
        list.addAll(DigestSql.SCALARS);
        // varbinary, URL, number-text and further string functions
        list.addAll(TextFunctions.OPERATORS);
        list.addAll(StatisticalAndSessionFunctions.OPERATORS);
        list.addAll(JsonPathSql.OPERATORS);
        list.addAll(JsonConstructorSql.OPERATORS);
        // conditionals and types
        list.add(function("TYPEOF", varchar(), families(ANY)));
        list.add(function("TRY", argument(0), families(ANY)));
        list.add(function("FORMAT", varchar(), OperandTypes.VARIADIC));
        return List.copyOf(list);
    }

    /** Names whose standard Calcite operators these replace. */
    static boolean replaces(SqlOperator operator) {
        String name = operator.getName();
        return name.equals("CURRENT_TIMESTAMP") || name.equals("LOCALTIMESTAMP") || name.equals("LOCALTIME")
                || name.equals("CURRENT_TIME")
                || name.equals("LTRIM") || name.equals("RTRIM") || SessionContextFunction.NAMES.contains(name);
    }

    /** at_timezone(value, zone or interval), under the name given. */
    static SqlFunction atTimeZoneFunction(String name) {
        return function(name, ScalarFunctionTable::atTimeZoneType,
                OperandTypes.or(families(ANY, TEXT), families(ANY, SqlTypeFamily.INTERVAL_DAY_TIME)));
    }

    private static SqlFunction function(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    private static SqlFunction nonDeterministic(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        };
    }

    /** Trino shifts by an integer amount: a bigint amount has no signature. */
    private static SqlOperandTypeChecker shiftOperands() {
        SqlOperandTypeChecker integers = families(INTEGER, INTEGER);
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding, boolean throwOnFailure) {
                if (binding.getOperandType(1).getSqlTypeName() == SqlTypeName.BIGINT) {
                    if (throwOnFailure) {
                        throw binding.newValidationSignatureError();
                    }
                    return false;
                }
                return integers.checkOperandTypes(binding, throwOnFailure);
            }

            @Override
            public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
                return integers.getOperandCountRange();
            }

            @Override
            public String getAllowedSignatures(SqlOperator operator, String name) {
                return integers.getAllowedSignatures(operator, name);
            }
        };
    }

    private static SqlOperandTypeChecker families(SqlTypeFamily... families) {
        return OperandTypes.family(families);
    }

    /** The first {@code required} families are required, the others optional. */
    private static SqlOperandTypeChecker optional(int required, SqlTypeFamily... families) {
        return OperandTypes.family(List.of(families), index -> index >= required);
    }

    private static SqlReturnTypeInference sqlType(SqlTypeName name) {
        return binding -> nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(name));
    }

    private static SqlReturnTypeInference varchar() {
        return sqlType(SqlTypeName.VARCHAR);
    }

    private static SqlReturnTypeInference fixedVarchar(int length) {
        return binding -> nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, length));
    }

    private static SqlReturnTypeInference timestamp(int precision) {
        return binding -> nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, precision));
    }

    private static SqlReturnTypeInference timestampWithTimeZone(int precision) {
        return binding -> nullable(binding.getTypeFactory(),
                binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_TZ, precision));
    }

    /** The type of argument {@code index}, with string literals (Calcite's char) as varchar. */
    private static SqlReturnTypeInference argument(int index) {
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            RelDataType type = binding.getOperandType(index);
            if (type.getSqlTypeName() == SqlTypeName.CHAR) {
                type = factory.createSqlType(SqlTypeName.VARCHAR, type.getPrecision());
            }
            return nullable(factory, type);
        };
    }

    /** An array whose elements have the type of argument {@code index} (string literals as varchar). */
    private static SqlReturnTypeInference arrayOfArgument(int index) {
        SqlReturnTypeInference element = argument(index);
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            return nullable(factory, factory.createArrayType(element.inferReturnType(binding), -1));
        };
    }

    private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
        return factory.createTypeWithNullability(type, true);
    }

    /**
     * regexp_replace(varchar(x), pattern) is varchar(x); with a varchar(y) replacement it is varchar(x + max(x * y / 2,
     * y) * (x + 1)), Trino's bound for a replacement (with group references) at each of the x + 1 places an empty
     * match can take; unbounded when either string is.
     */
    private static RelDataType regexpReplaceType(SqlOperatorBinding binding) {
        if (RegexpReplaceLambda.hasLambda(binding)) {
            return RegexpReplaceLambda.returnType(binding);
        }
        if (binding.getOperandCount() < 3) {
            return argument(0).inferReturnType(binding);
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        long source = boundedLength(binding.getOperandType(0));
        long replacement = boundedLength(binding.getOperandType(2));
        long length = source < 0 || replacement < 0
                ? Integer.MAX_VALUE
                : Math.min(Integer.MAX_VALUE, source + Math.max(source * replacement / 2, replacement) * (source + 1));
        RelDataType type = length >= Integer.MAX_VALUE / 2
                ? factory.createSqlType(SqlTypeName.VARCHAR)
                : factory.createSqlType(SqlTypeName.VARCHAR, (int) length);
        return nullable(factory, type);
    }

    /** The length of a bounded string type, or -1 when unbounded (Calcite's "no length" or the maximum). */
    private static long boundedLength(RelDataType type) {
        int precision = type.getPrecision();
        return precision < 0 || precision >= Integer.MAX_VALUE / 2 ? -1 : precision;
    }

    /** lpad and rpad of a varbinary are varbinary, of a string unbounded varchar. */
    private static RelDataType padType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        boolean binary = binding.getOperandType(0).getSqlTypeName().getFamily() == SqlTypeFamily.BINARY;
        return nullable(factory, factory.createSqlType(binary ? SqlTypeName.VARBINARY : SqlTypeName.VARCHAR));
    }

    /** json_extract_scalar of a varchar(x) is varchar(x) (the value is no longer than its text); of json, varchar. */
    private static RelDataType jsonExtractScalarType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType input = binding.getOperandType(0);
        long length = input.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER ? boundedLength(input) : -1;
        return nullable(factory, length < 0
                ? factory.createSqlType(SqlTypeName.VARCHAR)
                : factory.createSqlType(SqlTypeName.VARCHAR, (int) length));
    }

    /** A shift of a tinyint, smallint or integer has its type (Trino shifts within that width); others are bigint. */
    private static RelDataType shiftType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        SqlTypeName name = binding.getOperandType(0).getSqlTypeName();
        boolean narrow = name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER;
        return nullable(factory, factory.createSqlType(narrow ? name : SqlTypeName.BIGINT));
    }

    /** sign of a decimal is decimal(1,0); of other numbers their own type. */
    private static RelDataType signType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType type = binding.getOperandType(0);
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            type = factory.createSqlType(SqlTypeName.DECIMAL, 1, 0);
        }
        return nullable(factory, type);
    }

    /** random() is double, random(n) and random(m, n) of n's type. */
    private static RelDataType randomType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        // random(n) is of n's type, random(m, n) of the wider of the two
        RelDataType type = binding.getOperandCount() == 0
                ? factory.createSqlType(SqlTypeName.DOUBLE)
                : factory.leastRestrictive(binding.collectOperandTypes());
        return nullable(factory, type == null ? binding.getOperandType(binding.getOperandCount() - 1) : type);
    }

    private static RelDataType intervalDayToSecond(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                org.apache.calcite.avatica.util.TimeUnit.DAY, org.apache.calcite.avatica.util.TimeUnit.SECOND,
                org.apache.calcite.sql.parser.SqlParserPos.ZERO)));
    }

    /** to_iso8601's bound: 16 for a date, 22 (with a zone 28) plus the fraction for a timestamp. */
    private static RelDataType toIso8601Type(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType type = binding.getOperandType(0);
        int precision = Math.max(0, type.getPrecision());
        int length = switch (type.getSqlTypeName()) {
            case TIMESTAMP -> 22 + precision + (precision > 0 ? 1 : 0);
            case TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 28 + precision + (precision > 0 ? 1 : 0);
            default -> 16;
        };
        return nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR, length));
    }

    private static RelDataType atTimeZoneType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType type = binding.getOperandType(0);
        if (type.getSqlTypeName() == SqlTypeName.TIME_TZ) {
            return nullable(factory, factory.createSqlType(SqlTypeName.TIME_TZ, type.getPrecision()));
        }
        int precision = type.getSqlTypeName() == SqlTypeName.TIMESTAMP || type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ
                ? type.getPrecision()
                : 3;
        return nullable(factory, factory.createSqlType(SqlTypeName.TIMESTAMP_TZ, precision));
    }

    /**
     * current_timestamp, localtimestamp and localtime with Trino's types: millisecond precision, and a zone for
     * current_timestamp. Written without parentheses; an optional precision argument.
     */
    private static final class SessionTimeFunction extends SqlAbstractTimeFunction {
        private static final int MAX_PRECISION = 12;
        private final SqlTypeName typeName;

        SessionTimeFunction(String name, SqlTypeName typeName) {
            super(name, typeName);
            this.typeName = typeName;
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            int precision = 3;
            if (binding.getOperandCount() == 1) {
                precision = binding.getOperandLiteralValue(0, Integer.class);
            }
            if (precision > MAX_PRECISION) {
                // Calcite would cap it at the type system's maximum
                throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                        typeWords() + " precision must be in range [0, " + MAX_PRECISION + "]: " + precision);
            }
            RelDataTypeFactory factory = binding.getTypeFactory();
            return factory.createTypeWithNullability(factory.createSqlType(typeName, precision), false);
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }

        /** The type's name as Trino's precision error spells it. */
        private String typeWords() {
            return switch (typeName) {
                case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
                case TIME_TZ -> "TIME WITH TIME ZONE";
                default -> typeName.getName();
            };
        }
    }

    /** current_user, current_catalog, current_schema, current_path: the session's, as unbounded varchar (NULL if unset). */
    private static final class SessionContextFunction extends SqlStringContextVariable {
        static final List<String> NAMES = List.of("CURRENT_USER", "CURRENT_CATALOG", "CURRENT_SCHEMA", "CURRENT_PATH");

        SessionContextFunction(String name) {
            super(name);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            RelDataTypeFactory factory = binding.getTypeFactory();
            boolean nullable = !getName().equals("CURRENT_USER") && !getName().equals("CURRENT_PATH");
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), nullable);
        }
    }
}
