package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The functions Quarry knows, with Trino's names and result types: a curated list rather than Calcite's
 * library tables, whose entries sometimes carry another dialect's meaning. Operators that are syntax
 * (arithmetic, comparison, CASE, …) come from Calcite's standard table.
 */
final class PrestoOperatorTable implements SqlOperatorTable {
    /** Trino's length() and strpos() are bigint, Calcite's CHAR_LENGTH and STRPOS integer. */
    static final SqlFunction LENGTH = new SqlFunction(
            "LENGTH", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.CHARACTER,
            SqlFunctionCategory.STRING);

    static final SqlFunction STRPOS = new SqlFunction(
            "STRPOS", SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.STRING_STRING,
            SqlFunctionCategory.STRING);

    static final SqlFunction SUBSTR = new SqlFunction(
            "SUBSTR", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_VARYING, null,
            OperandTypes.STRING_INTEGER_OPTIONAL_INTEGER, SqlFunctionCategory.STRING);

    // after the functions above: static fields initialise in order
    static final PrestoOperatorTable INSTANCE = new PrestoOperatorTable();

    private final Map<String, List<SqlOperator>> functions = new TreeMap<>();
    private final List<SqlOperator> operators = new ArrayList<>();

    private PrestoOperatorTable() {
        List<SqlOperator> curated = List.of(
                // aggregates
                SqlStdOperatorTable.COUNT, SqlStdOperatorTable.SUM, SqlStdOperatorTable.AVG,
                SqlStdOperatorTable.MIN, SqlStdOperatorTable.MAX,
                // math
                SqlStdOperatorTable.ABS, SqlStdOperatorTable.ROUND, SqlStdOperatorTable.FLOOR,
                SqlStdOperatorTable.CEIL, SqlStdOperatorTable.SQRT, SqlStdOperatorTable.POWER,
                SqlStdOperatorTable.MOD, SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST,
                // strings
                SqlStdOperatorTable.UPPER, SqlStdOperatorTable.LOWER, SqlStdOperatorTable.TRIM,
                SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM, SqlStdOperatorTable.SUBSTRING, SUBSTR,
                SqlStdOperatorTable.POSITION, STRPOS, LENGTH, SqlStdOperatorTable.REPLACE,
                SqlLibraryOperators.CONCAT_FUNCTION,
                // dates
                SqlStdOperatorTable.EXTRACT, SqlStdOperatorTable.YEAR, SqlStdOperatorTable.MONTH,
                SqlStdOperatorTable.DAYOFMONTH,
                // conditionals and casts
                SqlStdOperatorTable.COALESCE, SqlStdOperatorTable.NULLIF, SqlLibraryOperators.IF,
                SqlStdOperatorTable.CAST, SqlLibraryOperators.TRY_CAST);
        for (SqlOperator operator : curated) {
            register(operator.getName(), operator);
        }
        register("DAY", SqlStdOperatorTable.DAYOFMONTH);
        register("CEILING", SqlStdOperatorTable.CEIL);
        operators.addAll(curated);
    }

    private void register(String name, SqlOperator operator) {
        functions.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(operator);
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
                for (SqlOperator operator : found) {
                    if (operator.getSyntax() == syntax
                            || (syntax == SqlSyntax.FUNCTION_STAR && operator.getSyntax() == SqlSyntax.FUNCTION)
                            || (syntax == SqlSyntax.FUNCTION && operator.getSyntax() == SqlSyntax.FUNCTION_STAR)) {
                        operatorList.add(operator);
                    }
                }
            }
            return;
        }
        SqlStdOperatorTable.instance().lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return operators;
    }
}
