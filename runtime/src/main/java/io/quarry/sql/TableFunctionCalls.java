package io.quarry.sql;

import io.quarry.connector.system.SequenceTable;
import io.quarry.connector.system.SystemConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Table function calls in FROM ({@code TABLE(name(...))}), their arguments bound by position or by name with
 * Trino's errors. Trino's {@code sequence(start, stop[, step])} becomes the hidden table of the system catalog that
 * generates its rows ({@link SequenceTable}), its arguments constant integer expressions. {@code
 * exclude_columns(input, columns)} becomes the sub-query its table argument already is ({@link TableArgumentText}),
 * selecting {@code * EXCLUDE (columns)}: validation expands it to the remaining columns, so the plan is a projection.
 * Any other name fails with FUNCTION_NOT_FOUND.
 */
final class TableFunctionCalls {
    private static final List<String> SEQUENCE_PARAMETERS = List.of("start", "stop", "step");
    private static final List<String> EXCLUDE_COLUMNS_PARAMETERS = List.of("input", "columns");
    private static final String INVALID_DESCRIPTOR =
            "Invalid descriptor argument COLUMNS. Descriptors should be formatted as 'DESCRIPTOR(name [type], ...)'";

    private TableFunctionCalls() {}

    /** Replaces every table function call in a parsed statement, in place. */
    static void rewrite(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                if (isTableFunction(list.get(i))) {
                    SqlNode replaced = replacement((SqlCall) list.get(i), text);
                    list.set(i, replaced);
                    rewrite(replaced, text); // the table argument's query may call table functions too
                } else {
                    rewrite(list.get(i), text);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                if (isTableFunction(operands.get(i))) {
                    SqlNode replaced = replacement((SqlCall) operands.get(i), text);
                    call.setOperand(i, replaced);
                    rewrite(replaced, text);
                    if (call.getKind() == SqlKind.AS && i == 0) {
                        upperCaseColumnAliases(call, text);
                    }
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
        SqlParserPos pos = function.getOperator() instanceof SqlFunction named && named.getSqlIdentifier() != null
                ? named.getSqlIdentifier().getParserPosition()
                : function.getParserPosition();
        for (SqlNode operand : function.getOperandList()) {
            SqlNode value = operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT ? ((SqlCall) operand).operand(0) : operand;
            if (value.getKind() == SqlKind.EXPLICIT_TABLE) {
                // Calcite's grammar takes TABLE name; Trino's wants the name in parentheses
                SqlNode table = ((SqlCall) value).operand(0);
                throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '" + table + "'. Expecting: '('",
                        table.getParserPosition(), text);
            }
        }
        String simple = qualified.get(qualified.size() - 1);
        // Trino knows its built-in table functions by their own name or by system.builtin.name only
        boolean builtIn = qualified.size() == 1 || name.equals("system.builtin." + simple);
        if (builtIn && simple.equals("sequence")) {
            long[] arguments = sequenceArguments(function, pos, text);
            SchemaTableName table = SequenceTable.table(arguments[0], arguments[1], arguments[2]);
            return new SqlIdentifier(List.of(SystemConnectorFactory.NAME, table.schema(), table.table()), pos);
        }
        if (builtIn && simple.equals("exclude_columns")) {
            return excludeColumns(function, pos, text);
        }
        throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Table function '" + name + "' not registered", pos, text);
    }

    /**
     * Trino names the columns of a table function's alias ({@code AS t(x, y)}) in upper case unless they are quoted;
     * the parser made them lower case.
     */
    private static void upperCaseColumnAliases(SqlCall as, SqlText text) {
        for (int i = 2; i < as.operandCount(); i++) {
            if (as.operand(i) instanceof SqlIdentifier alias && alias.isSimple() && !quoted(alias, text)) {
                as.setOperand(i, new SqlIdentifier(alias.getSimple().toUpperCase(Locale.ROOT), alias.getParserPosition()));
            }
        }
    }

    /**
     * A call's arguments bound to the parameters, in their order (null where not given): all by position or all by
     * name, at most one per parameter; a required parameter not given is MISSING_ARGUMENT. Positions are Trino's:
     * the first argument's (the name's when passed by name), the function's when there is none.
     */
    private static Bound bind(SqlCall function, SqlParserPos functionPosition, List<String> parameters, int required, SqlText text) {
        List<SqlNode> operands = function.getOperandList();
        SqlParserPos first = operands.isEmpty() ? functionPosition : argumentPosition(operands.get(0));
        if (operands.size() > parameters.size()) {
            throw Errors.error(ErrorCode.INVALID_ARGUMENTS, "Too many arguments. Expected at most " + parameters.size()
                    + " arguments, got " + operands.size() + " arguments", first, text);
        }
        long named = operands.stream().filter(operand -> operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT).count();
        if (named != 0 && named != operands.size()) {
            throw Errors.error(ErrorCode.INVALID_ARGUMENTS,
                    "All arguments must be passed by name or all must be passed positionally", first, text);
        }
        SqlNode[] values = new SqlNode[parameters.size()];
        SqlParserPos[] positions = new SqlParserPos[parameters.size()];
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            int index = i;
            if (operand instanceof SqlCall assignment && assignment.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                SqlIdentifier written = assignment.operand(1);
                // Trino's names are upper case unless quoted
                String argumentName = quoted(written, text) ? written.getSimple() : written.getSimple().toUpperCase(Locale.ROOT);
                index = parameters.stream().map(parameter -> parameter.toUpperCase(Locale.ROOT)).toList().indexOf(argumentName);
                if (index < 0) {
                    throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unexpected argument name: " + argumentName,
                            written.getParserPosition(), text);
                }
                if (values[index] != null) {
                    throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate argument name: " + argumentName,
                            written.getParserPosition(), text);
                }
                operand = assignment.operand(0);
            }
            values[index] = operand;
            positions[index] = argumentPosition(operands.get(i));
        }
        for (int i = 0; i < required; i++) {
            if (values[i] == null) {
                throw Errors.error(ErrorCode.MISSING_ARGUMENT,
                        "Missing argument: " + parameters.get(i).toUpperCase(Locale.ROOT), first, text);
            }
        }
        return new Bound(Arrays.asList(values), Arrays.asList(positions));
    }

    private static boolean quoted(SqlIdentifier identifier, SqlText text) {
        SqlParserPos pos = identifier.getParserPosition();
        return text.quotedAt(pos.getLineNum(), pos.getColumnNum());
    }

    /** Arguments by parameter (null where not given) and where each was written. */
    private record Bound(List<SqlNode> values, List<SqlParserPos> positions) {}

    private static SqlParserPos argumentPosition(SqlNode operand) {
        return operand instanceof SqlCall assignment && assignment.getKind() == SqlKind.ARGUMENT_ASSIGNMENT
                ? assignment.operand(1).getParserPosition()
                : operand.getParserPosition();
    }

    /**
     * {@code exclude_columns(input => TABLE(...), columns => DESCRIPTOR(...))}: the table argument's sub-query
     * selecting {@code * EXCLUDE (columns)}, the names in lower case (Trino's descriptor fields are) and once each.
     */
    private static SqlNode excludeColumns(SqlCall function, SqlParserPos functionPosition, SqlText text) {
        Bound bound = bind(function, functionPosition, EXCLUDE_COLUMNS_PARAMETERS, 2, text);
        SqlNode input = bound.values().get(0);
        Optional<SqlText.TableArgument> table = tableArgument(input, text);
        if (table.isEmpty()) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Invalid argument INPUT. Expected table, got " + argumentKind(input, text), bound.positions().get(0), text);
        }
        String rowSemantics = table.get().partitioned() ? "Partitioning"
                : table.get().ordered() ? "Ordering"
                : table.get().emptyBehavior() != null ? "Empty behavior" : null;
        if (rowSemantics != null) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Invalid argument INPUT. " + rowSemantics + " specified for table argument with row semantics",
                    rowSemantics.equals("Empty behavior") ? table.get().emptyBehavior() : table.get().table());
        }
        SqlNode columns = bound.values().get(1);
        if (isNullDescriptor(columns)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "COLUMNS descriptor is null");
        }
        if (!argumentKind(columns, text).equals("descriptor")) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Invalid argument COLUMNS. Expected descriptor, got " + argumentKind(columns, text), bound.positions().get(1), text);
        }
        SqlCall descriptor = (SqlCall) columns;
        Set<String> names = new LinkedHashSet<>();
        for (SqlNode field : descriptor.getOperandList()) {
            if (!(field instanceof SqlIdentifier identifier) || !identifier.isSimple()) {
                throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, INVALID_DESCRIPTOR, descriptor.getParserPosition(), text);
            }
            names.add(identifier.getSimple().toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, INVALID_DESCRIPTOR, descriptor.getParserPosition(), text);
        }
        if (text.typedDescriptorAt(descriptor.getParserPosition().getLineNum(), descriptor.getParserPosition().getColumnNum())) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "COLUMNS descriptor contains types");
        }
        SqlSelect select = (SqlSelect) input;
        SqlParserPos pos = function.getParserPosition();
        // a table that does not exist is reported where the argument starts, at its word TABLE
        SqlNode from = select.getFrom();
        SqlNode named = from != null && from.getKind() == SqlKind.AS ? ((SqlCall) from).operand(0) : from;
        if (named instanceof SqlIdentifier tableName) {
            SqlIdentifier moved = new SqlIdentifier(tableName.names, select.getParserPosition());
            if (from == named) {
                select.setFrom(moved);
            } else {
                ((SqlCall) from).setOperand(0, moved);
            }
        }
        SqlNodeList excluded = new SqlNodeList(
                names.stream().map(name -> (SqlNode) new SqlIdentifier(name, descriptor.getParserPosition())).toList(), pos);
        select.setSelectList(new SqlNodeList(List.of(new SqlStarExclude(pos, SqlIdentifier.star(pos), excluded)), pos));
        return select;
    }

    /** The table argument a node is ({@link TableArgumentText}'s sub-query), if it is one. */
    private static Optional<SqlText.TableArgument> tableArgument(SqlNode node, SqlText text) {
        if (!(node instanceof SqlSelect select)) {
            return Optional.empty();
        }
        SqlParserPos pos = select.getParserPosition();
        return text.tableArgument(pos.getLineNum(), pos.getColumnNum());
    }

    /** What Trino calls an argument that is not of the parameter's kind: table, descriptor or expression. */
    private static String argumentKind(SqlNode node, SqlText text) {
        if (tableArgument(node, text).isPresent()) {
            return "table";
        }
        if (node instanceof SqlCall call && call.getOperator().getName().equalsIgnoreCase("descriptor")) {
            return "descriptor";
        }
        return "expression";
    }

    /** {@code CAST(NULL AS DESCRIPTOR)}, Trino's null descriptor. */
    private static boolean isNullDescriptor(SqlNode node) {
        return node instanceof SqlCall call && call.getKind() == SqlKind.CAST
                && call.operand(0) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("descriptor");
    }

    /** start, stop and step (1 when not given), each a constant integer. */
    private static long[] sequenceArguments(SqlCall function, SqlParserPos functionPosition, SqlText text) {
        Bound bound = bind(function, functionPosition, SEQUENCE_PARAMETERS, 2, text);
        long[] values = new long[SEQUENCE_PARAMETERS.size()];
        for (int i = 0; i < values.length; i++) {
            SqlNode argument = bound.values().get(i);
            if (argument != null && !argumentKind(argument, text).equals("expression")) {
                throw Errors.error(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid argument "
                        + SEQUENCE_PARAMETERS.get(i).toUpperCase(Locale.ROOT) + ". Expected expression, got "
                        + argumentKind(argument, text), bound.positions().get(i), text);
            }
            BigDecimal value = argument == null ? BigDecimal.ONE : constant(argument, text);
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
