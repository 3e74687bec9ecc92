package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's varbinary functions (hex, base64, base32, hashes, big-endian and IEEE 754 encodings), parse_data_size,
 * URL functions, and the
 * string and number-text functions soundex, format_number, from_base, to_base, concat_ws, split_to_map and
 * split_to_multimap: their signatures with Trino's result types, and their translation into the plan's calls with
 * the argument casts the signatures imply. The kernels are {@code io.quarry.exec.function.TextLibrary}'s.
 */
final class TextFunctions {
    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily BINARY = SqlTypeFamily.BINARY;
    private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;
    private static final SqlTypeFamily NUMERIC = SqlTypeFamily.NUMERIC;

    /** Argument types each function's arguments are cast to (null: as they are). */
    private static final Map<String, List<Type>> ARGUMENT_TYPES = Map.ofEntries(
            Map.entry("to_big_endian_64", List.of(Types.BIGINT)),
            Map.entry("to_big_endian_32", List.of(Types.INTEGER)),
            Map.entry("to_ieee754_64", List.of(Types.DOUBLE)),
            Map.entry("to_ieee754_32", List.of(Types.REAL)),
            Map.entry("from_base", List.of(Types.VARCHAR, Types.BIGINT)),
            Map.entry("to_base", List.of(Types.BIGINT, Types.BIGINT)));

    static final List<SqlOperator> OPERATORS = operators();

    /**
     * Trino types a concatenation of text as unbounded varchar, so a function over one ({@code upper(a || b)}) is
     * unbounded too: Calcite's varchar of the summed lengths becomes that. Two operands with a char among them (not
     * a string literal, which Calcite types char but Trino varchar) keep Calcite's bounded type, as Trino makes a
     * char of them ({@link CharCast#concatenationType}).
     */
    private static final org.apache.calcite.sql.type.SqlTypeTransform UNBOUNDED_TEXT = (binding, derived) -> {
        if (derived == null || derived.getSqlTypeName() != SqlTypeName.VARCHAR && derived.getSqlTypeName() != SqlTypeName.CHAR) {
            return derived;
        }
        if (binding.getOperandCount() == 2) {
            for (int i = 0; i < 2; i++) {
                if (binding.getOperandType(i).getSqlTypeName() == SqlTypeName.CHAR && !binding.isOperandLiteral(i, false)
                        && !isLambdaParameter(binding, i)) {
                    return derived;
                }
            }
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType unbounded = factory.createSqlType(SqlTypeName.VARCHAR);
        if (derived.getCharset() != null) {
            unbounded = factory.createTypeWithCharsetAndCollation(unbounded, derived.getCharset(), derived.getCollation());
        }
        return factory.createTypeWithNullability(unbounded, derived.isNullable());
    };

    /**
     * Whether the operand is a lambda's parameter, whose Calcite char may be an array literal's string (varchar in
     * Trino): a char of the user's is found a char again when translated ({@link CharCast#concatenationType}).
     */
    private static boolean isLambdaParameter(org.apache.calcite.sql.SqlOperatorBinding binding, int operand) {
        if (!(binding instanceof org.apache.calcite.sql.SqlCallBinding call)
                || !(call.operand(operand) instanceof org.apache.calcite.sql.SqlIdentifier identifier) || !identifier.isSimple()) {
            return false;
        }
        for (org.apache.calcite.sql.validate.SqlValidatorScope scope = call.getScope();
                scope instanceof org.apache.calcite.sql.validate.SqlLambdaScope lambda; scope = lambda.getParent()) {
            if (lambda.getParameterTypes().containsKey(identifier.getSimple())) {
                return true;
            }
        }
        return false;
    }

    /** Calcite's {@code ||} over text, typed as Trino types it. */
    static final org.apache.calcite.sql.SqlBinaryOperator CONCAT_OPERATOR = new org.apache.calcite.sql.SqlBinaryOperator(
            "||", SqlKind.OTHER, org.apache.calcite.sql.fun.SqlStdOperatorTable.CONCAT.getLeftPrec(), true,
            ReturnTypes.DYADIC_STRING_SUM_PRECISION_NULLABLE.andThen(UNBOUNDED_TEXT), null,
            org.apache.calcite.sql.fun.SqlStdOperatorTable.CONCAT.getOperandTypeChecker());

    /** Calcite's concat function, whose result is varbinary when its arguments are (Calcite's is varchar). */
    static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION, TextFunctions::concatType, null,
            SqlLibraryOperators.CONCAT_FUNCTION.getOperandTypeChecker(), SqlFunctionCategory.STRING);

    private TextFunctions() {}

    private static List<SqlOperator> operators() {
        List<SqlOperator> list = new ArrayList<>();
        // varbinary
        list.add(function("TO_HEX", type(SqlTypeName.VARCHAR), families(BINARY)));
        list.add(function("FROM_HEX", type(SqlTypeName.VARBINARY), OperandTypes.or(families(TEXT), families(BINARY))));
        list.add(function("TO_BASE64", type(SqlTypeName.VARCHAR), families(BINARY)));
        list.add(function("FROM_BASE64", type(SqlTypeName.VARBINARY), OperandTypes.or(families(TEXT), families(BINARY))));
        list.add(function("TO_BASE64URL", type(SqlTypeName.VARCHAR), families(BINARY)));
        list.add(function("FROM_BASE64URL", type(SqlTypeName.VARBINARY), OperandTypes.or(families(TEXT), families(BINARY))));
        list.add(function("TO_BASE32", type(SqlTypeName.VARCHAR), families(BINARY)));
        list.add(function("FROM_BASE32", type(SqlTypeName.VARBINARY), OperandTypes.or(families(TEXT), families(BINARY))));
        for (String name : List.of("MD5", "SHA1", "SHA256", "SHA512", "XXHASH64", "MURMUR3", "SPOOKY_HASH_V2_32",
                "SPOOKY_HASH_V2_64")) {
            list.add(function(name, type(SqlTypeName.VARBINARY), families(BINARY)));
        }
        list.add(function("CRC32", type(SqlTypeName.BIGINT), families(BINARY)));
        for (String name : List.of("HMAC_MD5", "HMAC_SHA1", "HMAC_SHA256", "HMAC_SHA512")) {
            list.add(function(name, type(SqlTypeName.VARBINARY), families(BINARY, BINARY)));
        }
        list.add(function("TO_BIG_ENDIAN_64", type(SqlTypeName.VARBINARY), families(INTEGER)));
        list.add(function("FROM_BIG_ENDIAN_64", type(SqlTypeName.BIGINT), families(BINARY)));
        list.add(function("TO_BIG_ENDIAN_32", type(SqlTypeName.VARBINARY), families(INTEGER)));
        list.add(function("FROM_BIG_ENDIAN_32", type(SqlTypeName.INTEGER), families(BINARY)));
        list.add(function("TO_IEEE754_64", type(SqlTypeName.VARBINARY), families(NUMERIC)));
        list.add(function("FROM_IEEE754_64", type(SqlTypeName.DOUBLE), families(BINARY)));
        list.add(function("TO_IEEE754_32", type(SqlTypeName.VARBINARY), families(NUMERIC)));
        list.add(function("FROM_IEEE754_32", type(SqlTypeName.REAL), families(BINARY)));
        // strings
        list.add(function("SOUNDEX", binding -> varchar(binding.getTypeFactory(), 4), families(TEXT)));
        list.add(function("CONCAT_WS", type(SqlTypeName.VARCHAR), OperandTypes.or(
                OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.CHARACTER),
                families(TEXT, SqlTypeFamily.ARRAY))));
        list.add(function("SPLIT_TO_MAP", TextFunctions::splitToMapType, families(TEXT, TEXT, TEXT)));
        list.add(function("SPLIT_TO_MULTIMAP", TextFunctions::splitToMultimapType, families(TEXT, TEXT, TEXT)));
        // numbers as text
        for (String name : List.of("PARSE_DATA_SIZE", "PARSE_PRESTO_DATA_SIZE")) {
            list.add(function(name, binding -> nullable(binding.getTypeFactory(),
                    binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 0)), families(TEXT)));
        }
        list.add(function("FORMAT_NUMBER", type(SqlTypeName.VARCHAR), families(NUMERIC)));
        list.add(function("FROM_BASE", type(SqlTypeName.BIGINT), families(TEXT, INTEGER)));
        list.add(function("TO_BASE", binding -> varchar(binding.getTypeFactory(), 64), families(INTEGER, INTEGER)));
        // URLs: the parts are of the URL's type
        for (String name : List.of("URL_EXTRACT_HOST", "URL_EXTRACT_PATH", "URL_EXTRACT_PROTOCOL", "URL_EXTRACT_QUERY",
                "URL_EXTRACT_FRAGMENT")) {
            list.add(function(name, TextFunctions::firstArgumentText, families(TEXT)));
        }
        list.add(function("URL_EXTRACT_PORT", type(SqlTypeName.BIGINT), families(TEXT)));
        list.add(function("URL_EXTRACT_PARAMETER", TextFunctions::firstArgumentText, families(TEXT, TEXT)));
        list.add(function("URL_ENCODE", TextFunctions::urlEncodeType, families(TEXT)));
        list.add(function("URL_DECODE", TextFunctions::firstArgumentText, families(TEXT)));
        list.add(function("WORD_STEM", TextFunctions::firstArgumentText, OperandTypes.or(families(TEXT), families(TEXT, TEXT))));
        return List.copyOf(list);
    }

    /** Whether the call is one of these functions, or a concatenation of varbinary values. */
    static boolean handles(String name, List<RexNode> operands) {
        return NAMES.contains(name) || isBinaryConcat(name, operands);
    }

    /** Calcite's concat function types even binary arguments as varchar: the arguments decide. */
    private static boolean isBinaryConcat(String name, List<RexNode> operands) {
        return (name.equals("||") || name.equals("concat")) && !operands.isEmpty()
                && operands.get(0).getType().getSqlTypeName().getFamily() == SqlTypeFamily.BINARY;
    }

    private static final java.util.Set<String> NAMES = OPERATORS.stream()
            .map(operator -> operator.getName().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        List<Type> casts = ARGUMENT_TYPES.get(name);
        if (name.equals("format_number")) {
            // format_number(bigint) and format_number(double): other numbers are cast to one of them
            SqlTypeName typeName = operands.get(0).getType().getSqlTypeName();
            boolean whole = SqlTypeName.INT_TYPES.contains(typeName) || typeName == SqlTypeName.NULL;
            casts = List.of(whole ? Types.BIGINT : Types.DOUBLE);
        }
        List<Expression> arguments = new ArrayList<>(operands.size());
        for (int i = 0; i < operands.size(); i++) {
            Expression argument = translator.apply(operands.get(i));
            if (casts != null && i < casts.size() && !argument.type().equals(casts.get(i))) {
                argument = ExpressionTranslator.coerce(argument, casts.get(i));
            }
            arguments.add(argument);
        }
        if (isBinaryConcat(name, operands)) {
            return new Call("concat", arguments, Types.VARBINARY);
        }
        return new Call(name, arguments, type);
    }

    private static SqlFunction function(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    private static SqlOperandTypeChecker families(SqlTypeFamily... families) {
        return OperandTypes.family(families);
    }

    private static SqlReturnTypeInference type(SqlTypeName name) {
        return binding -> nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(name));
    }

    private static RelDataType varchar(RelDataTypeFactory factory, int length) {
        return nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR, length));
    }

    private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
        return factory.createTypeWithNullability(type, true);
    }

    private static RelDataType concatType(SqlOperatorBinding binding) {
        boolean binary = binding.getOperandCount() > 0
                && binding.getOperandType(0).getSqlTypeName().getFamily() == SqlTypeFamily.BINARY;
        if (binary) {
            return nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(SqlTypeName.VARBINARY));
        }
        return UNBOUNDED_TEXT.transformType(binding, SqlLibraryOperators.CONCAT_FUNCTION.getReturnTypeInference().inferReturnType(binding));
    }

    /** varchar(x) for an argument of length x (a literal's char(x) too), unbounded varchar otherwise. */
    private static RelDataType firstArgumentText(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        long length = boundedLength(binding.getOperandType(0));
        return length < 0 ? nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR)) : varchar(factory, (int) length);
    }

    /** url_encode(varchar(x)) is varchar(12x): each character may take four bytes, each byte three characters. */
    private static RelDataType urlEncodeType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        long length = boundedLength(binding.getOperandType(0));
        return length < 0 || length * 12 >= Integer.MAX_VALUE / 2
                ? nullable(factory, factory.createSqlType(SqlTypeName.VARCHAR))
                : varchar(factory, (int) (length * 12));
    }

    private static RelDataType splitToMapType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType varchar = factory.createSqlType(SqlTypeName.VARCHAR);
        return nullable(factory, factory.createMapType(varchar, nullable(factory, varchar)));
    }

    private static RelDataType splitToMultimapType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType varchar = factory.createSqlType(SqlTypeName.VARCHAR);
        return nullable(factory, factory.createMapType(varchar, nullable(factory, factory.createArrayType(varchar, -1))));
    }

    /** The length of a bounded string type, or -1 when unbounded. */
    static long boundedLength(RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.NULL) {
            return 0; // a NULL literal is Trino's unknown, which binds a varchar(x) as varchar(0)
        }
        int precision = type.getPrecision();
        return precision < 0 || precision >= Integer.MAX_VALUE / 2 ? -1 : precision;
    }
}
