package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The functions Quarry knows, with Trino's names and result types: a curated list rather than Calcite's
 * library tables, whose entries sometimes carry another dialect's meaning. Operators that are syntax
 * (arithmetic, comparison, CASE, …) come from Calcite's standard table.
 */
final class PrestoOperatorTable implements SqlOperatorTable {
    /** Trino's length() and strpos() are bigint, Calcite's CHAR_LENGTH and STRPOS integer. */
    static final SqlFunction LENGTH = new SqlFunction(
            "LENGTH", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null,
            OperandTypes.or(OperandTypes.CHARACTER, OperandTypes.BINARY),
            SqlFunctionCategory.STRING);

    static final SqlFunction STRPOS = new SqlFunction(
            "STRPOS", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.STRING_STRING,
            SqlFunctionCategory.STRING);

    /** Trino's strpos has an optional instance number. */
    static final SqlFunction STRPOS_INSTANCE = new SqlFunction(
            "STRPOS", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            SqlFunctionCategory.STRING);

    /** Trino's replace: without a replacement it removes; the result length follows Trino. */
    static final SqlFunction REPLACE = new SqlFunction(
            "REPLACE", SqlKind.OTHER_FUNCTION, PrestoOperatorTable::replaceType, null,
            OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING), SqlFunctionCategory.STRING);

    /** Trino's if: the else branch is optional (NULL). */
    static final SqlFunction IF = new SqlFunction(
            "IF", SqlKind.OTHER_FUNCTION, PrestoOperatorTable::ifType, null,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.BOOLEAN, SqlTypeFamily.ANY),
                    OperandTypes.family(SqlTypeFamily.BOOLEAN, SqlTypeFamily.ANY, SqlTypeFamily.ANY)),
            SqlFunctionCategory.SYSTEM);

    /**
     * round, typed as Trino types it: a decimal(p,s) rounds to decimal(p - s + min(s, 1), 0), and to decimal(p + 1, s)
     * with a count of digits (rounding up may add one); other numbers keep their type.
     */
    static final SqlFunction ROUND = new SqlFunction("ROUND", SqlKind.OTHER_FUNCTION, PrestoOperatorTable::roundType, null,
            OperandTypes.NUMERIC.or(OperandTypes.NUMERIC_INT32), SqlFunctionCategory.NUMERIC);

    private static RelDataType roundType(SqlOperatorBinding binding) {
        RelDataType value = ReturnTypes.ARG0_NULLABLE.inferReturnType(binding);
        if (value == null || value.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return value;
        }
        int precision = value.getPrecision();
        int scale = value.getScale();
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType rounded = binding.getOperandCount() == 1
                ? factory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, precision - scale + Math.min(scale, 1)), 0)
                : factory.createSqlType(SqlTypeName.DECIMAL, Math.min(factory.getTypeSystem().getMaxNumericPrecision(), precision + 1), scale);
        return factory.createTypeWithNullability(rounded, value.isNullable());
    }

    /**
     * greatest and least: values of one type, or of types with a common one (a date beside a timestamp, a timestamp
     * beside a zoned one, as Trino).
     */
    static final SqlFunction GREATEST = extreme("GREATEST", SqlKind.GREATEST);
    static final SqlFunction LEAST = extreme("LEAST", SqlKind.LEAST);

    private static SqlFunction extreme(String name, SqlKind kind) {
        org.apache.calcite.sql.type.SqlOperandTypeChecker operands = new org.apache.calcite.sql.type.SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding, boolean throwOnFailure) {
                List<RelDataType> types = binding.collectOperandTypes();
                boolean dates = (types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.DATE)
                                || types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.TIMESTAMP)
                                        && types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ))
                        && types.stream().allMatch(type -> List.of(SqlTypeName.DATE, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_TZ,
                                SqlTypeName.NULL).contains(type.getSqlTypeName()));
                if (dates && binding.getTypeFactory().leastRestrictive(types) != null) {
                    return true;
                }
                return OperandTypes.SAME_VARIADIC.checkOperandTypes(binding, throwOnFailure);
            }

            @Override
            public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
                return OperandTypes.SAME_VARIADIC.getOperandCountRange();
            }

            @Override
            public String getAllowedSignatures(SqlOperator operator, String opName) {
                return OperandTypes.SAME_VARIADIC.getAllowedSignatures(operator, opName);
            }
        };
        return new SqlFunction(name, kind, ReturnTypes.LEAST_RESTRICTIVE.andThen(org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE),
                null, operands, SqlFunctionCategory.SYSTEM) {
            @Override
            public SqlOperator reverse() {
                // Calcite orders the two operands of a call of this kind when it compares calls: swapping them
                // keeps the answer
                return this;
            }
        };
    }

    static final SqlFunction SUBSTR = new SqlFunction(
            "SUBSTR", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_VARYING, null,
            OperandTypes.STRING_INTEGER_OPTIONAL_INTEGER, SqlFunctionCategory.STRING);

    /** The name the parser gives three-argument translate calls: resolvable, though not a function of its own. */
    static final String PARSER_TRANSLATE = "TRANSLATE3";

    // after the functions above: static fields initialise in order
    static final PrestoOperatorTable INSTANCE = new PrestoOperatorTable();

    private final Map<String, List<SqlOperator>> functions = new TreeMap<>();
    private final List<SqlOperator> operators = new ArrayList<>();

    private PrestoOperatorTable() {
        List<SqlOperator> curated = List.of(
                // aggregates
                SqlStdOperatorTable.COUNT, IntervalAggregates.SUM, IntervalAggregates.AVG,
                SqlStdOperatorTable.MIN, SqlStdOperatorTable.MAX,
                // math
                SqlStdOperatorTable.ABS, ROUND, SqlStdOperatorTable.FLOOR,
                SqlStdOperatorTable.CEIL, SqlStdOperatorTable.SQRT, SqlStdOperatorTable.POWER,
                Modulus.MOD, GREATEST, LEAST,
                // strings
                SqlStdOperatorTable.UPPER, SqlStdOperatorTable.LOWER, SqlStdOperatorTable.TRIM,
                SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM, SqlStdOperatorTable.SUBSTRING, SUBSTR,
                SqlStdOperatorTable.POSITION, STRPOS, STRPOS_INSTANCE, LENGTH, REPLACE,
                TextFunctions.CONCAT,
                // dates
                SqlStdOperatorTable.EXTRACT, SqlStdOperatorTable.YEAR, SqlStdOperatorTable.MONTH,
                SqlStdOperatorTable.DAYOFMONTH,
                // conditionals and casts
                Coalesce.INSTANCE, SqlStdOperatorTable.NULLIF, IF,
                // known, so that using them says "not supported yet" rather than "no such column"
                SqlStdOperatorTable.CURRENT_DATE, SqlStdOperatorTable.CURRENT_TIMESTAMP,
                SqlStdOperatorTable.LOCALTIMESTAMP, SqlStdOperatorTable.CURRENT_TIME,
                SqlStdOperatorTable.CURRENT_USER, SqlStdOperatorTable.CURRENT_CATALOG, SqlStdOperatorTable.CURRENT_SCHEMA,
                SqlStdOperatorTable.CURRENT_PATH,
                SqlStdOperatorTable.CAST, SqlLibraryOperators.TRY_CAST,
                // row pattern navigation of MATCH_RECOGNIZE
                SqlStdOperatorTable.PREV, SqlStdOperatorTable.NEXT, SqlStdOperatorTable.FIRST, SqlStdOperatorTable.LAST,
                SqlStdOperatorTable.CLASSIFIER, SqlStdOperatorTable.MATCH_NUMBER);
        for (SqlOperator operator : curated) {
            if (!ScalarFunctionTable.replaces(operator)) {
                register(operator.getName(), operator);
            }
        }
        ScalarFunctionTable.OPERATORS.forEach(operator -> register(operator.getName(), operator));
        MatchRecognizeCalls.OPERATORS.forEach(operator -> register(operator.getName(), operator));
        operators.addAll(ScalarFunctionTable.OPERATORS);
        AggregateAndWindowFunctions.OPERATORS.forEach((name, operator) -> register(name, operator));
        StructuralOperators.all().forEach(operator -> register(operator.getName(), operator));
        register(CountedMinMaxCalls.MAX_N.getName(), CountedMinMaxCalls.MAX_N);
        register(CountedMinMaxCalls.MIN_N.getName(), CountedMinMaxCalls.MIN_N);
        register("DAY", SqlStdOperatorTable.DAYOFMONTH);
        register("CEILING", SqlStdOperatorTable.CEIL);
        register("POW", SqlStdOperatorTable.POWER);
        register(ZonedTimestampLiteral.OPERATOR.getName(), ZonedTimestampLiteral.OPERATOR);
        register(JsonQueryQuotes.OPERATOR.getName(), JsonQueryQuotes.OPERATOR);
        register(JsonPassing.OPERATOR.getName(), JsonPassing.OPERATOR);
        register(JsonPassing.FORMATTED.getName(), JsonPassing.FORMATTED);
        register(JsonTableRowsSql.OPERATOR.getName(), JsonTableRowsSql.OPERATOR);
        register(JsonFormatInputs.DECODE.getName(), JsonFormatInputs.DECODE);
        register(JsonConstructorClauses.OPERATOR.getName(), JsonConstructorClauses.OPERATOR);
        register(ZonedTimeLiteral.OPERATOR.getName(), ZonedTimeLiteral.OPERATOR);
        register(AtTimeZoneText.OPERATOR.getName(), AtTimeZoneText.OPERATOR);
        register(IpAddressSql.LITERAL.getName(), IpAddressSql.LITERAL);
        register(WideDateTimeLiteral.DATE.getName(), WideDateTimeLiteral.DATE);
        register(WideDateTimeLiteral.TIMESTAMP.getName(), WideDateTimeLiteral.TIMESTAMP);
        register(CharCast.OPERATOR.getName(), CharCast.OPERATOR);
        register(ScalarRowSubQueries.FIELD_VALUE.getName(), ScalarRowSubQueries.FIELD_VALUE);
        register(CharCast.TRY_OPERATOR.getName(), CharCast.TRY_OPERATOR);
        register(CharCast.KEEP_OPERATOR.getName(), CharCast.KEEP_OPERATOR);
        List.of(EmptyConstructors.EMPTY_ARRAY, EmptyConstructors.EMPTY_MAP).forEach(operator -> register(operator.getName(), operator));
        TypedLiteral.OPERATORS.forEach(operator -> register(operator.getName(), operator));
        // the parser turns translate(a, b, c) into a call of TRANSLATE3
        ScalarFunctionTable.OPERATORS.stream().filter(operator -> operator.getName().equals("TRANSLATE"))
                .forEach(operator -> register(PARSER_TRANSLATE, operator));
        operators.addAll(curated);
        operators.addAll(StructuralOperators.all());
    }

    private static RelDataType replaceType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        long length = binding.getOperandType(0).getPrecision();
        if (binding.getOperandCount() == 3 && length >= 0) {
            long replacement = binding.getOperandType(2).getPrecision();
            length = replacement < 0 ? -1 : length + (length + 1) * replacement;
        }
        RelDataType type = length < 0 || length >= Integer.MAX_VALUE / 2
                ? factory.createSqlType(SqlTypeName.VARCHAR)
                : factory.createSqlType(SqlTypeName.VARCHAR, (int) length);
        return factory.createTypeWithNullability(type, true);
    }

    private static RelDataType ifType(SqlOperatorBinding binding) {
        List<RelDataType> branches = binding.collectOperandTypes().subList(1, binding.getOperandCount());
        RelDataType type = binding.getTypeFactory().leastRestrictive(branches);
        if (type == null) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "IF branches must have compatible types: " + branches);
        }
        return binding.getTypeFactory().createTypeWithNullability(type, true);
    }

    private void register(String name, SqlOperator operator) {
        functions.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(operator);
    }

    /** Every function name (upper case, sorted) with the operators it resolves to (each has a row in SHOW FUNCTIONS). */
    Map<String, List<SqlOperator>> functionsByName() {
        return java.util.Collections.unmodifiableMap(functions);
    }

    /** Whether a function of this name exists, whatever its arguments. */
    boolean hasFunction(String name) {
        return functions.containsKey(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public void lookupOperatorOverloads(
            SqlIdentifier opName,
            SqlFunctionCategory category,
            SqlSyntax syntax,
            List<SqlOperator> operatorList,
            SqlNameMatcher nameMatcher) {
        if (syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_STAR || syntax == SqlSyntax.FUNCTION_ID) {
            if (!opName.isSimple()) {
                return;
            }
            List<SqlOperator> found = functions.get(opName.getSimple().toUpperCase(Locale.ROOT));
            if (found != null) {
                // the validator filters by syntax itself (e.g. CURRENT_DATE is looked up as FUNCTION, used as FUNCTION_ID)
                operatorList.addAll(found);
            }
            return;
        }
        if (syntax == SqlSyntax.BINARY && opName.isSimple() && opName.getSimple().equals("||")) {
            operatorList.add(TextFunctions.CONCAT_OPERATOR);
            return;
        }
        SqlStdOperatorTable.instance().lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return operators;
    }
}
