package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.CompositeOperandTypeChecker;
import org.apache.calcite.sql.type.FamilyOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What {@code SHOW FUNCTIONS} lists: every function of the operator table the validator resolves names in,
 * one row per signature its operand checker declares, with the result type its own inference gives. Argument
 * types are the declared families shown as Trino types ({@code T} stands for any type); the result is
 * inferred with representative arguments, and shown in terms of {@code T} when it depends on them.
 */
public final class FunctionListing {
    /** One row: Trino's columns of SHOW FUNCTIONS. */
    public record FunctionRow(
            String function, String returnType, String argumentTypes, String functionType, boolean deterministic,
            String description) {
        public FunctionRow {
            requireNonNull(function, "function is null");
            requireNonNull(returnType, "returnType is null");
            requireNonNull(argumentTypes, "argumentTypes is null");
            requireNonNull(functionType, "functionType is null");
            requireNonNull(description, "description is null");
        }
    }

    /** The column names, as Trino has them. */
    public static final List<String> COLUMNS =
            List.of("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");

    /** The column types: all varchar but Deterministic. */
    public static final List<Type> COLUMN_TYPES =
            List.of(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR);

    /** Syntax rather than functions: Trino does not list them either. */
    private static final Set<SqlKind> SYNTAX = Set.of(SqlKind.CAST, SqlKind.SAFE_CAST, SqlKind.EXTRACT);
    /** Where an operand count is unbounded, the signature shown has this many arguments at least. */
    private static final int SHOWN_VARIADIC_ARGUMENTS = 2;

    private FunctionListing() {}

    /** Every function's signatures, sorted as Trino sorts them; only names matching {@code like} if given. */
    public static List<FunctionRow> list(Optional<String> like, Optional<String> escape) {
        Optional<Pattern> pattern = like.map(text -> likeToRegex(text, escape));
        RelDataTypeFactory factory = new UnicodeTypeFactory();
        Set<FunctionRow> rows = new LinkedHashSet<>();
        for (Map.Entry<String, List<SqlOperator>> entry : PrestoOperatorTable.INSTANCE.functionsByName().entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (entry.getKey().equals(PrestoOperatorTable.PARSER_TRANSLATE)) {
                continue;
            }
            if (pattern.isPresent() && !pattern.get().matcher(name).matches()) {
                continue;
            }
            for (SqlOperator operator : entry.getValue()) {
                if (SYNTAX.contains(operator.getKind())) {
                    continue;
                }
                for (List<SqlTypeFamily> signature : signatures(operator.getOperandTypeChecker(), operator.getOperandCountRange())) {
                    rows.add(new FunctionRow(
                            name,
                            returnType(factory, operator, signature),
                            signature.stream().map(FunctionListing::display).collect(Collectors.joining(", ")),
                            functionType(operator),
                            operator.isDeterministic(),
                            ""));
                }
            }
        }
        List<FunctionRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(FunctionRow::function)
                .thenComparing(FunctionRow::returnType)
                .thenComparing(FunctionRow::argumentTypes)
                .thenComparing(FunctionRow::functionType));
        return sorted;
    }

    /** The rows as the plan of a query: constant values under an output. */
    public static PlanNode plan(List<FunctionRow> rows) {
        List<List<Expression>> values = new ArrayList<>(rows.size());
        for (FunctionRow row : rows) {
            values.add(List.of(
                    new Constant(row.function(), Types.VARCHAR),
                    new Constant(row.returnType(), Types.VARCHAR),
                    new Constant(row.argumentTypes(), Types.VARCHAR),
                    new Constant(row.functionType(), Types.VARCHAR),
                    new Constant(row.deterministic(), Types.BOOLEAN),
                    new Constant(row.description(), Types.VARCHAR)));
        }
        return new Output(new Values(COLUMN_TYPES, values), COLUMNS);
    }

    private static String functionType(SqlOperator operator) {
        if (operator instanceof SqlAggFunction aggregate) {
            return aggregate.requiresOver() ? "window" : "aggregate";
        }
        return "scalar";
    }

    /** The argument families of each signature the checker accepts; null stands for any type. */
    private static List<List<SqlTypeFamily>> signatures(SqlOperandTypeChecker checker, SqlOperandCountRange range) {
        List<List<SqlTypeFamily>> result = new ArrayList<>();
        if (checker instanceof CompositeOperandTypeChecker composite) {
            // the composites of the registries are alternatives (OperandTypes.or)
            for (SqlOperandTypeChecker rule : composite.getRules()) {
                result.addAll(signatures(rule, rule.getOperandCountRange()));
            }
            return result;
        }
        int min = range.getMin();
        int max = range.getMax() < 0 ? Math.max(min, SHOWN_VARIADIC_ARGUMENTS) : range.getMax();
        for (int count = min; count <= max; count++) {
            List<SqlTypeFamily> families = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                families.add(checker instanceof FamilyOperandTypeChecker family ? family.getOperandSqlTypeFamily(i) : null);
            }
            result.add(families);
        }
        return result;
    }

    private static String display(SqlTypeFamily family) {
        if (family == null) {
            return "T";
        }
        return switch (family) {
            case CHARACTER, STRING -> "varchar";
            case INTEGER, EXACT_NUMERIC -> "bigint";
            case NUMERIC, APPROXIMATE_NUMERIC -> "double";
            case DECIMAL -> "decimal(p,s)";
            case BOOLEAN -> "boolean";
            case BINARY -> "varbinary";
            case DATE -> "date";
            case TIME -> "time(p)";
            case TIMESTAMP, DATETIME -> "timestamp(p)";
            case INTERVAL_DAY_TIME -> "interval day to second";
            case INTERVAL_YEAR_MONTH -> "interval year to month";
            case ARRAY -> "array(T)";
            case MAP -> "map(T,T)";
            default -> "T";
        };
    }

    /** A value of the family to infer the result with; {@code any} stands for T. */
    private static RelDataType representative(RelDataTypeFactory factory, SqlTypeFamily family, RelDataType any) {
        if (family == null) {
            return any;
        }
        return switch (family) {
            case CHARACTER, STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
            case INTEGER, EXACT_NUMERIC -> factory.createSqlType(SqlTypeName.BIGINT);
            case NUMERIC, APPROXIMATE_NUMERIC -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, 3);
            case TIMESTAMP, DATETIME -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case ARRAY -> factory.createArrayType(any, -1);
            case MAP -> factory.createMapType(any, any);
            default -> any;
        };
    }

    /**
     * The result type for the signature, inferred twice, with T a bigint and with T a boolean: where the two
     * differ the result depends on T, and is shown with T in place of boolean.
     */
    private static String returnType(RelDataTypeFactory factory, SqlOperator operator, List<SqlTypeFamily> signature) {
        Optional<String> withBigint = infer(factory, operator, signature, factory.createSqlType(SqlTypeName.BIGINT));
        Optional<String> withBoolean = infer(factory, operator, signature, factory.createSqlType(SqlTypeName.BOOLEAN));
        if (withBigint.isEmpty() || withBoolean.isEmpty()) {
            return withBigint.or(() -> withBoolean).orElse("T");
        }
        if (withBigint.get().equals(withBoolean.get())) {
            return withBigint.get();
        }
        return withBoolean.get().replace("boolean", "T");
    }

    private static Optional<String> infer(
            RelDataTypeFactory factory, SqlOperator operator, List<SqlTypeFamily> signature, RelDataType any) {
        List<RelDataType> operands = signature.stream().map(family -> representative(factory, family, any)).toList();
        try {
            RelDataType type = operator.inferReturnType(factory, operands);
            return type == null ? Optional.empty() : Optional.of(display(type));
        } catch (RuntimeException | AssertionError e) {
            // an inference that needs more than the operand types (literal values, a call): no result to show
            return Optional.empty();
        }
    }

    /** A Calcite type as Trino prints it, element types included. */
    private static String display(RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
            return "array(" + display(type.getComponentType()) + ")";
        }
        if (type.getSqlTypeName() == SqlTypeName.MAP) {
            return "map(" + display(type.getKeyType()) + ", " + display(type.getValueType()) + ")";
        }
        if (type.isStruct()) {
            return type.getFieldList().stream()
                    .map(field -> display(field.getType()))
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
        return TypeMapping.displayName(type);
    }

    /** SQL LIKE (with {@code _}, {@code %} and an optional escape character) as a regular expression. */
    static Pattern likeToRegex(String like, Optional<String> escape) {
        Character escapeCharacter = null;
        if (escape.isPresent()) {
            if (escape.get().length() != 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
            }
            escapeCharacter = escape.get().charAt(0);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escapeCharacter != null && c == escapeCharacter && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
