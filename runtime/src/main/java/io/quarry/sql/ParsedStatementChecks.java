package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Checks on a parsed statement before its tables are resolved, where Calcite would fail later with a misleading
 * or internal error: MATCH_RECOGNIZE, which Quarry does not run yet, is refused by name; {@code coalesce} with fewer
 * than two arguments is a SYNTAX_ERROR and {@code greatest()} / {@code least()} are FUNCTION_NOT_FOUND, as in Trino.
 */
final class ParsedStatementChecks {
    private ParsedStatementChecks() {}

    static void check(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                check(item, text);
            }
        } else if (node instanceof SqlCall call) {
            checkCall(call, text);
            for (SqlNode operand : call.getOperandList()) {
                check(operand, text);
            }
        }
    }

    private static void checkCall(SqlCall call, SqlText text) {
        if (call.getKind() == SqlKind.MATCH_RECOGNIZE) {
            throw Errors.error(ErrorCode.NOT_SUPPORTED, "MATCH_RECOGNIZE is not supported yet", call.getParserPosition(), text);
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (name.equals("coalesce") && call.operandCount() < 2) {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "The 'coalesce' function must have at least two arguments",
                    call.getParserPosition(), text);
        }
        if ((name.equals("greatest") || name.equals("least")) && call.operandCount() == 0) {
            throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters () for function " + name,
                    call.getParserPosition(), text);
        }
    }
}
