package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Trino's array concatenation through {@code concat} and {@code ||}: {@code concat(array(E), ...)} of two or
 * more arrays, and the two-argument {@code concat(array(E), E)} / {@code concat(E, array(E))} that append or
 * prepend an element. Calls without an array operand keep the string operator the parser or the operator
 * table chose: the operators here wrap it and hand it every such call.
 */
final class ArrayConcat {
    private ArrayConcat() {}

    /** Wraps the operator of a {@code ||} or {@code concat} call, once resolved; other nodes are left alone. */
    static void rewrite(SqlNode node) {
        if (!(node instanceof SqlBasicCall call)) {
            return;
        }
        SqlOperator operator = call.getOperator();
        if (operator instanceof Binary || operator instanceof Function) {
            return;
        }
        if (operator instanceof SqlBinaryOperator && operator.getName().equals("||")) {
            call.setOperator(new Binary(TextFunctions.CONCAT_OPERATOR));
        } else if (operator instanceof SqlFunction && operator.getName().equalsIgnoreCase("concat")) {
            call.setOperator(new Function((SqlFunction) operator));
        }
    }

    /**
     * The type of a call of {@code arrays}: with an array operand validated by that operator, else handed to the
     * string operator as the call's own (which then looks itself up as usual).
     */
    private static RelDataType derive(
            SqlOperator arrays, SqlOperator strings, SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        boolean array = false;
        List<RelDataType> types = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            RelDataType type = validator.deriveType(scope, operand);
            types.add(type);
            array |= type.getSqlTypeName() == SqlTypeName.ARRAY;
        }
        if (types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.ANY)) {
            // a lambda parameter not typed yet: the operator is chosen once it is (x || 'a' of an unknown x is an array)
            RelDataTypeFactory factory = validator.getTypeFactory();
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true);
        }
        RelDataType appendedToNull = nullBesideElement(validator.getTypeFactory(), types,
                index -> call.operand(index) instanceof SqlCharStringLiteral);
        if (appendedToNull != null) {
            return appendedToNull;
        }
        if (types.size() == 2 && types.stream().allMatch(type -> type.getSqlTypeName() == SqlTypeName.ARRAY)
                && types.stream().filter(ArrayConcat::ofUnknown).count() == 1) {
            // ARRAY[] beside an array(E) is an array(E) to append to or an element of array(array(E)): Trino's ambiguity
            throw ambiguous();
        }
        if (!array) {
            ((SqlBasicCall) call).setOperator(strings);
            return strings.deriveType(validator, scope, call);
        }
        return arrays.validateOperands(validator, scope, call);
    }

    /**
     * Trino's answer to a NULL literal among the operands. Of two operands, a NULL beside an element of type T is a
     * NULL array(T) (the element is appended), so the call is a NULL array(T); beside an array, a varbinary, a char or
     * an unbounded varchar (which fit more than one signature), or NULL itself, the call is ambiguous, as it is when
     * every operand is NULL. Returns null when no NULL operand decides the type.
     */
    private static RelDataType nullBesideElement(
            RelDataTypeFactory factory, List<RelDataType> types, java.util.function.IntPredicate stringLiteral) {
        int nulls = 0;
        int element = -1;
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).getSqlTypeName() == SqlTypeName.NULL) {
                nulls++;
            } else {
                element = i;
            }
        }
        if (nulls == 0) {
            return null;
        }
        if (nulls == types.size()) {
            throw ambiguous();
        }
        if (types.size() != 2) {
            return null;
        }
        RelDataType type = types.get(element);
        SqlTypeName name = type.getSqlTypeName();
        boolean literal = name == SqlTypeName.CHAR && stringLiteral.test(element);
        if (literal) {
            type = factory.createSqlType(SqlTypeName.VARCHAR, type.getPrecision()); // Trino's varchar(n) literal
        } else if (name == SqlTypeName.ARRAY && type.getComponentType().getSqlTypeName() == SqlTypeName.NULL) {
            return factory.createTypeWithNullability(type, true); // array(unknown) beside NULL: one signature fits
        } else if (name == SqlTypeName.ARRAY || name == SqlTypeName.BINARY || name == SqlTypeName.VARBINARY
                || name == SqlTypeName.CHAR || (name == SqlTypeName.VARCHAR && TextFunctions.boundedLength(type) < 0)) {
            throw ambiguous();
        }
        return factory.createTypeWithNullability(factory.createArrayType(type, -1), true);
    }

    private static boolean ofUnknown(RelDataType array) {
        return array.getComponentType() != null && array.getComponentType().getSqlTypeName() == SqlTypeName.NULL;
    }

    private static QuarryException ambiguous() {
        return new QuarryException(ErrorCode.AMBIGUOUS_FUNCTION_CALL,
                "Could not choose a best candidate operator. Explicit type casts must be added.");
    }

    private static RelDataType nullBesideElement(SqlOperatorBinding binding) {
        return nullBesideElement(binding.getTypeFactory(), binding.collectOperandTypes(),
                index -> binding.isOperandLiteral(index, false));
    }

    private static boolean hasArray(SqlOperatorBinding binding) {
        for (int i = 0; i < binding.getOperandCount(); i++) {
            if (binding.getOperandType(i).getSqlTypeName() == SqlTypeName.ARRAY) {
                return true;
            }
        }
        return false;
    }

    /**
     * The array type of an array concatenation, or a TYPE_MISMATCH naming the operand types: arrays of one
     * common element type, with at most one element operand when there are exactly two operands.
     */
    private static RelDataType arrayType(SqlOperatorBinding binding, String name) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        List<RelDataType> operands = binding.collectOperandTypes();
        boolean nullable = false;
        boolean allArrays = true;
        List<RelDataType> components = new ArrayList<>();
        for (RelDataType operand : operands) {
            nullable |= operand.isNullable();
            if (operand.getSqlTypeName() == SqlTypeName.NULL && operands.size() > 2) {
                continue; // a NULL array among arrays
            }
            allArrays &= operand.getSqlTypeName() == SqlTypeName.ARRAY;
            components.add(operand.getComponentType());
        }
        RelDataType element = allArrays ? common(factory, components) : null;
        if (element == null && operands.size() == 2) {
            // an element appended to an array, or prepended
            RelDataType left = operands.get(0);
            RelDataType right = operands.get(1);
            if (left.getComponentType() != null) {
                element = common(factory, List.of(left.getComponentType(), right));
            }
            if (element == null && right.getComponentType() != null) {
                element = common(factory, List.of(left, right.getComponentType()));
            }
        }
        if (element == null) {
            throw mismatch(operands, name);
        }
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), nullable);
    }

    /** The common type, or null; Trino never mixes strings with other types here. */
    private static RelDataType common(RelDataTypeFactory factory, List<RelDataType> types) {
        RelDataType common = factory.leastRestrictive(types);
        if (common == null) {
            return null;
        }
        for (RelDataType type : types) {
            if (QuarryValidator.mixesStrings(type, common)) {
                return null;
            }
        }
        return common;
    }

    private static QuarryException mismatch(List<RelDataType> operands, String name) {
        String types = operands.stream().map(TypeMapping::displayName).collect(Collectors.joining(", "));
        return new QuarryException(ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (" + types + ") for function " + name.toLowerCase(Locale.ROOT)
                        + ". Expected: concat(E, array(E)) E, concat(array(E), E) E, concat(array(E)) E");
    }

    /** The {@code ||} operator over arrays, else the wrapped string operator. */
    static final class Binary extends SqlBinaryOperator {
        private final SqlOperator strings;

        Binary(SqlOperator strings) {
            super("||", SqlKind.OTHER, strings.getLeftPrec(), true, null, null, null);
            this.strings = requireNonNull(strings, "strings is null");
        }

        /** Calcite looks the operator up again by name here; over arrays this one must stay. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return derive(this, strings, validator, scope, call);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            RelDataType appendedToNull = nullBesideElement(binding);
            if (appendedToNull != null) {
                return appendedToNull;
            }
            return hasArray(binding) ? arrayType(binding, "concat") : strings.inferReturnType(binding);
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (nullBesideElement(binding) != null) {
                return true;
            }
            if (hasArray(binding)) {
                arrayType(binding, "concat");
                return true;
            }
            return strings.checkOperandTypes(binding, throwOnFailure);
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(2);
        }
    }

    /** The {@code concat} function over arrays, else the wrapped string function. */
    static final class Function extends SqlFunction {
        private final SqlFunction strings;

        Function(SqlFunction strings) {
            super(strings.getName(), strings.getKind(), null, null, null, strings.getFunctionType());
            this.strings = requireNonNull(strings, "strings is null");
        }

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return derive(this, strings, validator, scope, call);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            RelDataType appendedToNull = nullBesideElement(binding);
            if (appendedToNull != null) {
                return appendedToNull;
            }
            return hasArray(binding) ? arrayType(binding, getName()) : strings.inferReturnType(binding);
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (nullBesideElement(binding) != null) {
                return true;
            }
            if (hasArray(binding)) {
                arrayType(binding, getName());
                return true;
            }
            return strings.checkOperandTypes(binding, throwOnFailure);
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return strings.getOperandCountRange();
        }

        @Override
        public String getAllowedSignatures(String opNameToUse) {
            return strings.getAllowedSignatures(opNameToUse);
        }
    }
}
