package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/** Calcite's validator with Trino's answer to unknown functions and without Trino-foreign implicit casts. */
final class QuarryValidator extends SqlValidatorImpl {
    private final SqlText text;

    QuarryValidator(
            SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory, Config config, SqlText text) {
        super(
                PrestoOperatorTable.INSTANCE,
                catalogReader,
                typeFactory,
                config.withTypeCoercionFactory(PrestoTypeCoercion::new));
        this.text = text;
    }

    @Override
    public CalciteException handleUnresolvedFunction(
            SqlCall call, SqlOperator unresolvedFunction, List<RelDataType> argTypes, List<String> argNames) {
        String name = unresolvedFunction.getName().toLowerCase(Locale.ROOT);
        ErrorLocation location = location(call.getParserPosition());
        if (!PrestoOperatorTable.INSTANCE.hasFunction(name)) {
            throw new QuarryException(
                    ErrorCode.FUNCTION_NOT_FOUND,
                    Errors.prefix(location) + "Function '" + name + "' not registered",
                    location,
                    null);
        }
        String types = argTypes.stream().map(TypeMapping::displayName).collect(Collectors.joining(", "));
        throw new QuarryException(
                ErrorCode.TYPE_MISMATCH,
                Errors.prefix(location) + "Unexpected parameters (" + types + ") for function " + name,
                location,
                null);
    }

    private ErrorLocation location(SqlParserPos pos) {
        return pos == null ? null : text.location(pos.getLineNum(), pos.getColumnNum());
    }

    /**
     * Trino never turns a string into a number or a date behind the user's back: {@code 1 + 'a'} and
     * {@code intcol = '1'} are type errors, as in Trino.
     */
    static final class PrestoTypeCoercion extends TypeCoercionImpl {
        PrestoTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
            super(typeFactory, validator);
        }

        @Override
        public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
            if (mixesStrings(binding)) {
                return false;
            }
            return super.binaryArithmeticCoercion(binding);
        }

        @Override
        public boolean binaryComparisonCoercion(SqlCallBinding binding) {
            if (mixesStrings(binding)) {
                return false;
            }
            return super.binaryComparisonCoercion(binding);
        }

        private static boolean mixesStrings(SqlCallBinding binding) {
            if (binding.getOperandCount() != 2) {
                return false;
            }
            RelDataType left = binding.getOperandType(0);
            RelDataType right = binding.getOperandType(1);
            boolean leftString = SqlTypeUtil.isCharacter(left);
            boolean rightString = SqlTypeUtil.isCharacter(right);
            return leftString != rightString
                    && left.getSqlTypeName() != SqlTypeName.NULL
                    && right.getSqlTypeName() != SqlTypeName.NULL;
        }
    }
}
