package io.quarry.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlRankFunction;
import org.apache.calcite.sql.fun.SqlAbstractGroupFunction;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * The aggregate and window functions beyond count/sum/avg/min/max, by Trino name. Aggregates are Quarry's
 * own operators of kind {@code OTHER_FUNCTION} so that Calcite neither rewrites them (its variance
 * reductions) nor gives them another dialect's result type; the plan translator maps them by name.
 */
final class AggregateAndWindowFunctions {
    private AggregateAndWindowFunctions() {}

    private static final SqlReturnTypeInference DOUBLE_NULLABLE = ReturnTypes.DOUBLE_NULLABLE;
    private static final SqlReturnTypeInference FIRST_ARGUMENT_NULLABLE = ReturnTypes.ARG0_FORCE_NULLABLE;

    /** Name (upper case) to operator; several names may share an operator. */
    /*
     * Trino ranks without an ORDER BY in the window (every row of a partition is a peer of the others: rank 1,
     * percent_rank 0, cume_dist 1); Calcite's ranking functions require one.
     */
    private static final SqlAggFunction UNORDERED_RANK = new SqlRankFunction(SqlKind.RANK, ReturnTypes.RANK, false);
    private static final SqlAggFunction UNORDERED_DENSE_RANK = new SqlRankFunction(SqlKind.DENSE_RANK, ReturnTypes.RANK, false);
    private static final SqlAggFunction UNORDERED_PERCENT_RANK =
            new SqlRankFunction(SqlKind.PERCENT_RANK, ReturnTypes.FRACTIONAL_RANK, false);
    private static final SqlAggFunction UNORDERED_CUME_DIST =
            new SqlRankFunction(SqlKind.CUME_DIST, ReturnTypes.FRACTIONAL_RANK, false);

    static final Map<String, SqlOperator> OPERATORS = operators();

    private static Map<String, SqlOperator> operators() {
        Map<String, SqlOperator> operators = new LinkedHashMap<>();
        for (String name : new String[] {"STDDEV", "STDDEV_SAMP", "STDDEV_POP", "VARIANCE", "VAR_SAMP", "VAR_POP"}) {
            operators.put(name, aggregate(name, DOUBLE_NULLABLE, OperandTypes.NUMERIC));
        }
        operators.put("GEOMETRIC_MEAN", aggregate("GEOMETRIC_MEAN", RealOrDoubleAggregates::geometricMeanType, OperandTypes.NUMERIC));
        for (String name : new String[] {"CORR", "COVAR_SAMP", "COVAR_POP", "REGR_SLOPE", "REGR_INTERCEPT"}) {
            operators.put(name, aggregate(name, RealOrDoubleAggregates::pairType, OperandTypes.NUMERIC_NUMERIC));
        }
        for (String name : new String[] {"BOOL_AND", "BOOL_OR", "EVERY"}) {
            operators.put(name, aggregate(name, ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.BOOLEAN));
        }
        operators.put("COUNT_IF", aggregate("COUNT_IF", ReturnTypes.BIGINT, OperandTypes.BOOLEAN));
        operators.put("MIN_BY", aggregate("MIN_BY", FIRST_ARGUMENT_NULLABLE, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY)));
        operators.put("MAX_BY", aggregate("MAX_BY", FIRST_ARGUMENT_NULLABLE, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY)));
        operators.put("ARBITRARY", aggregate("ARBITRARY", FIRST_ARGUMENT_NULLABLE, OperandTypes.ANY));
        operators.put("ANY_VALUE", aggregate("ANY_VALUE", FIRST_ARGUMENT_NULLABLE, OperandTypes.ANY));
        operators.put("APPROX_DISTINCT", aggregate("APPROX_DISTINCT", ReturnTypes.BIGINT,
                OperandTypes.ANY.or(OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.NUMERIC))));
        operators.put("APPROX_PERCENTILE", aggregate("APPROX_PERCENTILE", ApproxPercentileTypes.RETURN_TYPE,
                ApproxPercentileTypes.OPERANDS));
        // aggregates that build maps, and the bitwise ones
        operators.put("HISTOGRAM", aggregate("HISTOGRAM", AggregateAndWindowFunctions::histogramType, OperandTypes.ANY));
        // multimap_agg(k, v ORDER BY x): each key's values in that order
        operators.put("MULTIMAP_AGG", SqlBasicAggFunction.create("MULTIMAP_AGG", SqlKind.OTHER_FUNCTION,
                        AggregateAndWindowFunctions::multimapAggType, OperandTypes.ANY_ANY)
                .withGroupOrder(org.apache.calcite.util.Optionality.OPTIONAL));
        operators.put("MAP_UNION", aggregate("MAP_UNION", AggregateAndWindowFunctions::mapUnionType, OperandTypes.family(SqlTypeFamily.MAP)));
        operators.put("SKEWNESS", aggregate("SKEWNESS", DOUBLE_NULLABLE, OperandTypes.NUMERIC));
        operators.put("KURTOSIS", aggregate("KURTOSIS", DOUBLE_NULLABLE, OperandTypes.NUMERIC));
        for (String name : new String[] {"BITWISE_AND_AGG", "BITWISE_OR_AGG", "BITWISE_XOR_AGG"}) {
            operators.put(name, aggregate(name, ReturnTypes.BIGINT_FORCE_NULLABLE, OperandTypes.INTEGER));
        }
        // Trino's grouping() is an integer, Calcite's a bigint
        operators.put("GROUPING", new SqlAbstractGroupFunction(
                "GROUPING", SqlKind.GROUPING, ReturnTypes.INTEGER, null, OperandTypes.ONE_OR_MORE, SqlFunctionCategory.SYSTEM));
        for (SqlAggFunction window : new SqlAggFunction[] {
                SqlStdOperatorTable.ROW_NUMBER, UNORDERED_RANK, UNORDERED_DENSE_RANK,
                UNORDERED_PERCENT_RANK, UNORDERED_CUME_DIST, NtileFunction.INSTANCE,
                SqlStdOperatorTable.LAG, SqlStdOperatorTable.LEAD, SqlStdOperatorTable.FIRST_VALUE,
                SqlStdOperatorTable.LAST_VALUE, SqlStdOperatorTable.NTH_VALUE}) {
            operators.put(window.getName(), window);
        }
        operators.putAll(MoreAggregateFunctions.OPERATORS);
        for (SqlAggFunction sketch : new SqlAggFunction[] {
                SketchSql.APPROX_SET, SketchSql.MERGE, SketchSql.MAKE_SET_DIGEST, SketchSql.MERGE_SET_DIGEST,
                DigestSql.TDIGEST_AGG, DigestSql.QDIGEST_AGG}) {
            operators.put(sketch.getName(), sketch);
        }
        operators.put("REDUCE_AGG", ReduceAgg.OPERATOR);
        return Map.copyOf(operators);
    }

    private static org.apache.calcite.rel.type.RelDataType histogramType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        org.apache.calcite.rel.type.RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createMapType(
                factory.createTypeWithNullability(binding.getOperandType(0), false),
                factory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT)), true);
    }

    /** The type of the maps; of a bare NULL, map(unknown, unknown) as in Trino. */
    private static org.apache.calcite.rel.type.RelDataType mapUnionType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        org.apache.calcite.rel.type.RelDataTypeFactory factory = binding.getTypeFactory();
        org.apache.calcite.rel.type.RelDataType maps = binding.getOperandType(0);
        if (maps.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
            maps = factory.createMapType(maps, maps);
        }
        return factory.createTypeWithNullability(maps, true);
    }

    private static org.apache.calcite.rel.type.RelDataType multimapAggType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        org.apache.calcite.rel.type.RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createMapType(
                factory.createTypeWithNullability(binding.getOperandType(0), false),
                factory.createArrayType(binding.getOperandType(1), -1)), true);
    }

    private static SqlAggFunction aggregate(
            String name, SqlReturnTypeInference returnType, org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, returnType, operands);
    }
}
