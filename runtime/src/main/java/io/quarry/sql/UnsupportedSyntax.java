package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Syntax Calcite parses and Trino runs but Quarry does not yet: MATCH_RECOGNIZE. Refused by name before the
 * tables are resolved, instead of a misleading error about the table it reads.
 */
final class UnsupportedSyntax {
    private UnsupportedSyntax() {}

    static void check(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                check(item, text);
            }
        } else if (node instanceof SqlCall call) {
            if (call.getKind() == SqlKind.MATCH_RECOGNIZE) {
                throw Errors.error(ErrorCode.NOT_SUPPORTED, "MATCH_RECOGNIZE is not supported yet", call.getParserPosition(), text);
            }
            for (SqlNode operand : call.getOperandList()) {
                check(operand, text);
            }
        }
    }
}
