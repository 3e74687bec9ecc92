package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.Lambda;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BooleanType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;

/**
 * Translates array, map and row expressions and lambdas into Quarry's IR: constructors become calls of
 * {@code array_constructor} / {@code row_constructor}, {@code a[i]} a call of {@code subscript}, {@code r.x}
 * a call of {@code dereference} (row, field index), lambdas {@link Lambda} arguments.
 */
final class StructuralExpressions {
    /** Trino's functions over arrays and maps that this translation passes on under their own name. */
    static final Set<String> FUNCTIONS = Set.of(
            "cardinality", "element_at", "contains", "array_position", "array_distinct", "array_sort", "array_max",
            "array_min", "array_join", "array_remove", "array_union", "array_intersect", "array_except", "slice",
            "flatten", "reverse", "repeat", "sequence", "map", "map_keys", "map_values", "map_entries",
            "map_from_entries", "transform", "filter", "reduce", "any_match", "all_match", "none_match", "zip_with",
            "transform_keys", "transform_values", "map_filter", "map_concat", "multimap_from_entries", "map_zip_with",
            "arrays_overlap", "array_histogram", "trim_array", "contains_sequence", "combinations", "ngrams", "zip",
            "shuffle", "cosine_similarity", "cosine_distance", "euclidean_distance", "dot_product");

    /** Of these, the ones that answer more than NULL to a NULL first argument. */
    private static final Set<String> NOT_NULL_ON_NULL = Set.of("repeat", "sequence");

    private StructuralExpressions() {}

    /** The translation of {@code node} if it is structural, else null (the caller translates it). */
    static Expression translate(ExpressionTranslator translator, RexNode node) {
        if (node instanceof RexFieldAccess access) {
            Expression row = translator.translate(access.getReferenceExpr());
            int index = access.getField().getIndex();
            Type type = ((RowType) row.type()).fields().get(index).type();
            return new Call("dereference", List.of(row, new Constant((long) index, Types.BIGINT)), type);
        }
        if (node instanceof RexLambda) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "A lambda expression is only allowed as a function argument");
        }
        if (node instanceof RexCall call) {
            return call(translator, call);
        }
        return null;
    }

    private static Expression call(ExpressionTranslator translator, RexCall call) {
        List<RexNode> operands = call.getOperands();
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (call.getOperator() == EmptyConstructors.EMPTY_MAP) {
            return EmptyConstructors.emptyMap();
        }
        if (FUNCTIONS.contains(name) && !NOT_NULL_ON_NULL.contains(name) && hasNullCollection(call)) {
            // a bare NULL collection, or one of type unknown beside a lambda: the function answers NULL
            // (StructuralOperators typed the call)
            return Constant.nullOf(TypeMapping.toQuarry(call.getType()));
        }
        boolean structural = switch (call.getKind()) {
            case ARRAY_VALUE_CONSTRUCTOR, ROW, ITEM -> true;
            default -> FUNCTIONS.contains(name) && (Set.of("map", "repeat", "sequence").contains(name) || isNested(operands))
                    || (name.equals("||") || name.equals("concat")) && StructuralOperators.isArray(call.getType())
                    || RegexpReplaceLambda.isLambdaForm(call);
        };
        if (!structural) {
            return null;
        }
        Type type = TypeMapping.toQuarry(call.getType());
        switch (call.getKind()) {
            case ARRAY_VALUE_CONSTRUCTOR: {
                Type derived = ((ArrayType) type).elementType();
                List<Expression> elements = new ArrayList<>();
                for (RexNode operand : operands) {
                    elements.add(translator.translate(operand));
                }
                elements = new ArrayList<>(CharCast.withoutCastsToVarchar(elements, derived));
                Type element = CharCast.withChars(derived, CharCast.valueTypes(elements));
                elements.replaceAll(value -> ExpressionTranslator.coerce(value, element));
                return new Call("array_constructor", elements, new ArrayType(element));
            }
            case ROW: {
                List<RowType.Field> fieldTypes = ((RowType) type).fields();
                List<RowType.Field> resultFields = new ArrayList<>();
                List<Expression> fields = new ArrayList<>();
                for (int i = 0; i < operands.size(); i++) {
                    Expression field = translator.translate(operands.get(i));
                    Type fieldType = CharCast.withChars(fieldTypes.get(i).type(), List.of(field.type()));
                    resultFields.add(new RowType.Field(fieldTypes.get(i).name(), fieldType));
                    fields.add(ExpressionTranslator.coerce(field, fieldType));
                }
                return new Call("row_constructor", fields, new RowType(resultFields));
            }
            case ITEM:
                return indexed("subscript", translator, operands, type);
            default:
                break;
        }
        if ((name.equals("||") || name.equals("concat")) && type instanceof ArrayType derived) {
            List<Expression> translated = new ArrayList<>();
            List<Type> asArrays = new ArrayList<>();
            for (RexNode operand : operands) {
                Expression argument = translator.translate(operand);
                translated.add(argument);
                asArrays.add(arrayDepth(argument.type()) == arrayDepth(derived) ? argument.type() : new ArrayType(argument.type()));
            }
            ArrayType array = (ArrayType) CharCast.withChars(derived, asArrays);
            List<Expression> arguments = new ArrayList<>();
            for (Expression argument : translated) {
                // an array argument has the result's nesting; an element one level less
                // a NULL is a NULL array (ArrayConcat types a NULL beside an element as the array)
                arguments.add(argument.type() instanceof UnknownType || arrayDepth(argument.type()) == arrayDepth(array)
                        ? ExpressionTranslator.coerce(argument, array)
                        : ExpressionTranslator.coerce(argument, array.elementType()));
            }
            return new Call("concat", arguments, array);
        }
        if (!FUNCTIONS.contains(name) && !RegexpReplaceLambda.isLambdaForm(call)) {
            return null;
        }
        if (name.equals("element_at")) {
            return indexed(name, translator, operands, type);
        }
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            RexNode operand = operands.get(i);
            if (LambdaClosures.isCaptureList(operand)) {
                continue;
            }
            if (operand instanceof RexLambda lambda) {
                if (name.equals("map_zip_with")) {
                    zippedKeys(arguments, TypeMapping.toQuarry(call.getType()));
                }
                arguments.add(lambda(translator, lambda, elementTypes(name, arguments)));
            } else {
                arguments.add(translator.translate(operand));
            }
        }
        checkArgumentKinds(name, arguments);
        checkOrderableElements(name, arguments);
        if (name.equals("array_join") && arguments.get(0).type() instanceof ArrayType array) {
            arguments.set(0, joinedAsText(arguments.get(0), array.elementType()));
        }
        if (Set.of("contains", "array_position", "array_remove").contains(name)
                && arguments.get(0).type() instanceof ArrayType array) {
            if (array.elementType() instanceof UnknownType) {
                // ARRAY[] (or of NULLs only) takes the sought value's type, as does array_remove's result
                arguments.set(0, ExpressionTranslator.coerce(arguments.get(0), new ArrayType(arguments.get(1).type())));
            } else if (name.equals("array_remove") && type instanceof ArrayType removed && !(arguments.get(1).type() instanceof UnknownType)
                    && !removed.equals(array)) {
                // the array and the value take the result's element type, their common one (a char beside a string)
                ArrayType common = (ArrayType) CharCast.withChars(removed, List.of(array, new ArrayType(arguments.get(1).type())));
                arguments.set(0, ExpressionTranslator.coerce(arguments.get(0), common));
                arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), common.elementType()));
                type = common;
            } else if (array.elementType().isNumeric() && arguments.get(1).type().isNumeric()
                    && !array.elementType().equals(arguments.get(1).type())) {
                // numbers compare as their common type: 1.5 is not among integers
                Type common = name.equals("array_remove") && type instanceof ArrayType removed
                        ? removed.elementType() : numericCommonType(array.elementType(), arguments.get(1).type());
                arguments.set(0, ExpressionTranslator.coerce(arguments.get(0), new ArrayType(common)));
                arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), common));
            } else {
                arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), array.elementType()));
            }
        }
        if ((name.equals("map_from_entries") || name.equals("multimap_from_entries"))
                && arguments.get(0).type() instanceof ArrayType array
                && array.elementType() instanceof UnknownType && type instanceof MapType map) {
            // ARRAY[]: entries of the map's key and value types (a multimap's values are arrays of them)
            Type value = name.equals("multimap_from_entries") && map.valueType() instanceof ArrayType values
                    ? values.elementType() : map.valueType();
            RowType entry = new RowType(List.of(new RowType.Field(java.util.Optional.empty(), map.keyType()),
                    new RowType.Field(java.util.Optional.empty(), value)));
            arguments.set(0, ExpressionTranslator.coerce(arguments.get(0), new ArrayType(entry)));
        }
        if (name.equals("map_concat")) {
            // every map takes the result's key and value types
            Type maps = type;
            arguments.replaceAll(argument -> ExpressionTranslator.coerce(argument, maps));
        }
        if ((name.equals("arrays_overlap") || name.equals("contains_sequence")) && operands.size() == 2) {
            // both arrays compare as arrays of their common element type
            RelDataType common = translator.typeFactory().leastRestrictive(List.of(operands.get(0).getType(), operands.get(1).getType()));
            Type arrays = common == null ? arguments.get(0).type() : TypeMapping.toQuarry(common);
            arguments.replaceAll(argument -> ExpressionTranslator.coerce(argument, arrays));
        }
        if (Set.of("trim_array", "combinations", "ngrams").contains(name)) {
            arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), Types.BIGINT));
        }
        if (Set.of("array_union", "array_intersect", "array_except").contains(name)) {
            // both arrays take the result's type: that of their common element type (char(n) beside varchar stays char)
            Type arrays = CharCast.withChars(type, arguments.stream().map(Expression::type).toList());
            arguments.replaceAll(argument -> ExpressionTranslator.coerce(argument, arrays));
            type = arrays;
        }
        if (Set.of("cosine_similarity", "cosine_distance", "euclidean_distance", "dot_product").contains(name)) {
            vectorArguments(name, arguments);
        }
        if (isTemporalSequence(name, arguments)) {
            checkTemporalSequence(arguments);
        } else if (name.equals("slice") || name.equals("repeat") || name.equals("sequence")) {
            for (int i = name.equals("slice") || name.equals("repeat") ? 1 : 0; i < arguments.size(); i++) {
                arguments.set(i, ExpressionTranslator.coerce(arguments.get(i), Types.BIGINT));
            }
        }
        if (name.equals("reduce")) {
            // the state has the type the input function's first parameter was given (the initial value's type,
            // widened to the function's result); the initial value and the function's result are cast to it
            Lambda input = (Lambda) arguments.get(2);
            Type state = input.parameterTypes().get(0);
            arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), state));
            arguments.set(2, new Lambda(input.parameterTypes(), input.captures(),
                    ExpressionTranslator.coerce(input.body(), state)));
        }
        if (name.equals("array_remove") && arguments.get(0).type() instanceof ArrayType array && type instanceof ArrayType result
                && result.elementType() instanceof UnknownType) {
            type = array; // ARRAY[] took the removed value's type
        }
        return new Call(name, arguments, withChars(name, type, arguments));
    }

    /**
     * Whether a collection the call works on is of type unknown: the first operand of a call without a lambda, or
     * any collection of a lambda function ({@code transform(x, y -> y + 1)} of an {@code x} over {@code ARRAY[NULL]}).
     */
    private static boolean hasNullCollection(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean lambda = operands.stream().anyMatch(operand -> operand instanceof RexLambda);
        int collections = lambda ? StructuralOperators.collectionCount(call.getOperator()) : 1;
        for (int i = 0; i < Math.min(collections, operands.size()); i++) {
            if (operands.get(i).getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
                return true;
            }
        }
        return false;
    }

    /** array_max, array_min and array_sort without a comparator take only arrays of orderable elements, as in Trino. */
    private static void checkOrderableElements(String name, List<Expression> arguments) {
        String expected = switch (name) {
            case "array_max", "array_min" -> name + "(array(t)) T:orderable";
            case "array_sort" -> "array_sort(array(e)) E:orderable, array_sort(array(t), function(t,t,integer)) T";
            default -> null;
        };
        if (expected != null && arguments.size() == 1 && arguments.get(0).type() instanceof ArrayType array
                && !array.elementType().isOrderable()) {
            // a parameter list names nested types without blanks, as Trino does
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + array.displayName().replace(", ", ",")
                    + ") for function " + name + ". Expected: " + expected);
        }
    }

    /** Trino's common type of two numbers: a decimal of both one's integer digits and scale, else the wider type. */
    private static Type numericCommonType(Type left, Type right) {
        boolean decimals = left instanceof io.quarry.type.DecimalType || right instanceof io.quarry.type.DecimalType;
        boolean exact = !(left instanceof io.quarry.type.DoubleType || left instanceof io.quarry.type.RealType
                || right instanceof io.quarry.type.DoubleType || right instanceof io.quarry.type.RealType);
        if (decimals && exact) {
            io.quarry.type.DecimalType a = asDecimal(left);
            io.quarry.type.DecimalType b = asDecimal(right);
            int scale = Math.max(a.scale(), b.scale());
            int digits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
            return Types.decimal(Math.min(io.quarry.type.DecimalType.MAX_PRECISION, digits + scale), scale);
        }
        return ExpressionTranslator.commonType(left, right, "=");
    }

    private static io.quarry.type.DecimalType asDecimal(Type type) {
        if (type instanceof io.quarry.type.DecimalType decimal) {
            return decimal;
        }
        int digits = type instanceof io.quarry.type.TinyintType ? 3 : type instanceof io.quarry.type.SmallintType ? 5
                : type instanceof io.quarry.type.IntegerType ? 10 : 19;
        return (io.quarry.type.DecimalType) Types.decimal(digits, 0);
    }

    /**
     * The maps of map_zip_with with the result's key type, their common one ({@code MAP()} takes the other map's); text
     * keys stay as they are (Calcite's chars are the literals' varchars).
     */
    private static void zippedKeys(List<Expression> maps, Type result) {
        if (!(result instanceof MapType zipped)) {
            return;
        }
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i).type() instanceof MapType map && !map.keyType().equals(zipped.keyType())
                    && !(isTextOrNull(map.keyType()) && isTextOrNull(zipped.keyType()) && !(map.keyType() instanceof UnknownType))) {
                maps.set(i, ExpressionTranslator.coerce(maps.get(i), new MapType(zipped.keyType(), map.valueType())));
            }
        }
    }

    /** Functions whose result holds the elements (keys, values) of their first arguments as they are. */
    private static final Set<String> ELEMENT_KEEPING = Set.of(
            "array_distinct", "array_sort", "reverse", "slice", "array_remove", "array_union", "array_intersect",
            "array_except", "trim_array", "filter", "shuffle", "map_filter");

    /** The result type with the arguments' char(n) elements kept, where Calcite's type has varchar. */
    private static Type withChars(String name, Type type, List<Expression> arguments) {
        List<Type> types = arguments.stream().map(Expression::type).toList();
        if (name.equals("map") && types.size() == 2 && types.get(0) instanceof ArrayType keys
                && types.get(1) instanceof ArrayType values && type instanceof MapType map) {
            return new MapType(CharCast.withChars(map.keyType(), List.of(keys.elementType())),
                    CharCast.withChars(map.valueType(), List.of(values.elementType())));
        }
        if (types.isEmpty()) {
            return type;
        }
        Type first = types.get(0);
        return switch (name) {
            case "map_keys" -> first instanceof MapType map ? CharCast.withChars(type, List.of(new ArrayType(map.keyType()))) : type;
            case "map_values" -> first instanceof MapType map ? CharCast.withChars(type, List.of(new ArrayType(map.valueType()))) : type;
            case "array_max", "array_min" -> first instanceof ArrayType array ? CharCast.withChars(type, List.of(array.elementType())) : type;
            case "repeat" -> CharCast.withChars(type, List.of(new ArrayType(first)));
            case "flatten" -> first instanceof ArrayType array ? CharCast.withChars(type, List.of(array.elementType())) : type;
            case "transform", "zip_with" -> arguments.get(arguments.size() - 1) instanceof Lambda function
                    && type instanceof ArrayType result
                    ? new ArrayType(lambdaResult(function, result.elementType())) : type;
            case "transform_values", "map_zip_with" -> arguments.get(arguments.size() - 1) instanceof Lambda function
                    && type instanceof MapType result
                    ? new MapType(result.keyType(), lambdaResult(function, result.valueType())) : type;
            case "transform_keys" -> first instanceof MapType map && arguments.get(arguments.size() - 1) instanceof Lambda function
                    ? CharCast.withChars(type, List.of(new MapType(function.body().type(), map.valueType()))) : type;
            case "map_entries" -> first instanceof MapType map
                    ? CharCast.withChars(type, List.of(new ArrayType(RowType.anonymous(List.of(map.keyType(), map.valueType()))))) : type;
            case "zip" -> types.stream().allMatch(ArrayType.class::isInstance)
                    ? CharCast.withChars(type, List.of(new ArrayType(RowType.anonymous(
                            types.stream().map(array -> ((ArrayType) array).elementType()).toList())))) : type;
            default -> ELEMENT_KEEPING.contains(name) ? CharCast.withChars(type, types) : type;
        };
    }

    /**
     * The type of a lambda's results in a function's result: the body's own, which its values are of (Calcite sees
     * the elements of {@code ARRAY['a']} as chars, so a concatenation in the body would keep a length Trino's varchar
     * does not have; this translation types some calls as Trino does where Calcite does not), but Calcite's for a
     * body of unknown type.
     */
    private static Type lambdaResult(Lambda function, Type derived) {
        Type body = function.body().type();
        return body instanceof UnknownType ? derived : body;
    }

    /** array_join joins its elements as their casts to varchar give them (a char padded to its length, a date as text). */
    private static Expression joinedAsText(Expression array, Type elementType) {
        if (elementType instanceof io.quarry.type.VarcharType || elementType instanceof UnknownType) {
            return array;
        }
        if (elementType instanceof io.quarry.type.VarbinaryType || elementType instanceof ArrayType
                || elementType instanceof MapType || elementType instanceof RowType) {
            throw new QuarryException(ErrorCode.OPERATOR_NOT_FOUND, "Cannot cast " + elementType.displayName() + " to varchar");
        }
        int length = elementType instanceof io.quarry.type.CharType fixed
                ? fixed.length() : io.quarry.type.VarcharType.UNBOUNDED_LENGTH;
        return ExpressionTranslator.coerce(array, new ArrayType(Types.varchar(length)));
    }

    /**
     * FUNCTION_NOT_FOUND, as Trino has no such signature, for arguments the operator's loose check let through:
     * array_join's separators must be text, flatten's elements arrays, the function of filter and the matches a predicate.
     */
    private static void checkArgumentKinds(String name, List<Expression> arguments) {
        boolean fits = switch (name) {
            case "array_join" -> arguments.stream().skip(1).allMatch(argument -> isTextOrNull(argument.type()));
            case "flatten" -> !(arguments.get(0).type() instanceof ArrayType array)
                    || array.elementType() instanceof ArrayType || array.elementType() instanceof UnknownType;
            // predicates: the function must give a boolean
            case "filter", "any_match", "all_match", "none_match", "map_filter" -> arguments.stream()
                    .noneMatch(argument -> argument instanceof Lambda lambda && !(lambda.body().type() instanceof BooleanType));
            // a comparator is function(t, t, integer): a bigint or NULL result has no such signature
            case "array_sort" -> arguments.size() < 2 || !(arguments.get(1) instanceof Lambda comparator)
                    || comparator.parameterTypes().size() != 2 || comparator.body().type() instanceof io.quarry.type.IntegerType;
            // a value sought among the elements (or keys) must be of their kind: no text for numbers, as Trino
            case "contains", "array_position", "array_remove" -> !(arguments.get(0).type() instanceof ArrayType array)
                    || sameKind(array.elementType(), arguments.get(1).type());
            case "element_at" -> arguments.get(0).type() instanceof MapType map
                    ? sameKind(map.keyType(), arguments.get(1).type()) : isIntegralOrNull(arguments.get(1).type());
            // counts and positions are bigints
            case "repeat", "trim_array", "combinations", "ngrams" -> isIntegralOrNull(arguments.get(1).type());
            case "slice" -> arguments.stream().skip(1).allMatch(argument -> isIntegralOrNull(argument.type()));
            case "sequence" -> isTemporalSequence(name, arguments)
                    || arguments.stream().allMatch(argument -> isIntegralOrNull(argument.type()));
            default -> true;
        };
        if (!fits) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", arguments.stream()
                            .map(argument -> argument instanceof Lambda ? "<function>" : argument.type().displayName()).toList())
                    + ") for function " + name);
        }
    }

    private static boolean isIntegralOrNull(Type type) {
        return type instanceof io.quarry.type.TinyintType || type instanceof io.quarry.type.SmallintType
                || type instanceof io.quarry.type.IntegerType || type instanceof io.quarry.type.BigintType || type instanceof UnknownType;
    }

    /** Whether Trino coerces one type to the other's kind: numbers to numbers, text to text, dates to timestamps, ... */
    private static boolean sameKind(Type expected, Type actual) {
        if (expected instanceof UnknownType || actual instanceof UnknownType) {
            return true;
        }
        if (expected instanceof ArrayType left && actual instanceof ArrayType right) {
            return sameKind(left.elementType(), right.elementType());
        }
        if (expected instanceof MapType left && actual instanceof MapType right) {
            return sameKind(left.keyType(), right.keyType()) && sameKind(left.valueType(), right.valueType());
        }
        return kind(expected).equals(kind(actual));
    }

    private static String kind(Type type) {
        if (isIntegralOrNull(type) || type instanceof io.quarry.type.DecimalType || type instanceof io.quarry.type.RealType
                || type instanceof io.quarry.type.DoubleType) {
            return "number";
        }
        if (isTextOrNull(type)) {
            return "text";
        }
        if (type instanceof io.quarry.type.DateType || type instanceof io.quarry.type.TimestampType
                || type instanceof io.quarry.type.TimestampWithTimeZoneType) {
            return "point in time";
        }
        return type.getClass().getSimpleName();
    }

    private static boolean isTextOrNull(Type type) {
        return type instanceof io.quarry.type.VarcharType || type instanceof io.quarry.type.CharType || type instanceof UnknownType;
    }

    /** Vectors are arrays of doubles, or (for cosine_similarity) maps from varchar to double. */
    private static void vectorArguments(String name, List<Expression> arguments) {
        boolean maps = arguments.get(0).type() instanceof MapType && arguments.get(1).type() instanceof MapType
                && name.equals("cosine_similarity");
        boolean arrays = arguments.get(0).type() instanceof ArrayType && arguments.get(1).type() instanceof ArrayType;
        if (!maps && !arrays) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", arguments.stream().map(argument -> argument.type().displayName()).toList())
                    + ") for function " + name);
        }
        Type vector = maps ? new MapType(Types.VARCHAR, Types.DOUBLE) : new ArrayType(Types.DOUBLE);
        arguments.replaceAll(argument -> ExpressionTranslator.coerce(argument, vector));
    }

    /** Whether a sequence runs over dates or timestamps, whose arguments keep their types. */
    private static boolean isTemporalSequence(String name, List<Expression> arguments) {
        Type start = arguments.get(0).type();
        return name.equals("sequence")
                && (start instanceof io.quarry.type.DateType || start instanceof io.quarry.type.TimestampType);
    }

    /** Dates step by days or intervals, timestamps by intervals only (as Trino's signatures), both ends of one type. */
    private static void checkTemporalSequence(List<Expression> arguments) {
        Type start = arguments.get(0).type();
        boolean intervalStep = arguments.size() == 3
                && (arguments.get(2).type() instanceof io.quarry.type.IntervalDayTimeType
                        || arguments.get(2).type() instanceof io.quarry.type.IntervalYearMonthType);
        boolean valid = arguments.get(1).type().getClass() == start.getClass()
                && (intervalStep || arguments.size() == 2 && start instanceof io.quarry.type.DateType);
        if (!valid) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", arguments.stream().map(argument -> argument.type().displayName()).toList())
                    + ") for function sequence");
        }
        arguments.set(1, ExpressionTranslator.coerce(arguments.get(1), start));
    }

    private static int arrayDepth(Type type) {
        int depth = 0;
        for (Type at = type; at instanceof ArrayType nested; at = nested.elementType()) {
            depth++;
        }
        return depth;
    }

    /** Whether the first operand is an array or a map: other functions of the same name (a string reverse) are not ours. */
    private static boolean isNested(List<RexNode> operands) {
        if (operands.isEmpty()) {
            return false;
        }
        org.apache.calcite.sql.type.SqlTypeName type = operands.get(0).getType().getSqlTypeName();
        return type == org.apache.calcite.sql.type.SqlTypeName.ARRAY || type == org.apache.calcite.sql.type.SqlTypeName.MAP;
    }

    /** {@code a[i]} and {@code element_at}: array indexes are bigint, map keys take the key type. */
    private static Expression indexed(String name, ExpressionTranslator translator, List<RexNode> operands, Type type) {
        Expression container = translator.translate(operands.get(0));
        Expression index = translator.translate(operands.get(1));
        if (name.equals("element_at")) {
            checkArgumentKinds(name, List.of(container, index));
        }
        if (container.type() instanceof ArrayType array) {
            index = ExpressionTranslator.coerce(index, Types.BIGINT);
            type = CharCast.withChars(type, List.of(array.elementType()));
        } else if (container.type() instanceof MapType map && map.keyType() instanceof io.quarry.type.UnknownType
                && !(index.type() instanceof io.quarry.type.UnknownType)) {
            // MAP() has no keys to be of: it takes the sought key's type, as Trino coerces it
            container = ExpressionTranslator.coerce(container, new MapType(index.type(), map.valueType()));
            type = CharCast.withChars(type, List.of(map.valueType()));
        } else if (container.type() instanceof MapType map) {
            index = ExpressionTranslator.coerce(index, map.keyType());
            type = CharCast.withChars(type, List.of(map.valueType()));
        } else if (container.type() instanceof RowType row && index instanceof Constant constant
                && constant.value() instanceof Long position) {
            // row[1]: a field by its 1-based position
            int field = (int) (position - 1);
            return new Call("dereference", List.of(container, new Constant((long) field, Types.BIGINT)),
                    row.fields().get(field).type());
        } else {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot use [] on " + container.type().displayName());
        }
        return new Call(name, List.of(container, index), type);
    }

    /**
     * The types of the values a function passes to its lambda's parameters, as far as the arguments before the
     * lambda tell them (an array's elements, a map's keys and values); null where they do not.
     */
    private static List<Type> elementTypes(String name, List<Expression> arguments) {
        List<Type> types = new ArrayList<>();
        Type first = arguments.isEmpty() ? null : arguments.get(0).type();
        switch (name) {
            case "transform", "filter", "any_match", "all_match", "none_match", "array_sort" -> {
                if (first instanceof ArrayType array) {
                    types.add(array.elementType());
                    types.add(array.elementType());
                }
            }
            case "reduce" -> {
                if (first instanceof ArrayType array) {
                    types.add(null);
                    types.add(array.elementType());
                }
            }
            case "zip_with" -> arguments.forEach(argument -> types.add(
                    argument.type() instanceof ArrayType array ? array.elementType() : null));
            case "transform_keys", "transform_values", "map_filter", "map_zip_with" -> {
                if (first instanceof MapType map) {
                    types.add(map.keyType());
                    arguments.forEach(argument -> types.add(argument.type() instanceof MapType other ? other.valueType() : null));
                }
            }
            default -> {}
        }
        return types;
    }

    private static Lambda lambda(ExpressionTranslator outer, RexLambda lambda, List<Type> valueTypes) {
        List<Type> parameterTypes = new ArrayList<>();
        for (RexLambdaRef parameter : lambda.getParameters()) {
            Type type = TypeMapping.toQuarry(parameter.getType());
            int index = parameterTypes.size();
            Type value = index < valueTypes.size() ? valueTypes.get(index) : null;
            // a char element is passed as the char it is (Calcite types it as varchar)
            parameterTypes.add(value == null ? type : CharCast.withChars(type, List.of(value)));
        }
        Scope scope = new Scope(outer, lambda.getParameters(), parameterTypes);
        Expression body = outer.inLambda(scope).translate(lambda.getExpression());
        return new Lambda(parameterTypes, scope.captures, body);
    }

    /** The parameters of a lambda being translated and the outer values its body captures. */
    static final class Scope {
        private final ExpressionTranslator outer;
        private final List<RexLambdaRef> parameters;
        private final List<Type> parameterTypes;
        private final List<Expression> captures = new ArrayList<>();

        Scope(ExpressionTranslator outer, List<RexLambdaRef> parameters, List<Type> parameterTypes) {
            this.outer = outer;
            this.parameters = List.copyOf(parameters);
            this.parameterTypes = List.copyOf(parameterTypes);
        }

        /** A parameter of this lambda, or one of an enclosing lambda, which this one captures. */
        Expression reference(RexLambdaRef reference) {
            int index = reference.getIndex();
            if (index < parameters.size() && parameters.get(index).getName().equals(reference.getName())) {
                return new InputRef(index, parameterTypes.get(index));
            }
            return capture(reference);
        }

        /** A column of the enclosing row (or a parameter of an enclosing lambda) used in the body: a channel after the parameters. */
        Expression capture(RexNode reference) {
            Expression value = outer.translate(reference);
            int index = captures.indexOf(value);
            if (index < 0) {
                index = captures.size();
                captures.add(value);
            }
            return new InputRef(parameterTypes.size() + index, value.type());
        }
    }
}
