package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.FunctionSqlType;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlLambdaScope;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Trino's functions over arrays, maps and rows, its lambda functions and {@code array_agg} / {@code map_agg},
 * with Trino's result types. Lambda parameters get their types from the other operands (the element type of
 * the array, the key and value types of the map) and the body is validated again with them.
 */
final class StructuralOperators {
    private StructuralOperators() {}

    /** What a function's operands must be, beyond their count. */
    private enum Shape {
        ARRAY_FIRST,
        MAP_FIRST,
        ANY
    }

    static final SqlAggFunction MAP_AGG = SqlBasicAggFunction.create(
            "MAP_AGG", SqlKind.OTHER_FUNCTION, StructuralOperators::mapAggType, OperandTypes.ANY_ANY)
            // map_agg(k, v ORDER BY x): the first value of a key in that order stays
            .withGroupOrder(org.apache.calcite.util.Optionality.OPTIONAL);

    private static final List<SqlOperator> ALL = build();

    static List<SqlOperator> all() {
        return ALL;
    }

    /** The function element_at. */
    static SqlOperator elementAt() {
        return ALL.stream().filter(operator -> operator.getName().equals("ELEMENT_AT")).findFirst().orElseThrow();
    }

    private static List<SqlOperator> build() {
        List<SqlOperator> operators = new ArrayList<>();
        // arrays
        operators.add(function("CARDINALITY", 1, 1, Shape.ANY, bigint()));
        operators.add(function("ELEMENT_AT", 2, 2, Shape.ANY, StructuralOperators::elementAtType));
        operators.add(function("CONTAINS", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.BOOLEAN)));
        operators.add(function("ARRAY_POSITION", 2, 2, Shape.ARRAY_FIRST, bigint()));
        operators.add(function("ARRAY_DISTINCT", 1, 1, Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE));
        // array_sort(a) and array_sort(a, (x, y) -> comparison)
        operators.add(new SqlFunction("ARRAY_SORT", SqlKind.OTHER_FUNCTION, bareNulls(Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE), null,
                new Checker(1, 2, Shape.ARRAY_FIRST, true), SqlFunctionCategory.SYSTEM));
        operators.add(function("ARRAY_MAX", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::elementType));
        operators.add(function("ARRAY_MIN", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::elementType));
        operators.add(function("ARRAY_JOIN", 2, 3, Shape.ARRAY_FIRST, nullable(SqlTypeName.VARCHAR)));
        operators.add(function("ARRAY_REMOVE", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arrayRemoveType));
        operators.add(function("ARRAY_UNION", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arraySetType));
        operators.add(function("ARRAY_INTERSECT", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arraySetType));
        operators.add(function("ARRAY_EXCEPT", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arraySetType));
        operators.add(function("SLICE", 3, 3, Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE));
        operators.add(function("FLATTEN", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::flattenType));
        operators.add(function("REVERSE", 1, 1, Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE));
        operators.add(function("REPEAT", 2, 2, Shape.ANY, StructuralOperators::repeatType));
        operators.add(function("SEQUENCE", 2, 3, Shape.ANY, StructuralOperators::sequenceType));
        operators.add(function("ARRAYS_OVERLAP", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.BOOLEAN)));
        operators.add(function("ARRAY_HISTOGRAM", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::arrayHistogramType));
        operators.add(function("TRIM_ARRAY", 2, 2, Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE));
        operators.add(function("CONTAINS_SEQUENCE", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.BOOLEAN)));
        operators.add(function("COMBINATIONS", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arrayOfFirstType));
        operators.add(function("NGRAMS", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::arrayOfFirstType));
        operators.add(function("ZIP", 2, 5, Shape.ARRAY_FIRST, StructuralOperators::zipType));
        operators.add(function("SHUFFLE", 1, 1, Shape.ARRAY_FIRST, ReturnTypes.ARG0_NULLABLE));
        // vectors: array(double), and map(varchar, double) for cosine_similarity
        operators.add(function("COSINE_SIMILARITY", 2, 2, Shape.ANY, nullable(SqlTypeName.DOUBLE)));
        operators.add(function("COSINE_DISTANCE", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.DOUBLE)));
        operators.add(function("EUCLIDEAN_DISTANCE", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.DOUBLE)));
        operators.add(function("DOT_PRODUCT", 2, 2, Shape.ARRAY_FIRST, nullable(SqlTypeName.DOUBLE)));
        // maps
        operators.add(function("MAP", 2, 2, Shape.ARRAY_FIRST, StructuralOperators::mapType));
        operators.add(function("MAP_KEYS", 1, 1, Shape.MAP_FIRST, StructuralOperators::mapKeysType));
        operators.add(function("MAP_VALUES", 1, 1, Shape.MAP_FIRST, StructuralOperators::mapValuesType));
        operators.add(function("MAP_ENTRIES", 1, 1, Shape.MAP_FIRST, StructuralOperators::mapEntriesType));
        operators.add(function("MAP_FROM_ENTRIES", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::mapFromEntriesType));
        operators.add(function("MAP_CONCAT", 1, Integer.MAX_VALUE, Shape.MAP_FIRST, StructuralOperators::mapConcatType));
        operators.add(function("MULTIMAP_FROM_ENTRIES", 1, 1, Shape.ARRAY_FIRST, StructuralOperators::multimapFromEntriesType));
        // lambdas
        operators.add(lambda("TRANSFORM", 2, StructuralOperators::transformType));
        operators.add(lambda("FILTER", 2, ReturnTypes.ARG0_NULLABLE));
        operators.add(lambda("REDUCE", 4, StructuralOperators::reduceType));
        operators.add(lambda("ANY_MATCH", 2, nullable(SqlTypeName.BOOLEAN)));
        operators.add(lambda("ALL_MATCH", 2, nullable(SqlTypeName.BOOLEAN)));
        operators.add(lambda("NONE_MATCH", 2, nullable(SqlTypeName.BOOLEAN)));
        operators.add(lambda("ZIP_WITH", 3, StructuralOperators::zipWithType));
        operators.add(lambda("TRANSFORM_KEYS", 2, StructuralOperators::transformKeysType));
        operators.add(lambda("TRANSFORM_VALUES", 2, StructuralOperators::transformValuesType));
        operators.add(lambda("MAP_FILTER", 2, ReturnTypes.ARG0_NULLABLE));
        operators.add(lambda("MAP_ZIP_WITH", 3, StructuralOperators::mapZipWithType));
        // aggregates
        operators.add(SqlLibraryOperators.ARRAY_AGG);
        operators.add(MAP_AGG);
        return List.copyOf(operators);
    }

    private static SqlFunction function(String name, int min, int max, Shape shape, SqlReturnTypeInference returnType) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, bareNulls(shape, returnType), null,
                new Checker(min, max, shape, false), SqlFunctionCategory.SYSTEM);
    }

    /**
     * Types a call whose operands include a bare NULL as Trino does, by binding each NULL to the function's
     * collection type: {@code array_distinct(NULL)} is an array(unknown), {@code map_keys(NULL)} too (the call
     * answers NULL, see {@code StructuralExpressions}).
     */
    private static SqlReturnTypeInference bareNulls(Shape shape, SqlReturnTypeInference returnType) {
        if (shape == Shape.ANY) {
            return returnType;
        }
        return binding -> {
            List<RelDataType> types = binding.collectOperandTypes();
            if (types.stream().noneMatch(type -> type.getSqlTypeName() == SqlTypeName.NULL)) {
                return returnType.inferReturnType(binding);
            }
            RelDataTypeFactory factory = binding.getTypeFactory();
            RelDataType unknown = factory.createSqlType(SqlTypeName.NULL);
            RelDataType collection = shape == Shape.MAP_FIRST
                    ? factory.createMapType(unknown, unknown)
                    : factory.createArrayType(unknown, -1);
            List<RelDataType> bound = types.stream()
                    .map(type -> type.getSqlTypeName() == SqlTypeName.NULL ? collection : type)
                    .toList();
            return returnType.inferReturnType(new org.apache.calcite.sql.ExplicitOperatorBinding(binding, bound));
        };
    }

    private static SqlFunction lambda(String name, int operands, SqlReturnTypeInference returnType) {
        Shape shape = name.startsWith("TRANSFORM_") || name.startsWith("MAP_") ? Shape.MAP_FIRST : Shape.ARRAY_FIRST;
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, nullCollections(shape, returnType), null,
                new Checker(operands, operands, shape, true), SqlFunctionCategory.SYSTEM);
    }

    /**
     * Types a lambda function whose collection is of type unknown (a parameter over {@code ARRAY[NULL]}) with that
     * collection an array(unknown) or a map(unknown, unknown), as Trino binds it: {@code filter} answers an
     * array(unknown), {@code transform_values} a map(unknown, T).
     */
    private static SqlReturnTypeInference nullCollections(Shape shape, SqlReturnTypeInference returnType) {
        return binding -> {
            List<RelDataType> types = new ArrayList<>(binding.collectOperandTypes());
            boolean bound = false;
            for (int i = 0; i < collectionCount(binding.getOperator()); i++) {
                if (types.get(i).getSqlTypeName() == SqlTypeName.NULL) {
                    types.set(i, unknownCollection(binding.getTypeFactory(), shape));
                    bound = true;
                }
            }
            return returnType.inferReturnType(
                    bound ? new org.apache.calcite.sql.ExplicitOperatorBinding(binding, types) : binding);
        };
    }

    /** How many leading operands of a lambda function are its collections: two for the zipping ones. */
    static int collectionCount(SqlOperator function) {
        return function.getName().equals("ZIP_WITH") || function.getName().equals("MAP_ZIP_WITH") ? 2 : 1;
    }

    private static RelDataType unknownCollection(RelDataTypeFactory factory, Shape shape) {
        RelDataType unknown = factory.createSqlType(SqlTypeName.NULL);
        return shape == Shape.MAP_FIRST ? factory.createMapType(unknown, unknown) : factory.createArrayType(unknown, -1);
    }

    private static SqlReturnTypeInference bigint() {
        return nullable(SqlTypeName.BIGINT);
    }

    private static SqlReturnTypeInference nullable(SqlTypeName name) {
        return binding -> binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(name), true);
    }

    private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
        return factory.createTypeWithNullability(type, true);
    }

    private static RelDataType elementType(SqlOperatorBinding binding) {
        if (binding.getOperandType(0).getSqlTypeName() == SqlTypeName.ANY) {
            return untypedParameter(binding.getTypeFactory());
        }
        RelDataType component = binding.getOperandType(0).getComponentType();
        return component == null ? null : nullable(binding.getTypeFactory(), component);
    }

    /** The inner arrays' type; an array of NULLs (no inner type) flattens to an array of its own type, as in Trino. */
    private static RelDataType flattenType(SqlOperatorBinding binding) {
        RelDataType component = binding.getOperandType(0).getComponentType();
        return component != null && component.getSqlTypeName() == SqlTypeName.NULL
                ? nullable(binding.getTypeFactory(), binding.getOperandType(0))
                : elementType(binding);
    }

    private static RelDataType elementAtType(SqlOperatorBinding binding) {
        RelDataType container = binding.getOperandType(0);
        if (container.getSqlTypeName() == SqlTypeName.NULL) {
            return container; // element_at(NULL, k): an array or a map of unknown, an unknown NULL, as in Trino
        }
        if (container.getSqlTypeName() == SqlTypeName.MAP) {
            return nullable(binding.getTypeFactory(), container.getValueType());
        }
        return elementType(binding);
    }

    private static RelDataType repeatType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createArrayType(binding.getOperandType(0), -1));
    }

    private static RelDataType sequenceType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        SqlTypeName start = binding.getOperandType(0).getSqlTypeName();
        RelDataType element = start == SqlTypeName.DATE || start == SqlTypeName.TIMESTAMP
                ? factory.createTypeWithNullability(binding.getOperandType(0), false)
                : factory.createSqlType(SqlTypeName.BIGINT);
        return nullable(factory, factory.createArrayType(element, -1));
    }

    private static RelDataType mapType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType keys = binding.getOperandType(0).getComponentType();
        RelDataType values = binding.getOperandType(1).getComponentType();
        if (keys == null || values == null) {
            return null;
        }
        return nullable(factory, factory.createMapType(factory.createTypeWithNullability(keys, false), values));
    }

    private static RelDataType mapKeysType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (binding.getOperandType(0).getKeyType() == null) {
            return untypedParameter(factory);
        }
        return nullable(factory, factory.createArrayType(binding.getOperandType(0).getKeyType(), -1));
    }

    private static RelDataType mapValuesType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (binding.getOperandType(0).getValueType() == null) {
            return untypedParameter(factory);
        }
        return nullable(factory, factory.createArrayType(binding.getOperandType(0).getValueType(), -1));
    }

    /**
     * The type of a call on a lambda parameter still untyped (ANY) while Calcite first validates the lambda: ANY,
     * typed again once the lambda's function has typed its parameters.
     */
    private static RelDataType untypedParameter(RelDataTypeFactory factory) {
        return nullable(factory, factory.createSqlType(SqlTypeName.ANY));
    }

    private static RelDataType mapEntriesType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = binding.getOperandType(0);
        if (map.getKeyType() == null) {
            return untypedParameter(factory);
        }
        RelDataType entry = factory.createStructType(List.of(map.getKeyType(), map.getValueType()), List.of("EXPR$0", "EXPR$1"));
        return nullable(factory, factory.createArrayType(entry, -1));
    }

    private static RelDataType mapFromEntriesType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType entry = unknownEntry(factory, binding.getOperandType(0).getComponentType());
        if (entry == null || !entry.isStruct() || entry.getFieldCount() != 2) {
            return null;
        }
        return nullable(factory, factory.createMapType(
                factory.createTypeWithNullability(entry.getFieldList().get(0).getType(), false),
                entry.getFieldList().get(1).getType()));
    }

    /** The entry type of an array of entries; of an array of NULLs, a row of two unknowns, as Trino binds it. */
    private static RelDataType unknownEntry(RelDataTypeFactory factory, RelDataType entry) {
        if (entry == null || entry.getSqlTypeName() != SqlTypeName.NULL) {
            return entry;
        }
        return factory.createStructType(List.of(entry, entry), List.of("EXPR$0", "EXPR$1"));
    }

    private static RelDataType arrayHistogramType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType element = binding.getOperandType(0).getComponentType();
        if (element == null) {
            return null;
        }
        return nullable(factory, factory.createMapType(factory.createTypeWithNullability(element, false),
                factory.createSqlType(SqlTypeName.BIGINT)));
    }

    private static RelDataType arrayOfFirstType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createArrayType(
                factory.createTypeWithNullability(binding.getOperandType(0), false), -1));
    }

    private static RelDataType zipType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        List<RelDataType> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType element = binding.getOperandType(i).getComponentType();
            if (element == null) {
                return null;
            }
            fields.add(factory.createTypeWithNullability(element, true));
            names.add("EXPR$" + i);
        }
        return nullable(factory, factory.createArrayType(factory.createStructType(fields, names), -1));
    }

    /** The common map type of map_concat's operands, or null (a signature error) when there is none. */
    private static RelDataType mapConcatType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (binding.collectOperandTypes().stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.ANY)) {
            return untypedParameter(factory); // a lambda parameter not typed yet
        }
        RelDataType common = factory.leastRestrictive(binding.collectOperandTypes());
        if (common == null || common.getSqlTypeName() != SqlTypeName.MAP) {
            throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.FUNCTION_NOT_FOUND,
                    "Unexpected parameters (" + binding.collectOperandTypes().stream().map(TypeMapping::displayName)
                            .collect(java.util.stream.Collectors.joining(", ")) + ") for function map_concat");
        }
        return nullable(factory, common);
    }

    /** array_remove of a number of another type: an array of both numbers' common type ({@code decimal(11,1)}). */
    /** array_remove(array(E), E): an array of the common type of the elements and the removed value. */
    private static RelDataType arrayRemoveType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType array = binding.getOperandType(0);
        RelDataType element = array.getComponentType();
        RelDataType value = binding.getOperandType(1);
        if (element != null && knownType(element) && knownType(value)
                && !SqlTypeUtil.equalSansNullability(factory, element, value)) {
            RelDataType common = factory.leastRestrictive(List.of(element, value));
            if (common != null) {
                return nullable(factory, factory.createArrayType(common, -1));
            }
        }
        return nullable(factory, array);
    }

    /** array_union, array_intersect and array_except: an array of both arrays' common element type. */
    private static RelDataType arraySetType(SqlOperatorBinding binding) {
        RelDataType first = binding.getOperandType(0);
        RelDataType second = binding.getOperandType(1);
        boolean unknownFirst = first.getComponentType() != null && first.getComponentType().getSqlTypeName() == SqlTypeName.NULL;
        if (unknownFirst || second.getComponentType() == null) {
            return nullable(binding.getTypeFactory(), unknownFirst && second.getComponentType() != null ? second : first);
        }
        RelDataType common = binding.getTypeFactory().leastRestrictive(List.of(first, second));
        return nullable(binding.getTypeFactory(), common == null ? first : common);
    }

    /** The functions over two arrays of one element type E, to which both arrays are coerced. */
    private static final Set<String> TWO_ARRAYS_OF_ONE_TYPE = Set.of("ARRAY_UNION", "ARRAY_INTERSECT", "ARRAY_EXCEPT", "ARRAYS_OVERLAP", "CONTAINS_SEQUENCE");

    /** Whether two arrays whose element types are known have no common element type (Trino finds no signature). */
    private static boolean withoutCommonElementType(SqlCallBinding binding) {
        if (!TWO_ARRAYS_OF_ONE_TYPE.contains(binding.getOperator().getName()) || binding.getOperandCount() != 2) {
            return false;
        }
        RelDataType first = binding.getOperandType(0).getComponentType();
        RelDataType second = binding.getOperandType(1).getComponentType();
        if (first == null || second == null || !knownType(first) || !knownType(second)) {
            return false;
        }
        return binding.getTypeFactory().leastRestrictive(List.of(first, second)) == null;
    }

    private static boolean knownType(RelDataType type) {
        return type.getSqlTypeName() != SqlTypeName.NULL && type.getSqlTypeName() != SqlTypeName.ANY;
    }

    private static RelDataType multimapFromEntriesType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType entry = unknownEntry(factory, binding.getOperandType(0).getComponentType());
        if (entry == null || !entry.isStruct() || entry.getFieldCount() != 2) {
            return null;
        }
        return nullable(factory, factory.createMapType(
                factory.createTypeWithNullability(entry.getFieldList().get(0).getType(), false),
                factory.createArrayType(entry.getFieldList().get(1).getType(), -1)));
    }

    private static RelDataType mapZipWithType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (binding.getOperandType(0).getKeyType() == null || binding.getOperandType(1).getKeyType() == null) {
            return untypedParameter(factory); // a parameter of an outer lambda not typed yet
        }
        RelDataType keys = zippedKeyType(factory, binding.getOperandType(0), binding.getOperandType(1));
        return keys == null ? null : nullable(factory, factory.createMapType(keys, lambdaResult(binding, 2)));
    }

    /**
     * The keys of map_zip_with: the common type of both maps' keys ({@code MAP()} has keys of no type), null when
     * there is none (no signature).
     */
    private static RelDataType zippedKeyType(RelDataTypeFactory factory, RelDataType first, RelDataType second) {
        return factory.leastRestrictive(List.of(first.getKeyType(), second.getKeyType()));
    }

    private static RelDataType mapAggType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createMapType(
                factory.createTypeWithNullability(binding.getOperandType(0), false), binding.getOperandType(1)));
    }

    private static RelDataType lambdaResult(SqlOperatorBinding binding, int operand) {
        RelDataType type = binding.getOperandType(operand);
        return type instanceof FunctionSqlType function ? function.getReturnType() : type;
    }

    private static RelDataType transformType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createArrayType(lambdaResult(binding, 1), -1));
    }

    private static RelDataType zipWithType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return nullable(factory, factory.createArrayType(lambdaResult(binding, 2), -1));
    }

    private static RelDataType reduceType(SqlOperatorBinding binding) {
        return nullable(binding.getTypeFactory(), lambdaResult(binding, 3));
    }

    private static RelDataType transformKeysType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = binding.getOperandType(0);
        if (map.getValueType() == null) {
            return untypedParameter(factory); // a parameter of an outer lambda not typed yet
        }
        return nullable(factory, factory.createMapType(
                factory.createTypeWithNullability(lambdaResult(binding, 1), false), map.getValueType()));
    }

    private static RelDataType transformValuesType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType map = binding.getOperandType(0);
        if (map.getKeyType() == null) {
            return untypedParameter(factory); // a parameter of an outer lambda not typed yet
        }
        return nullable(factory, factory.createMapType(map.getKeyType(), lambdaResult(binding, 1)));
    }

    /** Operand count and the kind of the first operand; for lambda functions, types the lambda parameters. */
    private record Checker(int min, int max, Shape shape, boolean hasLambda) implements SqlOperandTypeChecker {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            RelDataType first = binding.getOperandType(0);
            boolean ok = switch (shape) {
                case ARRAY_FIRST -> first.getSqlTypeName() == SqlTypeName.ARRAY || isUntyped(first)
                        || IpAddressSql.isCidrContains(binding) || isBareNull(first, binding) || isUnknownCollection(first);
                case MAP_FIRST -> first.getSqlTypeName() == SqlTypeName.MAP || isUntyped(first) || isBareNull(first, binding)
                        || isUnknownCollection(first);
                case ANY -> true;
            };
            if (ok && hasLambda && !isUntyped(first) && !isBareNull(first, binding)) {
                ok = typeLambdas(binding);
            }
            ok = ok && !withoutCommonElementType(binding);
            if (!ok && throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return ok;
        }

        /**
         * A NULL where a function wants its collection, in a call without a lambda ({@code array_sort(NULL)}): the
         * call answers NULL. Where a lambda belongs a NULL is no function, as in Trino.
         */
        private boolean isBareNull(RelDataType type, SqlCallBinding binding) {
            return type.getSqlTypeName() == SqlTypeName.NULL && (!hasLambda || binding.getOperandCount() < max);
        }

        /** A collection of type unknown beside a lambda: an array(unknown) or a map(unknown, unknown) to it. */
        private boolean isUnknownCollection(RelDataType type) {
            return hasLambda && type.getSqlTypeName() == SqlTypeName.NULL;
        }

        /** A collection operand's type, with one of type unknown bound to the function's kind of collection. */
        private RelDataType collection(SqlCallBinding binding, int operand, Shape kind) {
            RelDataType type = binding.getOperandType(operand);
            return type.getSqlTypeName() == SqlTypeName.NULL ? unknownCollection(binding.getTypeFactory(), kind) : type;
        }

        /** A lambda parameter of a still-untyped outer lambda: accepted until its type is known. */
        private static boolean isUntyped(RelDataType type) {
            return type.getSqlTypeName() == SqlTypeName.ANY;
        }

        private boolean typeLambdas(SqlCallBinding binding) {
            String name = binding.getOperator().getName();
            RelDataType first = collection(binding, 0, shape);
            List<List<RelDataType>> parameters = new ArrayList<>();
            switch (name) {
                case "REDUCE" -> {
                    RelDataType state = reduceState(binding, first);
                    if (state == null) {
                        return false;
                    }
                    parameters.add(null);
                    parameters.add(null);
                    parameters.add(List.of(state, first.getComponentType()));
                    parameters.add(List.of(state));
                }
                case "ZIP_WITH" -> {
                    RelDataType second = collection(binding, 1, Shape.ARRAY_FIRST);
                    if (isUntyped(second)) {
                        return true;
                    }
                    if (second.getComponentType() == null) {
                        return false;
                    }
                    parameters.add(null);
                    parameters.add(null);
                    parameters.add(List.of(nullableElement(binding, first), nullableElement(binding, second)));
                }
                case "ARRAY_SORT" -> {
                    if (binding.getOperandCount() == 1) {
                        return true;
                    }
                    parameters.add(null);
                    parameters.add(List.of(first.getComponentType(), first.getComponentType()));
                }
                case "MAP_ZIP_WITH" -> {
                    RelDataType second = collection(binding, 1, Shape.MAP_FIRST);
                    if (isUntyped(second)) {
                        return true;
                    }
                    if (second.getSqlTypeName() != SqlTypeName.MAP) {
                        return false;
                    }
                    RelDataTypeFactory factory = binding.getTypeFactory();
                    RelDataType keys = zippedKeyType(factory, first, second);
                    if (keys == null) {
                        return false;
                    }
                    parameters.add(null);
                    parameters.add(null);
                    parameters.add(List.of(keys, factory.createTypeWithNullability(first.getValueType(), true),
                            factory.createTypeWithNullability(second.getValueType(), true)));
                }
                case "TRANSFORM_KEYS", "TRANSFORM_VALUES", "MAP_FILTER" -> {
                    parameters.add(null);
                    parameters.add(List.of(first.getKeyType(), first.getValueType()));
                }
                default -> {
                    parameters.add(null);
                    parameters.add(List.of(first.getComponentType()));
                }
            }
            SqlValidator validator = binding.getValidator();
            for (int i = 0; i < parameters.size(); i++) {
                List<RelDataType> types = parameters.get(i);
                if (types == null) {
                    continue;
                }
                SqlNode operand = binding.operand(i);
                if (!(operand instanceof SqlLambda lambda)) {
                    return false;
                }
                if (lambda.getParameters().size() != types.size()) {
                    throw lambdaArity(binding, lambda, types.size());
                }
                SqlLambdaScope scope = (SqlLambdaScope) validator.getLambdaScope(lambda);
                for (int p = 0; p < types.size(); p++) {
                    scope.getParameterTypes().put(lambda.getParameters().get(p).toString(), types.get(p));
                }
                lambda.accept(new TypeRemover(validator));
                validator.validateLambda(lambda);
            }
            return true;
        }

        /**
         * The state type of reduce as Trino binds it: the initial value's type (the element type for a NULL), then the
         * input function's result until the two agree, so {@code reduce(bigints, 0, (s, x) -> s + x, s -> s)} folds
         * into a bigint and {@code reduce(a, 'x', (s, x) -> x, s -> s)} into the elements' varchar(n). The initial
         * value must be coercible to it ({@code 'xyz'} is no varchar(1)); a number that keeps growing (a decimal's
         * digits) is widened to the common type a few times. Null (no signature) when the function's result is
         * neither.
         */
        private static RelDataType reduceState(SqlCallBinding binding, RelDataType array) {
            RelDataTypeFactory factory = binding.getTypeFactory();
            RelDataType element = nullableElement(binding, array);
            RelDataType initial = binding.getOperandType(1);
            RelDataType state = initial.getSqlTypeName() == SqlTypeName.NULL ? element : initial;
            if (!(binding.operand(2) instanceof SqlLambda input)) {
                return null;
            }
            if (input.getParameters().size() != 2) {
                throw lambdaArity(binding, input, 2);
            }
            if (element.getSqlTypeName() == SqlTypeName.NULL || element.getSqlTypeName() == SqlTypeName.UNKNOWN) {
                return state; // the elements of ARRAY[] say nothing about the state
            }
            SqlValidator validator = binding.getValidator();
            for (int attempt = 0; attempt < 4; attempt++) {
                SqlLambdaScope scope = (SqlLambdaScope) validator.getLambdaScope(input);
                scope.getParameterTypes().put(input.getParameters().get(0).toString(), state);
                scope.getParameterTypes().put(input.getParameters().get(1).toString(), element);
                input.accept(new TypeRemover(validator));
                validator.validateLambda(input);
                RelDataType validated = validator.getValidatedNodeType(input);
                if (!(validated instanceof FunctionSqlType function)) {
                    return state;
                }
                RelDataType result = factory.createTypeWithNullability(function.getReturnType(), true);
                SqlTypeName resultName = result.getSqlTypeName();
                if (resultName == SqlTypeName.NULL || resultName == SqlTypeName.ANY || sameType(factory, result, state)) {
                    return state;
                }
                if (coercible(factory, initial, result)) {
                    state = result;
                    continue;
                }
                RelDataType common = factory.leastRestrictive(List.of(factory.createTypeWithNullability(state, true), result));
                if (common == null || !SqlTypeUtil.isNumeric(common)) {
                    return null;
                }
                state = common;
            }
            return state;
        }

        private static boolean sameType(RelDataTypeFactory factory, RelDataType first, RelDataType second) {
            return factory.createTypeWithNullability(first, true).getFullTypeString()
                    .equals(factory.createTypeWithNullability(second, true).getFullTypeString());
        }

        /**
         * Whether a value of one type is coercible to the other: a NULL to any, text to text at least as long (Calcite's
         * chars are the literals' varchars), else when the other is their common type.
         */
        private static boolean coercible(RelDataTypeFactory factory, RelDataType from, RelDataType to) {
            if (from.getSqlTypeName() == SqlTypeName.NULL) {
                return true;
            }
            if (SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isCharacter(to)) {
                return to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                        || from.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED && from.getPrecision() <= to.getPrecision();
            }
            RelDataType common = factory.leastRestrictive(List.of(factory.createTypeWithNullability(from, true), to));
            return common != null && sameType(factory, common, to);
        }

        /** Trino's error for a lambda of another number of parameters than the function passes it. */
        private static RuntimeException lambdaArity(SqlCallBinding binding, SqlLambda lambda, int parameters) {
            if (binding.getValidator() instanceof QuarryValidator quarry) {
                io.quarry.spi.ErrorLocation location = quarry.lambdaLocation(lambda);
                return new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.INVALID_PARAMETER_USAGE,
                        Errors.prefix(location) + "Expected a lambda that takes " + parameters
                                + " argument(s) but got " + lambda.getParameters().size(), location, null);
            }
            return binding.newValidationSignatureError();
        }

        private static RelDataType nullableElement(SqlCallBinding binding, RelDataType array) {
            return binding.getTypeFactory().createTypeWithNullability(array.getComponentType(), true);
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(min, max);
        }

        @Override
        public String getAllowedSignatures(SqlOperator operator, String name) {
            return name + "(...)";
        }
    }

    /**
     * Forgets the types derived while the lambda parameters were still untyped, a NULL's too (beside an untyped
     * parameter, {@code ARRAY[x, NULL]}, Calcite types it as the parameter, ANY), and the casts to them that Calcite's
     * array and map constructors wrote around their elements ({@code ARRAY[ARRAY[x], NULL]}); they are written
     * again with the parameters' types.
     */
    private static final class TypeRemover extends SqlBasicVisitor<Void> {
        private final SqlValidator validator;

        TypeRemover(SqlValidator validator) {
            this.validator = validator;
        }

        /** An element without the casts of a constructor: those alone start at no line of the text. */
        private static SqlNode uncast(SqlNode node) {
            SqlNode at = node;
            while (at instanceof org.apache.calcite.sql.SqlCall cast && cast.getKind() == SqlKind.CAST
                    && cast.getParserPosition().getLineNum() == 0) {
                at = cast.operand(0);
            }
            return at;
        }

        @Override
        public Void visit(org.apache.calcite.sql.SqlLiteral literal) {
            if (literal.getTypeName() == SqlTypeName.NULL) {
                validator.removeValidatedNodeType(literal);
            }
            return null;
        }

        @Override
        public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
            validator.removeValidatedNodeType(id);
            return super.visit(id);
        }

        @Override
        public Void visit(org.apache.calcite.sql.SqlCall call) {
            validator.removeValidatedNodeType(call);
            if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR || call.getKind() == SqlKind.MAP_VALUE_CONSTRUCTOR) {
                for (int i = 0; i < call.operandCount(); i++) {
                    call.setOperand(i, uncast(call.operand(i)));
                }
            }
            return super.visit(call);
        }
    }

    static boolean isArray(RelDataType type) {
        return SqlTypeUtil.isArray(type);
    }
}
