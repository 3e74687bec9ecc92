package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Table function calls in FROM ({@code TABLE(name(...))}): Quarry has none yet, so each is refused before
 * validation with Trino's words, FUNCTION_NOT_FOUND for a name Trino does not know either and NOT_SUPPORTED for
 * Trino's built-in ones, instead of Calcite's internal "Argument must be a table function".
 */
final class TableFunctionCalls {
    /** Trino's built-in table functions. */
    private static final Set<String> TRINO_BUILT_IN = Set.of("sequence", "exclude_columns");

    private TableFunctionCalls() {}

    static void check(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                check(item, text);
            }
        } else if (node instanceof SqlCall call) {
            if (call.getKind() == SqlKind.COLLECTION_TABLE && call.operand(0) instanceof SqlCall function) {
                String name = function.getOperator().getName().toLowerCase(Locale.ROOT);
                throw TRINO_BUILT_IN.contains(name)
                        ? Errors.error(ErrorCode.NOT_SUPPORTED, "Table function '" + name + "' is not supported yet",
                                function.getParserPosition(), text)
                        : Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Table function '" + name + "' not registered",
                                function.getParserPosition(), text);
            }
            for (SqlNode operand : call.getOperandList()) {
                check(operand, text);
            }
        }
    }
}
