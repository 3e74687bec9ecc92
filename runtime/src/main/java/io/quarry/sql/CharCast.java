package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.CharType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The user's {@code CAST(x AS char(n))}. Calcite types string literals as char too and casts them to char itself,
 * so once converted a user's char cast of a literal looks like Calcite's own; {@link #rewrite} therefore turns the
 * user's casts into calls of {@link #OPERATOR} before validation, which become casts to Quarry's char(n). As in
 * Trino, only strings (and NULL) cast to char: anything else is TYPE_MISMATCH.
 */
final class CharCast {
    static final String NAME = "$char_cast";

    /** Trino's longest char. */
    static final int CHAR_MAX_LENGTH = 65_536;

    static final SqlFunction OPERATOR = new SqlFunction(
            NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, CharCast::returnType, null,
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), SqlFunctionCategory.SYSTEM);

    static final String TRY_NAME = "$char_try_cast";

    /** TRY_CAST to char(n). */
    static final SqlFunction TRY_OPERATOR = new SqlFunction(
            TRY_NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, CharCast::returnType, null,
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), SqlFunctionCategory.SYSTEM);

    static final String KEEP_NAME = "$keep_char";

    /**
     * Wraps the user's cast to an array, map or row type with char(n) inside ({@code CAST(x AS array(char(3)))}):
     * Calcite's type is the cast's own, but Quarry reads Calcite's char as varchar unless it knows the char is the
     * user's, which this call says of every char in the cast's type.
     */
    static final SqlFunction KEEP_OPERATOR = new SqlFunction(
            KEEP_NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private static final Pattern CHAR_WORD =
            Pattern.compile("(?<![A-Za-z0-9_$\"])CHAR(ACTER)?(?![A-Za-z0-9_$\"])(?!\\s+VARYING)",
                    Pattern.CASE_INSENSITIVE);

    static final String USER_VARCHAR_NAME = "$user_varchar";

    /**
     * Marks the user's cast of a char value to varchar: Calcite casts a char to varchar to compare it with a
     * varchar too, which Quarry sees through to compare as char ({@link #withoutCastToVarchar}); the user's cast
     * must stay a varchar (the char padded), as in Trino.
     */
    static final SqlFunction USER_VARCHAR_OPERATOR = new SqlFunction(
            USER_VARCHAR_NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private CharCast() {}

    /** The converted user's cast, marked if it casts a char value (not a string literal) to varchar. */
    static RexNode markUserCastToVarchar(RexNode converted,
            RexBuilder builder) {
        if (converted instanceof RexCall cast && cast.getKind() == SqlKind.CAST
                && cast.getType().getSqlTypeName() == SqlTypeName.VARCHAR
                && cast.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.CHAR
                && !(cast.getOperands().get(0) instanceof RexLiteral)) {
            return builder.makeCall(cast.getType(), USER_VARCHAR_OPERATOR, List.of(cast));
        }
        return converted;
    }

    /**
     * The translation of a {@link #USER_VARCHAR_OPERATOR} call: a cast of a char to varchar stays a cast that
     * comparisons do not see through (a second cast to the same varchar, which keeps the value).
     */
    static Expression translateUserVarchar(Expression value) {
        return withoutCastToVarchar(value) != value ? new Call("cast", List.of(value), value.type()) : value;
    }

    /** A cast (after validation's own rewrites) to a structural type with char inside, wrapped in {@link #KEEP_OPERATOR}. */
    static SqlNode keepStructuralChars(SqlNode node) {
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec)
                && CHAR_WORD.matcher(spec.toString()).find()) {
            return KEEP_OPERATOR.createCall(call.getParserPosition(), call);
        }
        return node;
    }

    /**
     * A CAST to char(n) becomes a call of {@link #OPERATOR} with n as its second argument, a TRY_CAST one of
     * {@link #TRY_OPERATOR}.
     */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec().getTypeName().isSimple()
                && spec.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("char")) {
            // char without a length is char(1); char(0) holds only the empty text
            int length = spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic && basic.getPrecision() >= 0
                    ? basic.getPrecision()
                    : 1;
            if (length > CHAR_MAX_LENGTH) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Unknown type: char(" + length + ")");
            }
            boolean tryCast = call.getKind() == SqlKind.SAFE_CAST || call.getOperator().getName().equalsIgnoreCase("try_cast");
            call.setOperator(tryCast ? TRY_OPERATOR : OPERATOR);
            call.setOperand(1, SqlLiteral.createExactNumeric(String.valueOf(length), spec.getParserPosition()));
        }
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType source = binding.getOperandType(0);
        int length = binding.getOperandLiteralValue(1, BigDecimal.class).intValueExact();
        SqlTypeName name = source.getSqlTypeName();
        if (name != SqlTypeName.CHAR && name != SqlTypeName.VARCHAR && name != SqlTypeName.NULL) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Cannot cast " + TypeMapping.displayName(source) + " to char(" + length + ")");
        }
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.CHAR, length), source.isNullable());
    }

    /** The translation of a {@link #KEEP_OPERATOR} call: the cast to its type read with every char kept. */
    static Expression translateKept(RexCall call, Function<RexNode, Expression> translator) {
        RexNode operand = call.getOperands().get(0);
        Type target = TypeMapping.toQuarryKeepingChars(call.getType());
        boolean tryCast = operand.getKind() == SqlKind.SAFE_CAST;
        Expression value = translator.apply(operand instanceof RexCall cast
                        && (cast.getKind() == SqlKind.CAST || cast.getKind() == SqlKind.SAFE_CAST)
                ? cast.getOperands().get(0)
                : operand);
        return value.type().equals(target) ? value : new Call(tryCast ? "try_cast" : "cast", List.of(value), target);
    }

    /** The cast to char(n) of the translated value. */
    static Expression translate(Expression value, int length) {
        return translate(value, length, false);
    }

    /** The cast (or TRY_CAST) to char(n) of the translated value. */
    static Expression translate(Expression value, int length, boolean tryCast) {
        CharType target = new CharType(length);
        return value.type().equals(target) ? value : new Call(tryCast ? "try_cast" : "cast", List.of(value), target);
    }

    /**
     * Whether field {@code field} of {@code input} is a char(n) value (a cast to char, a char literal) that Calcite cast
     * to varchar to give a union of texts one type.
     */
    static boolean isCharAsVarchar(org.apache.calcite.rel.RelNode input, int field) {
        if (!(input instanceof org.apache.calcite.rel.core.Project project)) {
            return false;
        }
        RexNode value = project.getProjects().get(field);
        if (value.getKind() == SqlKind.CAST && value instanceof RexCall cast) {
            value = cast.getOperands().get(0);
        }
        if (!(value instanceof RexCall call)) {
            return false;
        }
        String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        return name.equals(NAME) || name.equals(TRY_NAME) || name.equals(TypedLiteral.Kind.CHAR.functionName());
    }

    /** Trino's translate takes varchar only: of a char(n) there is no such function. */
    static void checkTranslate(List<Expression> arguments) {
        if (!arguments.isEmpty() && arguments.get(0).type() instanceof CharType) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + arguments.stream().map(argument -> argument.type().displayName()).collect(java.util.stream.Collectors.joining(", "))
                    + ") for function translate");
        }
    }

    /**
     * A char value that Calcite cast to varchar to compare it with another string (Calcite compares strings as
     * varchar, which would pad the char): the char value itself, which then compares as char; anything else as is.
     */
    static Expression withoutCastToVarchar(Expression value) {
        if (value instanceof Call call && call.function().equals("cast") && call.type() instanceof VarcharType
                && call.arguments().size() == 1 && call.arguments().get(0).type() instanceof CharType) {
            return call.arguments().get(0);
        }
        return value;
    }

    /**
     * The type a char and a string compare as, or null when neither is a char: Trino compares them as char, of the
     * greater length (an unbounded varchar as the longest char), so trailing blanks do not count.
     */
    static Type comparisonType(Type left, Type right) {
        if (!(left instanceof CharType) && !(right instanceof CharType)) {
            return null;
        }
        int leftLength = textLength(left);
        int rightLength = textLength(right);
        return leftLength < 0 || rightLength < 0 ? null : new CharType(Math.max(leftLength, rightLength));
    }

    /**
     * The type of {@code a || b} with a char(n) among them: char of both lengths, a varchar counting as the char of
     * its length (an unbounded one as the longest char, so that the sum names no type); null otherwise.
     */
    static Type concatenationType(List<Expression> arguments) {
        if (arguments.size() != 2 || arguments.stream().noneMatch(argument -> argument.type() instanceof CharType)) {
            return null;
        }
        long length = 0;
        for (Expression argument : arguments) {
            int argumentLength = argument.type() instanceof UnknownType ? -1 : textLength(argument.type());
            if (argumentLength < 0) {
                return null;
            }
            length += argumentLength;
        }
        if (length > CHAR_MAX_LENGTH) {
            throw new QuarryException(ErrorCode.TYPE_NOT_FOUND, "Unknown type: char(" + length + ")");
        }
        return new CharType((int) length);
    }

    /** A varchar concatenated with a char is first the char of its length: padded as one. */
    static List<Expression> asChars(List<Expression> arguments) {
        return arguments.stream()
                .map(argument -> argument.type() instanceof VarcharType varchar ? translate(argument, varchar.length()) : argument)
                .toList();
    }

    /**
     * The types of values that decide whether their common type is a char ({@link #withChars}): all but bare NULLs,
     * which Calcite types CHAR among char values ({@code CASE WHEN c THEN 'a' END}, {@code ARRAY['a', NULL]}) and
     * which are not chars to Trino.
     */
    static List<Type> valueTypes(List<io.quarry.plan.expression.Expression> values) {
        return values.stream()
                .filter(value -> !(value instanceof io.quarry.plan.expression.Constant constant
                        && constant.value() == null && constant.type() instanceof CharType))
                .map(io.quarry.plan.expression.Expression::type)
                .toList();
    }

    /**
     * The type Calcite derived for a value combining {@code values} (CASE, COALESCE, an array's elements), with
     * Trino's char kept: Calcite sees string literals as char too, so Quarry reads its char as varchar and puts the
     * char back where one of the values is a char(n) at that place (also inside arrays, maps and rows): a char of
     * the longest of the texts there, the shorter values then padded as chars are.
     */
    static Type withChars(Type derived, List<Type> values) {
        if (derived instanceof VarcharType || derived instanceof CharType) {
            if (values.stream().noneMatch(value -> value instanceof CharType)) {
                return derived;
            }
            int length = 0;
            for (Type value : values) {
                int valueLength = textLength(value);
                if (valueLength < 0) {
                    return derived;
                }
                length = Math.max(length, valueLength);
            }
            return new CharType(length);
        }
        if (derived instanceof ArrayType array) {
            List<Type> elements = values.stream()
                    .filter(ArrayType.class::isInstance)
                    .map(value -> ((ArrayType) value).elementType())
                    .toList();
            Type element = withChars(array.elementType(), elements);
            return element.equals(array.elementType()) ? derived : new ArrayType(element);
        }
        if (derived instanceof MapType map) {
            List<MapType> maps = values.stream()
                    .filter(MapType.class::isInstance)
                    .map(MapType.class::cast)
                    .toList();
            Type key = withChars(map.keyType(), maps.stream().map(MapType::keyType).toList());
            Type value = withChars(map.valueType(), maps.stream().map(MapType::valueType).toList());
            return key.equals(map.keyType()) && value.equals(map.valueType()) ? derived : new MapType(key, value);
        }
        if (derived instanceof RowType row) {
            List<RowType.Field> fields = new ArrayList<>();
            for (int i = 0; i < row.fields().size(); i++) {
                int field = i;
                List<Type> fieldValues = values.stream()
                        .filter(value -> value instanceof RowType other && other.fields().size() == row.fields().size())
                        .map(value -> ((RowType) value).fields().get(field).type())
                        .toList();
                RowType.Field derivedField = row.fields().get(i);
                fields.add(new RowType.Field(derivedField.name(), withChars(derivedField.type(), fieldValues)));
            }
            RowType result = new RowType(fields);
            return result.equals(row) ? derived : result;
        }
        return derived;
    }

    /**
     * The values of a CASE, COALESCE or array constructor as Quarry combines them: Calcite casts char values of
     * different lengths to its varchar result type, which would pad them; such a value is taken as the char it was,
     * so that the result is the char Trino gives.
     */
    static List<Expression> withoutCastsToVarchar(List<Expression> values, Type derived) {
        return values.stream().map(value -> withoutCastToVarchar(value, derived)).toList();
    }

    /**
     * A value that is a char (or an array, map or row with char inside) cast to the type Calcite derived for a
     * combination of values, where that type has varchar instead: the value before the cast; else the value.
     */
    static Expression withoutCastToVarchar(Expression value, Type derived) {
        if (value.type().equals(derived) && value instanceof Call call && call.function().equals("cast")
                && call.arguments().size() == 1 && containsChar(call.arguments().get(0).type()) && !containsChar(derived)
                && (call.arguments().get(0).type() instanceof CharType && derived instanceof VarcharType
                        || call.arguments().get(0).type().getClass() == derived.getClass())) {
            return call.arguments().get(0);
        }
        // Calcite casts an array of chars to its own char type first, which Quarry reads as a varchar of the same length
        Expression inner = value;
        while (value.type().equals(derived) && !containsChar(derived) && inner instanceof Call call && call.function().equals("cast")
                && call.arguments().size() == 1 && call.arguments().get(0).type().getClass() == inner.type().getClass()
                && keepsText(call.arguments().get(0).type(), inner.type())) {
            inner = call.arguments().get(0);
            if (containsChar(inner.type())) {
                return inner;
            }
        }
        return value;
    }

    /** Whether a cast between the types keeps every value: texts to texts as long, everything else to itself. */
    private static boolean keepsText(Type from, Type to) {
        if (from.equals(to)) {
            return true;
        }
        if (to instanceof VarcharType varchar && (from instanceof CharType || from instanceof VarcharType)) {
            int length = textLength(from);
            return varchar.isUnbounded() || length >= 0 && varchar.length() >= length;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return keepsText(a.elementType(), b.elementType());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return keepsText(a.keyType(), b.keyType()) && keepsText(a.valueType(), b.valueType());
        }
        if (from instanceof RowType a && to instanceof RowType b && a.fields().size() == b.fields().size()) {
            for (int i = 0; i < a.fields().size(); i++) {
                if (!keepsText(a.fieldTypes().get(i), b.fieldTypes().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether a type is char(n) or has char(n) inside. */
    static boolean containsChar(Type type) {
        if (type instanceof ArrayType array) {
            return containsChar(array.elementType());
        }
        if (type instanceof MapType map) {
            return containsChar(map.keyType()) || containsChar(map.valueType());
        }
        if (type instanceof RowType row) {
            return row.fieldTypes().stream().anyMatch(CharCast::containsChar);
        }
        return type instanceof CharType;
    }

    /** Functions whose varchar result is as long as their first argument (a char's length, or a varchar's). */
    private static final java.util.Set<String> LENGTH_KEEPING = java.util.Set.of("trim", "ltrim", "rtrim", "substr", "upper", "lower", "reverse");

    /**
     * The call typed by its first argument's Quarry type where Calcite's differs: Calcite types a concatenation
     * with a char inside unbounded ({@code rtrim(concat('abc', c) || 'a')}) where Quarry, as Trino, knows its length.
     */
    static Expression withArgumentLength(Expression expression) {
        if (expression instanceof Call call && LENGTH_KEEPING.contains(call.function()) && !call.arguments().isEmpty()
                && call.type() instanceof VarcharType) {
            Type argument = call.arguments().get(0).type();
            Type type = argument instanceof CharType fixed ? io.quarry.type.Types.varchar(fixed.length())
                    : argument instanceof VarcharType ? argument : call.type();
            if (!type.equals(call.type())) {
                return new Call(call.function(), call.arguments(), type);
            }
        }
        return expression;
    }

    private static int textLength(Type type) {
        if (type instanceof CharType fixed) {
            return fixed.length();
        }
        if (type instanceof VarcharType varchar) {
            return varchar.isUnbounded() ? CHAR_MAX_LENGTH : varchar.length();
        }
        return type instanceof UnknownType ? 1 : -1;
    }
}
