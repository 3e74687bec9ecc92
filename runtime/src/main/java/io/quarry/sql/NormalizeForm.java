package io.quarry.sql;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Trino's {@code normalize(string, NFD)} names its form as a bare word, which the parser reads as a column: the
 * rewrite makes the word (NFC, NFD, NFKC or NFKD) a string literal the kernel reads.
 */
final class NormalizeForm {
    private static final Set<String> FORMS = Set.of("NFC", "NFD", "NFKC", "NFKD");

    private NormalizeForm() {}

    static void rewrite(SqlNode node) {
        if (node instanceof SqlBasicCall call && call.operandCount() == 2
                && call.getOperator().getName().equalsIgnoreCase("normalize")
                && call.operand(1) instanceof SqlIdentifier form && form.isSimple()
                && FORMS.contains(form.getSimple().toUpperCase(Locale.ROOT))) {
            call.setOperand(1, SqlLiteral.createCharString(form.getSimple().toUpperCase(Locale.ROOT), form.getParserPosition()));
        }
    }
}
