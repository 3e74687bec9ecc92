package io.quarry.sql;

import io.quarry.connector.system.SequenceTable;
import io.quarry.connector.system.SystemConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Table function calls in FROM ({@code TABLE(name(...))}). Trino's {@code sequence(start, stop[, step])} becomes
 * the hidden table of the system catalog that generates its rows ({@link SequenceTable}), its arguments (by
 * position or by name, constant integer expressions) checked with Trino's errors; any other name fails with
 * FUNCTION_NOT_FOUND, and Trino's {@code exclude_columns} with NOT_SUPPORTED.
 */
final class TableFunctionCalls {
    private static final List<String> SEQUENCE_PARAMETERS = List.of("start", "stop", "step");

    private TableFunctionCalls() {}

    /** Replaces every table function call in a parsed statement, in place. */
    static void rewrite(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                if (isTableFunction(list.get(i))) {
                    list.set(i, replacement((SqlCall) list.get(i), text));
                } else {
                    rewrite(list.get(i), text);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                if (isTableFunction(operands.get(i))) {
                    call.setOperand(i, replacement((SqlCall) operands.get(i), text));
                } else {
                    rewrite(operands.get(i), text);
                }
            }
        }
    }

    private static boolean isTableFunction(SqlNode node) {
        return node instanceof SqlCall call && call.getKind() == SqlKind.COLLECTION_TABLE && call.operand(0) instanceof SqlCall;
    }

    private static SqlNode replacement(SqlCall tableCall, SqlText text) {
        SqlCall function = tableCall.operand(0);
        List<String> qualified = function.getOperator() instanceof SqlFunction named && named.getSqlIdentifier() != null
                ? named.getSqlIdentifier().names.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList()
                : List.of(function.getOperator().getName().toLowerCase(Locale.ROOT));
        String name = String.join(".", qualified);
        SqlParserPos pos = function.getParserPosition();
        String simple = qualified.get(qualified.size() - 1);
        boolean builtIn = qualified.size() == 1 || name.equals("system.builtin." + simple) || name.equals("builtin." + simple);
        if (builtIn && simple.equals("sequence")) {
            long[] arguments = sequenceArguments(function, text);
            SchemaTableName table = SequenceTable.table(arguments[0], arguments[1], arguments[2]);
            return new SqlIdentifier(List.of(SystemConnectorFactory.NAME, table.schema(), table.table()), pos);
        }
        if (builtIn && simple.equals("exclude_columns")) {
            throw Errors.error(ErrorCode.NOT_SUPPORTED, "Table function 'exclude_columns' is not supported yet", pos, text);
        }
        throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Table function '" + name + "' not registered", pos, text);
    }

    /** start, stop and step (1 when not given), each a constant integer. */
    private static long[] sequenceArguments(SqlCall function, SqlText text) {
        SqlParserPos pos = function.getParserPosition();
        List<SqlNode> operands = function.getOperandList();
        if (operands.size() > SEQUENCE_PARAMETERS.size()) {
            throw Errors.error(ErrorCode.INVALID_ARGUMENTS, "Too many arguments. Expected at most 3 arguments, got "
                    + operands.size() + " arguments", pos, text);
        }
        long named = operands.stream().filter(operand -> operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT).count();
        if (named != 0 && named != operands.size()) {
            throw Errors.error(ErrorCode.INVALID_ARGUMENTS,
                    "All arguments must be passed by name or all must be passed positionally", pos, text);
        }
        SqlNode[] byParameter = new SqlNode[SEQUENCE_PARAMETERS.size()];
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            int index = i;
            if (operand instanceof SqlCall assignment && assignment.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                String parameter = ((SqlIdentifier) assignment.operand(1)).getSimple().toLowerCase(Locale.ROOT);
                index = SEQUENCE_PARAMETERS.indexOf(parameter);
                if (index < 0) {
                    throw Errors.error(ErrorCode.INVALID_ARGUMENTS,
                            "Unexpected argument name: " + parameter.toUpperCase(Locale.ROOT), assignment.getParserPosition(), text);
                }
                operand = assignment.operand(0);
            }
            byParameter[index] = operand;
        }
        long[] values = new long[SEQUENCE_PARAMETERS.size()];
        for (int i = 0; i < values.length; i++) {
            if (byParameter[i] == null && i < 2) {
                throw Errors.error(ErrorCode.MISSING_ARGUMENT,
                        "Missing argument: " + SEQUENCE_PARAMETERS.get(i).toUpperCase(Locale.ROOT), pos, text);
            }
            BigDecimal value = byParameter[i] == null ? BigDecimal.ONE : constant(byParameter[i], text);
            if (value == null) {
                String parameter = SEQUENCE_PARAMETERS.get(i);
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1) + " is null");
            }
            values[i] = value.longValueExact();
        }
        return values;
    }

    /**
     * The value of a constant integer argument: integer literals, NULL, signs, + - * / and casts to integer types;
     * null for NULL. Anything else is refused with its position.
     */
    private static BigDecimal constant(SqlNode node, SqlText text) {
        SqlParserPos pos = node.getParserPosition();
        if (node instanceof SqlNumericLiteral number) {
            if (!number.isExact() || number.getScale() != null && number.getScale() > 0) {
                throw Errors.error(ErrorCode.TYPE_MISMATCH, "Cannot cast type " + (number.isExact() ? "decimal" : "double")
                        + " to bigint", pos, text);
            }
            return inRange(number.bigDecimalValue(), pos, text);
        }
        if (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
            return null;
        }
        if (node instanceof SqlLiteral literal && literal.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH, "Cannot cast type varchar to bigint", pos, text);
        }
        if (node instanceof SqlCall call) {
            List<BigDecimal> values = new ArrayList<>();
            if (call.getKind() == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec
                    && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
                    && SqlTypeName.INT_TYPES.contains(SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(Locale.ROOT)))) {
                return constant(call.operand(0), text);
            }
            for (SqlNode operand : call.getOperandList()) {
                values.add(constant(operand, text));
            }
            if (values.contains(null)) {
                return null;
            }
            BigDecimal result = switch (call.getKind()) {
                case MINUS_PREFIX -> values.get(0).negate();
                case PLUS_PREFIX -> values.get(0);
                case PLUS -> values.get(0).add(values.get(1));
                case MINUS -> values.get(0).subtract(values.get(1));
                case TIMES -> values.get(0).multiply(values.get(1));
                case DIVIDE -> {
                    if (values.get(1).signum() == 0) {
                        throw new QuarryException(ErrorCode.DIVISION_BY_ZERO, "Division by zero");
                    }
                    yield values.get(0).divideToIntegralValue(values.get(1));
                }
                default -> throw notConstant(pos, text);
            };
            return inRange(result, pos, text);
        }
        throw notConstant(pos, text);
    }

    private static BigDecimal inRange(BigDecimal value, SqlParserPos pos, SqlText text) {
        if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw Errors.error(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint value out of range: " + value, pos, text);
        }
        return value;
    }

    private static QuarryException notConstant(SqlParserPos pos, SqlText text) {
        return Errors.error(ErrorCode.NOT_SUPPORTED,
                "The arguments of table function sequence must be constant integer expressions", pos, text);
    }
}
