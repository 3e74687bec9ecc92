package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlLambdaScope;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Trino's {@code regexp_replace(text, pattern, groups -> replacement)}: the lambda gets each match's capturing
 * groups as an array(varchar) and returns the varchar that replaces the match; the result is an unbounded varchar.
 * The forms without a lambda keep their own checks.
 */
final class RegexpReplaceLambda {
    private RegexpReplaceLambda() {}

    /** The operand checker of regexp_replace: the lambda form, else {@code others}. */
    static SqlOperandTypeChecker operands(SqlOperandTypeChecker others) {
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                if (binding.getOperandCount() == 3 && binding.operand(2) instanceof SqlLambda lambda) {
                    boolean valid = checkLambda(binding, lambda);
                    if (!valid && throwOnFailure) {
                        throw binding.newValidationSignatureError();
                    }
                    return valid;
                }
                return others.checkOperandTypes(binding, throwOnFailure);
            }

            @Override
            public SqlOperandCountRange getOperandCountRange() {
                return SqlOperandCountRanges.between(2, 3);
            }

            @Override
            public String getAllowedSignatures(SqlOperator operator, String name) {
                return others.getAllowedSignatures(operator, name);
            }
        };
    }

    /** Whether the call's third operand is a lambda (its type is a function). */
    static boolean hasLambda(SqlOperatorBinding binding) {
        return binding.getOperandCount() == 3 && binding.getOperandType(2).getSqlTypeName() == SqlTypeName.FUNCTION;
    }

    /** Whether a translated call is the lambda form. */
    static boolean isLambdaForm(RexCall call) {
        return call.getOperator().getName().equalsIgnoreCase("regexp_replace")
            && call.getOperands().size() >= 3 && call.getOperands().get(2) instanceof RexLambda; // then perhaps captures
    }

    /** The lambda form's result: an unbounded varchar, null when the text or pattern is. */
    static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
    }

    private static boolean checkLambda(SqlCallBinding binding, SqlLambda lambda) {
        if (lambda.getParameters().size() == 1 && (binding.getOperandType(0).getSqlTypeName() == SqlTypeName.ANY
                || binding.getOperandType(1).getSqlTypeName() == SqlTypeName.ANY)) {
            return true; // a parameter of an enclosing lambda not typed yet: checked again once it is
        }
        if (lambda.getParameters().size() != 1 || !isText(binding.getOperandType(0)) || !isText(binding.getOperandType(1))) {
            return false;
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType group = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
        RelDataType groups = factory.createTypeWithNullability(factory.createArrayType(group, -1), true);
        SqlValidator validator = binding.getValidator();
        SqlLambdaScope scope = (SqlLambdaScope) validator.getLambdaScope(lambda);
        scope.getParameterTypes().put(lambda.getParameters().get(0).toString(), groups);
        lambda.accept(new SqlBasicVisitor<Void>() {
            // forgets the types derived while the parameter was still untyped
            @Override
            public Void visit(SqlIdentifier id) {
                validator.removeValidatedNodeType(id);
                return super.visit(id);
            }

            @Override
            public Void visit(SqlCall call) {
                validator.removeValidatedNodeType(call);
                return super.visit(call);
            }
        });
        validator.validateLambda(lambda);
        SqlNode body = lambda.getExpression();
        RelDataType bodyType = validator.getValidatedNodeType(body);
        return isText(bodyType) || bodyType.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static boolean isText(RelDataType type) {
        return type.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER || type.getSqlTypeName() == SqlTypeName.NULL;
    }
}
